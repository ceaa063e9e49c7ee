#include "engine/forces/month_start.hpp"

#include "engine/run.hpp"
#include "engine/stages.hpp"

namespace parley::engine {
namespace {

/// κ and the reservation shifts of the leverage in force and of leak hardening.
void gather_effects(Run& run) {
  RunState& st = run.state;
  Reservations& res = st.reservations;
  const std::size_t K = run.design.K;
  for (std::size_t k = 0; k < K; ++k) {
    res.kappa_now[k] = res.base_kappa(k, st.month);
    res.shift[k] = 0;
  }
  // What leverage changed of what the war delivered in past months reaches the expected gain
  // as evidence: g_k(t) rises by Σ_{s<t} Δγ_k(s) / (w + t) (docs/model.md, "Leverage").
  for (std::size_t k = 0; k < K; ++k) {
    const double n = res.weight[k] + st.month;
    if (res.learning && n > 0) res.kappa_now[k] -= res.delivered[k] / n;
  }
  const auto& instruments = run.numbers.dynamics.leverage;
  for (std::size_t l = 0; l < instruments.size(); ++l) {
    const Leverage& lv = instruments[l];
    if (!in_force(lv, st.leverage.fired[l], st.month)) continue;
    for (std::size_t k = 0; k < K; ++k) {
      const auto p = static_cast<std::size_t>(run.design.model.party_index(k));
      if (!lv.reservation.empty()) res.shift[k] += lv.reservation[p];
      if (!lv.fatigue.empty()) res.kappa_now[k] += lv.fatigue[p];
      if (!lv.beliefs.empty()) res.delivered[k] += lv.beliefs[p];  // this month's evidence
    }
  }
  apply_hardening(run);
}

}  // namespace

void start_month(Run& run) {
  RunState& st = run.state;
  end_walkouts(run);
  if (st.month > 0)
    for (std::size_t k = 0; k < run.design.K; ++k)
      st.reservations.fatigue[k] += st.reservations.kappa_now[k];
  fire_triggers(run);
  gather_effects(run);
  st.reservations.update();
  if (run.design.moving_options &&
      st.options.update(run.design, run.numbers.dynamics, st.leverage.fired, st.month)) {
    st.text.revalue(run.design, st.options.valuation);
    ++st.text.version;
  }
  check_walkouts(run);
  if (ceasefire_breaks(run)) reopen_after_collapse(run);
  record_costs(run);
  feel_costs(run);
  auto& path = st.out->reservation_path;
  path.insert(path.end(), st.reservations.r.begin(), st.reservations.r.end());
}

}  // namespace parley::engine

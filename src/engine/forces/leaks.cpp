#include "engine/forces/leaks.hpp"

#include <algorithm>

#include "engine/run.hpp"

namespace parley::engine {

bool maybe_leak(Run& run, int group, Level level, std::span<const int> participants, bool shuttle) {
  const DynamicsSpec& d = run.numbers.dynamics;
  if (d.leak_probability <= 0 || run.without.has(Mechanism::leaks)) return false;
  RunState& st = run.state;
  double p = d.leak_probability * static_cast<double>(participants.size()) *
             d.leak_level_factor[static_cast<std::size_t>(level)];
  if (shuttle) p *= d.leak_shuttle_factor;
  if (st.rng_dyn.uniform() >= std::min(1.0, p)) return false;
  // The exposed party: one of the participants with preferences, at random.
  const int mediator = run.numbers.process.mediator;
  int exposed = -1, seen = 0;
  for (int m : participants)
    if (run.design.sk[static_cast<std::size_t>(m)] >= 0 && m != mediator)
      if (st.rng_dyn.below(++seen) == 0) exposed = m;
  if (exposed < 0) return false;
  st.log(EventType::leak, group, level, exposed);
  ++st.exposed[static_cast<std::size_t>(exposed)];
  if (const double cost = d.audience_cost[static_cast<std::size_t>(exposed)]; cost > 0) {
    st.leaks.hardening.push_back({exposed, st.month + d.leak_months, cost});
    st.reservations
        .shift[static_cast<std::size_t>(run.design.sk[static_cast<std::size_t>(exposed)])] += cost;
    st.reservations.update();
  }
  for (int m : participants)
    if (m != exposed) st.trust.lower(exposed, m, d.trust_leak);
  return true;
}

void apply_hardening(Run& run) {
  RunState& st = run.state;
  std::erase_if(st.leaks.hardening,
                [&](const LeakState::Hardening& h) { return st.month >= h.until; });
  for (const LeakState::Hardening& h : st.leaks.hardening)
    if (const int k = run.design.sk[static_cast<std::size_t>(h.party)]; k >= 0)
      st.reservations.shift[static_cast<std::size_t>(k)] += h.amount;
}

}  // namespace parley::engine

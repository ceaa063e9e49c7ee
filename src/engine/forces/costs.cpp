#include "engine/forces/costs.hpp"

#include <cmath>

#include "engine/run.hpp"

namespace parley::engine {

void record_costs(Run& run) {
  RunState& st = run.state;
  RunResult& out = *st.out;
  const bool war = !st.ceasefire.in_force;
  st.ledger.war.push_back(war ? 1 : 0);
  if (!war && out.first_ceasefire_month < 0) out.first_ceasefire_month = st.month;
  const DynamicsSpec& d = run.numbers.dynamics;
  if (d.units.empty()) return;
  const std::size_t PU = run.design.P * d.units.size();
  auto& monthly = out.monthly_costs;
  const std::size_t at = monthly.size();
  monthly.resize(at + PU);
  const std::vector<double>& c = war ? d.war_cost : d.ceasefire_cost;
  auto& bucket =
      out.first_ceasefire_month >= 0 ? out.costs_after_ceasefire : out.costs_before_ceasefire;
  for (std::size_t j = 0; j < PU; ++j) {
    monthly[at + j] = c[j];
    bucket[j] += c[j];
  }
}

void feel_costs(Run& run) {
  Reservations& res = run.state.reservations;
  if (res.sensitivity.empty()) return;
  const DynamicsSpec& d = run.numbers.dynamics;
  const std::span<const double> c(run.state.ceasefire.in_force ? d.ceasefire_cost : d.war_cost);
  for (std::size_t k = 0; k < run.design.K; ++k) {
    const auto p = static_cast<std::size_t>(run.design.model.party_index(k));
    res.kappa_now[k] += res.felt(k, c.subspan(p * res.units, res.units));
  }
}

void close_books(Run& run, int delay_from) {
  RunState& st = run.state;
  RunResult& out = *st.out;
  const DynamicsSpec& d = run.numbers.dynamics;
  const auto& war = st.ledger.war;
  out.months = static_cast<int>(war.size());
  out.war_months = 0;
  for (unsigned char w : war) out.war_months += w;
  out.ceasefire_months = out.months - out.war_months;
  out.delay_from = delay_from;
  const std::size_t PU = run.design.P * d.units.size();
  out.cost_of_delay.assign(PU, 0.0);
  if (out.delay_from >= 0)
    // Signed at delay_from, the ceasefire would have held from the month after.
    for (std::size_t t = static_cast<std::size_t>(out.delay_from) + 1; t < war.size(); ++t)
      if (war[t])
        for (std::size_t j = 0; j < PU; ++j)
          out.cost_of_delay[j] += d.war_cost[j] - d.ceasefire_cost[j];
  out.welfare.clear();
  out.welfare_month = out.final_month >= 0                     ? out.final_month
                      : out.outcome == Outcome::framework_only ? out.framework_month
                                                               : -1;
  if (out.welfare_month >= 0)
    for (std::size_t k = 0; k < run.design.K; ++k)
      out.welfare.push_back(std::pow(st.reservations.discount[k], out.welfare_month) *
                            st.text.u[k]);
}

}  // namespace parley::engine

#include "sim/summary.hpp"

namespace parley::sim {

void summarise(const engine::RunResult& r, const std::vector<double>& victory, RunSummary& out) {
  out.outcome = r.outcome;
  out.framework_month = r.framework_month;
  out.final_month = r.final_month;
  out.normalisation = r.normalisation;
  out.ceasefire_month = r.first_ceasefire_month;
  out.months = r.months;
  out.collapses = r.collapses;
  out.leaks = r.count(engine::EventType::leak);
  out.escalations = r.count(engine::EventType::escalation);
  out.walkouts = r.count(engine::EventType::walkout);
  out.leverage = r.count(engine::EventType::leverage);
  out.meetings = r.count(engine::EventType::meeting);
  out.proposals = r.count(engine::EventType::proposal);
  out.leader_meetings = r.leader_meetings;
  // The outcome's utility: the text in force if one is (final, or a framework that
  // holds), else what no deal is worth at the end, r(T). Victory needs a signed text.
  const bool in_force =
      r.outcome == engine::Outcome::final_agreement || r.outcome == engine::Outcome::framework_only;
  out.utility = in_force ? r.utility : r.reservation;
  out.victory.resize(r.utility.size());
  for (std::size_t k = 0; k < r.utility.size(); ++k)
    out.victory[k] = in_force && r.utility[k] >= victory[k] - 1e-9 ? 1 : 0;
  out.package = r.package;
  out.costs.resize(r.costs_before_ceasefire.size());
  for (std::size_t j = 0; j < out.costs.size(); ++j)
    out.costs[j] = r.costs_before_ceasefire[j] + r.costs_after_ceasefire[j];
}

}  // namespace parley::sim

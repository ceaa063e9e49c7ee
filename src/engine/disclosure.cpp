#include "engine/disclosure.hpp"

#include "engine/run.hpp"

namespace parley::engine {

int max_issues_at(const Run& run, int group) {
  if (group < 0 || run.without.has(Mechanism::shuttle_information)) return 0;
  return run.state.groups[static_cast<std::size_t>(group)].shuttle ? 1 : 0;
}

double voted_utility(const Run& run, int group, std::size_t k, double u_current,
                     double u_proposed) {
  // The leader channel is confidential by design; and a gain exposes nothing.
  if (group < 0 || u_proposed >= u_current || run.without.has(Mechanism::shuttle_information))
    return u_proposed;
  const int party = run.design.model.party_index(k);
  const std::vector<double>& costs = run.numbers.dynamics.audience_cost;
  const double cost = party < std::ssize(costs) ? costs[static_cast<std::size_t>(party)] : 0;
  if (cost <= 0) return u_proposed;
  double seen = 1;  // at a direct table the adversary sees the concession
  if (run.state.groups[static_cast<std::size_t>(group)].shuttle) {
    const int mediator = run.numbers.process.mediator;
    seen = mediator >= 0 ? 1 - run.state.trust(party, mediator) : 1;
  }
  return u_proposed - cost * seen;
}

}  // namespace parley::engine

// The hardliner (docs/model.md, "Strategies"): accepts only strict improvements of its own
// utility, never a red line, and endorses only its best achievable utility: it never concedes.
#include <algorithm>

#include "strategies/builtin.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {
namespace {

class Hardliner final : public PartyStrategy {
 public:
  bool endorse(const PartyView& v) override {
    return v.red_lines_current() == 0 &&
           v.utility_current() >= std::max(v.reservation(), v.best()) - kUtilityTolerance;
  }
  bool accept(const PartyView& v) override {
    if (v.rounds() > 0)  // alternating offers: only its best
      return !v.crosses_red_line(v.proposed()) &&
             v.utility_proposed() >= std::max(v.reservation(), v.best()) - kUtilityTolerance;
    if (const int rl = v.red_line_change(); rl != 0) return rl < 0;
    return v.utility_proposed() > v.utility_current() + kUtilityTolerance;
  }
};

}  // namespace

std::vector<PartyEntry> hardliner_strategies() {
  return {{{"hardliner",
            "accepts only strict improvements of its own utility; endorses only its best "
            "achievable utility",
            {},
            false},
           [](const StrategyParams&) { return std::make_unique<Hardliner>(); }}};
}

}  // namespace parley::engine

// Local-search mediators (docs/model.md, "Strategies"): `hill_climb` proposes random
// single-issue changes of the text (Klein et al. 2003); `annealing` makes broad multi-issue
// moves early and narrows them as its temperature falls.
#include <cmath>

#include "strategies/builtin.hpp"
#include "strategies/random_change.hpp"

namespace parley::engine {
namespace {

/// Klein et al. (2003): random single-issue mutations of the text (two issues of
/// different groups in a leader channel).
class HillClimb final : public MediatorStrategy {
 public:
  void propose(const MediatorView& v, Change& out) override { random_change(v, 1, out); }
};

/// Large multi-issue moves early, narrowing as the temperature falls:
/// T = t0 · cooling^round; a proposal changes 1 + ⌊T·U·(n−1)⌋ issues.
class Annealing final : public MediatorStrategy {
 public:
  Annealing(double t0, double cooling) : t0_(t0), cooling_(cooling) {}
  void propose(const MediatorView& v, Change& out) override {
    const double temp = t0_ * std::pow(cooling_, v.round);
    const double u = v.rng->uniform();
    const int n = static_cast<int>(v.open_issues.size());
    random_change(v, 1 + static_cast<int>(temp * u * std::max(0, n - 1)), out);
  }

 private:
  double t0_, cooling_;
};

}  // namespace

std::vector<MediatorEntry> local_search_mediators() {
  return {
      {{"hill_climb",
        "a random single-issue change (two issues of different groups in a leader channel or "
        "at leader level; Klein et al. 2003)",
        {},
        false},
       [](const StrategyParams&) { return std::make_unique<HillClimb>(); }},
      {{"annealing",
        "changes 1 + ⌊T·U·(n−1)⌋ issues, T = t0·cooling^round: broad moves early, single "
        "changes later",
        {{"t0", 1.0, 0, 100, "initial temperature"},
         {"cooling", 0.95, 1e-6, 1, "factor by which the temperature falls each round"}},
        false},
       [](const StrategyParams& p) { return std::make_unique<Annealing>(p["t0"], p["cooling"]); }}};
}

}  // namespace parley::engine

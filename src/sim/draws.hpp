#pragma once
// The numbers a sweep draws for each run (docs/model.md, "Counter-based randomness" and
// "Sampling"): run k's parameters come from a stream seeded with derive(S, k, 0), one draw per
// uncertain field in file order; fields linked by one `draw` share one uniform variate.
#include <cstdint>
#include <vector>

#include "core/scenario.hpp"

namespace parley::sim {

/// Counter-based seed of stream `stream` of run `run` (splitmix64 of the triple).
std::uint64_t derive(std::uint64_t seed, std::uint64_t run, std::uint64_t stream);

/// Per uncertain field, the index of its linked draw (in order of first use), or -1.
std::vector<int> draw_groups(const Scenario& s);

/// Draws the parameters of one run.
class ParameterDraws {
 public:
  explicit ParameterDraws(const Scenario& s);
  /// Run `run`'s value of every uncertain field, in scenario.uncertain order (storage reused).
  void draw(std::uint64_t seed, std::uint64_t run, std::vector<double>& params);

 private:
  const Scenario* s_;
  std::vector<int> group_;
  std::vector<double> variates_;  // per linked draw, this run's uniform variate
};

}  // namespace parley::sim

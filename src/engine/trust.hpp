#pragma once
// Directed trust between parties, trust(i, j) in [0, 1] (docs/model.md, "Direct and shuttle
// format" and "Trust"): it starts at the scenario's levels, rises with meetings, adopted
// changes and consensus, and falls with leaks, threats and ceasefire violations.
#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "core/process.hpp"

namespace parley::engine {

class Trust {
 public:
  void reset(std::size_t parties, const ProcessSpec& p) {
    n_ = parties;
    t_.assign(n_ * n_, p.trust_initial);
    for (const TrustPair& tp : p.trust) at(tp.from, tp.to) = tp.value;
  }
  [[nodiscard]] double operator()(int from, int to) const {
    return t_[static_cast<std::size_t>(from) * n_ + static_cast<std::size_t>(to)];
  }
  [[nodiscard]] double at_index(std::size_t from_times_n_plus_to) const {
    return t_[from_times_n_plus_to];
  }
  double& at(int from, int to) {
    return t_[static_cast<std::size_t>(from) * n_ + static_cast<std::size_t>(to)];
  }
  /// Every ordered pair of `parties` gains `amount` (capped at 1).
  void raise(std::span<const int> parties, double amount) {
    for (int a : parties)
      for (int b : parties)
        if (a != b) at(a, b) = std::min(1.0, at(a, b) + amount);
  }
  /// trust(from, to) falls by `amount` (a negative amount raises it), kept in [0, 1].
  void lower(int from, int to, double amount) {
    double& t = at(from, to);
    t = std::clamp(t - amount, 0.0, 1.0);
  }
  [[nodiscard]] std::size_t parties() const { return n_; }

 private:
  std::size_t n_ = 0;
  std::vector<double> t_;
};

}  // namespace parley::engine

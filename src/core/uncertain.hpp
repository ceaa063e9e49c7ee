#pragma once
// Uncertain parameters (DESIGN §7): a numeric field of a scenario given as a
// distribution, sampled once per run. The scenario keeps the nominal value (the
// distribution's mean) so that a single run without sampling is well defined.
#include <functional>
#include <string>

#include "core/rng.hpp"

namespace parley {

struct Scenario;

struct Distribution {
  enum class Kind { uniform, normal, triangular, beta } kind = Kind::uniform;
  // uniform: [lo, hi]; normal: mean a, sd b, truncated to [lo, hi];
  // triangular: lo, mode a, hi; beta: shape a, b, scaled to [lo, hi].
  double a = 0, b = 0, lo = 0, hi = 1;

  /// One draw (inverse-CDF for uniform, truncated normal and triangular; beta
  /// from two gamma variates, Marsaglia & Tsang 2000).
  [[nodiscard]] double sample(Rng& rng) const;
  /// The exact mean and variance (truncated where bounded), for tests and defaults.
  [[nodiscard]] double mean() const;
  [[nodiscard]] double variance() const;
  /// The p-quantile (0 < p < 1), for the tornado's low and high values.
  [[nodiscard]] double quantile(double p) const;
  [[nodiscard]] std::string describe() const;
};

/// A field of the scenario that is uncertain. `path` names it the way the file
/// does (dynamics.costs.ru.war.casualties); `set` writes a value into a scenario.
struct Uncertain {
  std::string path;
  Distribution dist;
  std::function<void(Scenario&, double)> set;
};

/// Standard normal CDF and its inverse.
double normal_cdf(double x);
double normal_quantile(double p);

}  // namespace parley

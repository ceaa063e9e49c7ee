#pragma once
// Uncertain parameters (docs/scenario-format.md, "Uncertainty"; docs/model.md, "Sampling"): a
// numeric field of a scenario given as a distribution, sampled once per run. The scenario keeps the
// nominal value (the distribution's mean) so that a single run without sampling is well defined.
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

  /// One draw: the quantile of one uniform from `rng` (inversion of the CDF).
  [[nodiscard]] double sample(Rng& rng) const;
  /// The exact mean and variance (truncated where bounded), for tests and defaults.
  [[nodiscard]] double mean() const;
  [[nodiscard]] double variance() const;
  /// The p-quantile (0 < p < 1): draws, the tornado's low and high values, and linked
  /// draws. Exact to double precision (Boost.Math's normal quantile and inverse
  /// regularised incomplete beta; closed forms for uniform and triangular).
  [[nodiscard]] double quantile(double p) const;
  /// P(X <= x).
  [[nodiscard]] double cdf(double x) const;
  [[nodiscard]] std::string describe() const;
};

/// What a drawn value changes, declared where the field is bound (load/): every value is
/// read by the run that draws it; some also move the reservation trajectory r_k(0) − κ_k·t
/// with drift (the engine then recomputes the ZOPA's opening month, the reference of the cost
/// of delay); some enter the bargaining analysis (victory thresholds, computed once per sweep
/// at the scenario's nominal values: docs/model.md, "The outcome's utility").
enum Affects : unsigned {
  kRunOnly = 0,
  kTrajectory = 1u << 0,
  kAnalysis = 1u << 1,
};

/// A field of the scenario that is uncertain. `path` names it the way the file
/// does (dynamics.costs.ru.war.casualties), for people; `set` writes a value into a
/// scenario; `affects` says what else must follow when it changes.
struct Uncertain {
  std::string path;
  Distribution dist;
  /// Uncertain fields naming the same draw share one uniform variate U per run and
  /// take their own quantile of it (perfectly rank-correlated); empty: its own draw.
  /// `reversed` (written `draw: -name`) takes the quantile of 1 − U instead.
  std::string draw;
  bool reversed = false;
  /// The quantile this field takes when its draw's variate is u.
  [[nodiscard]] double at(double u) const { return dist.quantile(reversed ? 1 - u : u); }
  std::function<void(Scenario&, double)> set;
  unsigned affects = kRunOnly;
};

/// The regularised incomplete beta function I_x(a, b).
double incomplete_beta(double a, double b, double x);

/// Standard normal CDF and its inverse.
double normal_cdf(double x);
double normal_quantile(double p);

}  // namespace parley

#pragma once
// Sensitivity (docs/model.md, "Sensitivity and the tornado"): how the results move when one
// uncertain parameter is fixed at chosen values, the others drawn as usual on the same draws;
// and the tornado, every independent factor (a field, or a linked draw) fixed in turn at its
// 5% and 95% quantiles, with the swing of P(final agreement) and how far the terms of the
// signed texts move (the largest per-issue total variation distance).
#include <string>
#include <utility>
#include <vector>

#include "core/scenario.hpp"
#include "core/stats.hpp"
#include "sim/sweep.hpp"

namespace parley::sim {

/// The results with some fields fixed.
struct Sensitivity {
  Estimate final_share;                    // P(final agreement)
  Estimate framework_month;                // the framework month, or the horizon when none
  std::vector<std::vector<double>> terms;  // [issue][option]: share among the signed texts
};

using Fixed = std::vector<std::pair<std::size_t, double>>;  // uncertain index -> value

/// One sweep of `base` (one design) with `fixed` values.
Sensitivity measure(const Scenario& s, const SweepOptions& base, const Fixed& fixed);

/// The largest per-issue total variation distance ½·Σ_o |p(o) − q(o)| between the terms of
/// two results, and its issue.
std::pair<double, std::size_t> terms_shift(const Sensitivity& a, const Sensitivity& b);

struct TornadoBar {
  std::string label;                // the field's path, or "draw NAME (n fields: first, ...)"
  std::vector<std::string> fields;  // the fields fixed together
  double lo = 0, hi = 0;            // the first field's values at the two ends
  Sensitivity low, high;
  double shift = 0;             // terms_shift(low, high)
  std::size_t shift_issue = 0;  // and its issue
  [[nodiscard]] double swing() const { return high.final_share.value - low.final_share.value; }
};

/// One bar per independent factor, sorted by |swing| (largest first; ties keep file order).
/// Throws ValidationError when the scenario has no uncertain parameters.
std::vector<TornadoBar> tornado(const Scenario& s, const SweepOptions& base);

}  // namespace parley::sim

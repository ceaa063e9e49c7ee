#pragma once
// Statistics of many runs (docs/model.md, "Intervals"): running moments that merge exactly in
// a fixed order (Welford 1962; Chan, Golub & LeVeque 1979), the Wilson (1927) score interval
// for shares, and the normal interval for means.
#include <cstdint>
#include <span>
#include <utility>

namespace parley {

inline constexpr double kZ95 = 1.959963984540054;  // the 97.5% quantile of the standard normal

/// An estimate with its 95% interval.
struct Estimate {
  double value = 0, low = 0, high = 0;
};

/// Count, sum and sum of squared deviations from the mean of a stream of numbers. The squared
/// deviations are accumulated by Welford's update (add) and Chan et al.'s pairwise combination
/// (merge), so no precision is lost to cancellation when the mean is large (costs of war over
/// millions of runs), as it is with Σx² − n·x̄². The sum is kept as a sum, so the mean of
/// whole numbers (0/1 outcomes, counts, their differences) is exact. Chunks merged in a fixed
/// order give the same bytes whatever ran them.
struct Moments {
  std::uint64_t n = 0;
  double sum = 0, m2 = 0;

  [[nodiscard]] double mean() const { return n ? sum / static_cast<double>(n) : 0; }
  void add(double x) {
    const double before = mean();
    ++n;
    sum += x;
    m2 += (x - before) * (x - mean());
  }
  void merge(const Moments& o);
  /// The sample variance (n − 1 in the denominator); 0 below two values.
  [[nodiscard]] double variance() const { return n > 1 ? m2 / static_cast<double>(n - 1) : 0; }
};

/// Wilson score interval for k successes in n trials at z (ends exactly at 0 and 1 when k is
/// 0 or n; [0, 1] when n is 0).
std::pair<double, double> wilson(std::uint64_t k, std::uint64_t n, double z = kZ95);

/// A share k/n with its Wilson interval (all 0 when n is 0).
Estimate proportion_ci(std::uint64_t k, std::uint64_t n);

/// A mean with x̄ ± z·s/√n (all 0 without values).
Estimate mean_ci(const Moments& m);

/// The median of whole numbers given as a histogram (count[v] values equal to v), with the
/// distribution-free interval of order statistics: ranks n/2 ∓ z·√n/2 (Conover 1999, §3.2);
/// all 0 without values.
Estimate median_ci(std::span<const std::uint64_t> count);

}  // namespace parley

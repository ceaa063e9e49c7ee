#include "core/stats.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

void Moments::merge(const Moments& o) {
  if (o.n == 0) return;
  if (n == 0) {
    *this = o;
    return;
  }
  const double na = static_cast<double>(n), nb = static_cast<double>(o.n);
  const double d = o.mean() - mean();
  m2 += o.m2 + d * d * na * nb / (na + nb);
  sum += o.sum;
  n += o.n;
}

std::pair<double, double> wilson(std::uint64_t k, std::uint64_t n, double z) {
  if (n == 0) return {0.0, 1.0};
  const double nn = static_cast<double>(n), p = static_cast<double>(k) / nn, z2 = z * z;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  // At k = 0 and k = n the interval ends at 0 and 1 exactly (rounding leaves ~1e-20).
  return {k == 0 ? 0.0 : std::max(0.0, centre - half), k == n ? 1.0 : std::min(1.0, centre + half)};
}

Estimate proportion_ci(std::uint64_t k, std::uint64_t n) {
  if (n == 0) return {};
  const auto [lo, hi] = wilson(k, n);
  return {static_cast<double>(k) / static_cast<double>(n), lo, hi};
}

Estimate mean_ci(const Moments& m) {
  if (m.n == 0) return {};
  const double half = kZ95 * std::sqrt(m.variance() / static_cast<double>(m.n));
  return {m.mean(), m.mean() - half, m.mean() + half};
}

Estimate median_ci(std::span<const std::uint64_t> count) {
  std::uint64_t n = 0;
  for (std::uint64_t c : count) n += c;
  if (n == 0) return {};
  // The value of the r-th smallest (1-based, clamped to [1, n]).
  const auto at_rank = [&](double rank) {
    const auto r = static_cast<std::uint64_t>(std::clamp(rank, 1.0, static_cast<double>(n)));
    std::uint64_t seen = 0;
    for (std::size_t v = 0; v < count.size(); ++v)
      if ((seen += count[v]) >= r) return static_cast<double>(v);
    return static_cast<double>(count.size() - 1);
  };
  const double half = static_cast<double>(n) / 2,
               spread = kZ95 * std::sqrt(static_cast<double>(n)) / 2;
  const double median = n % 2 ? at_rank(half + 0.5) : (at_rank(half) + at_rank(half + 1)) / 2;
  return {median, at_rank(std::floor(half - spread)), at_rank(std::ceil(half + spread) + 1)};
}

}  // namespace parley

#include "analysis/pareto.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/errors.hpp"

namespace parley::analysis {

bool dominates(const double* a, const double* b, std::size_t dims) {
  bool strict = false;
  for (std::size_t k = 0; k < dims; ++k) {
    if (a[k] < b[k]) return false;
    strict = strict || a[k] > b[k];
  }
  return strict;
}

namespace {

/// Order: descending sum, then lexicographically descending. Any dominator of a
/// point precedes it (floating-point addition is monotone), and equal vectors
/// are adjacent.
std::vector<std::uint32_t> sfs_order(const PointSet& ps, std::vector<double>& sums) {
  const std::size_t n = ps.size(), d = ps.dims;
  sums.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double s = 0;
    for (std::size_t k = 0; k < d; ++k) s += ps.u[i * d + k];
    sums[i] = s;
  }
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (sums[a] != sums[b]) return sums[a] > sums[b];
    const double* pa = ps.at(a);
    const double* pb = ps.at(b);
    for (std::size_t k = 0; k < d; ++k)
      if (pa[k] != pb[k]) return pa[k] > pb[k];
    return ps.rep[a] < ps.rep[b];
  });
  return order;
}

}  // namespace

namespace {

/// Two parties: sort by u0 descending (then u1 descending) and sweep, keeping
/// the points that beat the best u1 seen so far. O(n log n).
void skyline_2d(PointSet& ps) {
  const std::size_t n = ps.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double* pa = ps.at(a);
    const double* pb = ps.at(b);
    if (pa[0] != pb[0]) return pa[0] > pb[0];
    if (pa[1] != pb[1]) return pa[1] > pb[1];
    return ps.rep[a] < ps.rep[b];
  });
  PointSet out;
  out.dims = 2;
  double best = -INFINITY;
  bool last_kept = false;
  const double* last = nullptr;
  for (const std::uint32_t i : order) {
    const double* p = ps.at(i);
    if (last && p[0] == last[0] && p[1] == last[1]) {  // equal vector: same fate as its twin
      if (last_kept) out.count.back() += ps.count[i];
      continue;
    }
    last = p;
    last_kept = p[1] > best;
    if (last_kept) {
      out.push(p, ps.count[i], ps.rep[i]);
      best = p[1];
    }
  }
  ps = std::move(out);
}

}  // namespace

void skyline(PointSet& ps) {
  const std::size_t n = ps.size(), d = ps.dims;
  if (n == 0) return;
  if (d == 2) return skyline_2d(ps);
  std::vector<double> sums;
  const std::vector<std::uint32_t> order = sfs_order(ps, sums);
  PointSet out;
  out.dims = d;
  // The accepted points so far, as rows; a candidate is tested against them,
  // starting with the one that last rejected something (it rejects many).
  std::size_t last_killer = 0;
  for (std::size_t oi = 0; oi < n; ++oi) {
    const std::uint32_t i = order[oi];
    const double* p = ps.at(i);
    if (out.size() > 0 && std::equal(p, p + d, out.at(out.size() - 1))) {  // equal vector
      out.count.back() += ps.count[i];
      out.rep.back() = std::min(out.rep.back(), ps.rep[i]);
      continue;
    }
    bool dominated = false;
    const std::size_t m = out.size();
    if (m > 0) {
      if (last_killer < m && dominates(out.at(last_killer), p, d)) {
        dominated = true;
      } else {
        const double* rows = out.u.data();
        for (std::size_t j = 0; j < m; ++j) {
          const double* q = rows + j * d;
          bool ge = true;
          for (std::size_t k = 0; k < d && ge; ++k) ge = q[k] >= p[k];
          if (ge) {  // q >= p and q != p (distinct from the last row, and order rules out later
                     // equals)
            dominated = true;
            last_killer = j;
            break;
          }
        }
      }
    }
    if (!dominated) out.push(p, ps.count[i], ps.rep[i]);
  }
  ps = std::move(out);
}

namespace {

/// Thins `ps` to one point per epsilon-cell (the one with the largest sum).
void thin(PointSet& ps, double eps) {
  const std::size_t n = ps.size(), d = ps.dims;
  std::vector<std::int64_t> cell(n * d);
  for (std::size_t i = 0; i < n * d; ++i)
    cell[i] = static_cast<std::int64_t>(std::floor(ps.u[i] / eps));
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::vector<double> sums(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < d; ++k) sums[i] += ps.u[i * d + k];
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    for (std::size_t k = 0; k < d; ++k)
      if (cell[a * d + k] != cell[b * d + k]) return cell[a * d + k] < cell[b * d + k];
    if (sums[a] != sums[b]) return sums[a] > sums[b];
    return ps.rep[a] < ps.rep[b];
  });
  PointSet out;
  out.dims = d;
  for (std::size_t oi = 0; oi < n; ++oi) {
    const std::uint32_t i = order[oi];
    if (oi > 0 && std::equal(cell.begin() + static_cast<std::ptrdiff_t>(i * d),
                             cell.begin() + static_cast<std::ptrdiff_t>(i * d + d),
                             cell.begin() + static_cast<std::ptrdiff_t>(order[oi - 1] * d)))
      continue;
    out.push(ps.at(i), ps.count[i], ps.rep[i]);
  }
  ps = std::move(out);
}

}  // namespace

Frontier pareto_frontier(const std::vector<Block>& blocks, std::size_t parties,
                         const FrontierOptions& options) {
  Frontier f;
  f.method =
      "exact: Minkowski sum of per-block frontiers, Pareto-filtered (skyline) after each merge";
  PointSet& acc = f.points;
  acc.dims = parties;
  std::vector<double> zero(parties, 0.0);
  acc.push(zero.data(), 1, 0);
  std::vector<double> buf(parties);
  for (const Block& b : blocks) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) throw Error("cancelled");
    PointSet local;
    local.dims = parties;
    for (std::size_t c = 0; c < b.combos; ++c)
      if (!options.respect_red_lines || !b.crosses_red_line[c])
        local.push(b.u.data() + c * parties, 1, b.index[c]);
    if (local.size() == 0) {  // every combination crosses a red line: nothing is feasible
      acc = PointSet{};
      acc.dims = parties;
      return f;
    }
    skyline(local);
    PointSet next;
    next.dims = parties;
    next.u.reserve(acc.size() * local.size() * parties);
    next.count.reserve(acc.size() * local.size());
    next.rep.reserve(acc.size() * local.size());
    for (std::size_t i = 0; i < acc.size(); ++i)
      for (std::size_t j = 0; j < local.size(); ++j) {
        for (std::size_t k = 0; k < parties; ++k)
          buf[k] = acc.u[i * parties + k] + local.u[j * parties + k];
        next.push(buf.data(), acc.count[i] * local.count[j], acc.rep[i] + local.rep[j]);
      }
    skyline(next);
    if (next.size() > options.max_points) {
      thin(next, options.epsilon);
      skyline(next);
      f.exact = false;
      f.error_bound += options.epsilon;
      f.method =
          "approximate: Minkowski sums thinned to an epsilon grid when the frontier exceeded " +
          std::to_string(options.max_points) + " points";
    }
    acc = std::move(next);
  }
  return f;
}

}  // namespace parley::analysis

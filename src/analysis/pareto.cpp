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

namespace {

/// Accepted points filed in a G x G grid of buckets over the first two coordinates; a
/// dominator of p lies in a bucket at or above p's in both, so only those buckets are scanned
/// (about a quarter of the points on average). Within a bucket points are kept by column,
/// padded to a multiple of kLanes, and tested kLanes at a time without branches.
class DominanceGrid {
 public:
  static constexpr std::size_t kLanes = 8, kGrid = 8;

  explicit DominanceGrid(const PointSet& ps) : d_(ps.dims), grid_(kGrid * kGrid) {
    for (std::size_t a = 0; a < 2; ++a) {
      double mn = INFINITY, mx = -INFINITY;
      for (std::size_t i = 0; i < ps.size(); ++i) {
        mn = std::min(mn, ps.u[i * d_ + a]);
        mx = std::max(mx, ps.u[i * d_ + a]);
      }
      lo_[a] = mn;
      scale_[a] = mx > mn ? static_cast<double>(kGrid) / (mx - mn) : 0.0;
    }
  }
  /// Whether a filed point is >= p everywhere; sets `killer` to it.
  bool dominated(const double* p, std::size_t& killer) const {
    for (std::size_t bx = cell(p, 0); bx < kGrid; ++bx)
      for (std::size_t by = cell(p, 1); by < kGrid; ++by)
        if (scan(grid_[bx * kGrid + by], p, killer)) return true;
    return false;
  }
  /// Files p as accepted point `id`.
  void file(const double* p, std::uint32_t id) {
    Bucket& b = grid_[cell(p, 0) * kGrid + cell(p, 1)];
    if (b.size == b.cap) grow(b);
    for (std::size_t k = 0; k < d_; ++k) b.col[k * b.cap + b.size] = p[k];
    b.id.push_back(id);
    ++b.size;
  }

 private:
  struct Bucket {
    std::vector<double> col;        // d columns of `cap` entries each
    std::vector<std::uint32_t> id;  // index into the accepted points
    std::size_t size = 0, cap = 0;
  };
  std::size_t cell(const double* p, std::size_t a) const {
    return std::min(kGrid - 1, static_cast<std::size_t>((p[a] - lo_[a]) * scale_[a]));
  }
  bool scan(const Bucket& b, const double* p, std::size_t& killer) const {
    for (std::size_t j = 0; j < b.size; j += kLanes) {
      std::uint64_t ge[kLanes];
      std::fill(ge, ge + kLanes, ~std::uint64_t{0});
      for (std::size_t k = 0; k < d_; ++k) {
        const double* c = b.col.data() + k * b.cap + j;
        const double pk = p[k];
        for (std::size_t l = 0; l < kLanes; ++l) ge[l] &= -static_cast<std::uint64_t>(c[l] >= pk);
      }
      std::uint64_t any = 0;
      for (std::size_t l = 0; l < kLanes; ++l) any |= ge[l];
      if (any)
        for (std::size_t l = 0; l < kLanes; ++l)
          if (ge[l] && j + l < b.size) {
            killer = b.id[j + l];
            return true;
          }
    }
    return false;
  }
  /// Doubles a bucket, keeping the column layout; padding is below everything.
  void grow(Bucket& b) const {
    const std::size_t cap = std::max<std::size_t>(kLanes, 2 * b.cap);
    std::vector<double> col(d_ * cap, -INFINITY);
    for (std::size_t k = 0; k < d_; ++k)
      std::copy_n(b.col.begin() + static_cast<std::ptrdiff_t>(k * b.cap), b.size,
                  col.begin() + static_cast<std::ptrdiff_t>(k * cap));
    b.col = std::move(col);
    b.cap = cap;
  }
  std::size_t d_;
  double lo_[2] = {}, scale_[2] = {};
  std::vector<Bucket> grid_;
};

}  // namespace

void skyline(PointSet& ps) {
  const std::size_t n = ps.size(), d = ps.dims;
  if (n == 0) return;
  if (d == 2) return skyline_2d(ps);
  std::vector<double> sums;
  const std::vector<std::uint32_t> order = sfs_order(ps, sums);
  PointSet out;
  out.dims = d;
  DominanceGrid grid(ps);
  std::size_t last_killer = 0;  // the point that rejected the last candidate: tried first
  for (std::size_t oi = 0; oi < n; ++oi) {
    const std::uint32_t i = order[oi];
    const double* p = ps.at(i);
    if (out.size() > 0 && std::equal(p, p + d, out.at(out.size() - 1))) {  // equal vector
      out.count.back() += ps.count[i];
      out.rep.back() = std::min(out.rep.back(), ps.rep[i]);
      continue;
    }
    // Any accepted q with q >= p dominates p: q != p, since equal vectors are
    // adjacent in the order and p differs from the last accepted point.
    const std::size_t m = out.size();
    if ((last_killer < m && dominates(out.at(last_killer), p, d)) || grid.dominated(p, last_killer))
      continue;
    out.push(p, ps.count[i], ps.rep[i]);
    grid.file(p, static_cast<std::uint32_t>(m));
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
      // Thin to an epsilon grid, doubling epsilon until at most half the limit
      // remains (so the next merges have room); the bounds of successive
      // thinnings add up.
      double eps = options.epsilon;
      PointSet thinned = next;
      thin(thinned, eps);
      skyline(thinned);
      while (thinned.size() > options.max_points / 2) {
        eps *= 2;
        thinned = next;
        thin(thinned, eps);
        skyline(thinned);
      }
      next = std::move(thinned);
      f.exact = false;
      f.error_bound += eps;
      f.method =
          "approximate: Minkowski sums thinned to an epsilon grid whenever the frontier "
          "exceeded " +
          std::to_string(options.max_points) + " points";
    }
    acc = std::move(next);
  }
  return f;
}

}  // namespace parley::analysis

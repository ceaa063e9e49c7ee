#pragma once
// The exact Pareto frontier (docs/model.md, "Exact Pareto frontier") by Minkowski sums of per-block
// frontiers, Pareto-filtering after each merge with a sort-filter skyline.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/blocks.hpp"

namespace parley::analysis {

/// Utility vectors with multiplicities: point i is u[i*dims .. i*dims+dims),
/// reached by count[i] packages, one of which is rep[i] (the smallest index found).
struct PointSet {
  std::size_t dims = 0;
  std::vector<double> u;
  std::vector<std::uint64_t> count;
  std::vector<Index> rep;
  [[nodiscard]] std::size_t size() const { return rep.size(); }
  [[nodiscard]] const double* at(std::size_t i) const { return u.data() + i * dims; }
  void push(const double* v, std::uint64_t c, Index r) {
    u.insert(u.end(), v, v + dims);
    count.push_back(c);
    rep.push_back(r);
  }
};

/// Keeps the points no other point weakly dominates (>= everywhere, > somewhere);
/// equal vectors are merged (counts added, smallest rep kept). Points come out
/// in a deterministic order: for two parties by descending u0; otherwise by
/// descending utility sum, then lexicographically descending. Two parties use
/// an O(n log n) sweep, more use sort-filter skyline (Chomicki et al. 2003).
void skyline(PointSet& ps);

/// True if a >= b in every coordinate and a != b.
bool dominates(const double* a, const double* b, std::size_t dims);

struct FrontierOptions {
  bool respect_red_lines = false;  // drop packages crossing any stakeholder's red line
  /// Beyond this many points after a merge, thin to an epsilon grid (starting at
  /// `epsilon`, doubled until half the limit remains); the result is labelled
  /// approximate with its error bound.
  std::size_t max_points = 200'000;
  double epsilon = 1e-4;
  const std::atomic<bool>* cancel = nullptr;
};

struct Frontier {
  PointSet points;
  bool exact = true;
  /// When !exact: every Pareto-optimal utility vector v has a listed point p with
  /// p_k >= v_k - error_bound for every party k. Counts are then lower bounds.
  double error_bound = 0;
  std::string method;
};

Frontier pareto_frontier(const std::vector<Block>& blocks, std::size_t parties,
                         const FrontierOptions& options = {});

}  // namespace parley::analysis

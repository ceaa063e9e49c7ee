#pragma once
// Bargaining solutions over a set of utility vectors (docs/model.md, "Bargaining solutions"), with
// disagreement point d:
//   Nash (1950):               argmax  prod_k (u_k - d_k)            over u >= d
//   Kalai-Smorodinsky (1975):  argmax  min_k (u_k - d_k)/(I_k - d_k) (I = ideal point of the set)
//   egalitarian (Kalai 1977):  argmax  min_k (u_k - d_k)
//   utilitarian:               argmax  sum_k u_k
// Ties are broken by the larger utility sum, then the smaller package index.
#include <string>
#include <vector>

#include "analysis/pareto.hpp"

namespace parley::analysis {

struct Solution {
  std::string name;   // "nash", "kalai_smorodinsky", "egalitarian", "utilitarian"
  std::size_t point;  // index into the point set
  double score;       // the maximised quantity
};

/// All four solutions; `points` must be non-empty. Points below d in some
/// coordinate are skipped by Nash (all of them: Nash is then reported on the rest).
std::vector<Solution> bargaining_solutions(const PointSet& points, const std::vector<double>& d);

/// Per-coordinate maximum over the set.
std::vector<double> ideal_point(const PointSet& points);

/// Nash product of one point (0 if any gain is negative).
double nash_product(const double* u, const std::vector<double>& d);

}  // namespace parley::analysis

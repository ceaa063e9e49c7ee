#include "analysis/solutions.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace parley::analysis {

std::vector<double> ideal_point(const PointSet& points) {
  std::vector<double> ideal(points.dims, -INFINITY);
  for (std::size_t i = 0; i < points.size(); ++i)
    for (std::size_t k = 0; k < points.dims; ++k) ideal[k] = std::max(ideal[k], points.at(i)[k]);
  return ideal;
}

double nash_product(const double* u, const std::vector<double>& d) {
  double prod = 1.0;
  for (std::size_t k = 0; k < d.size(); ++k) {
    const double gain = u[k] - d[k];
    if (gain < 0) return 0.0;
    prod *= gain;
  }
  return prod;
}

namespace {

std::size_t argmax(const PointSet& ps, const std::function<double(const double*)>& score,
                   double& best) {
  constexpr double eps = 1e-12;
  std::size_t arg = 0;
  double best_sum = 0;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const double* u = ps.at(i);
    const double s = score(u);
    double sum = 0;
    for (std::size_t k = 0; k < ps.dims; ++k) sum += u[k];
    bool take = i == 0 || s > best + eps;
    if (!take && s >= best - eps)
      take = sum > best_sum + eps || (sum >= best_sum - eps && ps.rep[i] < ps.rep[arg]);
    if (take) {
      best = s;
      best_sum = sum;
      arg = i;
    }
  }
  return arg;
}

}  // namespace

std::vector<Solution> bargaining_solutions(const PointSet& points, const std::vector<double>& d) {
  const std::vector<double> ideal = ideal_point(points);
  std::vector<Solution> out;
  double best = 0;
  std::size_t p = argmax(
      points, [&](const double* u) { return nash_product(u, d); }, best);
  out.push_back({"nash", p, best});
  p = argmax(
      points,
      [&](const double* u) {
        double m = INFINITY;
        for (std::size_t k = 0; k < d.size(); ++k) {
          const double span = ideal[k] - d[k];
          m = std::min(m, span > 0 ? (u[k] - d[k]) / span : 1.0);
        }
        return m;
      },
      best);
  out.push_back({"kalai_smorodinsky", p, best});
  p = argmax(
      points,
      [&](const double* u) {
        double m = INFINITY;
        for (std::size_t k = 0; k < d.size(); ++k) m = std::min(m, u[k] - d[k]);
        return m;
      },
      best);
  out.push_back({"egalitarian", p, best});
  p = argmax(
      points,
      [&](const double* u) {
        double s = 0;
        for (std::size_t k = 0; k < d.size(); ++k) s += u[k];
        return s;
      },
      best);
  out.push_back({"utilitarian", p, best});
  return out;
}

}  // namespace parley::analysis

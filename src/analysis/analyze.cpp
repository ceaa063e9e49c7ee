#include "analysis/analyze.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/utility.hpp"

namespace parley::analysis {

namespace {

PackageCheck check_package(const Scenario& s, const UtilityModel& m, const AnalysisResult& r,
                           const std::vector<int>& x, std::size_t top) {
  PackageCheck c;
  const std::size_t n = m.parties();
  c.options = x;
  c.index = s.space().encode(x);
  bool all = true;
  for (std::size_t k = 0; k < n; ++k) {
    c.u.push_back(m.utility(k, x));
    c.crosses_red_line.push_back(m.crosses_red_line(k, x));
    c.meets_reservation.push_back(meets(c.u[k], r.reservation[k]));
    c.claims_victory.push_back(meets(c.u[k], r.victory[k]));
    all = all && !c.crosses_red_line[k] && c.meets_reservation[k];
  }
  c.in_zopa = all;
  // Efficient: nothing in the frontier over all packages dominates it.
  const PointSet& fa = r.frontier_all.points;
  c.efficient = true;
  for (std::size_t i = 0; i < fa.size() && c.efficient; ++i)
    if (dominates(fa.at(i), c.u.data(), n) &&
        // tolerate summation-order noise: require a real improvement somewhere
        [&] {
          for (std::size_t k = 0; k < n; ++k)
            if (fa.at(i)[k] > c.u[k] + kUtilityTolerance) return true;
          return false;
        }())
      c.efficient = false;
  // Feasible frontier points better for every stakeholder, best few first.
  const PointSet& ff = r.frontier_feasible.points;
  std::vector<std::pair<double, std::size_t>> better;
  for (std::size_t i = 0; i < ff.size(); ++i) {
    double min_gain = INFINITY;
    for (std::size_t k = 0; k < n; ++k) min_gain = std::min(min_gain, ff.at(i)[k] - c.u[k]);
    if (min_gain > kUtilityTolerance) better.emplace_back(-min_gain, i);
  }
  c.improving_points = better.size();
  std::sort(better.begin(), better.end());
  for (std::size_t i = 0; i < better.size() && i < top; ++i)
    c.improving.push_back(better[i].second);
  for (const auto& sol : r.solutions) {
    double d2 = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double diff = r.solution_points().at(sol.point)[k] - c.u[k];
      d2 += diff * diff;
    }
    c.distance.push_back(std::sqrt(d2));
  }
  return c;
}

/// The ZOPA frontier, and the point set and disagreement point the solutions use (returned).
std::vector<double> zopa_frontier_and_basis(AnalysisResult& r) {
  const std::size_t n = r.reservation.size();
  // Pareto(ZOPA) = Pareto(feasible) ∩ {u >= r}: a dominator of a rational point is rational.
  const PointSet& ff = r.frontier_feasible.points;
  r.zopa_frontier.dims = n;
  for (std::size_t i = 0; i < ff.size(); ++i) {
    bool ok = true;
    for (std::size_t k = 0; k < n && ok; ++k) ok = meets(ff.at(i)[k], r.reservation[k]);
    if (ok) {
      r.zopa_frontier.push(ff.at(i), ff.count[i], ff.rep[i]);
      r.zopa_frontier_packages += ff.count[i];
    }
  }
  std::vector<double> d = r.reservation;
  if (r.zopa_frontier.size() > 0) {
    r.basis = AnalysisResult::Basis::zopa;
    r.solution_basis = "the ZOPA frontier, disagreement point = reservation values";
  } else if (ff.size() > 0) {
    r.basis = AnalysisResult::Basis::feasible;
    std::fill(d.begin(), d.end(), 0.0);
    r.solution_basis =
        "ZOPA EMPTY: the whole frontier of red-line-free packages, disagreement point = 0";
  } else {
    r.basis = AnalysisResult::Basis::all;
    std::fill(d.begin(), d.end(), 0.0);
    r.solution_basis =
        "ZOPA EMPTY and every package crosses a red line: the frontier of all packages, "
        "disagreement point = 0";
  }
  return d;
}

}  // namespace

AnalysisResult analyze(const Scenario& s, const std::vector<std::vector<int>>& extra,
                       const AnalysisOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  AnalysisResult r;
  const UtilityModel m(s);
  const std::size_t n = m.parties();
  r.stakeholders = s.stakeholders();
  r.space_size = s.space().size();
  for (std::size_t k = 0; k < n; ++k) r.reservation.push_back(m.reservation(k));

  const std::vector<Block> blocks = make_blocks(s, m);
  r.blocks = blocks.size();
  for (const auto& b : blocks) r.largest_block = std::max(r.largest_block, b.combos);
  FrontierOptions fo = options.frontier;
  fo.cancel = options.cancel;
  fo.respect_red_lines = false;
  r.frontier_all = pareto_frontier(blocks, n, fo);
  bool any_red = false;
  for (const auto& b : blocks)
    for (unsigned char x : b.crosses_red_line) any_red = any_red || x;
  if (any_red) {
    fo.respect_red_lines = true;
    r.frontier_feasible = pareto_frontier(blocks, n, fo);
  } else {
    r.frontier_feasible = r.frontier_all;
  }
  r.zopa = count_zopa(blocks, r.reservation, options.zopa_node_budget);

  const std::vector<double> d = zopa_frontier_and_basis(r);
  r.ideal = ideal_point(r.solution_points());
  r.solutions = bargaining_solutions(r.solution_points(), d);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& pref = *s.preferences[static_cast<std::size_t>(r.stakeholders[k])];
    r.victory.push_back(pref.victory ? *pref.victory
                                     : r.reservation[k] + 0.5 * (r.ideal[k] - r.reservation[k]));
  }
  std::vector<std::pair<double, std::size_t>> by_nash;
  for (std::size_t i = 0; i < r.solution_points().size(); ++i)
    by_nash.emplace_back(-nash_product(r.solution_points().at(i), d), i);
  std::stable_sort(by_nash.begin(), by_nash.end());
  for (std::size_t i = 0; i < by_nash.size() && i < options.top; ++i)
    r.top_nash.push_back(by_nash[i].second);

  for (const auto& pk : s.packages) {
    PackageCheck c = check_package(s, m, r, pk.options, options.top);
    c.id = pk.id;
    c.name = pk.name;
    r.checks.push_back(std::move(c));
  }
  for (const auto& x : extra) {
    PackageCheck c = check_package(s, m, r, x, options.top);
    c.id = "--package";
    c.name = "package from the command line";
    r.checks.push_back(std::move(c));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace parley::analysis

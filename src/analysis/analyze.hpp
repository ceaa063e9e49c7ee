#pragma once
// The whole bargaining analysis of a scenario (docs/model.md, "Bargaining analysis") as one result
// record: space, ZOPA, exact Pareto frontiers, bargaining solutions, named-package checks.
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "analysis/pareto.hpp"
#include "analysis/solutions.hpp"
#include "analysis/zopa.hpp"
#include "core/scenario.hpp"

namespace parley::analysis {

struct AnalysisOptions {
  FrontierOptions frontier;
  std::uint64_t zopa_node_budget = 50'000'000;
  std::size_t top = 5;  // how many top packages by Nash product, improving packages
  const std::atomic<bool>* cancel = nullptr;
};

struct PackageCheck {
  std::string id, name;  // id "--package" for a package from the command line
  std::vector<int> options;
  Index index = 0;
  std::vector<double> u;                // per stakeholder
  std::vector<bool> crosses_red_line;   // per stakeholder
  std::vector<bool> meets_reservation;  // per stakeholder
  std::vector<bool> claims_victory;     // per stakeholder: u >= victory threshold
  bool in_zopa = false;
  bool efficient = false;  // no package is at least as good for all and better for one
  /// Frontier points (red lines respected) strictly better for every stakeholder.
  std::uint64_t improving_points = 0;
  std::vector<std::size_t>
      improving;  // best few, by smallest gain maximised (indices into feasible frontier)
  std::vector<double> distance;  // Euclidean distance in utility space to each solution
};

struct AnalysisResult {
  std::vector<int> stakeholders;  // scenario party indices; utilities follow this order
  Index space_size = 0;
  std::size_t blocks = 0, largest_block = 0;
  Frontier frontier_all;       // over all packages (GENIUS semantics)
  Frontier frontier_feasible;  // packages crossing no red line (same as all when there are none)
  PointSet zopa_frontier;      // feasible frontier points every stakeholder rates >= reservation
  std::uint64_t zopa_frontier_packages = 0;
  ZopaCount zopa;
  std::vector<double> reservation, ideal, victory;
  /// Solutions are over the ZOPA frontier with d = reservation values; when the
  /// ZOPA is empty, over the feasible frontier with d = 0 (solution_basis says which).
  std::string solution_basis;
  enum class Basis { zopa, feasible, all } basis = Basis::zopa;
  [[nodiscard]] const PointSet& solution_points() const {
    return basis == Basis::zopa       ? zopa_frontier
           : basis == Basis::feasible ? frontier_feasible.points
                                      : frontier_all.points;
  }
  std::vector<Solution> solutions;
  std::vector<std::size_t> top_nash;  // indices into solution_points()
  std::vector<PackageCheck> checks;
  double seconds = 0;
};

/// `extra` packages (e.g. from --package) are checked along with the scenario's named ones.
AnalysisResult analyze(const Scenario& s, const std::vector<std::vector<int>>& extra = {},
                       const AnalysisOptions& options = {});

}  // namespace parley::analysis

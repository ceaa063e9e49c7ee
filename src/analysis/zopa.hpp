#pragma once
// The zone of possible agreement: packages that cross no stakeholder's red line
// and give every stakeholder at least its reservation value.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/blocks.hpp"
#include "core/stats.hpp"

namespace parley::analysis {

struct ZopaCount {
  std::uint64_t count = 0;  // exact count, or the point estimate when !exact
  bool exact = true;
  double low = 0, high = 0;  // 95% Wilson interval on the count when !exact
  std::uint64_t samples = 0;
  std::string method;
};

/// Counts by depth-first search over blocks with bounds: a branch where some
/// party cannot reach its reservation even with its best remaining options is
/// pruned; one where every party is safe even with its worst is counted whole.
/// If more than `node_budget` nodes would be visited, estimates instead from
/// `samples` uniformly drawn packages (seeded, so deterministic).
ZopaCount count_zopa(const std::vector<Block>& blocks, const std::vector<double>& reservation,
                     std::uint64_t node_budget = 50'000'000, std::uint64_t samples = 1'000'000);

/// Whether some package crosses no red line and gives every stakeholder at least
/// its reservation: the same bounded search, stopping at the first one. Empty
/// optional if more than `node_budget` nodes would be needed.
std::optional<bool> zopa_exists(const std::vector<Block>& blocks,
                                const std::vector<double>& reservation,
                                std::uint64_t node_budget = 5'000'000);

}  // namespace parley::analysis

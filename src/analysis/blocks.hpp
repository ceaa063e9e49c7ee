#pragma once
// Blocks of issues tied together by interactions or multi-issue red lines
// (docs/model.md, "Blocks"). Utilities are additive across blocks, so the space is the
// product of blocks and the Pareto frontier is a Minkowski sum over blocks.
#include <vector>

#include "core/scenario.hpp"
#include "core/utility.hpp"

namespace parley::analysis {

struct Block {
  std::vector<int> issues;   // member issues, ascending
  std::size_t combos = 0;    // number of option combinations
  std::vector<double> u;     // [combo * parties + k]: the block's utility contribution
  std::vector<Index> index;  // [combo]: contribution to the package index
  std::vector<unsigned char>
      crosses_red_line;  // [combo]: some party's red line lies inside the block
};

/// Partitions issues into blocks (union-find over interactions and multi-issue red
/// lines of every stakeholder) and tabulates each block. Throws parley::Error if a
/// block has more than `max_combos` combinations.
std::vector<Block> make_blocks(const Scenario& s, const UtilityModel& m,
                               std::size_t max_combos = 1u << 22);

}  // namespace parley::analysis

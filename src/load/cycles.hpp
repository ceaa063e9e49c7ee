#pragma once
// Cycles among references (process groups conditional on each other, leverage instruments
// waiting for each other), so a file that can never make progress is refused at the door.
#include <cstddef>
#include <string>
#include <vector>

namespace parley::load {

/// One cycle: the nodes in order, the first repeated at the end (a → b → a), and the
/// edge that closes it (node `from`, index `edge` into that node's list).
struct Cycle {
  std::vector<int> path;
  int from = 0;
  std::size_t edge = 0;
};

/// The cycles of the directed graph `next` (node i points to the nodes next[i]): one for each
/// edge back into the current path of a depth-first search from every node in order, so a
/// graph has none exactly when it is acyclic. Iterative (no recursion on hostile inputs).
std::vector<Cycle> find_cycles(const std::vector<std::vector<int>>& next);

/// "a → b → a"
std::string describe_cycle(const Cycle& c, const std::vector<std::string>& names);

}  // namespace parley::load

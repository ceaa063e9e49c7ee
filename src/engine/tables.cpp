#include "engine/tables.hpp"

#include <algorithm>

#include "engine/design.hpp"
#include "engine/trust.hpp"

namespace parley::engine {

int sides(const GroupSetup& g, Seating& seating, const Trust& trust) {
  // Greedy colouring of the seated members: a member joins the first side where nobody it
  // refuses (or who refuses it) sits while the refusal holds.
  std::uint64_t holding = 0;
  for (std::size_t r = 0; r < g.refusals.size(); ++r)
    if (trust.at_index(g.refusals[r].trust) < g.refusals[r].threshold)
      holding |= std::uint64_t{1} << (r & 63);
  if (holding == 0) return 1;
  if (g.refusals.size() <= 64 && holding == seating.holding) return seating.sides;
  int* side_of = seating.side_of;
  int n_sides = 0;
  const int n = static_cast<int>(std::min<std::size_t>(g.seated.size(), 64));
  for (int a = 0; a < n; ++a) {
    int chosen = -1;
    for (int side = 0; side < n_sides && chosen < 0; ++side) {
      bool ok = true;
      for (const SeatRefusal& rf : g.refusals)
        if (rf.later == a && side_of[rf.earlier] == side && trust.at_index(rf.trust) < rf.threshold)
          ok = false;
      if (ok) chosen = side;
    }
    side_of[a] = chosen >= 0 ? chosen : n_sides++;
  }
  seating.holding = holding;
  seating.sides = std::max(1, n_sides);
  return seating.sides;
}

}  // namespace parley::engine

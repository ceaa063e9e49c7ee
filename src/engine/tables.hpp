#pragma once
// Tables and seating (docs/model.md, "Direct and shuttle format"): party A refuses to sit with
// B while trust(A, B) is below its threshold. The seated members of a group (all but the
// mediator) are split into sides by a greedy colouring so that no active refusal is inside a
// side; with more than one side the group meets in shuttle format, the mediator visiting one
// side per meeting. When the refusals lapse the group merges into one direct table.
#include <cstdint>

namespace parley::engine {

struct GroupSetup;
class Trust;

/// A group's last seating plan: the colouring depends only on which refusals hold, so it is
/// kept for that set.
struct Seating {
  std::uint64_t holding = 0;  // the refusals holding when it was made (bit per refusal)
  int sides = 1;
  int side_of[64] = {};  // each seated member's side
};

/// The number of sides group g needs now (1: everyone at one table).
int sides(const GroupSetup& g, Seating& seating, const Trust& trust);

}  // namespace parley::engine

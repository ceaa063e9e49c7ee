#pragma once
// Leverage instruments (docs/model.md, "Leverage"): an instrument fires once, at the start of
// the first month its trigger holds (a month window, a stage, a group's deadlock, a trust
// level, another instrument having fired); its reservation shifts, κ changes and option
// shifts are then in force for `months` months (0: to the end), its trust changes apply
// once, and groups it opens may meet from then on.
#include <vector>

#include "core/dynamics.hpp"

namespace parley::engine {

struct Design;
struct Run;

struct LeverageState {
  std::vector<int> fired;              // per instrument: month fired, -1 not yet
  std::vector<unsigned char> enabled;  // per instrument: available (empty: all)
};

/// Whether an instrument that fired in month `fired` (-1: not yet) is in force in `month`.
inline bool in_force(const Leverage& lv, int fired, int month) {
  return fired >= 0 && (lv.months <= 0 || month < fired + lv.months);
}

/// Fires every enabled instrument whose trigger holds this month (logs `leverage` events).
void fire_triggers(Run& run);

/// Whether design group g may meet: it waits for no instrument, or one that opens it fired.
bool group_open(const Design& d, const LeverageState& lv, int g);

}  // namespace parley::engine

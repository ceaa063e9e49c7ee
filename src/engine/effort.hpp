#pragma once
// Equal effort (docs/model.md, "Equal effort"): with a budget of B proposals a month, the
// mediator's effort no longer follows the tables' cadences. At the start of each month the
// budget is split evenly among the tables that will negotiate (working groups with open issues,
// leader channels a deadlocked group waits for); a table holds as many rounds as its whole
// credit allows (a shuttle round still costs one meeting per side) and carries the rest over.
// Every design then gets the same effort, spread over its own tables, so a difference between
// designs comes from their structure.
#include "engine/run.hpp"

namespace parley::engine {

/// Splits this month's budget among the tables that will negotiate (no-op without a budget).
void share_effort(Run& run);
/// Rounds table t (a design group, or groups + c for leader channel c) may hold this month.
int effort_rounds(const Run& run, std::size_t table);
/// Table t held `rounds` rounds.
void spend_effort(Run& run, std::size_t table, int rounds);

}  // namespace parley::engine

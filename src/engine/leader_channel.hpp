#pragma once
// The leader channel (docs/model.md, "Leader channel"): the mediator's leader meets
// one party's leader, at the leader cadence, when a group with that party waits for it. It is
// the only place for cross-topic package trades: every stakeholder votes; an adopted trade is
// a `package_trade` and its issues are locked as principles for the groups below, which then
// resume at their own level. A channel that finds no trade sends the groups back to work.
#include <cstddef>

namespace parley::engine {

struct Run;

/// This month's meetings of every leader channel of the design.
void meet_leader_channels(Run& run);

/// Does leader channel c have a group waiting for it (a deadlocked group with its partner)?
bool channel_needed(const Run& run, std::size_t c);

}  // namespace parley::engine

#pragma once
// Deadlock and escalation (docs/model.md, "Deadlock and escalation"): a group with
// `escalate_after` consecutive rounds without an adopted change is deadlocked and moves up a
// level, official → aide → leader. At the leader level a group with a leader channel among
// its members waits for the channel; otherwise it meets at the leader level itself. A group
// deadlocked at the top goes back to its own level.
namespace parley::engine {

struct Run;

/// After a round of design group g: escalates it if it has stalled long enough.
void escalate_if_deadlocked(Run& run, int g);

}  // namespace parley::engine

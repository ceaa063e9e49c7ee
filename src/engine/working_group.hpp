#pragma once
// A working group's meetings in one month (docs/model.md, "Levels and cadence", "Direct and
// shuttle format"): each meeting builds trust, may leak, and (once a shuttle group has met
// every side) holds a round of the single text; consensus, stages and escalation follow.
namespace parley::engine {

struct Run;

/// Merges shuttle groups whose refusals have lapsed (start of a month).
void merge_if_refusals_lapsed(Run& run, int g);

/// Design group g meets this month. Returns true if the final agreement was signed.
bool meet_working_group(Run& run, int g);

}  // namespace parley::engine

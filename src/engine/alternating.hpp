#pragma once
// Alternating offers, the bilateral baseline (Rubinstein 1982; docs/model.md, "Alternating
// offers"): with two stakeholders, round n = 0, 1, … at the official cadence, the first
// stakeholder offers in even rounds and the other responds; an acceptance ends the run with
// the framework and the final agreement at once.
namespace parley::engine {

struct Run;

void run_alternating_offers(Run& run);

}  // namespace parley::engine

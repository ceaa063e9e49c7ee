#pragma once
// Costs of war in natural units (docs/model.md, "Costs of war" and "Cost of delay"): each month
// run books every party's war or ceasefire costs in every unit; at the end the ledger gives
// the totals before and after the first ceasefire, the cost of delay against the reference
// month, and the discounted welfare of what was signed.
#include <vector>

namespace parley::engine {

struct Run;
struct RunResult;

struct Ledger {
  std::vector<unsigned char> war;  // per month run: 1 war, 0 ceasefire
};

/// Books the month: war or ceasefire (a ceasefire in force at its start).
void record_costs(Run& run);
/// Adds to each party's κ of this month what it feels of the month's costs: Σ_u σ_ku·c_ku
/// (docs/model.md, "Costs that are felt"). After record_costs, in the same month.
void feel_costs(Run& run);
/// Months, cost of delay from `delay_from` (-1: none) and welfare at signing.
void close_books(Run& run, int delay_from);

}  // namespace parley::engine

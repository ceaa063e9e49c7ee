#pragma once
// The forces that move the parties during a run (docs/model.md, "Dynamics"): costs of war in
// natural units, option drift, trust decrements, walkouts, leaks and audience
// costs, leverage instruments with triggers, and the ceasefire hazard. All of it
// is optional in a scenario (the `dynamics` section, docs/scenario-format.md);
// without it a run has no costs, no leaks, no leverage and a ceasefire that holds.
#include <optional>
#include <string>
#include <vector>

#include "core/condition.hpp"
#include "core/process.hpp"

namespace parley {

struct CostUnit {
  std::string id;
  std::string name;  // e.g. "killed and wounded"
};

/// Option drift: party's value of (issue, option) changes by per_month each month
/// from `from` to `until` (then stays).
struct Drift {
  int party = 0, issue = 0, option = 0;
  double per_month = 0;
  int from = 0, until = 1 << 30;
};

/// An additive change of one party's value of one option while an effect lasts.
struct OptionShift {
  int party = 0, issue = 0, option = 0;
  double shift = 0;
};

/// A one-time change of trust(from -> to).
struct TrustChange {
  int from = 0, to = 0;
  double change = 0;
};

/// Every condition set must hold (AND) for the trigger to fire.
struct Trigger {
  int from_month = 0, until_month = 1 << 30;  // inclusive
  std::optional<Stage> stage;                 // empty: any stage
  int deadlock_group = -1;  // process group index: fires once that group has deadlocked
  int trust_from = -1, trust_to = -1;
  double trust_below = 2, trust_above = -1;  // on trust(trust_from -> trust_to)
  int after = -1;                            // leverage index that must have fired
  // Triggers tied to the process (docs/model.md, "Leverage"):
  int stalled = 0;    // > 0: months since the last progress (adopted change, consensus, signing),
                      // or since the `after` instrument fired if later
  int leaked = -1;    // party index: fires once a leak has exposed that party
  int refusing = -1;  // party index: fires while one of that party's seating refusals holds
};

struct Leverage {
  std::string id;
  std::string instrument;  // aid_cut_threat, intelligence_pause, sanctions, ...
  int by = -1, target = -1;
  Trigger when;
  std::vector<double> reservation;  // per party: shift while in force (empty: none)
  std::vector<double> fatigue;      // per party: change of κ while in force (empty: none)
  /// Per party: change of what a month of war delivers (γ) while in force; it reaches the
  /// party's expected gain through learning (empty: none).
  std::vector<double> beliefs;
  std::vector<TrustChange> trust;  // once, when it fires
  std::vector<OptionShift> options;
  std::vector<int> opens;  // process group indices that do not meet before this fires
  int months = 0;          // how long reservation/fatigue/option effects last; 0: to the end
};

struct CeasefireFactor {
  std::vector<Condition> when;  // all must hold in the signed package
  double multiply = 1;
};

struct DynamicsSpec {
  bool declared = false;
  std::vector<CostUnit> units;
  /// [party * units + unit] per month of war / of ceasefire.
  std::vector<double> war_cost, ceasefire_cost;
  /// [party * units + unit]: utility a party loses per unit of cost it bears in a month; the
  /// month's costs times these add to its fatigue κ (docs/model.md, "Costs that are felt").
  std::vector<double> cost_sensitivity;
  /// Beliefs about the war's course, per party (docs/model.md, "Beliefs about the war"): the
  /// gain it expects from a month of fighting on (utility; negative: an expected loss), the
  /// gain the war actually delivers, and how many months of evidence the prior is worth.
  std::vector<double> belief_expected, belief_actual, belief_weight;
  int delay_from = -1;  // reference month for the cost of delay; -1: the month the ZOPA opens
  double trust_leak = 0.05, trust_violation = 0.1;
  std::vector<double> walkout_floor;  // per party (trust in the mediator); -1: never walks out
  int walkout_months = 3;
  double leak_probability = 0;  // per participant per direct official-level meeting
  double leak_level_factor[3] = {1, 2, 3};
  double leak_shuttle_factor = 0.5;
  std::vector<double> audience_cost;  // per party
  int leak_months = 3;
  std::vector<Drift> drift;
  double hazard = 0;  // monthly probability of breakdown before factors and trust
  std::vector<CeasefireFactor> hazard_factors;
  double hazard_trust_weight = 0, hazard_trust_reference = 0.5;
  std::vector<Leverage> leverage;
};

}  // namespace parley

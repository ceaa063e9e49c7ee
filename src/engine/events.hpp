#pragma once
// What a run records (docs/model.md, "The negotiating process"): the typed event log, which
// is the only contract between the engine and the reports, and the run's result record.
#include <array>
#include <cstdint>
#include <vector>

#include "core/process.hpp"

namespace parley::engine {

enum class EventType : std::uint8_t {
  meeting,              // a group or leader-channel meeting (sides: 1 direct, >1 shuttle)
  proposal,             // the mediator's (or, alternating offers, a party's) proposal
  adopted,              // every voter accepted: the text changes
  rejected,             // someone rejected
  consensus,            // a group's members all endorse: its open items become agreed
  deadlock,             // a group went `escalate_after` rounds without an adopted change
  escalation,           // official -> aide -> leader
  principle_fixed,      // the leader channel restricted an issue to a set of options (`package`)
  package_trade,        // the leader channel adopted a cross-topic change
  merge,                // a shuttle group's refusals lapsed: it now meets directly
  framework_signed,     // stage 2
  ceasefire_started,    // with the framework
  final_signed,         // stage 3 done
  leak,                 // a meeting leaked: `party` exposed (its reservation hardens)
  leverage,             // an instrument fired (`instrument`), `party` its target
  walkout,              // `party`'s trust in the mediator fell below its floor: it left
  returned,             // ... and came back
  ceasefire_collapsed,  // the ceasefire broke down: war resumes, negotiation goes on
  position_yielded,     // `party` voted for a text crossing its stated position (`issue`=`option`)
  principle_revised,    // a principle that left no acceptable text was widened (`package`)
};
const char* to_string(EventType type);
inline constexpr std::size_t kEventTypes = 20;
static_assert(static_cast<std::size_t>(EventType::principle_revised) + 1 == kEventTypes);

struct Event {
  EventType type = EventType::meeting;
  int month = 0;
  int round = 0;   // global round number (0 before any round)
  int group = -1;  // design group index; -1 for a leader channel or the whole process
  Level level = Level::official;
  int party = -1;  // leader-channel partner, proposer, or merged party (scenario index)
  int issue = -1, option = -1;  // principle_fixed; position_yielded: the position's first condition
  int sides = 0;                // meeting
  std::uint64_t package = 0;    // proposal/adopted/package_trade/signing: whole-package index;
                                // principle_fixed/revised: the options allowed, as a bit set
  int instrument = -1;          // leverage: index into scenario.dynamics.leverage
};

enum class Outcome {
  final_agreement,      // the final agreement was signed
  framework_only,       // the framework (and its ceasefire) holds at the horizon
  ceasefire_collapsed,  // a ceasefire broke down and no framework was in force at the end
  walkout,              // no agreement, and a party had walked out at the end
  no_agreement,
};
const char* to_string(Outcome outcome);

struct RunResult {
  Outcome outcome = Outcome::no_agreement;
  int framework_month = -1, final_month = -1;
  std::vector<int> package;         // the text at the end
  std::vector<double> utility;      // per stakeholder, of `package`
  std::vector<double> reservation;  // per stakeholder, r(t) at the end (or at signing)
  int rounds = 0;
  int leader_meetings = 0;  // meetings of the leader channels (part of the `meeting` events)
  std::vector<Event> events;
  /// Events of each type in `events` (counted as they are logged).
  std::array<int, kEventTypes> counts{};
  [[nodiscard]] int count(EventType t) const { return counts[static_cast<std::size_t>(t)]; }

  // Dynamics (docs/model.md, "Dynamics"). Costs are [party * units + unit], scenario order.
  int months = 0;     // months run: the last month + 1
  int collapses = 0;  // ceasefire breakdowns
  /// The normalisation tracks, a separate outcome: -1 none in the design, 0 some issue of theirs
  /// still open at the end, 1 all their issues agreed.
  int normalisation = -1;
  int war_months = 0, ceasefire_months = 0;
  int first_ceasefire_month = -1;  // the first month a ceasefire was in force at its start
  std::vector<double> costs_before_ceasefire, costs_after_ceasefire;
  std::vector<double> monthly_costs;  // [month * parties * units + party * units + unit]
  int delay_from = -1;  // reference month of the cost of delay (-1: the ZOPA never opened)
  std::vector<double> cost_of_delay;  // war months from delay_from on, beyond ceasefire costs
  std::vector<double> welfare;        // per stakeholder δ^t·u at signing (empty: nothing signed)
  std::vector<double> reservation_path;  // [month * stakeholders + k]: r_k at each month's start
  int welfare_month = -1;
};

}  // namespace parley::engine

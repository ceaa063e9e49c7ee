#pragma once
// What one run reads and changes, by concept (docs/architecture.md, "One run"):
//   Design      — the design's setup, read-only (design.hpp);
//   numbers     — this run's numbers (a sweep draws them per run; a scenario's own otherwise);
//   Strategies  — the parties' and the mediator's strategies, built once per engine;
//   RunState    — every value that changes during a run, reset at its start;
//   Scratch     — buffers reused across rounds so that a warm run allocates nothing.
// The steps of a run are free functions over a Run, one file per concept of the model.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/rng.hpp"
#include "core/scenario.hpp"
#include "engine/design.hpp"
#include "engine/events.hpp"
#include "engine/forces/ceasefire.hpp"
#include "engine/forces/costs.hpp"
#include "engine/forces/leaks.hpp"
#include "engine/forces/leverage.hpp"
#include "engine/forces/option_values.hpp"
#include "engine/forces/reservations.hpp"
#include "engine/forces/walkouts.hpp"
#include "engine/tables.hpp"
#include "engine/text.hpp"
#include "engine/trust.hpp"
#include "engine/views.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {

/// An issue's state in the single text: open, agreed at a group's consensus, or locked by a
/// leader-channel principle.
enum class Status : std::uint8_t { open, agreed, locked };

/// One working group's state during a run.
struct GroupRun {
  Level level = Level::official;
  bool shuttle = false;    // meets in shuttle format (a refusal holds between its members)
  int start_sides = 1;     // sides at the start of the run
  bool consensus = false;  // its members endorse the text (for this stage)
  bool escalated = false;  // waits for a leader channel
  double credit = 0;       // meetings towards the next round (a shuttle round needs one per side)
  int stall = 0;           // rounds since the last adopted change
  int rounds = 0;          // rounds held
  int drafted = 0;         // meetings held on the details since the framework
  Seating seating;         // the last seating plan (tables.hpp)
};

struct RunState {
  explicit RunState(const Design& d) : text(d), options(d) {}

  RunResult* out = nullptr;
  int month = 0;
  Stage stage = Stage::elements;
  Rng rng;      // the mediator's proposals
  Rng rng_dyn;  // leaks and the ceasefire hazard (so leaks do not change which proposals come)
  Text text;
  std::vector<Status> status;          // per issue
  std::vector<std::uint64_t> allowed;  // per issue: the options its principle allows (bit set)
  bool any_principle = false;          // some issue is restricted
  int principles_checked = -1;         // the month principles were last checked (principles.hpp)
  Trust trust;
  std::vector<GroupRun> groups;           // per design group
  std::vector<int> channel_failures;      // per leader channel: rounds without a trade
  std::vector<unsigned char> deadlocked;  // per process group: deadlocked in this run
  // The forces (docs/model.md, "Dynamics").
  Reservations reservations;
  OptionValues options;
  LeverageState leverage;
  LeakState leaks;
  Walkouts walkouts;
  CeasefireState ceasefire;
  Ledger ledger;
  HeldTexts held;                      // packages the text has held since the last shock
  std::vector<std::uint64_t> yielded;  // per stakeholder: stated positions it has given up
  int progress = 0;                    // the month of the last progress (leverage `stalled`)
  std::vector<int> exposed;            // per party: leaks that exposed it (leverage `leaked`)
  std::vector<double> effort;  // equal effort: rounds' credit per group, then per leader channel

  /// Something changed what the packages are worth or which may move (a leverage event, a
  /// principle, a collapse): the text may go back to packages it has left (docs/model.md, "A
  /// text that moves forward"). A leak is not one: it changes what a party will sign, not
  /// what a package is worth.
  void shock() {
    held.clear();
    held.add(text.index);
  }

  /// Appends an event at this month and round; returns it for its extra fields.
  Event& log(EventType type, int group, Level level, int party = -1) {
    Event& e = out->events.emplace_back();
    e.type = type;
    e.month = month;
    e.round = out->rounds;
    e.group = group;
    e.level = level;
    e.party = party;
    ++out->counts[static_cast<std::size_t>(type)];
    return e;
  }
};

struct Strategies {
  std::vector<std::unique_ptr<PartyStrategy>> party;  // per stakeholder
  std::unique_ptr<MediatorStrategy> mediator;
  bool mediator_full = false;         // the mediator is registered as needing full information
  std::vector<FullInformation> info;  // per stakeholder, for full-information parties
  FullInformation full;               // for a full-information mediator
};

struct Scratch {
  ViewBuilder views;  // the PartyView handed to a party
  Change change;
  std::vector<unsigned char> accepted;    // per voter of the last proposal
  std::vector<TableVote> table;           // votes seen at a direct table
  std::vector<int> open;                  // open issues of a round
  std::vector<int> participants;          // who sat at a meeting
  std::vector<double> kappa_path;         // κ_k(t) of the projected trajectory (ZOPA month)
  std::vector<std::uint64_t> red_before;  // per stakeholder: its red lines before an adoption
  // Principles (principles.cpp): the design's blocks with the flags of the check at hand, the
  // flags of the principles in force, what those depend on, and the block that differs now.
  std::vector<analysis::Block> principle_blocks;
  std::vector<std::vector<unsigned char>> principle_base;
  std::uint64_t principle_signature = 0;
  int principle_dirty = -1;
};

struct Run {
  const Design& design;
  const Scenario& numbers;
  Strategies& strategies;
  RunState& state;
  Scratch& scratch;
  Without without;    // mechanisms switched off
  double budget = 0;  // proposals a month under equal effort (0: the tables' cadences)
};

/// Stakeholder k's view of the text and of the proposal (utility `u_proposed`, red lines
/// `red_proposed`); `rounds` > 0 only under alternating offers.
inline const PartyView& party_view(Run& run, std::size_t k, double u_proposed,
                                   std::uint64_t red_proposed, int round, int rounds) {
  const RunState& st = run.state;
  // A stated position is not a red line to the party's vote: its cost is in its utility.
  const std::uint64_t firm =
      run.without.on(Mechanism::positions) ? ~run.design.model.stated_lines(k) : ~std::uint64_t{0};
  return run.scratch.views.of(k, st.reservations.r[k], st.reservations.fatigue[k],
                              st.options.best[k], st.reservations.discount[k], st.month, round,
                              rounds, st.text.u[k], u_proposed, st.text.red[k] & firm,
                              red_proposed & firm);
}

}  // namespace parley::engine

#include "engine/working_group.hpp"

#include <cmath>

#include "engine/cadence.hpp"
#include "engine/effort.hpp"
#include "engine/escalation.hpp"
#include "engine/forces/leaks.hpp"
#include "engine/forces/walkouts.hpp"
#include "engine/round.hpp"
#include "engine/run.hpp"
#include "engine/stages.hpp"

namespace parley::engine {
namespace {

/// Who sat at this meeting: everyone, or the mediator and the side it visited.
void list_participants(Run& run, int g, int n_sides) {
  const GroupSetup& setup = run.design.groups[static_cast<std::size_t>(g)];
  const GroupRun& gr = run.state.groups[static_cast<std::size_t>(g)];
  std::vector<int>& out = run.scratch.participants;
  out.clear();
  if (run.numbers.dynamics.leak_probability <= 0) return;  // no leaks: nobody to list
  if (gr.shuttle) {
    if (run.numbers.process.mediator >= 0) out.push_back(run.numbers.process.mediator);
    const int side = static_cast<int>(gr.credit) % n_sides;
    for (std::size_t a = 0; a < setup.seated.size() && a < 64; ++a)
      if (gr.seating.side_of[a] == side) out.push_back(setup.seated[a]);
  } else {
    out.assign(setup.spec->members.begin(), setup.spec->members.end());
  }
}

/// A meeting's trust: direct, among all members; shuttle, each seated member with the mediator.
void meeting_trust(Run& run, int g) {
  const GroupSetup& setup = run.design.groups[static_cast<std::size_t>(g)];
  const ProcessSpec& p = run.numbers.process;
  if (run.state.groups[static_cast<std::size_t>(g)].shuttle) {
    if (p.mediator < 0) return;
    for (int m : setup.seated) {
      const int pair[2] = {m, p.mediator};
      run.state.trust.raise(pair, p.trust_meeting);
    }
  } else {
    run.state.trust.raise(setup.spec->members, p.trust_meeting);
  }
}

}  // namespace

void merge_if_refusals_lapsed(Run& run, int g) {
  if (run.without.has(Mechanism::merge)) return;
  GroupRun& gr = run.state.groups[static_cast<std::size_t>(g)];
  if (gr.shuttle &&
      sides(run.design.groups[static_cast<std::size_t>(g)], gr.seating, run.state.trust) == 1) {
    gr.shuttle = false;
    run.state.log(EventType::merge, g, gr.level);
  }
}

bool meet_working_group(Run& run, int g) {
  RunState& st = run.state;
  GroupRun& gr = st.groups[static_cast<std::size_t>(g)];
  const GroupSetup& setup = run.design.groups[static_cast<std::size_t>(g)];
  // Groups with only detail issues still meet before the framework: no text to change yet,
  // but meetings build trust ("visible good faith").
  const bool good_faith_only = st.stage == Stage::elements && !setup.has_main;
  if ((gr.consensus && !good_faith_only) || gr.escalated) return false;
  // Closed until a leverage instrument opens it; or a member has walked out.
  if (!group_open(run.design, st.leverage, g) || !st.walkouts.present(setup.spec->members))
    return false;
  const ProcessSpec& p = run.numbers.process;
  const double cadence = (gr.level == setup.spec->level && setup.spec->cadence)
                             ? *setup.spec->cadence
                             : p.cadence[static_cast<std::size_t>(gr.level)];
  // With an effort budget, the rounds its credit allows (a shuttle round: a meeting a side).
  const bool budgeted = run.budget > 0 && !good_faith_only;
  const int meetings = budgeted ? effort_rounds(run, static_cast<std::size_t>(g)) *
                                      (gr.shuttle ? sides(setup, gr.seating, st.trust) : 1)
                                : meetings_in_month(cadence, st.month);
  // Rounds allowed and not held this month (consensus, escalation) are not carried over.
  if (budgeted)
    spend_effort(run, static_cast<std::size_t>(g), effort_rounds(run, static_cast<std::size_t>(g)));
  for (int mtg = 0; mtg < meetings && (good_faith_only || !gr.consensus) && !gr.escalated &&
                    st.walkouts.present(setup.spec->members);
       ++mtg) {
    // Without merges the group keeps the sides it started with.
    const int n_sides = !gr.shuttle                         ? 1
                        : run.without.has(Mechanism::merge) ? gr.start_sides
                                                            : sides(setup, gr.seating, st.trust);
    if (gr.shuttle && n_sides == 1 && run.without.on(Mechanism::merge)) {
      // Refusals lapsed during the month.
      gr.shuttle = false;
      st.log(EventType::merge, g, gr.level);
    }
    st.log(EventType::meeting, g, gr.level).sides = n_sides;
    if (st.stage == Stage::final_text) ++gr.drafted;
    meeting_trust(run, g);
    list_participants(run, g, n_sides);
    if (maybe_leak(run, g, gr.level, run.scratch.participants, gr.shuttle)) check_walkouts(run);
    if (good_faith_only) continue;
    gr.credit += 1;
    if (gr.credit < n_sides) continue;  // a shuttle round needs one meeting per side
    gr.credit -= n_sides;
    std::vector<int>& open = run.scratch.open;
    open.clear();
    append_open_issues(run, g, open);
    const bool adopted =
        negotiate_round(run, g, gr.level, open, setup.voters, gr.level == Level::leader, -1);
    // Drafting is work, not deadlock: rounds without a change do not count while it lasts.
    gr.stall = adopted || !drafting_done(run, g) ? 0 : gr.stall + 1;
    if (check_consensus(run, g)) return check_stages(run);
    escalate_if_deadlocked(run, g);
  }
  return false;
}

}  // namespace parley::engine

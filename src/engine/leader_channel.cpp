#include "engine/leader_channel.hpp"

#include <cmath>

#include "engine/cadence.hpp"
#include "engine/effort.hpp"
#include "engine/forces/leaks.hpp"
#include "engine/forces/walkouts.hpp"
#include "engine/principles.hpp"
#include "engine/round.hpp"
#include "engine/run.hpp"
#include "engine/stages.hpp"

namespace parley::engine {
namespace {

bool is_member(const GroupSetup& g, int party) {
  for (int m : g.spec->members)
    if (m == party) return true;
  return false;
}

/// Groups waiting for the channel with `partner` go back to their own level.
void send_back(Run& run, int partner) {
  for (std::size_t g = 0; g < run.state.groups.size(); ++g) {
    GroupRun& gr = run.state.groups[g];
    if (gr.escalated && is_member(run.design.groups[g], partner)) {
      gr.escalated = false;
      gr.level = run.design.groups[g].spec->level;
      gr.stall = 0;
    }
  }
}

/// The adopted change was a trade: relabel it and set principles on its issues.
void fix_principles(Run& run, int partner) {
  RunState& st = run.state;
  RunResult& out = *st.out;
  out.events.back().type = EventType::package_trade;
  --out.counts[static_cast<std::size_t>(EventType::adopted)];
  ++out.counts[static_cast<std::size_t>(EventType::package_trade)];
  st.shock();
  if (run.without.on(Mechanism::principles)) set_principles(run, partner);
  for (std::size_t g = 0; g < st.groups.size(); ++g) {
    GroupRun& gr = st.groups[g];
    if (gr.escalated) {
      gr.escalated = false;
      gr.level = run.design.groups[g].spec->level;
      gr.stall = 0;
    }
  }
}

/// One channel's meetings this month.
void meet_channel(Run& run, std::size_t c) {
  RunState& st = run.state;
  const int partner = run.design.spec.leader_channels[c];
  // A trade needs every party: none may be away.
  if (!channel_needed(run, c) || st.walkouts.away > 0) return;
  const ProcessSpec& p = run.numbers.process;
  const std::size_t table = st.groups.size() + c;
  const int meetings =
      run.budget > 0
          ? effort_rounds(run, table)
          : meetings_in_month(p.cadence[static_cast<std::size_t>(Level::leader)], st.month);
  if (run.budget > 0) spend_effort(run, table, meetings);
  for (int mtg = 0; mtg < meetings && st.walkouts.away == 0; ++mtg) {
    st.log(EventType::meeting, -1, Level::leader, partner).sides = 1;
    ++st.out->leader_meetings;
    if (run.without.on(Mechanism::principles)) revise_principles(run, partner);
    if (run.numbers.dynamics.leak_probability > 0) {
      std::vector<int>& who = run.scratch.participants;
      who.clear();
      if (p.mediator >= 0) who.push_back(p.mediator);
      who.push_back(partner);
      if (maybe_leak(run, -1, Level::leader, who, false)) check_walkouts(run);
    }
    // Open issues of every group still negotiating, so a trade can span groups.
    std::vector<int>& open = run.scratch.open;
    open.clear();
    for (std::size_t g = 0; g < st.groups.size(); ++g)
      if (!st.groups[g].consensus) append_open_issues(run, static_cast<int>(g), open);
    if (!negotiate_round(run, -1, Level::leader, open, run.design.all_voters, true, partner)) {
      if (++st.channel_failures[c] >= p.escalate_after) {
        st.channel_failures[c] = 0;
        st.log(EventType::deadlock, -1, Level::leader, partner);
        send_back(run, partner);
        return;
      }
      continue;
    }
    st.channel_failures[c] = 0;
    fix_principles(run, partner);
    return;
  }
}

}  // namespace

bool channel_needed(const Run& run, std::size_t c) {
  const int partner = run.design.spec.leader_channels[c];
  for (std::size_t g = 0; g < run.state.groups.size(); ++g)
    if (run.state.groups[g].escalated && is_member(run.design.groups[g], partner)) return true;
  return false;
}

void meet_leader_channels(Run& run) {
  if (run.without.has(Mechanism::leader_channel)) return;
  for (std::size_t c = 0; c < run.design.spec.leader_channels.size(); ++c) meet_channel(run, c);
}

}  // namespace parley::engine

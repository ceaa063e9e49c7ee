#include "engine/stages.hpp"

#include <cmath>

#include "engine/forces/walkouts.hpp"
#include "engine/principles.hpp"
#include "engine/round.hpp"
#include "engine/run.hpp"

namespace parley::engine {

void append_open_issues(const Run& run, int g, std::vector<int>& out) {
  const bool detail_stage = run.state.stage == Stage::final_text;
  const auto& issues = run.design.scenario.issues;
  for (int i : run.design.groups[static_cast<std::size_t>(g)].spec->issues)
    if (run.design.issue_group[static_cast<std::size_t>(i)] == g &&
        run.state.status[static_cast<std::size_t>(i)] == Status::open &&
        issues[static_cast<std::size_t>(i)].detail == detail_stage)
      out.push_back(i);
}

bool drafting_done(const Run& run, int g) {
  const double per_issue = run.numbers.process.drafting;
  if (run.state.stage != Stage::final_text || per_issue <= 0 || run.without.has(Mechanism::stages))
    return true;
  const auto gi = static_cast<std::size_t>(g);
  return run.state.groups[gi].drafted >=
         std::ceil(per_issue * run.design.groups[gi].details - 1e-9);
}

bool check_consensus(Run& run, int g) {
  RunState& st = run.state;
  GroupRun& gr = st.groups[static_cast<std::size_t>(g)];
  const GroupSetup& setup = run.design.groups[static_cast<std::size_t>(g)];
  if (gr.consensus) return true;
  if (!group_open(run.design, st.leverage, g) || !st.walkouts.present(setup.spec->members))
    return false;
  if (!drafting_done(run, g) || !within_principles(run, g)) return false;
  if (run.without.on(Mechanism::conditionality))
    for (int h : setup.conditions)
      if (!st.groups[static_cast<std::size_t>(h)].consensus) return false;
  for (int k : setup.voters)
    if (!endorses(run, static_cast<std::size_t>(k))) return false;
  gr.consensus = true;
  std::vector<int>& open = run.scratch.open;
  open.clear();
  append_open_issues(run, g, open);
  for (int i : open) st.status[static_cast<std::size_t>(i)] = Status::agreed;
  st.log(EventType::consensus, g, gr.level).package = st.text.index;
  st.progress = st.month;
  st.trust.raise(setup.spec->members, run.numbers.process.trust_consensus);
  return true;
}

namespace {

bool everyone_endorses(Run& run) {
  for (std::size_t k = 0; k < run.design.K; ++k)  // a party that walked out signs nothing
    if (run.state.walkouts.is_away(run.design.model.party_index(k)) || !endorses(run, k))
      return false;
  return true;
}

bool framework_ready(Run& run) {
  for (std::size_t g = 0; g < run.design.groups.size(); ++g) {
    const GroupSetup& setup = run.design.groups[g];
    if (setup.spec->framework && setup.has_main && !run.state.groups[g].consensus) return false;
  }
  return within_principles(run, -1) && everyone_endorses(run);
}

/// The final text of the war needs the war tracks' detail issues agreed. Normalisation tracks
/// (strategic stability, the Arctic) follow the war's end; the war's end does not wait for them
/// (docs/model.md, "Stages").
bool final_ready(Run& run) {
  for (std::size_t g = 0; g < run.design.groups.size(); ++g) {
    const GroupSetup& setup = run.design.groups[g];
    if (!setup.spec->normalisation && setup.has_detail && !run.state.groups[g].consensus)
      return false;
  }
  return everyone_endorses(run);
}

}  // namespace

bool check_stages(Run& run) {
  RunState& st = run.state;
  RunResult& out = *st.out;
  if (st.stage == Stage::elements && framework_ready(run)) {
    // Signing a text that crosses a stated position gives it up (the opening text may have).
    if (run.without.on(Mechanism::positions))
      for (std::size_t k = 0; k < run.design.K; ++k) log_yielded_positions(run, k, 0);
    st.log(EventType::framework_signed, -1, Level::leader).package = st.text.index;
    st.progress = st.month;
    st.log(EventType::ceasefire_started, -1, Level::leader);
    if (out.framework_month < 0) out.framework_month = st.month;
    st.ceasefire.in_force = true;
    st.ceasefire.signed_month = st.month;
    st.stage = Stage::final_text;
    for (std::size_t g = 0; g < st.groups.size(); ++g) {
      GroupRun& gr = st.groups[g];
      gr.consensus = !run.design.groups[g].has_detail;
      gr.level = Level::official;  // details go to official-level groups
      gr.escalated = false;
      gr.stall = 0;
      gr.drafted = 0;
    }
  }
  if (st.stage == Stage::final_text && final_ready(run)) {
    st.log(EventType::final_signed, -1, Level::leader).package = st.text.index;
    out.final_month = st.month;
    return true;
  }
  return false;
}

void start_stages(Run& run) {
  RunState& st = run.state;
  st.stage = Stage::elements;
  for (std::size_t g = 0; g < st.groups.size(); ++g) {
    GroupRun& gr = st.groups[g];
    const GroupSetup& setup = run.design.groups[g];
    gr.level = setup.spec->level;
    gr.consensus = !setup.has_main;  // nothing to agree before the framework
    gr.escalated = false;
    gr.credit = 0;
    gr.stall = gr.rounds = 0;
  }
}

void reopen_after_collapse(Run& run) {
  RunState& st = run.state;
  st.ceasefire.in_force = false;
  ++st.out->collapses;
  st.log(EventType::ceasefire_collapsed, -1, Level::leader);
  st.shock();
  const int P = static_cast<int>(run.design.P);
  for (int a = 0; a < P; ++a)
    for (int b = 0; b < P; ++b)
      if (a != b) st.trust.lower(a, b, run.numbers.dynamics.trust_violation);
  st.stage = Stage::elements;
  const auto& issues = run.design.scenario.issues;
  for (std::size_t i = 0; i < issues.size(); ++i)
    if (!issues[i].detail && st.status[i] == Status::agreed) st.status[i] = Status::open;
  for (std::size_t g = 0; g < st.groups.size(); ++g) {
    GroupRun& gr = st.groups[g];
    gr.consensus = !run.design.groups[g].has_main;
    gr.level = run.design.groups[g].spec->level;
    gr.escalated = false;
    gr.stall = 0;
  }
  check_walkouts(run);
}

}  // namespace parley::engine

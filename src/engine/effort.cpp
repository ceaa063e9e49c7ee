#include "engine/effort.hpp"

#include <cmath>

#include "engine/leader_channel.hpp"
#include "engine/stages.hpp"

namespace parley::engine {
namespace {

bool negotiates(const Run& run, std::size_t g) {
  const RunState& st = run.state;
  const GroupRun& gr = st.groups[g];
  const GroupSetup& setup = run.design.groups[g];
  if (gr.consensus || gr.escalated) return false;
  if (st.stage == Stage::elements && !setup.has_main) return false;  // good faith only
  return group_open(run.design, st.leverage, static_cast<int>(g)) &&
         st.walkouts.present(setup.spec->members);
}

}  // namespace

void share_effort(Run& run) {
  if (run.budget <= 0) return;
  RunState& st = run.state;
  const std::size_t G = st.groups.size(), C = run.design.spec.leader_channels.size();
  int tables = 0;
  for (std::size_t g = 0; g < G; ++g) tables += negotiates(run, g) ? 1 : 0;
  for (std::size_t c = 0; c < C; ++c) tables += channel_needed(run, c) ? 1 : 0;
  if (tables == 0) return;
  const double share = run.budget / tables;
  for (std::size_t g = 0; g < G; ++g)
    if (negotiates(run, g)) st.effort[g] += share;
  for (std::size_t c = 0; c < C; ++c)
    if (channel_needed(run, c)) st.effort[G + c] += share;
}

int effort_rounds(const Run& run, std::size_t table) {
  return static_cast<int>(std::floor(run.state.effort[table] + 1e-9));
}

void spend_effort(Run& run, std::size_t table, int rounds) {
  run.state.effort[table] -= rounds;
}

}  // namespace parley::engine

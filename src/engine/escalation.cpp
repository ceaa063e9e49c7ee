#include "engine/escalation.hpp"

#include "engine/run.hpp"

namespace parley::engine {

void escalate_if_deadlocked(Run& run, int g) {
  RunState& st = run.state;
  GroupRun& gr = st.groups[static_cast<std::size_t>(g)];
  const GroupSetup& setup = run.design.groups[static_cast<std::size_t>(g)];
  if (gr.stall < run.numbers.process.escalate_after) return;
  st.log(EventType::deadlock, g, gr.level);
  st.deadlocked[static_cast<std::size_t>(setup.process_group)] = 1;
  gr.stall = 0;
  if (gr.level == Level::leader) {
    // Deadlocked at the top with no channel above: back to the group's own level.
    gr.level = setup.spec->level;
    return;
  }
  gr.level = static_cast<Level>(static_cast<int>(gr.level) + 1);
  st.log(EventType::escalation, g, gr.level);
  if (gr.level == Level::leader) {
    bool channel = false;
    if (run.without.on(Mechanism::leader_channel))
      for (int c : run.design.spec.leader_channels)
        for (int m : setup.spec->members) channel = channel || m == c;
    gr.escalated = channel;  // else the group meets at leader level itself
  }
}

}  // namespace parley::engine

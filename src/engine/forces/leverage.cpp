#include "engine/forces/leverage.hpp"

#include <algorithm>

#include "engine/run.hpp"

namespace parley::engine {
namespace {

/// Does one of `party`'s seating refusals hold now?
bool refusal_holds(const Run& run, int party) {
  for (const Refusal& rf : run.numbers.process.refusals)
    if (rf.party == party && run.state.trust(rf.party, rf.other) < rf.threshold) return true;
  return false;
}

}  // namespace

void fire_triggers(Run& run) {
  if (run.without.has(Mechanism::leverage)) return;
  RunState& st = run.state;
  const auto& instruments = run.numbers.dynamics.leverage;
  for (std::size_t l = 0; l < instruments.size(); ++l) {
    auto& fired = st.leverage.fired;
    if (fired[l] >= 0 || (!st.leverage.enabled.empty() && !st.leverage.enabled[l])) continue;
    const Leverage& lv = instruments[l];
    const Trigger& w = lv.when;
    if (st.month < w.from_month || st.month > w.until_month) continue;
    if (w.stage && *w.stage != st.stage) continue;
    if (w.deadlock_group >= 0 && !st.deadlocked[static_cast<std::size_t>(w.deadlock_group)])
      continue;
    if (w.trust_from >= 0) {
      const double t = st.trust(w.trust_from, w.trust_to);
      if (!(t < w.trust_below && t > w.trust_above)) continue;
    }
    if (w.after >= 0 && fired[static_cast<std::size_t>(w.after)] < 0) continue;
    // Months without progress, counted from the `after` instrument's firing if there is one.
    const int since = w.after >= 0 ? std::max(st.progress, fired[static_cast<std::size_t>(w.after)])
                                   : st.progress;
    if (w.stalled > 0 && st.month - since < w.stalled) continue;
    if (w.leaked >= 0 && st.exposed[static_cast<std::size_t>(w.leaked)] == 0) continue;
    if (w.refusing >= 0 && !refusal_holds(run, w.refusing)) continue;
    fired[l] = st.month;
    st.shock();
    for (const TrustChange& tc : lv.trust) st.trust.lower(tc.from, tc.to, -tc.change);
    st.log(EventType::leverage, -1, Level::leader, lv.target).instrument = static_cast<int>(l);
  }
}

bool group_open(const Design& d, const LeverageState& lv, int g) {
  if (!d.any_openers) return true;
  const auto& op =
      d.openers[static_cast<std::size_t>(d.groups[static_cast<std::size_t>(g)].process_group)];
  if (op.empty()) return true;
  for (int l : op)
    if (lv.fired[static_cast<std::size_t>(l)] >= 0) return true;
  return false;
}

}  // namespace parley::engine

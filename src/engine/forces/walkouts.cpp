#include "engine/forces/walkouts.hpp"

#include <algorithm>

#include "engine/run.hpp"

namespace parley::engine {

void end_walkouts(Run& run) {
  RunState& st = run.state;
  Walkouts& w = st.walkouts;
  const int mediator = run.numbers.process.mediator;
  for (std::size_t p = 0; p < w.away_until.size(); ++p)
    if (w.away_until[p] >= 0 && st.month >= w.away_until[p]) {
      w.away_until[p] = -1;
      --w.away;
      double& t = st.trust.at(static_cast<int>(p), mediator);
      t = std::max(t, run.numbers.dynamics.walkout_floor[p]);
      st.log(EventType::returned, -1, Level::leader, static_cast<int>(p));
    }
}

void check_walkouts(Run& run) {
  const int mediator = run.numbers.process.mediator;
  if (mediator < 0) return;
  RunState& st = run.state;
  Walkouts& w = st.walkouts;
  for (std::size_t p = 0; p < run.design.P; ++p) {
    const double floor = run.numbers.dynamics.walkout_floor[p];
    if (floor < 0 || w.away_until[p] >= 0 || static_cast<int>(p) == mediator) continue;
    if (st.trust(static_cast<int>(p), mediator) < floor) {
      w.away_until[p] = st.month + run.numbers.dynamics.walkout_months;
      ++w.away;
      st.log(EventType::walkout, -1, Level::leader, static_cast<int>(p));
    }
  }
}

}  // namespace parley::engine

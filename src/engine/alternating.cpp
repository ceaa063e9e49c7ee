#include "engine/alternating.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "engine/forces/month_start.hpp"
#include "engine/run.hpp"

namespace parley::engine {

void run_alternating_offers(Run& run) {
  const Design& d = run.design;
  RunState& st = run.state;
  RunResult& out = *st.out;
  if (d.K != 2) throw Error("alternating offers needs exactly two parties with preferences");
  const ProcessSpec& p = run.numbers.process;
  const double cadence = p.cadence[static_cast<std::size_t>(Level::official)];
  const int rounds = std::max(1, static_cast<int>(std::floor(p.horizon * cadence + 1e-9)));
  for (std::size_t k = 0; k < d.K; ++k) {
    run.strategies.info[k].rounds = rounds;
    run.strategies.party[k]->inform(run.strategies.info[k]);
  }
  Text& text = st.text;
  int begun = -1;  // months whose start (costs, leverage, drift) has been run
  for (int t = 0; t < rounds; ++t) {
    const int month = static_cast<int>(std::floor(t / cadence + 1e-9));
    while (begun < month) {
      st.month = ++begun;
      start_month(run);
    }
    const std::size_t proposer = static_cast<std::size_t>(t % 2), responder = 1 - proposer;
    std::copy(text.x.begin(), text.x.end(), text.y.begin());
    if (!run.strategies.party[proposer]->offer(
            party_view(run, proposer, text.u[proposer], text.red[proposer], t, rounds), text.y))
      continue;  // the proposer passes: no offer it would sign
    ++out.rounds;
    for (std::size_t k = 0; k < d.K; ++k) text.uy[k] = st.options.valuation.utility(k, text.y);
    st.log(EventType::proposal, -1, Level::official, d.model.party_index(proposer)).package =
        d.space.encode(text.y);
    const PartyView& view = party_view(run, responder, text.uy[responder],
                                       d.model.red_line_set(responder, text.y), t, rounds);
    if (run.strategies.party[responder]->accept(view)) {
      text.adopt(d, st.options.valuation);
      st.log(EventType::adopted, -1, Level::official, d.model.party_index(responder)).package =
          text.index;
      st.log(EventType::framework_signed, -1, Level::official).package = text.index;
      st.log(EventType::final_signed, -1, Level::official).package = text.index;
      out.framework_month = out.final_month = st.month;
      out.outcome = Outcome::final_agreement;
      return;
    }
    st.log(EventType::rejected, -1, Level::official, d.model.party_index(responder));
  }
  out.outcome = Outcome::no_agreement;
}

}  // namespace parley::engine

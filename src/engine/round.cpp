#include "engine/round.hpp"

#include <algorithm>

#include "engine/disclosure.hpp"
#include "engine/run.hpp"

namespace parley::engine {
namespace {

MediatorView mediator_view(Run& run, int group, std::span<const int> open,
                           std::span<const int> voters, bool cross_topic) {
  RunState& st = run.state;
  MediatorView mv;
  mv.draft = st.text.x;
  mv.open_issues = open;
  mv.issue_group = run.design.issue_group;
  mv.option_counts = &run.design.option_counts;
  mv.voters = voters;
  mv.cross_topic = cross_topic;
  mv.max_issues = max_issues_at(run, group);
  mv.allowed = st.allowed;
  mv.month = st.month;
  mv.round = group >= 0 ? st.groups[static_cast<std::size_t>(group)].rounds : st.out->rounds;
  mv.group = group;
  mv.text_version = st.text.version;
  mv.rng = &st.rng;
  if (run.without.on(Mechanism::forward_text)) mv.held = &st.held;
  mv.draft_index = st.text.index;
  mv.space = &run.design.space;
  if (run.strategies.mediator_full) {
    FullInformation& full = run.strategies.full;
    full.model = &run.design.model;
    full.reservation = st.reservations.r;
    full.valuation = st.options.valuation;
    full.discount = st.reservations.discount;
    mv.full = &full;
  }
  return mv;
}

}  // namespace

void log_yielded_positions(Run& run, std::size_t k, std::uint64_t before) {
  RunState& st = run.state;
  const UtilityModel& model = run.design.model;
  std::uint64_t fresh = st.text.red[k] & ~before & model.stated_lines(k) & ~st.yielded[k];
  if (fresh == 0) return;
  st.yielded[k] |= fresh;
  const auto lines = model.red_lines(k);
  for (std::size_t l = 0; fresh != 0; ++l, fresh >>= 1) {
    if ((fresh & 1u) == 0) continue;
    Event& e = st.log(EventType::position_yielded, -1, Level::leader, model.party_index(k));
    e.issue = lines[l][0].issue;
    e.option = lines[l][0].option;
  }
}

bool negotiate_round(Run& run, int group, Level level, std::span<const int> open,
                     std::span<const int> voters, bool cross_topic, int party) {
  RunState& st = run.state;
  Scratch& sc = run.scratch;
  const Design& d = run.design;
  const MediatorView mv = mediator_view(run, group, open, voters, cross_topic);
  run.strategies.mediator->propose(mv, sc.change);
  if (sc.change.size == 0) return false;
  ++st.out->rounds;
  if (group >= 0) ++st.groups[static_cast<std::size_t>(group)].rounds;
  st.text.propose(d, st.options.valuation, sc.change);
  // Back to a package held since the last shock: progress undone. With the text moving forward
  // the proposal is withdrawn before the vote: no round, and the meeting makes no progress.
  const bool revisit = st.held.contains(st.text.index_y);
  if (revisit && run.without.on(Mechanism::forward_text)) {
    --st.out->rounds;
    if (group >= 0) --st.groups[static_cast<std::size_t>(group)].rounds;
    return false;
  }
  st.log(EventType::proposal, group, level, party).package = st.text.index_y;
  bool all = true;
  const bool direct = group >= 0 && !st.groups[static_cast<std::size_t>(group)].shuttle;
  sc.table.clear();
  for (std::size_t j = 0; j < voters.size(); ++j) {
    const auto k = static_cast<std::size_t>(voters[j]);
    // Cast on the utility net of what conceding in this format costs (disclosure.hpp).
    const double u_voted = voted_utility(run, group, k, st.text.u[k], st.text.uy[k]);
    const PartyView& view =
        party_view(run, k, u_voted, st.text.red_of_proposal(d, k, sc.change), mv.round, 0);
    const bool yes = run.strategies.party[k]->accept(view);
    sc.accepted[j] = yes ? 1 : 0;
    all = all && yes;
    if (direct) sc.table.push_back({d.model.party_index(k), yes});
  }
  run.strategies.mediator->feedback(
      mv, sc.change, std::span<const unsigned char>(sc.accepted.data(), voters.size()));
  if (direct)
    for (int k : voters) run.strategies.party[static_cast<std::size_t>(k)]->observe(sc.table);
  if (!all) {
    st.log(EventType::rejected, group, level, party);
    return false;
  }
  for (int v : voters)
    sc.red_before[static_cast<std::size_t>(v)] = st.text.red[static_cast<std::size_t>(v)];
  st.text.adopt(d, st.options.valuation);
  ++st.text.version;
  st.log(EventType::adopted, group, level, party).package = st.text.index;
  st.progress = st.month;
  st.held.add(st.text.index);
  // A voter that accepted a change into one of its stated positions gave it up.
  if (run.without.on(Mechanism::positions))
    for (int v : voters)
      log_yielded_positions(run, static_cast<std::size_t>(v),
                            sc.red_before[static_cast<std::size_t>(v)]);
  // Trust grows with progress: a return to a package already held builds none.
  if (group >= 0 && !revisit)
    st.trust.raise(d.groups[static_cast<std::size_t>(group)].spec->members,
                   run.numbers.process.trust_adopted);
  return true;
}

bool endorses(Run& run, std::size_t k) {
  RunState& st = run.state;
  std::copy(st.text.x.begin(), st.text.x.end(), st.text.y.begin());
  const PartyView& view = party_view(run, k, st.text.u[k], st.text.red[k], 0, 0);
  return run.strategies.party[k]->endorse(view);
}

}  // namespace parley::engine

#include "engine/engine.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/blocks.hpp"
#include "core/errors.hpp"

namespace parley::engine {

const char* to_string(EventType type) {
  switch (type) {
    case EventType::meeting:
      return "meeting";
    case EventType::proposal:
      return "proposal";
    case EventType::adopted:
      return "adopted";
    case EventType::rejected:
      return "rejected";
    case EventType::consensus:
      return "consensus";
    case EventType::deadlock:
      return "deadlock";
    case EventType::escalation:
      return "escalation";
    case EventType::principle_fixed:
      return "principle_fixed";
    case EventType::package_trade:
      return "package_trade";
    case EventType::merge:
      return "merge";
    case EventType::framework_signed:
      return "framework_signed";
    case EventType::ceasefire_started:
      return "ceasefire_started";
    case EventType::final_signed:
      return "final_signed";
  }
  return "?";
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::final_agreement:
      return "final_agreement";
    case Outcome::framework_only:
      return "framework_only";
    case Outcome::no_agreement:
      return "no_agreement";
  }
  return "?";
}

/// A refusal between the seated members at positions `later` > `earlier` of a group.
struct SeatRefusal {
  int later, earlier;
  std::size_t trust;  // index of trust(refusing party, refused party)
  double threshold;
};

struct Engine::GroupState {
  const GroupSpec* spec = nullptr;
  std::vector<int> voters;            // stakeholder indices of members with preferences
  std::vector<int> seated;            // members other than the mediator (who shuttles)
  std::vector<int> conditions;        // design indices of the groups it is conditional on
  std::vector<SeatRefusal> refusals;  // between seated members (positions in `seated`)
  std::uint64_t holding = 0;          // sides(): the refusals holding at the last colouring
  int sides = 1;                      // ... and its result
  bool has_detail = false, has_main = false;
  // run state
  Level level = Level::official;
  bool shuttle = false, consensus = false, escalated = false;
  double credit = 0;
  int stall = 0, rounds = 0;
};

namespace {

int meetings_in_month(double cadence, int month) {
  const double eps = 1e-9;
  return static_cast<int>(std::floor((month + 1) * cadence + eps) -
                          std::floor(month * cadence + eps));
}

}  // namespace

Engine::Engine(const Scenario& scenario, std::size_t design)
    : s_(scenario),
      p_(scenario.process),
      design_(scenario.process.designs.at(design)),
      model_(scenario),
      space_(scenario.space()),
      K_(model_.parties()) {
  sk_.assign(s_.parties.size(), -1);
  for (std::size_t k = 0; k < K_; ++k)
    sk_[static_cast<std::size_t>(model_.party_index(k))] = static_cast<int>(k);
  for (const auto& is : s_.issues) option_counts_.push_back(static_cast<int>(is.options.size()));
  // Own best utility (red lines ignored): the maximum over each block of tied issues.
  const auto blocks = analysis::make_blocks(s_, model_);
  best_.assign(K_, 0.0);
  for (const auto& b : blocks)
    for (std::size_t k = 0; k < K_; ++k) {
      double hi = -INFINITY;
      for (std::size_t c = 0; c < b.combos; ++c) hi = std::max(hi, b.u[c * K_ + k]);
      best_[k] += hi;
    }
  for (std::size_t k = 0; k < K_; ++k) {
    const int p = model_.party_index(k);
    r0_.push_back(model_.reservation(k));
    kappa_.push_back(p_.fatigue.empty() ? 0.0 : p_.fatigue[static_cast<std::size_t>(p)]);
    discount_.push_back(s_.preferences[static_cast<std::size_t>(p)]->discount);
    const StrategySpec& spec = p_.strategies.empty() ? StrategySpec{"linear", {}}
                                                     : p_.strategies[static_cast<std::size_t>(p)];
    party_.push_back(make_party_strategy(spec));
    all_voters_.push_back(static_cast<int>(k));
  }
  mediator_ = make_mediator_strategy(p_.mediator_strategy);
  if (const StrategyInfo* info = find_mediator_strategy(p_.mediator_strategy.type))
    mediator_full_ = info->full_information;
  issue_group_.assign(s_.issues.size(), -1);
  for (std::size_t g = 0; g < design_.groups.size(); ++g) {
    auto st = std::make_unique<GroupState>();
    st->spec = &p_.groups[static_cast<std::size_t>(design_.groups[g])];
    for (int m : st->spec->members) {
      if (sk_[static_cast<std::size_t>(m)] >= 0)
        st->voters.push_back(sk_[static_cast<std::size_t>(m)]);
      if (m != p_.mediator) st->seated.push_back(m);
    }
    for (int i : st->spec->issues) {
      if (issue_group_[static_cast<std::size_t>(i)] < 0)
        issue_group_[static_cast<std::size_t>(i)] = static_cast<int>(g);
      (s_.issues[static_cast<std::size_t>(i)].detail ? st->has_detail : st->has_main) = true;
    }
    groups_.push_back(std::move(st));
  }
  // Conditions as design indices (a condition on a group outside the design is void).
  // Refusals between two seated members of each group, by seat position.
  const std::size_t P = s_.parties.size();
  for (auto& st : groups_) {
    const std::size_t n = std::min<std::size_t>(st->seated.size(), 64);
    for (const Refusal& rf : p_.refusals)
      for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < a; ++b) {
          const int A = st->seated[a], B = st->seated[b];
          if ((rf.party == A && rf.other == B) || (rf.party == B && rf.other == A))
            st->refusals.push_back(
                {static_cast<int>(a), static_cast<int>(b),
                 static_cast<std::size_t>(rf.party) * P + static_cast<std::size_t>(rf.other),
                 rf.threshold});
        }
  }
  for (auto& st : groups_)
    for (int c : st->spec->conditional_on)
      for (std::size_t h = 0; h < design_.groups.size(); ++h)
        if (design_.groups[h] == c) st->conditions.push_back(static_cast<int>(h));
  // Buffers sized once: a run then allocates only when the event log grows.
  defaults_ = s_.default_package();
  x_.resize(s_.issues.size());
  y_.resize(s_.issues.size());
  u_.resize(K_);
  red_x_.resize(K_);
  red_issue_.assign(K_ * s_.issues.size(), 0);
  for (std::size_t k = 0; k < K_; ++k)
    for (const auto& line : model_.red_lines(k))
      for (const auto& c : line)
        red_issue_[k * s_.issues.size() + static_cast<std::size_t>(c.issue)] = 1;
  uy_.resize(K_);
  r_.resize(K_);
  status_.resize(s_.issues.size());
  trust_.resize(s_.parties.size() * s_.parties.size());
  accepted_.resize(K_);
  table_.reserve(K_);
  open_buf_.reserve(s_.issues.size());
  channel_failures_.resize(design_.leader_channels.size());
  info_.resize(K_);
}

Engine::~Engine() = default;

const GroupSpec& Engine::group(int g) const {
  return *groups_[static_cast<std::size_t>(g)]->spec;
}

void Engine::log(EventType type, int group, Level level, int party) {
  Event e;
  e.type = type;
  e.month = month_;
  e.round = out_->rounds;
  e.group = group;
  e.level = level;
  e.party = party;
  out_->events.push_back(e);
}

void Engine::update_reservations() {
  for (std::size_t k = 0; k < K_; ++k) r_[k] = std::clamp(r0_[k] - kappa_[k] * month_, 0.0, 1.0);
}

void Engine::set_view(std::size_t k, double u_proposed, int red_proposed, int round, int rounds) {
  view_.model_ = &model_;
  view_.k_ = k;
  view_.reservation_ = r_[k];
  view_.best_ = best_[k];
  view_.discount_ = discount_[k];
  view_.month_ = month_;
  view_.horizon_ = p_.horizon;
  view_.round_ = round;
  view_.rounds_ = rounds;
  view_.option_counts_ = &option_counts_;
  view_.space_ = &space_;
  view_.current_ = x_;
  view_.proposed_ = y_;
  view_.u_current_ = u_[k];
  view_.u_proposed_ = u_proposed;
  view_.red_current_ = red_x_[k];
  view_.red_proposed_ = red_proposed;
}

void Engine::text_changed() {
  model_.evaluate(x_, u_);
  for (std::size_t k = 0; k < K_; ++k) red_x_[k] = model_.red_lines_crossed(k, x_);
  index_x_ = space_.encode(x_);
}

int Engine::red_lines_of_proposal(std::size_t k) const {
  const unsigned char* touches = red_issue_.data() + k * s_.issues.size();
  for (int c = 0; c < change_.size; ++c)
    if (touches[change_.issue[c]]) return model_.red_lines_crossed(k, y_);
  return red_x_[k];
}

bool Engine::endorses(std::size_t k) {
  std::copy(x_.begin(), x_.end(), y_.begin());
  set_view(k, u_[k], red_x_[k], 0, 0);
  return party_[k]->endorse(view_);
}

int Engine::sides(int g) {
  // Greedy colouring of the seated members: a member joins the first side where
  // nobody it refuses (or who refuses it) sits while the refusal holds.
  GroupState& st = *groups_[static_cast<std::size_t>(g)];
  // The colouring depends only on which refusals hold: cached by that set.
  std::uint64_t holding = 0;
  for (std::size_t r = 0; r < st.refusals.size(); ++r)
    if (trust_[st.refusals[r].trust] < st.refusals[r].threshold)
      holding |= std::uint64_t{1} << (r & 63);
  if (holding == 0) return 1;
  if (st.refusals.size() <= 64 && holding == st.holding) return st.sides;
  int side_of[64];
  int n_sides = 0;
  const int n = static_cast<int>(std::min<std::size_t>(st.seated.size(), 64));
  for (int a = 0; a < n; ++a) {
    int chosen = -1;
    for (int side = 0; side < n_sides && chosen < 0; ++side) {
      bool ok = true;
      for (const SeatRefusal& rf : st.refusals)
        if (rf.later == a && side_of[rf.earlier] == side && trust_[rf.trust] < rf.threshold)
          ok = false;
      if (ok) chosen = side;
    }
    side_of[a] = chosen >= 0 ? chosen : n_sides++;
  }
  st.holding = holding;
  st.sides = std::max(1, n_sides);
  return st.sides;
}

void Engine::raise_trust(std::span<const int> parties, double amount) {
  const std::size_t P = s_.parties.size();
  for (int a : parties)
    for (int b : parties)
      if (a != b) {
        double& t = trust_[static_cast<std::size_t>(a) * P + static_cast<std::size_t>(b)];
        t = std::min(1.0, t + amount);
      }
}

void Engine::append_open_issues(int g, std::vector<int>& out) const {
  const bool detail_stage = stage_ == 3;
  for (int i : groups_[static_cast<std::size_t>(g)]->spec->issues)
    if (issue_group_[static_cast<std::size_t>(i)] == g &&
        status_[static_cast<std::size_t>(i)] == Status::open &&
        s_.issues[static_cast<std::size_t>(i)].detail == detail_stage)
      out.push_back(i);
}

bool Engine::round(int group, Level level, std::span<const int> open, std::span<const int> voters,
                   bool cross_topic, int party) {
  MediatorView mv;
  mv.draft = x_;
  mv.open_issues = open;
  mv.issue_group = issue_group_;
  mv.option_counts = &option_counts_;
  mv.voters = voters;
  mv.cross_topic = cross_topic;
  mv.month = month_;
  mv.round = group >= 0 ? groups_[static_cast<std::size_t>(group)]->rounds : out_->rounds;
  mv.group = group;
  mv.text_version = text_version_;
  mv.rng = &rng_;
  if (mediator_full_) {
    full_.model = &model_;
    full_.reservation = r_;
    full_.discount = discount_;
    mv.full = &full_;
  }
  mediator_->propose(mv, change_);
  if (change_.size == 0) return false;
  ++out_->rounds;
  if (group >= 0) ++groups_[static_cast<std::size_t>(group)]->rounds;
  std::copy(x_.begin(), x_.end(), y_.begin());
  std::copy(u_.begin(), u_.end(), uy_.begin());
  index_y_ = index_x_;
  for (int c = 0; c < change_.size; ++c) {
    const std::size_t i = static_cast<std::size_t>(change_.issue[c]);
    for (std::size_t k = 0; k < K_; ++k) uy_[k] += model_.delta(k, y_, i, change_.option[c]);
    // Unsigned wrap-around is exact here: the result is a valid index.
    index_y_ +=
        (static_cast<Index>(change_.option[c]) - static_cast<Index>(y_[i])) * space_.stride(i);
    y_[i] = change_.option[c];
  }
  log(EventType::proposal, group, level, party);
  out_->events.back().package = index_y_;
  bool all = true;
  const bool direct = group >= 0 && !groups_[static_cast<std::size_t>(group)]->shuttle;
  table_.clear();
  for (std::size_t j = 0; j < voters.size(); ++j) {
    const std::size_t k = static_cast<std::size_t>(voters[j]);
    set_view(k, uy_[k], red_lines_of_proposal(k), mv.round, 0);
    const bool yes = party_[k]->accept(view_);
    accepted_[j] = yes ? 1 : 0;
    all = all && yes;
    if (direct) table_.push_back({model_.party_index(k), yes});
  }
  mediator_->feedback(mv, change_, std::span<const unsigned char>(accepted_.data(), voters.size()));
  if (direct)
    for (int k : voters) party_[static_cast<std::size_t>(k)]->observe(table_);
  if (!all) {
    log(EventType::rejected, group, level, party);
    return false;
  }
  std::copy(y_.begin(), y_.end(), x_.begin());
  text_changed();
  ++text_version_;
  log(EventType::adopted, group, level, party);
  out_->events.back().package = index_x_;
  if (group >= 0)
    raise_trust(groups_[static_cast<std::size_t>(group)]->spec->members, p_.trust_adopted);
  return true;
}

bool Engine::check_consensus(int g) {
  GroupState& st = *groups_[static_cast<std::size_t>(g)];
  if (st.consensus) return true;
  for (int h : st.conditions)
    if (!groups_[static_cast<std::size_t>(h)]->consensus) return false;
  for (int k : st.voters)
    if (!endorses(static_cast<std::size_t>(k))) return false;
  st.consensus = true;
  open_buf_.clear();
  append_open_issues(g, open_buf_);
  for (int i : open_buf_) status_[static_cast<std::size_t>(i)] = Status::agreed;
  log(EventType::consensus, g, st.level);
  out_->events.back().package = index_x_;
  raise_trust(st.spec->members, p_.trust_consensus);
  return true;
}

void Engine::run(std::uint64_t seed, RunResult& out) {
  out_ = &out;
  out.events.clear();
  out.rounds = 0;
  out.framework_month = out.final_month = -1;
  out.outcome = Outcome::no_agreement;
  rng_.seed(seed ^ 0x9e3779b97f4a7c15ULL);
  month_ = 0;
  stage_ = 1;
  std::copy(defaults_.begin(), defaults_.end(), x_.begin());
  text_changed();
  ++text_version_;
  std::fill(status_.begin(), status_.end(), Status::open);
  const std::size_t P = s_.parties.size();
  std::fill(trust_.begin(), trust_.end(), p_.trust_initial);
  for (const TrustPair& tp : p_.trust)
    trust_[static_cast<std::size_t>(tp.from) * P + static_cast<std::size_t>(tp.to)] = tp.value;
  mediator_->reset(K_, option_counts_);
  for (auto& ps : party_) ps->reset();
  for (std::size_t k = 0; k < K_; ++k) {
    info_[k].model = &model_;
    info_[k].reservation = r0_;
    info_[k].discount = discount_;
    info_[k].self = k;
  }
  if (p_.protocol == Protocol::alternating_offers)
    run_alternating(out);
  else
    run_single_text(out);
  out.package.assign(x_.begin(), x_.end());
  out.utility.assign(u_.begin(), u_.end());
  out.reservation.assign(r_.begin(), r_.end());
}

void Engine::run_single_text(RunResult& out) {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    GroupState& st = *groups_[g];
    st.level = st.spec->level;
    st.consensus = !st.has_main;  // nothing to agree before the framework
    st.escalated = false;
    st.credit = 0;
    st.stall = st.rounds = 0;
    st.shuttle = sides(static_cast<int>(g)) > 1;
  }
  std::fill(channel_failures_.begin(), channel_failures_.end(), 0);
  for (std::size_t k = 0; k < K_; ++k) party_[k]->inform(info_[k]);

  auto everyone_endorses = [&] {
    for (std::size_t k = 0; k < K_; ++k)
      if (!endorses(k)) return false;
    return true;
  };
  auto framework_ready = [&] {
    for (const auto& st : groups_)
      if (st->spec->framework && st->has_main && !st->consensus) return false;
    return everyone_endorses();
  };
  auto final_ready = [&] {
    for (const auto& st : groups_)
      if (st->has_detail && !st->consensus) return false;
    return everyone_endorses();
  };
  auto check_stages = [&]() -> bool {  // true when the final agreement is signed
    if (stage_ == 1 && framework_ready()) {
      log(EventType::framework_signed, -1, Level::leader);
      out.events.back().package = index_x_;
      log(EventType::ceasefire_started, -1, Level::leader);
      out.framework_month = month_;
      stage_ = 3;
      for (auto& st : groups_) {
        st->consensus = !st->has_detail;
        st->level = Level::official;  // details go to official-level groups
        st->escalated = false;
        st->stall = 0;
      }
    }
    if (stage_ == 3 && final_ready()) {
      log(EventType::final_signed, -1, Level::leader);
      out.events.back().package = index_x_;
      out.final_month = month_;
      return true;
    }
    return false;
  };

  for (month_ = 0; month_ < p_.horizon; ++month_) {
    update_reservations();
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      GroupState& st = *groups_[g];
      if (st.shuttle && sides(static_cast<int>(g)) == 1) {
        st.shuttle = false;
        log(EventType::merge, static_cast<int>(g), st.level);
      }
      if (!st.consensus) check_consensus(static_cast<int>(g));
    }
    if (check_stages()) break;
    bool signed_final = false;
    for (std::size_t g = 0; g < groups_.size() && !signed_final; ++g) {
      GroupState& st = *groups_[g];
      // Groups with only detail issues still meet before the framework: no text
      // to change yet, but meetings build trust ("visible good faith").
      const bool good_faith_only = stage_ == 1 && !st.has_main;
      if ((st.consensus && !good_faith_only) || st.escalated) continue;
      const double cadence = (st.level == st.spec->level && st.spec->cadence)
                                 ? *st.spec->cadence
                                 : p_.cadence[static_cast<std::size_t>(st.level)];
      const int meetings = meetings_in_month(cadence, month_);
      for (int mtg = 0; mtg < meetings && (good_faith_only || !st.consensus) && !st.escalated;
           ++mtg) {
        const int n_sides = st.shuttle ? sides(static_cast<int>(g)) : 1;
        if (st.shuttle && n_sides == 1) {  // refusals lapsed during the month
          st.shuttle = false;
          log(EventType::merge, static_cast<int>(g), st.level);
        }
        log(EventType::meeting, static_cast<int>(g), st.level);
        out.events.back().sides = n_sides;
        if (st.shuttle)
          for (int m : st.seated) {
            if (p_.mediator >= 0) {
              const int pair[2] = {m, p_.mediator};
              raise_trust(pair, p_.trust_meeting);
            }
          }
        else
          raise_trust(st.spec->members, p_.trust_meeting);
        if (good_faith_only) continue;
        st.credit += 1;
        if (st.credit < n_sides) continue;  // a shuttle round needs one meeting per side
        st.credit -= n_sides;
        open_buf_.clear();
        append_open_issues(static_cast<int>(g), open_buf_);
        const bool adopted = round(static_cast<int>(g), st.level, open_buf_, st.voters,
                                   st.level == Level::leader, -1);
        st.stall = adopted ? 0 : st.stall + 1;
        if (check_consensus(static_cast<int>(g))) {
          if (check_stages()) signed_final = true;
          break;
        }
        if (st.stall >= p_.escalate_after) {
          log(EventType::deadlock, static_cast<int>(g), st.level);
          st.stall = 0;
          if (st.level == Level::leader) {
            // Deadlocked at the top with no channel above: back to the group's own level.
            st.level = st.spec->level;
          } else {
            st.level = static_cast<Level>(static_cast<int>(st.level) + 1);
            log(EventType::escalation, static_cast<int>(g), st.level);
            if (st.level == Level::leader) {
              bool channel = false;
              for (int c : design_.leader_channels)
                for (int m : st.spec->members) channel = channel || m == c;
              st.escalated = channel;  // else the group meets at leader level itself
            }
          }
        }
      }
    }
    if (signed_final) break;
    // Leader channels: cross-topic trades for escalated groups, principles fixed.
    for (std::size_t c = 0; c < design_.leader_channels.size(); ++c) {
      const int partner = design_.leader_channels[c];
      bool needed = false;
      for (const auto& st : groups_)
        if (st->escalated)
          for (int m : st->spec->members) needed = needed || m == partner;
      if (!needed) continue;
      const int meetings =
          meetings_in_month(p_.cadence[static_cast<std::size_t>(Level::leader)], month_);
      for (int mtg = 0; mtg < meetings; ++mtg) {
        log(EventType::meeting, -1, Level::leader, partner);
        out.events.back().sides = 1;
        // Open issues of every group still negotiating, so a trade can span groups.
        std::vector<int>& open = open_buf_;
        open.clear();
        for (std::size_t g = 0; g < groups_.size(); ++g)
          if (!groups_[g]->consensus) append_open_issues(static_cast<int>(g), open);
        if (!round(-1, Level::leader, open, all_voters_, true, partner)) {
          // A channel that cannot find a trade sends the groups back to work.
          if (++channel_failures_[c] >= p_.escalate_after) {
            channel_failures_[c] = 0;
            log(EventType::deadlock, -1, Level::leader, partner);
            for (auto& st : groups_)
              if (st->escalated)
                for (int m : st->spec->members)
                  if (m == partner) {
                    st->escalated = false;
                    st->level = st->spec->level;
                    st->stall = 0;
                    break;
                  }
            break;
          }
          continue;
        }
        channel_failures_[c] = 0;
        out.events.back().type = EventType::package_trade;
        for (int q = 0; q < change_.size; ++q) {
          status_[static_cast<std::size_t>(change_.issue[q])] = Status::locked;
          log(EventType::principle_fixed, issue_group_[static_cast<std::size_t>(change_.issue[q])],
              Level::leader, partner);
          out.events.back().issue = change_.issue[q];
          out.events.back().option = change_.option[q];
        }
        for (auto& st : groups_)
          if (st->escalated) {
            st->escalated = false;
            st->level = st->spec->level;
            st->stall = 0;
          }
        break;
      }
    }
    for (std::size_t g = 0; g < groups_.size(); ++g)
      if (!groups_[g]->consensus) check_consensus(static_cast<int>(g));
    if (check_stages()) break;
  }
  if (month_ >= p_.horizon) month_ = p_.horizon - 1;
  out.outcome = out.final_month >= 0       ? Outcome::final_agreement
                : out.framework_month >= 0 ? Outcome::framework_only
                                           : Outcome::no_agreement;
}

void Engine::run_alternating(RunResult& out) {
  if (K_ != 2) throw Error("alternating offers needs exactly two parties with preferences");
  const double cadence = p_.cadence[static_cast<std::size_t>(Level::official)];
  const int rounds = std::max(1, static_cast<int>(std::floor(p_.horizon * cadence + 1e-9)));
  for (std::size_t k = 0; k < K_; ++k) {
    info_[k].rounds = rounds;
    party_[k]->inform(info_[k]);
  }
  for (int t = 0; t < rounds; ++t) {
    month_ = static_cast<int>(std::floor(t / cadence + 1e-9));
    update_reservations();
    const std::size_t proposer = static_cast<std::size_t>(t % 2), responder = 1 - proposer;
    std::copy(x_.begin(), x_.end(), y_.begin());
    set_view(proposer, u_[proposer], red_x_[proposer], t, rounds);
    party_[proposer]->offer(view_, y_);
    ++out.rounds;
    model_.evaluate(y_, uy_);
    log(EventType::proposal, -1, Level::official, model_.party_index(proposer));
    out.events.back().package = space_.encode(y_);
    set_view(responder, uy_[responder], model_.red_lines_crossed(responder, y_), t, rounds);
    if (party_[responder]->accept(view_)) {
      std::copy(y_.begin(), y_.end(), x_.begin());
      text_changed();
      log(EventType::adopted, -1, Level::official, model_.party_index(responder));
      out.events.back().package = index_x_;
      log(EventType::framework_signed, -1, Level::official);
      out.events.back().package = index_x_;
      log(EventType::final_signed, -1, Level::official);
      out.events.back().package = index_x_;
      out.framework_month = out.final_month = month_;
      out.outcome = Outcome::final_agreement;
      return;
    }
    log(EventType::rejected, -1, Level::official, model_.party_index(responder));
  }
  out.outcome = Outcome::no_agreement;
}

}  // namespace parley::engine

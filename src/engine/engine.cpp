#include "engine/engine.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/blocks.hpp"
#include "analysis/zopa.hpp"
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
    case EventType::leak:
      return "leak";
    case EventType::leverage:
      return "leverage";
    case EventType::walkout:
      return "walkout";
    case EventType::returned:
      return "returned";
    case EventType::ceasefire_collapsed:
      return "ceasefire_collapsed";
  }
  return "?";
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::final_agreement:
      return "final_agreement";
    case Outcome::framework_only:
      return "framework_only";
    case Outcome::ceasefire_collapsed:
      return "ceasefire_collapsed";
    case Outcome::walkout:
      return "walkout";
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
  int side_of[64] = {};               // ... and each seated member's side
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
      d_(scenario.dynamics),
      design_(scenario.process.designs.at(design)),
      model_(scenario),
      space_(scenario.space()),
      K_(model_.parties()) {
  sk_.assign(s_.parties.size(), -1);
  for (std::size_t k = 0; k < K_; ++k)
    sk_[static_cast<std::size_t>(model_.party_index(k))] = static_cast<int>(k);
  for (const auto& is : s_.issues) option_counts_.push_back(static_cast<int>(is.options.size()));
  // Own best utility (red lines ignored): the maximum over each block of tied issues.
  blocks_ = analysis::make_blocks(s_, model_);
  const auto& blocks = blocks_;
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

  // Dynamics.
  U_ = d_.units.size();
  best0_ = best_;
  col_.assign(s_.issues.size() + 1, 0);
  for (std::size_t i = 0; i < s_.issues.size(); ++i)
    col_[i + 1] = col_[i] + static_cast<std::size_t>(option_counts_[i]);
  bonus_any_ = !d_.drift.empty();
  for (const Leverage& lv : d_.leverage) bonus_any_ = bonus_any_ || !lv.options.empty();
  if (bonus_any_) {
    bonus_.assign(K_ * col_.back(), 0.0);
    bonus_next_ = bonus_;
    for (const auto& b : blocks_) {  // options of every combo, first issue least significant
      std::vector<int> opts(b.combos * b.issues.size());
      for (std::size_t c = 0; c < b.combos; ++c) {
        std::size_t rem = c;
        for (std::size_t j = 0; j < b.issues.size(); ++j) {
          const auto m =
              static_cast<std::size_t>(option_counts_[static_cast<std::size_t>(b.issues[j])]);
          opts[c * b.issues.size() + j] = static_cast<int>(rem % m);
          rem /= m;
        }
      }
      block_options_.push_back(std::move(opts));
    }
  }
  fatigue_acc_.resize(K_);
  kappa_now_.resize(K_);
  shift_.resize(K_);
  fired_.resize(d_.leverage.size());
  away_until_.resize(s_.parties.size());
  deadlocked_.resize(p_.groups.size());
  openers_.resize(p_.groups.size());
  for (std::size_t l = 0; l < d_.leverage.size(); ++l)
    for (int g : d_.leverage[l].opens) {
      openers_[static_cast<std::size_t>(g)].push_back(static_cast<int>(l));
      any_openers_ = true;
    }
  participants_.reserve(s_.parties.size());
  hardening_.reserve(64);
  war_.reserve(static_cast<std::size_t>(p_.horizon));
  if (!d_.drift.empty()) {  // per drift: its block and the combos with its option
    zopa_blocks_ = blocks_;
    for (const Drift& d : d_.drift) {
      std::vector<std::size_t> combos;
      for (std::size_t b = 0; b < blocks_.size(); ++b) {
        const auto& is = blocks_[b].issues;
        const auto j =
            static_cast<std::size_t>(std::find(is.begin(), is.end(), d.issue) - is.begin());
        if (j == is.size()) continue;
        for (std::size_t c = 0; c < blocks_[b].combos; ++c)
          if (block_options_[b][c * is.size() + j] == d.option) combos.push_back(c);
        drift_block_of_.push_back(b);
        if (std::find(drift_blocks_.begin(), drift_blocks_.end(), b) == drift_blocks_.end())
          drift_blocks_.push_back(b);
      }
      drift_combos_.push_back(std::move(combos));
    }
  }
  if (U_ > 0 && d_.delay_from < 0) zopa_month_ = compute_zopa_month();
}

void Engine::refresh(bool trajectory) {
  for (std::size_t k = 0; k < K_; ++k) {
    const auto p = static_cast<std::size_t>(model_.party_index(k));
    r0_[k] = s_.preferences[p]->reservation;
    kappa_[k] = p_.fatigue.empty() ? 0.0 : p_.fatigue[p];
    discount_[k] = s_.preferences[p]->discount;
  }
  if (trajectory && U_ > 0 && d_.delay_from < 0) zopa_month_ = compute_zopa_month();
}

int Engine::compute_zopa_month() {
  // The scenario's own trajectory: r(0) − κ·t and option drift at month t. Only
  // blocks holding a drifted issue are recomputed, from per-option offsets.
  std::vector<double> r(K_);
  for (int t = 0; t < p_.horizon; ++t) {
    for (std::size_t k = 0; k < K_; ++k) r[k] = std::clamp(r0_[k] - kappa_[k] * t, 0.0, 1.0);
    if (!d_.drift.empty()) {  // drift blocks at month t: copied once, then changed by the step
      if (t == 0)
        for (std::size_t b : drift_blocks_)
          std::copy(blocks_[b].u.begin(), blocks_[b].u.end(), zopa_blocks_[b].u.begin());
      for (std::size_t e = 0; e < d_.drift.size(); ++e) {
        const Drift& d = d_.drift[e];
        const int k = sk_[static_cast<std::size_t>(d.party)];
        auto at = [&](int m) { return d.per_month * (std::min(m, d.until) - std::min(m, d.from)); };
        const double step = t == 0 ? at(0) : at(t) - at(t - 1);
        if (k < 0 || step == 0) continue;
        auto& u = zopa_blocks_[drift_block_of_[e]].u;
        for (std::size_t c : drift_combos_[e]) u[c * K_ + static_cast<std::size_t>(k)] += step;
      }
    }
    const auto open = analysis::zopa_exists(d_.drift.empty() ? blocks_ : zopa_blocks_, r);
    if (!open) return -1;  // too large to decide
    if (*open) return t;
  }
  return -1;
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
  ++out_->counts[static_cast<std::size_t>(type)];
}

void Engine::update_reservations() {
  // r_k(t) = r_k(0) − Σ_{s<t} κ_k(s) + active shifts (leverage, leaks), in [0,1].
  for (std::size_t k = 0; k < K_; ++k)
    r_[k] = std::clamp(r0_[k] - fatigue_acc_[k] + shift_[k], 0.0, 1.0);
}

bool Engine::present(std::span<const int> members) const {
  if (away_ == 0) return true;
  for (int m : members)
    if (away_until_[static_cast<std::size_t>(m)] >= 0) return false;
  return true;
}

bool Engine::group_open(int g) const {
  if (!any_openers_) return true;
  const auto& op = openers_[static_cast<std::size_t>(design_.groups[static_cast<std::size_t>(g)])];
  if (op.empty()) return true;
  for (int l : op)
    if (fired_[static_cast<std::size_t>(l)] >= 0) return true;
  return false;
}

void Engine::lower_trust(int from, int to, double amount) {
  double& t =
      trust_[static_cast<std::size_t>(from) * s_.parties.size() + static_cast<std::size_t>(to)];
  t = std::clamp(t - amount, 0.0, 1.0);
}

void Engine::begin_month() {
  // Walkouts end.
  for (std::size_t p = 0; p < away_until_.size(); ++p)
    if (away_until_[p] >= 0 && month_ >= away_until_[p]) {
      away_until_[p] = -1;
      --away_;
      double& t = trust_[p * s_.parties.size() + static_cast<std::size_t>(p_.mediator)];
      t = std::max(t, d_.walkout_floor[p]);
      log(EventType::returned, -1, Level::leader, static_cast<int>(p));
    }
  // Fatigue of the month that ended, at the κ then in force.
  if (month_ > 0)
    for (std::size_t k = 0; k < K_; ++k) fatigue_acc_[k] += kappa_now_[k];
  fire_triggers();
  // Effects in force this month: κ, reservation shifts, leak hardening.
  for (std::size_t k = 0; k < K_; ++k) {
    kappa_now_[k] = kappa_[k];
    shift_[k] = 0;
  }
  for (std::size_t l = 0; l < d_.leverage.size(); ++l) {
    const Leverage& lv = d_.leverage[l];
    const int f = fired_[l];
    if (f < 0 || (lv.months > 0 && month_ >= f + lv.months)) continue;
    for (std::size_t k = 0; k < K_; ++k) {
      const auto p = static_cast<std::size_t>(model_.party_index(k));
      if (!lv.reservation.empty()) shift_[k] += lv.reservation[p];
      if (!lv.fatigue.empty()) kappa_now_[k] += lv.fatigue[p];
    }
  }
  std::erase_if(hardening_, [&](const Hardening& h) { return month_ >= h.until; });
  for (const Hardening& h : hardening_)
    if (const int k = sk_[static_cast<std::size_t>(h.party)]; k >= 0)
      shift_[static_cast<std::size_t>(k)] += h.amount;
  update_reservations();
  if (bonus_any_) refresh_bonus();
  check_walkouts();
  ceasefire_check();
  record_costs();
  out_->reservation_path.insert(out_->reservation_path.end(), r_.begin(), r_.end());
}

void Engine::fire_triggers() {
  const std::size_t P = s_.parties.size();
  for (std::size_t l = 0; l < d_.leverage.size(); ++l) {
    if (fired_[l] >= 0 || (!enabled_.empty() && !enabled_[l])) continue;
    const Leverage& lv = d_.leverage[l];
    const Trigger& w = lv.when;
    if (month_ < w.from_month || month_ > w.until_month) continue;
    if (w.stage == Trigger::Stage::elements && stage_ != 1) continue;
    if (w.stage == Trigger::Stage::framework && stage_ != 3) continue;
    if (w.deadlock_group >= 0 && !deadlocked_[static_cast<std::size_t>(w.deadlock_group)]) continue;
    if (w.trust_from >= 0) {
      const double t =
          trust_[static_cast<std::size_t>(w.trust_from) * P + static_cast<std::size_t>(w.trust_to)];
      if (!(t < w.trust_below && t > w.trust_above)) continue;
    }
    if (w.after >= 0 && fired_[static_cast<std::size_t>(w.after)] < 0) continue;
    fired_[l] = month_;
    for (const TrustChange& tc : lv.trust) lower_trust(tc.from, tc.to, -tc.change);
    log(EventType::leverage, -1, Level::leader, lv.target);
    out_->events.back().instrument = static_cast<int>(l);
  }
}

void Engine::refresh_bonus() {
  std::fill(bonus_next_.begin(), bonus_next_.end(), 0.0);
  const std::size_t C = col_.back();
  auto add = [&](int party, int issue, int option, double v) {
    const int k = sk_[static_cast<std::size_t>(party)];
    if (k < 0) return;
    bonus_next_[static_cast<std::size_t>(k) * C + col_[static_cast<std::size_t>(issue)] +
                static_cast<std::size_t>(option)] += v;
  };
  for (const Drift& d : d_.drift)
    add(d.party, d.issue, d.option,
        d.per_month * (std::min(month_, d.until) - std::min(month_, d.from)));
  for (std::size_t l = 0; l < d_.leverage.size(); ++l) {
    const Leverage& lv = d_.leverage[l];
    const int f = fired_[l];
    if (f < 0 || (lv.months > 0 && month_ >= f + lv.months)) continue;
    for (const OptionShift& o : lv.options) add(o.party, o.issue, o.option, o.shift);
  }
  if (bonus_next_ == bonus_) return;
  std::copy(bonus_next_.begin(), bonus_next_.end(), bonus_.begin());  // strategies hold spans
  text_changed();
  ++text_version_;
  // Own best utility with the new option values: the static best plus, per issue,
  // the largest offset of its options (exact when the shifted issues are not tied
  // to others by interactions or red lines; an upper bound otherwise).
  for (std::size_t k = 0; k < K_; ++k) {
    double best = best0_[k];
    for (std::size_t i = 0; i + 1 < col_.size(); ++i) {
      double hi = -INFINITY;
      bool any = false;
      for (std::size_t c = col_[i]; c < col_[i + 1]; ++c) {
        const double b = bonus_[k * C + c];
        any = any || b != 0;
        hi = std::max(hi, b);
      }
      if (any) best += hi;
    }
    best_[k] = best;
  }
}

void Engine::check_walkouts() {
  if (p_.mediator < 0) return;
  const std::size_t P = s_.parties.size();
  for (std::size_t p = 0; p < P; ++p) {
    const double floor = d_.walkout_floor[p];
    if (floor < 0 || away_until_[p] >= 0 || static_cast<int>(p) == p_.mediator) continue;
    if (trust_[p * P + static_cast<std::size_t>(p_.mediator)] < floor) {
      away_until_[p] = month_ + d_.walkout_months;
      ++away_;
      log(EventType::walkout, -1, Level::leader, static_cast<int>(p));
    }
  }
}

void Engine::ceasefire_check() {
  if (!in_ceasefire_ || month_ <= signed_month_ || d_.hazard <= 0) return;
  double h = d_.hazard;
  for (const CeasefireFactor& f : d_.hazard_factors) {
    bool all = true;
    for (const OptionCondition& c : f.when)
      all = all && x_[static_cast<std::size_t>(c.issue)] == c.option;
    if (all) h *= f.multiply;
  }
  if (d_.hazard_trust_weight > 0 && K_ > 1) {
    double sum = 0;
    const std::size_t P = s_.parties.size();
    for (std::size_t a = 0; a < K_; ++a)
      for (std::size_t b = 0; b < K_; ++b)
        if (a != b)
          sum += trust_[static_cast<std::size_t>(model_.party_index(a)) * P +
                        static_cast<std::size_t>(model_.party_index(b))];
    const double mean = sum / static_cast<double>(K_ * (K_ - 1));
    h *= std::exp(-d_.hazard_trust_weight * (mean - d_.hazard_trust_reference));
  }
  if (rng_dyn_.uniform() < std::min(1.0, h)) collapse_ceasefire();
}

void Engine::collapse_ceasefire() {
  in_ceasefire_ = false;
  ++out_->collapses;
  log(EventType::ceasefire_collapsed, -1, Level::leader);
  const std::size_t P = s_.parties.size();
  for (std::size_t a = 0; a < P; ++a)
    for (std::size_t b = 0; b < P; ++b)
      if (a != b) lower_trust(static_cast<int>(a), static_cast<int>(b), d_.trust_violation);
  // Back to the elements: the main items agreed for the framework are open again
  // (principles fixed by a leader channel stay); the framework must be re-signed.
  stage_ = 1;
  for (std::size_t i = 0; i < s_.issues.size(); ++i)
    if (!s_.issues[i].detail && status_[i] == Status::agreed) status_[i] = Status::open;
  for (auto& st : groups_) {
    st->consensus = !st->has_main;
    st->level = st->spec->level;
    st->escalated = false;
    st->stall = 0;
  }
  check_walkouts();
}

void Engine::record_costs() {
  const bool war = !in_ceasefire_;
  war_.push_back(war ? 1 : 0);
  if (!war && out_->first_ceasefire_month < 0) out_->first_ceasefire_month = month_;
  if (U_ == 0) return;
  const std::size_t PU = s_.parties.size() * U_;
  auto& monthly = out_->monthly_costs;
  const std::size_t at = monthly.size();
  monthly.resize(at + PU);
  const std::vector<double>& c = war ? d_.war_cost : d_.ceasefire_cost;
  auto& bucket =
      out_->first_ceasefire_month >= 0 ? out_->costs_after_ceasefire : out_->costs_before_ceasefire;
  for (std::size_t j = 0; j < PU; ++j) {
    monthly[at + j] = c[j];
    bucket[j] += c[j];
  }
}

void Engine::maybe_leak(int group, Level level, std::span<const int> participants, bool shuttle) {
  if (d_.leak_probability <= 0) return;
  double p = d_.leak_probability * static_cast<double>(participants.size()) *
             d_.leak_level_factor[static_cast<std::size_t>(level)];
  if (shuttle) p *= d_.leak_shuttle_factor;
  if (rng_dyn_.uniform() >= std::min(1.0, p)) return;
  // The exposed party: one of the participants with preferences, at random.
  int exposed = -1, seen = 0;
  for (int m : participants)
    if (sk_[static_cast<std::size_t>(m)] >= 0 && m != p_.mediator)
      if (rng_dyn_.below(++seen) == 0) exposed = m;
  if (exposed < 0) return;
  log(EventType::leak, group, level, exposed);
  if (const double cost = d_.audience_cost[static_cast<std::size_t>(exposed)]; cost > 0) {
    hardening_.push_back({exposed, month_ + d_.leak_months, cost});
    shift_[static_cast<std::size_t>(sk_[static_cast<std::size_t>(exposed)])] += cost;
    update_reservations();
  }
  for (int m : participants)
    if (m != exposed) lower_trust(exposed, m, d_.trust_leak);
  check_walkouts();
}

void Engine::finish_dynamics(RunResult& out) {
  out.months = static_cast<int>(war_.size());
  out.war_months = 0;
  for (unsigned char w : war_) out.war_months += w;
  out.ceasefire_months = out.months - out.war_months;
  out.delay_from = d_.delay_from >= 0 ? d_.delay_from : zopa_month_;
  const std::size_t PU = s_.parties.size() * U_;
  out.cost_of_delay.assign(PU, 0.0);
  if (out.delay_from >= 0)
    // Signed at delay_from, the ceasefire would have held from the month after.
    for (std::size_t t = static_cast<std::size_t>(out.delay_from) + 1; t < war_.size(); ++t)
      if (war_[t])
        for (std::size_t j = 0; j < PU; ++j)
          out.cost_of_delay[j] += d_.war_cost[j] - d_.ceasefire_cost[j];
  out.welfare.clear();
  out.welfare_month = out.final_month >= 0                     ? out.final_month
                      : out.outcome == Outcome::framework_only ? out.framework_month
                                                               : -1;
  if (out.welfare_month >= 0)
    for (std::size_t k = 0; k < K_; ++k)
      out.welfare.push_back(std::pow(discount_[k], out.welfare_month) * u_[k]);
}

void Engine::set_view(std::size_t k, double u_proposed, std::uint64_t red_proposed, int round,
                      int rounds) {
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
  view_.bonus_ = bonus_any_ ? bonus_.data() + k * col_.back() : nullptr;
  view_.col_ = &col_;
}

void Engine::evaluate(std::span<const int> x, std::span<double> u) const {
  model_.evaluate(x, u);
  if (bonus_any_)
    for (std::size_t k = 0; k < K_; ++k)
      for (std::size_t i = 0; i < x.size(); ++i)
        u[k] += bonus_[k * col_.back() + col_[i] + static_cast<std::size_t>(x[i])];
}

void Engine::text_changed() {
  evaluate(x_, u_);
  for (std::size_t k = 0; k < K_; ++k) red_x_[k] = model_.red_line_set(k, x_);
  index_x_ = space_.encode(x_);
}

std::uint64_t Engine::red_lines_of_proposal(std::size_t k) const {
  const unsigned char* touches = red_issue_.data() + k * s_.issues.size();
  for (int c = 0; c < change_.size; ++c)
    if (touches[change_.issue[c]]) return model_.red_line_set(k, y_);
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
  int* side_of = st.side_of;
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
    if (bonus_any_) {
      full_.bonus = bonus_;
      full_.columns = col_.back();
      full_.col = &col_;
    }
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
    if (bonus_any_)
      for (std::size_t k = 0; k < K_; ++k) {
        const double* row = bonus_.data() + k * col_.back() + col_[i];
        uy_[k] += row[change_.option[c]] - row[y_[i]];
      }
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
  if (!group_open(g) || !present(st.spec->members)) return false;
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
  out.counts.fill(0);
  out.rounds = 0;
  out.framework_month = out.final_month = -1;
  out.outcome = Outcome::no_agreement;
  rng_.seed(seed ^ 0x9e3779b97f4a7c15ULL);
  rng_dyn_.seed(seed ^ 0xd1b54a32d192ed03ULL);  // a separate stream for leaks and hazards
  month_ = 0;
  stage_ = 1;
  out.collapses = 0;
  out.first_ceasefire_month = -1;
  const std::size_t PU = s_.parties.size() * U_;
  out.costs_before_ceasefire.assign(PU, 0.0);
  out.costs_after_ceasefire.assign(PU, 0.0);
  out.monthly_costs.clear();
  out.reservation_path.clear();
  war_.clear();
  std::fill(fatigue_acc_.begin(), fatigue_acc_.end(), 0.0);
  std::fill(shift_.begin(), shift_.end(), 0.0);
  std::copy(kappa_.begin(), kappa_.end(), kappa_now_.begin());
  std::fill(fired_.begin(), fired_.end(), -1);
  hardening_.clear();
  std::fill(away_until_.begin(), away_until_.end(), -1);
  away_ = 0;
  std::fill(deadlocked_.begin(), deadlocked_.end(), 0);
  in_ceasefire_ = false;
  signed_month_ = -1;
  if (bonus_any_) {
    std::fill(bonus_.begin(), bonus_.end(), 0.0);
    best_ = best0_;
  }
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
    if (bonus_any_) {
      info_[k].bonus = bonus_;
      info_[k].columns = col_.back();
      info_[k].col = &col_;
    }
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
  finish_dynamics(out);
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
    for (std::size_t k = 0; k < K_; ++k)  // a party that walked out signs nothing
      if (away_until_[static_cast<std::size_t>(model_.party_index(k))] >= 0 || !endorses(k))
        return false;
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
      if (out.framework_month < 0) out.framework_month = month_;
      in_ceasefire_ = true;
      signed_month_ = month_;
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
    begin_month();
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
      // Closed until a leverage instrument opens it; or a member has walked out.
      if (!group_open(static_cast<int>(g)) || !present(st.spec->members)) continue;
      const double cadence = (st.level == st.spec->level && st.spec->cadence)
                                 ? *st.spec->cadence
                                 : p_.cadence[static_cast<std::size_t>(st.level)];
      const int meetings = meetings_in_month(cadence, month_);
      for (int mtg = 0; mtg < meetings && (good_faith_only || !st.consensus) && !st.escalated &&
                        present(st.spec->members);
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
        // Who sat at this meeting: everyone, or the mediator and the side it visited.
        participants_.clear();
        if (d_.leak_probability <= 0) {
          // no leaks: nobody to list
        } else if (st.shuttle) {
          if (p_.mediator >= 0) participants_.push_back(p_.mediator);
          const int side = static_cast<int>(st.credit) % n_sides;
          for (std::size_t a = 0; a < st.seated.size() && a < 64; ++a)
            if (st.side_of[a] == side) participants_.push_back(st.seated[a]);
        } else {
          participants_.assign(st.spec->members.begin(), st.spec->members.end());
        }
        maybe_leak(static_cast<int>(g), st.level, participants_, st.shuttle);
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
          deadlocked_[static_cast<std::size_t>(design_.groups[g])] = 1;
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
      if (!needed || away_ > 0) continue;  // a trade needs every party: none may be away
      const int meetings =
          meetings_in_month(p_.cadence[static_cast<std::size_t>(Level::leader)], month_);
      for (int mtg = 0; mtg < meetings && away_ == 0; ++mtg) {
        log(EventType::meeting, -1, Level::leader, partner);
        out.events.back().sides = 1;
        if (d_.leak_probability > 0) {
          participants_.clear();
          if (p_.mediator >= 0) participants_.push_back(p_.mediator);
          participants_.push_back(partner);
          maybe_leak(-1, Level::leader, participants_, false);
        }
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
        out.events.back().type = EventType::package_trade;  // the adoption was a trade
        --out.counts[static_cast<std::size_t>(EventType::adopted)];
        ++out.counts[static_cast<std::size_t>(EventType::package_trade)];
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
  bool someone_away = false;
  for (int a : away_until_) someone_away = someone_away || a >= 0;
  out.outcome = out.final_month >= 0 ? Outcome::final_agreement
                : in_ceasefire_      ? Outcome::framework_only
                : out.collapses > 0  ? Outcome::ceasefire_collapsed
                : someone_away       ? Outcome::walkout
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
  int begun = -1;  // months whose start (costs, leverage, drift) has been run
  for (int t = 0; t < rounds; ++t) {
    const int month = static_cast<int>(std::floor(t / cadence + 1e-9));
    while (begun < month) {
      month_ = ++begun;
      begin_month();
    }
    const std::size_t proposer = static_cast<std::size_t>(t % 2), responder = 1 - proposer;
    std::copy(x_.begin(), x_.end(), y_.begin());
    set_view(proposer, u_[proposer], red_x_[proposer], t, rounds);
    party_[proposer]->offer(view_, y_);
    ++out.rounds;
    evaluate(y_, uy_);
    log(EventType::proposal, -1, Level::official, model_.party_index(proposer));
    out.events.back().package = space_.encode(y_);
    set_view(responder, uy_[responder], model_.red_line_set(responder, y_), t, rounds);
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

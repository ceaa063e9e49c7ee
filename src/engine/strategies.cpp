// The registry and the built-in strategies.
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "engine/strategy.hpp"

namespace parley::engine {

double aspiration(double reservation, double best, double tau, double beta) {
  tau = std::clamp(tau, 0.0, 1.0);
  const double hi = std::max(best, reservation);
  return reservation + (hi - reservation) * (1.0 - std::pow(tau, 1.0 / beta));
}

namespace {

/// The package whose own utility is closest above `level` (the most generous one
/// the party still insists on, knowing nothing of the others); ties go to the
/// smallest index; its best package when none reaches `level`. Enumerates the
/// space, so alternating offers are for small spaces.
void offer_at_level(const PartyView& v, double level, std::span<int> out) {
  double best_u = INFINITY, top_u = -INFINITY;
  bool found = false;
  std::vector<int> top(v.space().issues(), 0);
  Odometer odo(v.space());
  do {
    const std::span<const int> x = odo.digits();
    if (v.crosses_red_line(x)) continue;
    const double u = v.utility(x);
    if (u >= level - kUtilityTolerance && u < best_u) {
      best_u = u;
      found = true;
      std::copy(x.begin(), x.end(), out.begin());
    }
    if (u > top_u) {
      top_u = u;
      top.assign(x.begin(), x.end());
    }
  } while (odo.next() >= 0);
  if (!found) std::copy(top.begin(), top.end(), out.begin());
}

/// Time as a fraction of the deadline: rounds under alternating offers, else
/// months over `deadline` (default: the horizon).
double tau_of(const PartyView& v, double deadline = 0) {
  if (v.rounds() > 1) return static_cast<double>(v.round()) / (v.rounds() - 1);
  const double d = deadline > 0 ? deadline : std::max(1, v.horizon());
  return static_cast<double>(v.month()) / d;
}

}  // namespace

bool PartyStrategy::endorse(const PartyView& view) {
  if (view.red_lines_current() > 0) return false;
  const double a = aspiration(view.reservation(), view.best(), tau_of(view), 1.0);
  return view.utility_current() >= std::max(view.reservation(), a) - kUtilityTolerance;
}

void PartyStrategy::offer(const PartyView& view, std::span<int> out) {
  offer_at_level(view, aspiration(view.reservation(), view.best(), tau_of(view), 1.0), out);
}

namespace {

/// Accepts an improvement, or anything at or above its time-dependent aspiration;
/// never a red line.
class TimeDependent final : public PartyStrategy {
 public:
  TimeDependent(double beta, double deadline) : beta_(beta), deadline_(deadline) {}
  bool accept(const PartyView& v) override {
    // Alternating offers: there is no standing text to improve on, only the offer.
    if (v.rounds() > 0)
      return !v.crosses_red_line(v.proposed()) &&
             v.utility_proposed() >= std::max(v.reservation(), level(v)) - kUtilityTolerance;
    // Red lines first: never cross more of them, always welcome crossing fewer.
    if (const int rl = v.red_line_change(); rl != 0) return rl < 0;
    if (v.utility_proposed() >= v.utility_current() - kUtilityTolerance) return true;
    return v.utility_proposed() >= level(v) - kUtilityTolerance;
  }
  bool endorse(const PartyView& v) override {
    return v.red_lines_current() == 0 &&
           v.utility_current() >= std::max(v.reservation(), level(v)) - kUtilityTolerance;
  }
  void offer(const PartyView& v, std::span<int> out) override { offer_at_level(v, level(v), out); }

 private:
  /// a(τ), recomputed only when r or τ moved (a pow per vote otherwise).
  [[nodiscard]] double level(const PartyView& v) {
    const double r = v.reservation(), tau = tau_of(v, deadline_);
    if (r != last_r_ || tau != last_tau_ || v.best() != last_best_) {
      last_r_ = r;
      last_tau_ = tau;
      last_best_ = v.best();
      last_level_ = aspiration(r, v.best(), tau, beta_);
    }
    return last_level_;
  }
  double beta_, deadline_;
  double last_r_ = NAN, last_tau_ = NAN, last_best_ = NAN, last_level_ = 0;
};

/// Accepts only strict improvements of its own utility, never a red line, and
/// endorses only its best achievable utility: it never concedes.
class Hardliner final : public PartyStrategy {
 public:
  /// Signs only its best achievable utility.
  bool endorse(const PartyView& v) override {
    return v.red_lines_current() == 0 &&
           v.utility_current() >= std::max(v.reservation(), v.best()) - kUtilityTolerance;
  }
  bool accept(const PartyView& v) override {
    if (v.rounds() > 0)  // alternating offers: only its best
      return !v.crosses_red_line(v.proposed()) &&
             v.utility_proposed() >= std::max(v.reservation(), v.best()) - kUtilityTolerance;
    if (const int rl = v.red_line_change(); rl != 0) return rl < 0;
    return v.utility_proposed() > v.utility_current() + kUtilityTolerance;
  }
};

/// Rubinstein (1982) subgame-perfect play under alternating offers, computed by
/// backward induction over the finite number of rounds with complete information
/// (the textbook benchmark). Under single text it votes like a linear concession.
class SubgamePerfect final : public PartyStrategy {
 public:
  void inform(const FullInformation& info) override { info_ = &info; }
  bool accept(const PartyView& v) override {
    if (v.rounds() == 0) {  // single text: like a voter for improvements
      if (const int rl = v.red_line_change(); rl != 0) return rl < 0;
      return v.utility_proposed() >= v.utility_current() - kUtilityTolerance;
    }
    if (v.crosses_red_line(v.proposed())) return false;
    if (!info_) return v.utility_proposed() >= v.utility_current();
    plan(v);
    // Responder j at round t accepts iff u_j(x) >= d_j * W_j(t+1).
    const std::size_t t = static_cast<std::size_t>(v.round());
    const double cont = t + 1 < w_self_.size() ? v.discount() * w_self_[t + 1] : 0.0;
    return v.utility_proposed() >= cont - 1e-12;
  }
  void offer(const PartyView& v, std::span<int> out) override {
    if (!info_) return PartyStrategy::offer(v, out);
    plan(v);
    const std::vector<int>& x = offers_[static_cast<std::size_t>(v.round())];
    std::copy(x.begin(), x.end(), out.begin());
  }

 private:
  // Backward induction: W(t) = value to (self, other) of the game starting at round t.
  void plan(const PartyView& v) {
    if (!offers_.empty()) return;
    const UtilityModel& m = *info_->model;
    std::vector<std::vector<int>> space;
    Odometer odo(v.space());
    do {
      space.emplace_back(odo.digits().begin(), odo.digits().end());
    } while (odo.next() >= 0);
    const std::size_t self = info_->self;
    const std::size_t other = 1 - self;
    std::vector<double> us(space.size()), uo(space.size());
    std::vector<bool> ok(space.size());
    for (std::size_t p = 0; p < space.size(); ++p) {
      us[p] = info_->utility(self, space[p]);
      uo[p] = info_->utility(other, space[p]);
      ok[p] = m.acceptable_to_all(space[p]);
    }
    const int rounds = info_->rounds;
    const double ds = info_->discount[self], dother = info_->discount[other];
    w_self_.assign(static_cast<std::size_t>(rounds) + 1, 0.0);
    offers_.assign(static_cast<std::size_t>(rounds), space.front());
    double ws = info_->reservation[self], wo = info_->reservation[other];  // after the last round
    w_self_[static_cast<std::size_t>(rounds)] = ws;
    // The first stakeholder proposes in even rounds.
    for (int t = rounds - 1; t >= 0; --t) {
      const bool self_proposes = (t % 2 == 0) == (self == 0);
      const double need_o = dother * wo, need_s = ds * ws;
      std::size_t arg = space.size();
      for (std::size_t p = 0; p < space.size(); ++p) {
        if (!ok[p]) continue;
        const double mine = self_proposes ? us[p] : uo[p];
        const double theirs = self_proposes ? uo[p] : us[p];
        const double need = self_proposes ? need_o : need_s;
        if (theirs < need - 1e-12) continue;
        if (arg == space.size()) {
          arg = p;
          continue;
        }
        const double amine = self_proposes ? us[arg] : uo[arg];
        const double atheirs = self_proposes ? uo[arg] : us[arg];
        if (mine > amine || (mine == amine && theirs > atheirs)) arg = p;
      }
      if (arg == space.size()) {  // nothing acceptable: disagreement continues
        ws *= ds;
        wo *= dother;
      } else {
        ws = us[arg];
        wo = uo[arg];
        offers_[static_cast<std::size_t>(t)] = space[arg];
      }
      w_self_[static_cast<std::size_t>(t)] = ws;
    }
  }
  const FullInformation* info_ = nullptr;
  std::vector<double> w_self_;
  std::vector<std::vector<int>> offers_;
};

// ---- mediators ---------------------------------------------------------------

int pick(Rng& rng, int n) {
  return rng.below(n);
}

/// A change of `issue` to a random other option.
void mutate(const MediatorView& v, int issue, Change& out) {
  const int m = (*v.option_counts)[static_cast<std::size_t>(issue)];
  if (m < 2) return;
  int o = pick(*v.rng, m - 1);
  if (o >= v.draft[static_cast<std::size_t>(issue)]) ++o;
  out.add(issue, o);
}

/// `k` distinct random open issues (spanning two groups when cross_topic).
void random_change(const MediatorView& v, int k, Change& out) {
  out.clear();
  const int n = static_cast<int>(v.open_issues.size());
  if (n == 0) return;
  if (v.cross_topic && n >= 2) k = std::max(k, 2 + pick(*v.rng, 3));  // trades of 2-4 issues
  k = std::min(k, n);
  int first = v.open_issues[static_cast<std::size_t>(pick(*v.rng, n))];
  mutate(v, first, out);
  if (k == 1) return;
  // A trade must span groups when the open issues do.
  bool spans = false;
  if (v.cross_topic)
    for (int i : v.open_issues)
      spans = spans || v.issue_group[static_cast<std::size_t>(i)] !=
                           v.issue_group[static_cast<std::size_t>(first)];
  for (int tries = 0; out.size < k && tries < 8 * k; ++tries) {
    const int i = v.open_issues[static_cast<std::size_t>(pick(*v.rng, n))];
    bool dup = false;
    for (int j = 0; j < out.size; ++j) dup = dup || out.issue[j] == i;
    if (dup) continue;
    if (v.cross_topic && spans && out.size == 1 &&
        v.issue_group[static_cast<std::size_t>(i)] ==
            v.issue_group[static_cast<std::size_t>(first)])
      continue;
    mutate(v, i, out);
  }
}

/// Klein et al. (2003): random single-issue mutations of the text (two issues of
/// different groups in a leader channel).
class HillClimb final : public MediatorStrategy {
 public:
  void propose(const MediatorView& v, Change& out) override { random_change(v, 1, out); }
};

/// Large multi-issue moves early, narrowing as the temperature falls:
/// T = t0 · cooling^round; a proposal changes 1 + ⌊T·U·(n−1)⌋ issues.
class Annealing final : public MediatorStrategy {
 public:
  Annealing(double t0, double cooling) : t0_(t0), cooling_(cooling) {}
  void propose(const MediatorView& v, Change& out) override {
    const double temp = t0_ * std::pow(cooling_, v.round);
    const double u = v.rng->uniform();
    const int n = static_cast<int>(v.open_issues.size());
    random_change(v, 1 + static_cast<int>(temp * u * std::max(0, n - 1)), out);
  }

 private:
  double t0_, cooling_;
};

/// Learns each voter's option values from its votes (a perceptron on the
/// changed options) and proposes the change with the largest estimated Nash
/// product among those every voter is predicted to accept: every single-issue
/// change of an open issue, and `samples` random changes of 2-3 issues (2-4
/// spanning groups in a leader channel). Each proposal first tabulates every
/// voter's estimated gain for every single move, so a candidate costs a few
/// additions.
class NashSeeking final : public MediatorStrategy {
 public:
  NashSeeking(int samples, double rate) : samples_(samples), rate_(rate) {}
  void reset(std::size_t stakeholders, const std::vector<int>& counts) override {
    offset_.assign(counts.size() + 1, 0);
    for (std::size_t i = 0; i < counts.size(); ++i)
      offset_[i + 1] = offset_[i] + static_cast<std::size_t>(counts[i]);
    stride_ = offset_.back();
    est_.assign(stakeholders * stride_, 0.5);
    cached_.assign(stakeholders, 0.0);
    fresh_.assign(stakeholders, 0);
    used_.assign(counts.size(), 0);
    stamp_ = 0;
    version_ = ~std::uint64_t{0};
  }
  void propose(const MediatorView& v, Change& out) override {
    out.clear();
    const std::size_t nv = v.voters.size();
    estimate_levels(v);
    // Every single move (open issue -> another option) and each voter's estimated gain.
    moves_.clear();
    for (int i : v.open_issues) {
      const int m = (*v.option_counts)[static_cast<std::size_t>(i)];
      for (int o = 0; o < m; ++o)
        if (o != v.draft[static_cast<std::size_t>(i)]) moves_.push_back({i, o});
    }
    const std::size_t M = moves_.size();
    if (M == 0) return;
    gain_.resize(nv * M);
    for (std::size_t j = 0; j < nv; ++j) {
      const double* row = est_.data() + static_cast<std::size_t>(v.voters[j]) * stride_;
      double* g = gain_.data() + j * M;
      for (std::size_t mv = 0; mv < M; ++mv) {
        const auto i = static_cast<std::size_t>(moves_[mv].issue);
        g[mv] = row[offset_[i] + static_cast<std::size_t>(moves_[mv].option)] -
                row[offset_[i] + static_cast<std::size_t>(v.draft[i])];
      }
    }
    best_all_ = false;
    best_ = -INFINITY;
    best_size_ = 0;
    int pick_moves[Change::kMax];
    // A leader channel trades across groups when the open issues span groups.
    bool spans = false;
    if (v.cross_topic)
      for (std::size_t mv = 1; mv < M && !spans; ++mv) spans = group_of(v, mv) != group_of(v, 0);
    if (!spans) {  // singles (not trades), from a random start: ties go to a random one
      const auto start = static_cast<std::size_t>(v.rng->below(static_cast<int>(M)));
      for (std::size_t q = 0; q < M; ++q) {
        pick_moves[0] = static_cast<int>((start + q) % M);
        consider(pick_moves, 1, nv, M);
      }
    }
    const int n_open = static_cast<int>(v.open_issues.size());
    // Two open issues with at most `samples` pairs of moves: try every pair.
    if (n_open == 2 && !v.cross_topic) {
      const auto first_of_second = static_cast<std::size_t>(
          (*v.option_counts)[static_cast<std::size_t>(v.open_issues[0])] - 1);
      if (first_of_second * (M - first_of_second) <= static_cast<std::size_t>(samples_)) {
        for (std::size_t a = 0; a < first_of_second; ++a)
          for (std::size_t b = first_of_second; b < M; ++b) {
            pick_moves[0] = static_cast<int>(a);
            pick_moves[1] = static_cast<int>(b);
            consider(pick_moves, 2, nv, M);
          }
        emit(out);
        return;
      }
    }
    for (int s = 0; s < samples_ && n_open >= 2; ++s) {
      int k = v.cross_topic ? 2 + v.rng->below(3) : 2 + (s % 2);
      k = std::min(k, n_open);
      int size = 0;
      ++stamp_;  // marks the issues this candidate already changes
      pick_moves[size++] = v.rng->below(static_cast<int>(M));
      const std::size_t first = static_cast<std::size_t>(pick_moves[0]);
      used_[static_cast<std::size_t>(moves_[first].issue)] = stamp_;
      for (int tries = 0; size < k && tries < 8 * k; ++tries) {
        const int mv = v.rng->below(static_cast<int>(M));
        const auto issue = static_cast<std::size_t>(moves_[static_cast<std::size_t>(mv)].issue);
        if (used_[issue] == stamp_) continue;
        if (spans && size == 1 && group_of(v, static_cast<std::size_t>(mv)) == group_of(v, first))
          continue;
        used_[issue] = stamp_;
        pick_moves[size++] = mv;
      }
      if (size >= 2) consider(pick_moves, size, nv, M);
    }
    emit(out);
  }
  void feedback(const MediatorView& v, const Change& c,
                std::span<const unsigned char> accepted) override {
    for (std::size_t j = 0; j < v.voters.size(); ++j) {
      const int k = v.voters[j];
      double gain = 0;
      for (int q = 0; q < c.size; ++q)
        gain += value(k, static_cast<std::size_t>(c.issue[q]), c.option[q]) -
                value(k, static_cast<std::size_t>(c.issue[q]),
                      v.draft[static_cast<std::size_t>(c.issue[q])]);
      // A perceptron with a margin: learn from wrong predictions and from right
      // ones made with less than `rate` to spare (else a vote that agrees with a
      // zero estimate would teach nothing).
      if (accepted[j] ? gain >= rate_ : gain <= -rate_) continue;
      const double dir = accepted[j] ? rate_ : -rate_;
      fresh_[static_cast<std::size_t>(k)] = 0;
      for (int q = 0; q < c.size; ++q) {
        double& up = ref(k, static_cast<std::size_t>(c.issue[q]), c.option[q]);
        double& down = ref(k, static_cast<std::size_t>(c.issue[q]),
                           v.draft[static_cast<std::size_t>(c.issue[q])]);
        up = std::clamp(up + dir, 0.0, 1.0);
        down = std::clamp(down - dir, 0.0, 1.0);
      }
    }
  }

 private:
  struct Move {
    int issue, option;
  };
  /// Each voter's estimated level of the current text (cached per stakeholder
  /// until the text or its estimates change).
  void estimate_levels(const MediatorView& v) {
    const std::size_t nv = v.voters.size();
    level_.resize(nv);
    if (v.text_version != version_) {
      version_ = v.text_version;
      std::fill(fresh_.begin(), fresh_.end(), 0);
    }
    for (std::size_t j = 0; j < nv; ++j) {
      const auto k = static_cast<std::size_t>(v.voters[j]);
      if (!fresh_[k]) {
        const double* row = est_.data() + k * stride_;
        double l = 0;
        for (std::size_t i = 0; i < v.draft.size(); ++i)
          l += row[offset_[i] + static_cast<std::size_t>(v.draft[i])];
        cached_[k] = l;
        fresh_[k] = 1;
      }
      level_[j] = cached_[k];
    }
  }
  void emit(Change& out) const {
    for (int q = 0; q < best_size_; ++q) {
      const Move& m = moves_[static_cast<std::size_t>(best_moves_[q])];
      out.add(m.issue, m.option);
    }
  }
  int group_of(const MediatorView& v, std::size_t mv) const {
    return v.issue_group[static_cast<std::size_t>(moves_[mv].issue)];
  }
  /// Scores a candidate: (predicted acceptable by all, estimated Nash product
  /// Π_k level_k + gain_k, up to a constant); keeps it if better than the best.
  void consider(const int* pick, int size, std::size_t nv, std::size_t M) {
    double product = 1, shortfall = 0;
    bool all = true;
    for (std::size_t j = 0; j < nv; ++j) {
      const double* g = gain_.data() + j * M;
      double gain = 0;
      for (int q = 0; q < size; ++q) gain += g[pick[q]];
      if (gain < 0 && best_all_) return;  // cannot beat a candidate all accept
      all &= gain >= 0;
      shortfall += gain < 0 ? -gain : 0;
      product *= std::max(1e-9, level_[j] + gain);
    }
    // Among candidates all are predicted to accept: the largest product; while
    // there is none: the least objectionable (smallest predicted shortfall),
    // ties to the first seen (the scan starts at random).
    const double score = all ? product : -shortfall;
    if ((all && !best_all_) || (all == best_all_ && score > best_)) {
      best_all_ = all;
      best_ = score;
      best_size_ = size;
      std::copy(pick, pick + size, best_moves_);
    }
  }
  double value(int k, std::size_t i, int o) const {
    return est_[static_cast<std::size_t>(k) * stride_ + offset_[i] + static_cast<std::size_t>(o)];
  }
  double& ref(int k, std::size_t i, int o) {
    return est_[static_cast<std::size_t>(k) * stride_ + offset_[i] + static_cast<std::size_t>(o)];
  }
  int samples_;
  double rate_;
  std::vector<std::size_t> offset_;
  std::size_t stride_ = 0;
  std::vector<double> est_, level_, cached_, gain_;
  std::vector<unsigned char> fresh_;
  std::vector<Move> moves_;
  std::vector<std::uint64_t> used_;  // per issue: the last candidate that changed it
  std::uint64_t stamp_ = 0, version_ = 0;
  bool best_all_ = false;
  double best_ = -1;
  int best_size_ = 0;
  int best_moves_[Change::kMax] = {};
};

/// Full information: among packages reachable by changing the open issues (all
/// of them when there are at most `max_enumerate` combinations, else sampled),
/// proposes the one that no voter likes less and one likes more, maximising the
/// Nash product over r(t) (or the utility sum while some voter is below r).
/// Maximising a strictly increasing function over the weak Pareto improvements
/// of the draft gives a Pareto-efficient package.
class Oracle final : public MediatorStrategy {
 public:
  explicit Oracle(double max_enumerate) : max_enumerate_(max_enumerate) {}
  void propose(const MediatorView& v, Change& out) override {
    out.clear();
    const UtilityModel& m = *v.full->model;
    const std::size_t n = v.open_issues.size();
    if (n == 0) return;
    x_.assign(v.draft.begin(), v.draft.end());
    base_.resize(v.voters.size());
    for (std::size_t j = 0; j < v.voters.size(); ++j)
      base_[j] = v.full->utility(static_cast<std::size_t>(v.voters[j]), x_);
    double combos = 1;
    for (int i : v.open_issues) combos *= (*v.option_counts)[static_cast<std::size_t>(i)];
    bool have = false;
    int best_class = -1;
    double best_score = -INFINITY;
    best_.assign(x_.begin(), x_.end());
    auto consider = [&] {
      if (!m.acceptable_to_all(x_)) return;
      bool strict = false, all_above = true;
      double sum = 0, logs = 0;
      for (std::size_t j = 0; j < v.voters.size(); ++j) {
        const std::size_t k = static_cast<std::size_t>(v.voters[j]);
        const double u = v.full->utility(k, x_);
        if (u < base_[j] - 1e-12) return;
        strict = strict || u > base_[j] + 1e-12;
        sum += u;
        const double g = u - v.full->reservation[k];
        all_above = all_above && g > 0;
        logs += g > 0 ? std::log(g) : 0;
      }
      if (!strict) return;
      const int cls = all_above ? 1 : 0;
      const double score = all_above ? logs : sum;
      if (cls > best_class || (cls == best_class && score > best_score + 1e-12)) {
        best_class = cls;
        best_score = score;
        best_ = x_;
        have = true;
      }
    };
    if (combos <= max_enumerate_) {
      std::vector<int> digit(n, 0);
      for (;;) {
        for (std::size_t j = 0; j < n; ++j)
          x_[static_cast<std::size_t>(v.open_issues[j])] = digit[j];
        consider();
        std::size_t j = 0;
        for (; j < n; ++j) {
          if (++digit[j] < (*v.option_counts)[static_cast<std::size_t>(v.open_issues[j])]) break;
          digit[j] = 0;
        }
        if (j == n) break;
      }
    } else {
      for (int s = 0; s < 512; ++s) {
        x_.assign(v.draft.begin(), v.draft.end());
        random_change(v, 1 + s % 3, cand_);
        for (int q = 0; q < cand_.size; ++q)
          x_[static_cast<std::size_t>(cand_.issue[q])] = cand_.option[q];
        consider();
      }
    }
    if (!have) return;
    for (int i : v.open_issues)
      if (best_[static_cast<std::size_t>(i)] != v.draft[static_cast<std::size_t>(i)])
        out.add(i, best_[static_cast<std::size_t>(i)]);
  }

 private:
  double max_enumerate_;
  std::vector<int> x_, best_;
  std::vector<double> base_;
  Change cand_;
};

/// Strategies of one kind by name: descriptions and factories in registration order.
template <class Factory>
struct Table {
  std::vector<StrategyInfo> info;
  std::vector<Factory> make;

  [[nodiscard]] int find(const std::string& name) const {
    for (std::size_t i = 0; i < info.size(); ++i)
      if (info[i].name == name) return static_cast<int>(i);
    return -1;
  }
  /// Adds a strategy, or replaces one of the same name.
  void add(StrategyInfo i, Factory f) {
    if (const int at = find(i.name); at >= 0) {
      info[static_cast<std::size_t>(at)] = std::move(i);
      make[static_cast<std::size_t>(at)] = std::move(f);
      return;
    }
    info.push_back(std::move(i));
    make.push_back(std::move(f));
  }
  [[nodiscard]] const StrategyInfo* lookup(const std::string& name) const {
    const int i = find(name);
    return i < 0 ? nullptr : &info[static_cast<std::size_t>(i)];
  }
  auto create(const StrategySpec& spec, const char* kind) const {
    const int i = find(spec.type);
    if (i < 0) throw Error(std::string("unknown ") + kind + " strategy '" + spec.type + "'");
    return make[static_cast<std::size_t>(i)](spec);
  }
};

struct Registry {
  Table<PartyFactory> party;
  Table<MediatorFactory> mediator;
};

Registry& registry() {
  static Registry r = [] {
    Registry g;
    auto td = [](double beta) {
      return [beta](const StrategySpec& s) {
        return std::make_unique<TimeDependent>(s.param("beta", beta), s.param("deadline", 0));
      };
    };
    const std::vector<std::string> td_params{"beta", "deadline"};
    g.party.add({"boulware", "time-dependent concession, concedes late (beta default 0.2)",
                 td_params, false},
                td(0.2));
    g.party.add({"linear", "time-dependent concession, linear (beta 1)", td_params, false},
                td(1.0));
    g.party.add({"conceder", "time-dependent concession, concedes early (beta default 5)",
                 td_params, false},
                td(5.0));
    g.party.add({"hardliner", "accepts only strict improvements of its own utility", {}, false},
                [](const StrategySpec&) { return std::make_unique<Hardliner>(); });
    g.party.add({"spe",
                 "subgame-perfect alternating offers (Rubinstein 1982), complete information",
                 {},
                 true},
                [](const StrategySpec&) { return std::make_unique<SubgamePerfect>(); });

    g.mediator.add(
        {"hill_climb", "random single-issue changes of the text (Klein et al. 2003)", {}, false},
        [](const StrategySpec&) { return std::make_unique<HillClimb>(); });
    g.mediator.add({"annealing",
                    "multi-issue changes narrowing with temperature t0*cooling^round",
                    {"t0", "cooling"},
                    false},
                   [](const StrategySpec& s) {
                     return std::make_unique<Annealing>(s.param("t0", 1.0),
                                                        s.param("cooling", 0.95));
                   });
    g.mediator.add({"nash_seeking",
                    "learns preferences from votes, proposes the best estimated Nash product",
                    {"samples", "rate"},
                    false},
                   [](const StrategySpec& s) {
                     return std::make_unique<NashSeeking>(static_cast<int>(s.param("samples", 16)),
                                                          s.param("rate", 0.1));
                   });
    g.mediator.add({"oracle",
                    "full information: the best Pareto-improving change (an upper bound)",
                    {"max_enumerate"},
                    true},
                   [](const StrategySpec& s) {
                     return std::make_unique<Oracle>(s.param("max_enumerate", 65536));
                   });
    return g;
  }();
  return r;
}

}  // namespace

void register_party_strategy(StrategyInfo info, PartyFactory make) {
  registry().party.add(std::move(info), std::move(make));
}
void register_mediator_strategy(StrategyInfo info, MediatorFactory make) {
  registry().mediator.add(std::move(info), std::move(make));
}

const std::vector<StrategyInfo>& party_strategies() {
  return registry().party.info;
}
const std::vector<StrategyInfo>& mediator_strategies() {
  return registry().mediator.info;
}

const StrategyInfo* find_party_strategy(const std::string& name) {
  return registry().party.lookup(name);
}
const StrategyInfo* find_mediator_strategy(const std::string& name) {
  return registry().mediator.lookup(name);
}

std::unique_ptr<PartyStrategy> make_party_strategy(const StrategySpec& spec) {
  return registry().party.create(spec, "party");
}
std::unique_ptr<MediatorStrategy> make_mediator_strategy(const StrategySpec& spec) {
  return registry().mediator.create(spec, "mediator");
}

}  // namespace parley::engine

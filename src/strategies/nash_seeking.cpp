// The Nash-seeking mediator (docs/model.md, "Strategies"): learns each voter's option values
// from its votes and proposes the change with the best estimated Nash product among those
// every voter is predicted to accept.
#include <algorithm>
#include <cmath>

#include "strategies/builtin.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {
namespace {

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
    view_ = &v;
    const std::size_t nv = v.voters.size();
    estimate_levels(v);
    // Every single move (open issue -> another option) and each voter's estimated gain.
    moves_.clear();
    for (int i : v.open_issues) {
      const int m = (*v.option_counts)[static_cast<std::size_t>(i)];
      for (int o = 0; o < m; ++o)
        if (o != v.draft[static_cast<std::size_t>(i)] && v.may(i, o)) moves_.push_back({i, o});
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
    // Multi-issue candidates only where the table can carry them (not in shuttle format).
    const int n_open = v.too_broad(2) ? 1 : static_cast<int>(v.open_issues.size());
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
      if (v.max_issues > 0) k = std::min(k, v.max_issues);
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
      if (revisits(pick, size)) return;  // back to a text the group has left
      best_all_ = all;
      best_ = score;
      best_size_ = size;
      std::copy(pick, pick + size, best_moves_);
    }
  }
  /// Would these moves return the draft to a package it has held since the last shock?
  bool revisits(const int* pick, int size) const {
    if (view_->held == nullptr) return false;
    int issue[Change::kMax], option[Change::kMax];
    for (int q = 0; q < size; ++q) {
      issue[q] = moves_[static_cast<std::size_t>(pick[q])].issue;
      option[q] = moves_[static_cast<std::size_t>(pick[q])].option;
    }
    return view_->revisits(issue, option, size);
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
  const MediatorView* view_ = nullptr;  // during propose
};

}  // namespace

std::vector<MediatorEntry> nash_seeking_mediators() {
  return {{{"nash_seeking",
            "learns each voter's option values from its votes; proposes, among every "
            "single-issue change and `samples` sampled multi-issue changes, the one with the "
            "best estimated Nash product that all are predicted to accept",
            {{"samples", 16, 1, 100000, "random multi-issue changes scored per proposal", true},
             {"rate", 0.1, 1e-6, 1, "learning step of the value estimates (and their margin)"}},
            false},
           [](const StrategyParams& p) {
             return std::make_unique<NashSeeking>(static_cast<int>(p["samples"]), p["rate"]);
           }}};
}

}  // namespace parley::engine

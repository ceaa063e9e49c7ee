#pragma once
// Pluggable strategies (docs/strategies.md). A party strategy decides votes (and, under
// alternating offers, offers) from a PartyView: what that party may know, and
// nothing else. A mediator strategy proposes changes to a group's draft from a
// MediatorView: the draft, the open issues and the votes it has received, not
// the parties' utilities (except the `oracle`, which is registered as needing
// full information and is a benchmark, not a model of a real mediator).
//
// To add a strategy: derive from PartyStrategy or MediatorStrategy and call
// register_party_strategy / register_mediator_strategy before loading a
// scenario (docs/strategies.md shows a complete example).
#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/process.hpp"
#include "core/rng.hpp"
#include "core/utility.hpp"
#include "core/valuation.hpp"
#include "strategies/registry.hpp"

namespace parley::engine {

struct FullInformation;
class ViewBuilder;

/// What party k may see when it decides. Built only by the engine (private
/// constructor): a strategy cannot reach another party's utilities, votes or
/// reservation value through it.
class PartyView {
 public:
  /// Own utility of any package (the party knows its own preferences), with the
  /// option values as they stand this month (drift and leverage).
  [[nodiscard]] double utility(std::span<const int> package) const {
    return valuation_.utility(k_, package);
  }
  [[nodiscard]] bool crosses_red_line(std::span<const int> package) const {
    return valuation_.model->crosses_red_line(k_, package);
  }
  /// How many of its own red lines a package crosses.
  [[nodiscard]] int red_lines_crossed(std::span<const int> package) const {
    return valuation_.model->red_lines_crossed(k_, package);
  }
  /// Compares the proposal with the current text on the party's red lines: +1 if
  /// it crosses one the text does not (whatever else it does), -1 if it crosses
  /// none new and leaves at least one the text crosses, 0 if it crosses the same
  /// ones. (The status quo itself may cross a red line: then moving away from it
  /// is a gain, not a loss; but a red line is never traded for another.)
  [[nodiscard]] int red_line_change() const {
    return (red_proposed_ & ~red_current_) ? 1 : (red_current_ & ~red_proposed_) ? -1 : 0;
  }
  /// How many of its red lines the current text and the proposal cross.
  [[nodiscard]] int red_lines_current() const { return std::popcount(red_current_); }
  [[nodiscard]] int red_lines_proposed() const { return std::popcount(red_proposed_); }
  [[nodiscard]] double reservation() const { return reservation_; }  // own r_k(t)
  /// Own accumulated fatigue Σ_{s<t} κ_k(s): how far the war has worn its reservation down
  /// (costs felt, beliefs, leverage; docs/model.md, "Reservation trajectory").
  [[nodiscard]] double pressure() const { return pressure_; }
  [[nodiscard]] double best() const { return best_; }  // own best utility over the space
  [[nodiscard]] double discount() const { return discount_; }
  [[nodiscard]] int month() const { return month_; }
  [[nodiscard]] int horizon() const { return horizon_; }
  [[nodiscard]] int round() const { return round_; }
  [[nodiscard]] int rounds() const { return rounds_; }  // alternating offers: rounds available
  [[nodiscard]] const std::vector<int>& option_counts() const { return *option_counts_; }
  /// The settlement space (to enumerate packages with an Odometer).
  [[nodiscard]] const Space& space() const { return *space_; }
  /// The text as it stands, and the text proposed to this party.
  [[nodiscard]] std::span<const int> current() const { return current_; }
  [[nodiscard]] std::span<const int> proposed() const { return proposed_; }
  [[nodiscard]] double utility_current() const { return u_current_; }
  [[nodiscard]] double utility_proposed() const { return u_proposed_; }

  PartyView(const PartyView&) = delete;
  PartyView& operator=(const PartyView&) = delete;

 private:
  friend class ViewBuilder;
  PartyView() = default;
  Valuation valuation_;  // own utilities only: the view reads row k_ alone
  std::size_t k_ = 0;
  double reservation_ = 0, pressure_ = 0, best_ = 1, discount_ = 1;
  int month_ = 0, horizon_ = 1, round_ = 0, rounds_ = 0;
  const std::vector<int>* option_counts_ = nullptr;
  const Space* space_ = nullptr;
  std::span<const int> current_, proposed_;
  double u_current_ = 0, u_proposed_ = 0;
  std::uint64_t red_current_ = 0, red_proposed_ = 0;  // which red lines are crossed
};

/// Votes cast at a direct-format table, visible to everyone seated there.
struct TableVote {
  int party;  // scenario party index
  bool accept;
};

class PartyStrategy {
 public:
  virtual ~PartyStrategy() = default;
  /// Single text: accept the proposed draft in place of the current one?
  /// Alternating offers: accept the offer (proposed) or not?
  virtual bool accept(const PartyView& view) = 0;
  /// Would the party sign the text as it stands (current) now? Element consensus,
  /// the framework and the final agreement need every member's endorsement.
  /// Default: no red line, and utility at least max(r(t), aspiration(t)) with a
  /// linear schedule.
  virtual bool endorse(const PartyView& view);
  /// Direct format only: the votes of everyone at the table on the last proposal.
  virtual void observe(std::span<const TableVote> /*votes*/) {}
  /// Alternating offers: write this party's offer into `out` (a whole package) and return
  /// true, or return false to make none this round (no package it would sign). An offer
  /// binds: if the other accepts it, both sign it.
  virtual bool offer(const PartyView& view, std::span<int> out);
  /// Called at the start of every run: forget what the last run taught.
  virtual void reset() {}
  /// Full information (for the subgame-perfect baseline): set by the engine only
  /// for strategies registered with needs_full_information.
  virtual void inform(const FullInformation& /*info*/) {}
};

/// One proposed change: issue -> option pairs (at most kMaxChange).
struct Change {
  static constexpr int kMax = 8;
  int size = 0;
  int issue[kMax] = {};
  int option[kMax] = {};
  void clear() { size = 0; }
  void add(int i, int o) {
    if (size < kMax) {
      issue[size] = i;
      option[size] = o;
      ++size;
    }
  }
};

/// The packages the text has held since the last shock (a leverage event, a principle, a
/// collapse; docs/model.md, "A text that moves forward"), sorted.
class HeldTexts {
 public:
  void clear() { held_.clear(); }
  void add(Index i) {
    const auto at = std::lower_bound(held_.begin(), held_.end(), i) - held_.begin();
    if (at < std::ssize(held_) && held_[static_cast<std::size_t>(at)] == i) return;
    held_.push_back(i);  // then rotated into place (insert trips a GCC 12 -Warray-bounds)
    std::rotate(held_.begin() + at, held_.end() - 1, held_.end());
  }
  [[nodiscard]] bool contains(Index i) const {
    return std::binary_search(held_.begin(), held_.end(), i);
  }

 private:
  std::vector<Index> held_;
};

/// Does an option bit set (a principle's, as in MediatorView::allowed) allow option o? Options
/// from 64 on have no bit and are always allowed.
[[nodiscard]] inline bool allows(std::uint64_t mask, int o) {
  return o >= 64 || ((mask >> o) & 1u);
}

struct MediatorView {
  std::span<const int> draft;        // the whole package as it stands
  std::span<const int> open_issues;  // issues the group may change now
  std::span<const int> issue_group;  // per issue: owning group in the design (-1: none)
  const std::vector<int>* option_counts = nullptr;
  std::span<const int> voters;  // stakeholder indices (UtilityModel order) who vote
  bool cross_topic = false;     // leader channel: changes must span groups
  /// Most issues a change may move (0: any). A shuttle mediator carries one point at a time
  /// between the sides; a trade across issues needs them at one table (docs/model.md, "What
  /// the format reveals").
  int max_issues = 0;
  /// Per issue: the options the leader channel's principles allow, as a bit set (empty: all).
  std::span<const std::uint64_t> allowed;
  int month = 0, round = 0, group = -1;
  std::uint64_t text_version = 0;         // changes whenever the text changes (for caches)
  Rng* rng = nullptr;                     // the run's only source of randomness
  const FullInformation* full = nullptr;  // only for full-information strategies
  /// Packages the text may not return to (null: it may; the `forward_text` mechanism is off).
  const HeldTexts* held = nullptr;
  Index draft_index = 0;         // the draft in the space
  const Space* space = nullptr;  // for the index of a changed draft

  /// Would the draft with issue[q] set to option[q] (q < n) return to a held package?
  [[nodiscard]] bool revisits(const int* issue, const int* option, int n) const {
    if (held == nullptr) return false;
    Index at = draft_index;  // unsigned wrap-around is exact: the result is a valid index
    for (int q = 0; q < n; ++q) {
      const auto i = static_cast<std::size_t>(issue[q]);
      at += (static_cast<Index>(option[q]) - static_cast<Index>(draft[i])) * space->stride(i);
    }
    return held->contains(at);
  }
  [[nodiscard]] bool revisits(const Change& c) const { return revisits(c.issue, c.option, c.size); }
  /// May issue i take option o under the principles in force?
  [[nodiscard]] bool may(int i, int o) const {
    return allowed.empty() || allows(allowed[static_cast<std::size_t>(i)], o);
  }
  /// Would a change of `n` issues be more than this table can carry?
  [[nodiscard]] bool too_broad(int n) const { return max_issues > 0 && n > max_issues; }
};

class MediatorStrategy {
 public:
  virtual ~MediatorStrategy() = default;
  /// Writes a change of the draft into `out` (empty: nothing to propose).
  virtual void propose(const MediatorView& view, Change& out) = 0;
  /// The voters' verdicts on the last proposal (private to the mediator in shuttle format).
  virtual void feedback(const MediatorView& /*view*/, const Change& /*change*/,
                        std::span<const unsigned char> /*accepted*/) {}
  /// Called once before a run with the scenario's dimensions.
  virtual void reset(std::size_t /*stakeholders*/, const std::vector<int>& /*option_counts*/) {}
};

/// Everything, for the oracle and the subgame-perfect baseline.
struct FullInformation {
  /// u_k(x) with the option values as they stand this month (drift and leverage).
  [[nodiscard]] double utility(std::size_t k, std::span<const int> x) const {
    return valuation.utility(k, x);
  }
  const UtilityModel* model = nullptr;
  Valuation valuation;                  // every stakeholder's utilities
  std::span<const double> reservation;  // r_k(t) per stakeholder
  std::span<const double> discount;     // per stakeholder
  int rounds = 0;                       // alternating offers
  std::size_t self = 0;                 // the informed party's stakeholder index
};

/// Faratin et al. (1998) time-dependent tolerance: the utility a party still
/// insists on at time τ ∈ [0,1]:  a(τ) = r + (best − r)·(1 − τ^(1/β)).
/// β < 1 Boulware (concedes late), β = 1 linear, β > 1 Conceder.
double aspiration(double reservation, double best, double tau, double beta);

}  // namespace parley::engine

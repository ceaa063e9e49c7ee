#pragma once
// Utility evaluation (docs/model.md, "Utilities"). For stakeholder k and package x:
//   u_k(x) = sum_i w_ki * v_ki(x_i) + sum over interactions (a,b) of I_k(a,b)*[x has a and b]
// A red line of k is a conjunction of issue=option conditions; a package that
// meets all of them is unacceptable to k. Everything here is allocation-free
// once built: tables are flat, and evaluation writes into caller storage.
#include <cstdint>
#include <span>
#include <vector>

#include "core/scenario.hpp"

namespace parley {

/// Utilities are sums of doubles added in different orders by different
/// algorithms; comparisons against a reservation value allow this much slack.
inline constexpr double kUtilityTolerance = 1e-9;
inline bool meets(double utility, double threshold) {
  return utility >= threshold - kUtilityTolerance;
}

class UtilityModel {
 public:
  explicit UtilityModel(const Scenario& scenario);

  /// Number of stakeholders (parties with preferences), in scenario order.
  [[nodiscard]] std::size_t parties() const { return party_index_.size(); }
  [[nodiscard]] std::size_t issues() const { return offset_.size(); }
  /// Scenario party index of stakeholder k.
  [[nodiscard]] int party_index(std::size_t k) const { return party_index_[k]; }
  /// w_ki * v_ki(option): the additive part of issue i's contribution.
  [[nodiscard]] double term(std::size_t k, std::size_t issue, int option) const {
    return table_[k * stride_ + offset_[issue] + static_cast<std::size_t>(option)];
  }
  [[nodiscard]] double reservation(std::size_t k) const { return reservation_[k]; }
  [[nodiscard]] bool has_interactions() const { return !pairs_.empty(); }

  [[nodiscard]] double utility(std::size_t k, std::span<const int> x) const;
  /// out.size() == parties()
  void evaluate(std::span<const int> x, std::span<double> out) const;
  /// True if x meets every condition of one of k's red lines.
  [[nodiscard]] bool crosses_red_line(std::size_t k, std::span<const int> x) const;
  /// How many of stakeholder k's red lines x crosses.
  [[nodiscard]] int red_lines_crossed(std::size_t k, std::span<const int> x) const;
  /// Which of k's red lines x crosses: bit j for its j-th red line (a party has at
  /// most kMaxRedLines, checked when the scenario is read).
  [[nodiscard]] std::uint64_t red_line_set(std::size_t k, std::span<const int> x) const;
  /// True if no stakeholder's red line is crossed.
  [[nodiscard]] bool acceptable_to_all(std::span<const int> x) const;
  /// u_k(x with issue set to option) - u_k(x), in O(interactions touching issue).
  [[nodiscard]] double delta(std::size_t k, std::span<const int> x, std::size_t issue,
                             int option) const;

  struct Pair {
    int issue_a, option_a, issue_b, option_b;
    double value;
  };
  /// Interactions of stakeholder k.
  [[nodiscard]] std::span<const Pair> interactions(std::size_t k) const;
  /// Red lines of stakeholder k, each a span of conditions.
  [[nodiscard]] std::vector<std::span<const Condition>> red_lines(std::size_t k) const;
  /// Which of k's red lines (bits as in red_line_set) are stated positions, not firm lines.
  [[nodiscard]] std::uint64_t stated_lines(std::size_t k) const { return stated_[k]; }

 private:
  std::vector<int> party_index_;
  std::vector<std::size_t> offset_;  // per issue, into a party's row
  std::size_t stride_ = 0;           // options over all issues
  std::vector<double> table_;        // [k][offset + option]
  std::vector<double> reservation_;
  std::vector<Pair> pairs_;                      // all parties, grouped by party
  std::vector<std::size_t> pair_begin_;          // per party, size parties()+1
  std::vector<std::vector<int>> pair_by_issue_;  // [k*issues + i] -> pair indices
  std::vector<Condition> red_conditions_;
  std::vector<std::size_t> red_begin_;       // per red line, into red_conditions_
  std::vector<std::uint64_t> stated_;        // per party: its stated positions among its red lines
  std::vector<std::size_t> red_line_begin_;  // per party, into red_begin_ (size parties()+1)
};

/// Keeps a current package and every stakeholder's utility of it, updated in
/// O(parties * touched interactions) per changed issue.
class IncrementalEvaluator {
 public:
  IncrementalEvaluator(const UtilityModel& model, std::span<const int> start);
  void set(std::size_t issue, int option);
  [[nodiscard]] std::span<const int> package() const { return x_; }
  [[nodiscard]] std::span<const double> utilities() const { return u_; }

 private:
  const UtilityModel* model_;
  std::vector<int> x_;
  std::vector<double> u_;
};

}  // namespace parley

#include "core/utility.hpp"

#include <bit>

namespace parley {

UtilityModel::UtilityModel(const Scenario& scenario) {
  const std::size_t n_issues = scenario.issues.size();
  offset_.resize(n_issues);
  for (std::size_t i = 0; i < n_issues; ++i) {
    offset_[i] = stride_;
    stride_ += scenario.issues[i].options.size();
  }
  party_index_ = scenario.stakeholders();
  const std::size_t n = party_index_.size();
  table_.assign(n * stride_, 0.0);
  pair_begin_.push_back(0);
  red_line_begin_.push_back(0);
  pair_by_issue_.resize(n * n_issues);
  for (std::size_t k = 0; k < n; ++k) {
    const Preferences& pref = *scenario.preferences[static_cast<std::size_t>(party_index_[k])];
    for (std::size_t i = 0; i < n_issues; ++i)
      for (std::size_t o = 0; o < scenario.issues[i].options.size(); ++o)
        table_[k * stride_ + offset_[i] + o] = pref.weights[i] * pref.values[i][o];
    reservation_.push_back(pref.reservation);
    for (const auto& in : pref.interactions) {
      int idx = static_cast<int>(pairs_.size() - pair_begin_[k]);
      pairs_.push_back({in.a.issue, in.a.option, in.b.issue, in.b.option, in.value});
      pair_by_issue_[k * n_issues + static_cast<std::size_t>(in.a.issue)].push_back(idx);
      if (in.b.issue != in.a.issue)
        pair_by_issue_[k * n_issues + static_cast<std::size_t>(in.b.issue)].push_back(idx);
    }
    pair_begin_.push_back(pairs_.size());
    stated_.push_back(0);
    for (const auto& rl : pref.red_lines) {
      if (rl.stated)
        stated_.back() |= std::uint64_t{1} << (red_begin_.size() - red_line_begin_.back());
      red_begin_.push_back(red_conditions_.size());
      red_conditions_.insert(red_conditions_.end(), rl.when.begin(), rl.when.end());
    }
    red_line_begin_.push_back(red_begin_.size());
  }
  red_begin_.push_back(red_conditions_.size());
}

std::span<const UtilityModel::Pair> UtilityModel::interactions(std::size_t k) const {
  return {pairs_.data() + pair_begin_[k], pair_begin_[k + 1] - pair_begin_[k]};
}

std::vector<std::span<const Condition>> UtilityModel::red_lines(std::size_t k) const {
  std::vector<std::span<const Condition>> out;
  for (std::size_t r = red_line_begin_[k]; r < red_line_begin_[k + 1]; ++r)
    out.emplace_back(red_conditions_.data() + red_begin_[r], red_begin_[r + 1] - red_begin_[r]);
  return out;
}

double UtilityModel::utility(std::size_t k, std::span<const int> x) const {
  const double* row = table_.data() + k * stride_;
  double u = 0.0;
  for (std::size_t i = 0; i < offset_.size(); ++i)
    u += row[offset_[i] + static_cast<std::size_t>(x[i])];
  for (std::size_t p = pair_begin_[k]; p < pair_begin_[k + 1]; ++p) {
    const Pair& pr = pairs_[p];
    if (x[static_cast<std::size_t>(pr.issue_a)] == pr.option_a &&
        x[static_cast<std::size_t>(pr.issue_b)] == pr.option_b)
      u += pr.value;
  }
  return u;
}

void UtilityModel::evaluate(std::span<const int> x, std::span<double> out) const {
  for (std::size_t k = 0; k < parties(); ++k) out[k] = utility(k, x);
}

bool UtilityModel::crosses_red_line(std::size_t k, std::span<const int> x) const {
  for (std::size_t r = red_line_begin_[k]; r < red_line_begin_[k + 1]; ++r) {
    bool all = true;
    for (std::size_t c = red_begin_[r]; c < red_begin_[r + 1] && all; ++c)
      all = x[static_cast<std::size_t>(red_conditions_[c].issue)] == red_conditions_[c].option;
    if (all) return true;
  }
  return false;
}

int UtilityModel::red_lines_crossed(std::size_t k, std::span<const int> x) const {
  return std::popcount(red_line_set(k, x));
}

std::uint64_t UtilityModel::red_line_set(std::size_t k, std::span<const int> x) const {
  std::uint64_t set = 0;
  for (std::size_t r = red_line_begin_[k]; r < red_line_begin_[k + 1]; ++r) {
    bool all = true;
    for (std::size_t c = red_begin_[r]; c < red_begin_[r + 1] && all; ++c)
      all = x[static_cast<std::size_t>(red_conditions_[c].issue)] == red_conditions_[c].option;
    if (all) set |= std::uint64_t{1} << (r - red_line_begin_[k]);
  }
  return set;
}

bool UtilityModel::acceptable_to_all(std::span<const int> x) const {
  for (std::size_t k = 0; k < parties(); ++k)
    if (crosses_red_line(k, x)) return false;
  return true;
}

double UtilityModel::delta(std::size_t k, std::span<const int> x, std::size_t issue,
                           int option) const {
  const int old = x[issue];
  if (old == option) return 0.0;
  const double* row = table_.data() + k * stride_ + offset_[issue];
  double d = row[option] - row[old];
  const Pair* base = pairs_.data() + pair_begin_[k];
  for (int idx : pair_by_issue_[k * offset_.size() + issue]) {
    const Pair& pr = base[idx];
    auto holds = [&](int opt_here) {
      int a = pr.issue_a == static_cast<int>(issue) ? opt_here
                                                    : x[static_cast<std::size_t>(pr.issue_a)];
      int b = pr.issue_b == static_cast<int>(issue) ? opt_here
                                                    : x[static_cast<std::size_t>(pr.issue_b)];
      return a == pr.option_a && b == pr.option_b;
    };
    if (holds(option)) d += pr.value;
    if (holds(old)) d -= pr.value;
  }
  return d;
}

IncrementalEvaluator::IncrementalEvaluator(const UtilityModel& model, std::span<const int> start)
    : model_(&model), x_(start.begin(), start.end()), u_(model.parties()) {
  model.evaluate(x_, u_);
}

void IncrementalEvaluator::set(std::size_t issue, int option) {
  for (std::size_t k = 0; k < u_.size(); ++k) u_[k] += model_->delta(k, x_, issue, option);
  x_[issue] = option;
}

}  // namespace parley

// The oracle (docs/model.md, "Strategies"): a full-information mediator that proposes the
// weakly Pareto-improving text with the best Nash product. An upper bound for benchmarks, not
// a model of a real mediator.
#include <cmath>

#include "strategies/builtin.hpp"
#include "strategies/random_change.hpp"

namespace parley::engine {
namespace {

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
      for (int i : v.open_issues)
        if (!v.may(i, x_[static_cast<std::size_t>(i)])) return;
      if (v.max_issues > 0) {
        int changed = 0;
        for (int i : v.open_issues)
          changed += x_[static_cast<std::size_t>(i)] != v.draft[static_cast<std::size_t>(i)];
        if (v.too_broad(changed)) return;
      }
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

}  // namespace

std::vector<MediatorEntry> oracle_mediators() {
  return {
      {{"oracle",
        "full information: the weakly Pareto-improving text with the best Nash product (an "
        "upper bound, not a real mediator)",
        {{"max_enumerate", 65536, 1, 1e9,
          "largest number of combinations of the open issues enumerated (else 512 samples)", true}},
        true},
       [](const StrategyParams& p) { return std::make_unique<Oracle>(p["max_enumerate"]); }}};
}

}  // namespace parley::engine

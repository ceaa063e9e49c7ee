#include "engine/forces/zopa_month.hpp"

#include <algorithm>

#include "analysis/zopa.hpp"
#include "engine/design.hpp"

namespace parley::engine {

ZopaMonth::ZopaMonth(const Design& d, const DynamicsSpec& dynamics) {
  if (dynamics.drift.empty()) return;
  blocks_ = d.blocks;
  for (const Drift& dr : dynamics.drift) {
    std::vector<std::size_t> combos;
    for (std::size_t b = 0; b < d.blocks.size(); ++b) {
      const auto& is = d.blocks[b].issues;
      const auto j =
          static_cast<std::size_t>(std::find(is.begin(), is.end(), dr.issue) - is.begin());
      if (j == is.size()) continue;
      // Combos list the block's options with its first issue least significant.
      for (std::size_t c = 0; c < d.blocks[b].combos; ++c) {
        std::size_t rem = c;
        int option = 0;
        for (std::size_t q = 0; q <= j; ++q) {
          const auto m = static_cast<std::size_t>(d.option_counts[static_cast<std::size_t>(is[q])]);
          option = static_cast<int>(rem % m);
          rem /= m;
        }
        if (option == dr.option) combos.push_back(c);
      }
      drift_block_of_.push_back(b);
      if (std::find(drift_blocks_.begin(), drift_blocks_.end(), b) == drift_blocks_.end())
        drift_blocks_.push_back(b);
    }
    drift_combos_.push_back(std::move(combos));
  }
}

int ZopaMonth::compute(const Design& d, const DynamicsSpec& numbers, std::span<const double> r0,
                       std::span<const double> kappa, int horizon) {
  const std::size_t K = d.K;
  std::vector<double> r(K), fatigue(K, 0.0);
  for (int t = 0; t < horizon; ++t) {
    if (t > 0)
      for (std::size_t k = 0; k < K; ++k)
        fatigue[k] += kappa[static_cast<std::size_t>(t - 1) * K + k];
    for (std::size_t k = 0; k < K; ++k) r[k] = std::clamp(r0[k] - fatigue[k], 0.0, 1.0);
    if (!numbers.drift.empty()) {  // drift blocks at month t: copied once, then changed by the step
      if (t == 0)
        for (std::size_t b : drift_blocks_)
          std::copy(d.blocks[b].u.begin(), d.blocks[b].u.end(), blocks_[b].u.begin());
      for (std::size_t e = 0; e < numbers.drift.size(); ++e) {
        const Drift& dr = numbers.drift[e];
        const int k = d.sk[static_cast<std::size_t>(dr.party)];
        auto at = [&](int m) {
          return dr.per_month * (std::min(m, dr.until) - std::min(m, dr.from));
        };
        const double step = t == 0 ? at(0) : at(t) - at(t - 1);
        if (k < 0 || step == 0) continue;
        auto& u = blocks_[drift_block_of_[e]].u;
        for (std::size_t c : drift_combos_[e]) u[c * K + static_cast<std::size_t>(k)] += step;
      }
    }
    const auto open = analysis::zopa_exists(numbers.drift.empty() ? d.blocks : blocks_, r);
    if (!open) return -1;  // too large to decide
    if (*open) return t;
  }
  return -1;
}

}  // namespace parley::engine

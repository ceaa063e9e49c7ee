#pragma once
// The month the ZOPA first opens under the scenario's own trajectory, r_k(0) − Σ_{s<t} κ_k(s)
// (every month a war month, beliefs as they learn, no leverage) with option drift and no run
// events (docs/model.md, "Cost of delay"): the reference month of the
// cost of delay. Only the blocks holding a drifted option are recomputed month by month.
#include <span>
#include <vector>

#include "analysis/blocks.hpp"
#include "core/dynamics.hpp"

namespace parley::engine {

struct Design;

class ZopaMonth {
 public:
  ZopaMonth(const Design& d, const DynamicsSpec& dynamics);
  /// The first month t < horizon with a non-empty ZOPA; -1 if none or too large to decide.
  /// `kappa`: κ_k(t) at [t * K + k] (Reservations::projected_kappa).
  int compute(const Design& d, const DynamicsSpec& numbers, std::span<const double> r0,
              std::span<const double> kappa, int horizon);

 private:
  std::vector<analysis::Block> blocks_;                 // with this month's drift (scratch)
  std::vector<std::size_t> drift_blocks_;               // blocks holding a drifted issue
  std::vector<std::size_t> drift_block_of_;             // per drift: its block
  std::vector<std::vector<std::size_t>> drift_combos_;  // per drift: combos with its option
};

}  // namespace parley::engine

#pragma once
// Option values that move during a run (docs/model.md, "Option drift"): drift adds
// per_month · (min(t, until) − min(t, from)) to one party's value of one option, and leverage
// option shifts add their `shift` while in force. Together they are the offsets b_k(i, o)
// of the Valuation; a party's own best moves with them.
#include <vector>

#include "core/dynamics.hpp"
#include "core/valuation.hpp"

namespace parley::engine {

struct Design;

struct OptionValues {
  std::vector<double> offsets;  // K x columns: b_k(i, o) this month
  std::vector<double> next;     // scratch: next month's offsets
  std::vector<double> best;     // per stakeholder: own best utility with the offsets
  Valuation valuation;          // the model plus `offsets` (none when options never move)

  explicit OptionValues(const Design& d);
  /// Back to the static option values.
  void reset(const Design& d);
  /// This month's offsets from the drift and the leverage in force (`fired`: the month
  /// each instrument fired, -1 not yet). Returns true if they changed.
  bool update(const Design& d, const DynamicsSpec& numbers, const std::vector<int>& fired,
              int month);
};

}  // namespace parley::engine

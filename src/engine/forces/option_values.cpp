#include "engine/forces/option_values.hpp"

#include <algorithm>
#include <cmath>

#include "engine/design.hpp"
#include "engine/forces/leverage.hpp"

namespace parley::engine {

OptionValues::OptionValues(const Design& d) : best(d.best) {
  valuation.model = &d.model;
  valuation.col = &d.col;
  valuation.columns = d.columns();
  if (d.moving_options) {
    offsets.assign(d.K * d.columns(), 0.0);
    next = offsets;
    valuation.offsets = offsets.data();
  }
}

void OptionValues::reset(const Design& d) {
  if (!d.moving_options) return;
  std::fill(offsets.begin(), offsets.end(), 0.0);
  best = d.best;
}

bool OptionValues::update(const Design& d, const DynamicsSpec& numbers,
                          const std::vector<int>& fired, int month) {
  std::fill(next.begin(), next.end(), 0.0);
  const std::size_t C = d.columns();
  auto add = [&](int party, int issue, int option, double v) {
    const int k = d.sk[static_cast<std::size_t>(party)];
    if (k < 0) return;
    next[static_cast<std::size_t>(k) * C + d.col[static_cast<std::size_t>(issue)] +
         static_cast<std::size_t>(option)] += v;
  };
  for (const Drift& dr : numbers.drift)
    add(dr.party, dr.issue, dr.option,
        dr.per_month * (std::min(month, dr.until) - std::min(month, dr.from)));
  for (std::size_t l = 0; l < numbers.leverage.size(); ++l) {
    const Leverage& lv = numbers.leverage[l];
    if (!in_force(lv, fired[l], month)) continue;
    for (const OptionShift& o : lv.options) add(o.party, o.issue, o.option, o.shift);
  }
  if (next == offsets) return false;
  std::copy(next.begin(), next.end(), offsets.begin());  // the valuation points at offsets
  // Own best utility with the new option values: the static best plus, per issue, the
  // largest offset of its options (exact when the shifted issues are not tied to others by
  // interactions or red lines; an upper bound otherwise).
  for (std::size_t k = 0; k < d.K; ++k) {
    double b = d.best[k];
    for (std::size_t i = 0; i + 1 < d.col.size(); ++i) {
      double hi = -INFINITY;
      bool any = false;
      for (std::size_t c = d.col[i]; c < d.col[i + 1]; ++c) {
        const double v = offsets[k * C + c];
        any = any || v != 0;
        hi = std::max(hi, v);
      }
      if (any) b += hi;
    }
    best[k] = b;
  }
  return true;
}

}  // namespace parley::engine

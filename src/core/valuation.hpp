#pragma once
// A party's utility of a package with this month's option values (docs/model.md, "Option
// drift"): the utility model's u_k(x) plus the offsets b_k(i, x_i) that drift and leverage
// option shifts put on single options. The one place where the offsets are added: the
// engine's text, the parties' own views and full-information strategies all use it.
#include <cstddef>
#include <span>
#include <vector>

#include "core/utility.hpp"

namespace parley::engine {

struct Valuation {
  const UtilityModel* model = nullptr;
  /// [k * columns + col[issue] + option], or null when option values never move.
  const double* offsets = nullptr;
  std::size_t columns = 0;
  const std::vector<std::size_t>* col = nullptr;  // issue -> its first column

  /// u_k(x) + Σ_i b_k(i, x_i).
  [[nodiscard]] double utility(std::size_t k, std::span<const int> x) const {
    double u = model->utility(k, x);
    if (offsets) {
      const double* row = offsets + k * columns;
      for (std::size_t i = 0; i < x.size(); ++i)
        u += row[(*col)[i] + static_cast<std::size_t>(x[i])];
    }
    return u;
  }
  /// b_k(issue, to) − b_k(issue, from) (0 when option values never move).
  [[nodiscard]] double offset_change(std::size_t k, std::size_t issue, int from, int to) const {
    if (!offsets) return 0;
    const double* row = offsets + k * columns + (*col)[issue];
    return row[to] - row[from];
  }
};

}  // namespace parley::engine

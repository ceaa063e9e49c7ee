#pragma once
// The single negotiating text (Raiffa 1982; docs/model.md, "Single negotiating text"): one
// whole package as it stands, with every stakeholder's utility of it at this month's option
// values, the red lines it crosses and its index; and the proposal under vote, valued
// incrementally from the text.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/valuation.hpp"
#include "engine/design.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {

struct Text {
  std::vector<int> x;              // the text
  std::vector<double> u;           // u_k(x) per stakeholder
  std::vector<std::uint64_t> red;  // per stakeholder: the red lines x crosses
  Index index = 0;                 // x in the mixed-radix space
  std::uint64_t version = 0;       // changes whenever x or its valuation changes (caches)
  std::vector<int> y;              // the proposal under vote
  std::vector<double> uy;          // u_k(y)
  Index index_y = 0;

  explicit Text(const Design& d);
  /// Sets the text to `package` and values it.
  void assign(const Design& d, const Valuation& v, std::span<const int> package);
  /// Recomputes the utilities, red lines and index of x (after x or the option values moved).
  void revalue(const Design& d, const Valuation& v);
  /// y = x with `change` applied; uy and index_y updated incrementally.
  void propose(const Design& d, const Valuation& v, const Change& change) {
    std::copy(x.begin(), x.end(), y.begin());
    std::copy(u.begin(), u.end(), uy.begin());
    index_y = index;
    for (int c = 0; c < change.size; ++c) {
      const auto i = static_cast<std::size_t>(change.issue[c]);
      const int option = change.option[c];
      for (std::size_t k = 0; k < d.K; ++k) uy[k] += d.model.delta(k, y, i, option);
      if (v.offsets)
        for (std::size_t k = 0; k < d.K; ++k) uy[k] += v.offset_change(k, i, y[i], option);
      // Unsigned wrap-around is exact here: the result is a valid index.
      index_y += (static_cast<Index>(option) - static_cast<Index>(y[i])) * d.space.stride(i);
      y[i] = option;
    }
  }
  /// The red lines of stakeholder k that y crosses (x's unless the change touches one).
  [[nodiscard]] std::uint64_t red_of_proposal(const Design& d, std::size_t k,
                                              const Change& change) const {
    const unsigned char* touches = d.red_issue.data() + k * d.issues();
    for (int c = 0; c < change.size; ++c)
      if (touches[change.issue[c]]) return d.model.red_line_set(k, y);
    return red[k];
  }
  /// y becomes the text.
  void adopt(const Design& d, const Valuation& v);
};

}  // namespace parley::engine

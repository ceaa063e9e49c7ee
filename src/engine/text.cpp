#include "engine/text.hpp"

#include <algorithm>

namespace parley::engine {

Text::Text(const Design& d) : x(d.issues()), u(d.K), red(d.K), y(d.issues()), uy(d.K) {}

void Text::assign(const Design& d, const Valuation& v, std::span<const int> package) {
  std::copy(package.begin(), package.end(), x.begin());
  revalue(d, v);
}

void Text::revalue(const Design& d, const Valuation& v) {
  for (std::size_t k = 0; k < d.K; ++k) {
    u[k] = v.utility(k, x);
    red[k] = d.model.red_line_set(k, x);
  }
  index = d.space.encode(x);
}

void Text::adopt(const Design& d, const Valuation& v) {
  std::copy(y.begin(), y.end(), x.begin());
  revalue(d, v);
}

}  // namespace parley::engine

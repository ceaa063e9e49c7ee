#include "sim/policy.hpp"

#include "core/errors.hpp"

namespace parley::sim {

Policy parse_policy(const Scenario& s, const std::string& text) {
  Policy p;
  p.name = text;
  const std::size_t L = s.dynamics.leverage.size();
  if (text == "all") {
    p.enabled.assign(L, 1);
    return p;
  }
  p.enabled.assign(L, 0);
  if (text == "none") return p;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('+', start), text.size());
    const std::string id = text.substr(start, end - start);
    std::size_t l = 0;
    while (l < L && s.dynamics.leverage[l].id != id) ++l;
    if (l == L) {
      std::string ids;
      for (const auto& lv : s.dynamics.leverage) ids += (ids.empty() ? "" : ", ") + lv.id;
      throw ValidationError({Diagnostic{
          "policy", 1, 1, "unknown leverage instrument '" + id + "' in policy '" + text + "'",
          "a policy is all, none, or ids joined by '+': " +
              (ids.empty() ? std::string("(the scenario has none)") : ids)}});
    }
    p.enabled[l] = 1;
    start = end + 1;
  }
  return p;
}

}  // namespace parley::sim

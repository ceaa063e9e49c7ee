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

std::vector<Policy> ablation_policies(const Scenario& s) {
  std::vector<Policy> out;
  const std::vector<unsigned char> all(s.dynamics.leverage.size(), 1);
  out.push_back({"all mechanisms", all, {}});
  for (std::size_t m = 0; m < kMechanisms; ++m) {
    Policy p{std::string("without ") + to_string(static_cast<Mechanism>(m)), all, {}};
    p.without.add(static_cast<Mechanism>(m));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace parley::sim

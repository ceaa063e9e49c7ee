#include "sim/draws.hpp"

#include <algorithm>

#include "core/rng.hpp"

namespace parley::sim {

std::uint64_t derive(std::uint64_t seed, std::uint64_t run, std::uint64_t stream) {
  auto mix = [](std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  return mix(mix(mix(seed) ^ run) ^ (stream * 0xd6e8feb86659fd93ULL));
}

std::vector<int> draw_groups(const Scenario& s) {
  std::vector<int> group(s.uncertain.size(), -1);
  std::vector<std::string> names;
  for (std::size_t u = 0; u < s.uncertain.size(); ++u) {
    const std::string& d = s.uncertain[u].draw;
    if (d.empty()) continue;
    const auto it = std::find(names.begin(), names.end(), d);
    group[u] = static_cast<int>(it - names.begin());
    if (it == names.end()) names.push_back(d);
  }
  return group;
}

ParameterDraws::ParameterDraws(const Scenario& s) : s_(&s), group_(draw_groups(s)) {
  const int groups = group_.empty() ? 0 : *std::max_element(group_.begin(), group_.end()) + 1;
  variates_.resize(static_cast<std::size_t>(groups));
}

void ParameterDraws::draw(std::uint64_t seed, std::uint64_t run, std::vector<double>& params) {
  // One stream per run, one draw per uncertain field in order. A linked field takes its
  // group's variate, drawn where the group first appears.
  Rng pr(derive(seed, run, 0));
  const auto& uncertain = s_->uncertain;
  params.resize(uncertain.size());
  std::fill(variates_.begin(), variates_.end(), -1.0);
  for (std::size_t u = 0; u < uncertain.size(); ++u) {
    if (group_[u] < 0) {
      params[u] = uncertain[u].dist.sample(pr);
      continue;
    }
    double& v = variates_[static_cast<std::size_t>(group_[u])];
    if (v < 0) v = std::clamp(pr.uniform(), 1e-16, 1 - 1e-16);
    params[u] = uncertain[u].at(v);
  }
}

}  // namespace parley::sim

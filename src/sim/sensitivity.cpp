#include "sim/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace parley::sim {

Sensitivity measure(const Scenario& s, const SweepOptions& base, const Fixed& fixed) {
  SweepOptions o = base;
  o.fixed = fixed;
  o.progress = {};
  const SweepResult r = run_sweep(s, o);
  const Aggregate& a = r.aggregates[0];
  Sensitivity out{proportion_ci(a.outcome(engine::Outcome::final_agreement), a.runs()),
                  mean_ci(a.framework_month_or_horizon()),
                  {}};
  out.terms.resize(s.issues.size());
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    for (int opt = 0; opt < static_cast<int>(s.issues[i].options.size()); ++opt)
      out.terms[i].push_back(a.signed_runs() ? static_cast<double>(a.option_count(i, opt)) /
                                                   static_cast<double>(a.signed_runs())
                                             : 0.0);
  return out;
}

std::pair<double, std::size_t> terms_shift(const Sensitivity& a, const Sensitivity& b) {
  std::pair<double, std::size_t> best{0.0, 0};
  for (std::size_t i = 0; i < a.terms.size(); ++i) {
    double tv = 0;
    for (std::size_t o = 0; o < a.terms[i].size(); ++o)
      tv += std::abs(a.terms[i][o] - b.terms[i][o]);
    if (tv / 2 > best.first) best = {tv / 2, i};
  }
  return best;
}

std::vector<TornadoBar> tornado(const Scenario& s, const SweepOptions& base) {
  if (s.uncertain.empty())
    throw ValidationError({Diagnostic{s.source, 0, 0, "the scenario has no uncertain parameters",
                                      "give some fields distributions "
                                      "(docs/scenario-format.md#uncertainty)"}});
  // One bar per independent factor: a field with its own draw, or a linked draw (all its
  // fields at the same quantile; the first field's values are shown).
  const std::vector<int> group = draw_groups(s);
  std::vector<TornadoBar> bars;
  for (std::size_t u = 0; u < s.uncertain.size(); ++u) {
    Fixed at_lo, at_hi;
    std::string label = s.uncertain[u].path;
    if (group[u] >= 0) {
      if (std::find(group.begin(), group.begin() + static_cast<std::ptrdiff_t>(u), group[u]) !=
          group.begin() + static_cast<std::ptrdiff_t>(u))
        continue;  // the group's bar was made at its first field
      for (std::size_t v = u; v < s.uncertain.size(); ++v)
        if (group[v] == group[u]) {
          at_lo.emplace_back(v, s.uncertain[v].at(0.05));
          at_hi.emplace_back(v, s.uncertain[v].at(0.95));
        }
      label = fmt::format("draw {} ({} fields: {}, ...)", s.uncertain[u].draw, at_lo.size(),
                          s.uncertain[u].path);
    } else {
      at_lo = {{u, s.uncertain[u].dist.quantile(0.05)}};
      at_hi = {{u, s.uncertain[u].dist.quantile(0.95)}};
    }
    TornadoBar b;
    b.label = label;
    b.lo = at_lo[0].second;
    b.hi = at_hi[0].second;
    b.low = measure(s, base, at_lo);
    b.high = measure(s, base, at_hi);
    std::tie(b.shift, b.shift_issue) = terms_shift(b.low, b.high);
    for (const auto& f : at_lo) b.fields.push_back(s.uncertain[f.first].path);
    bars.push_back(std::move(b));
  }
  std::stable_sort(bars.begin(), bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
    return std::abs(a.swing()) > std::abs(b.swing());
  });
  return bars;
}

}  // namespace parley::sim

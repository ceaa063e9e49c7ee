#include "sim/paired.hpp"

#include "core/errors.hpp"
#include "sim/aggregate.hpp"

namespace parley::sim {

void Paired::init(std::size_t variants, std::vector<std::string> names) {
  metrics = std::move(names);
  diff.assign(variants * metrics.size(), Moments{});
  n = 0;
}

void Paired::merge(const Paired& o) {
  n += o.n;
  for (std::size_t i = 0; i < diff.size(); ++i) diff[i].merge(o.diff[i]);
}

nlohmann::json Paired::to_json() const {
  return {
      {"format", "parley-paired"}, {"version", 1}, {"runs", n}, {"moments", moments_json(diff)}};
}

void Paired::from_json(const nlohmann::json& j) {
  if (!j.is_object() || j.value("format", "") != "parley-paired" || j.value("version", 0) != 1)
    throw Error("not a stored parley comparison of this version");
  n = j.at("runs").get<std::uint64_t>();
  moments_from_json(j.at("moments"), diff, "paired differences");
}

std::vector<int> checkpoints(int horizon) {
  std::vector<int> m;
  for (int t = 5; t < horizon - 1; t += 6) m.push_back(t);
  m.push_back(horizon - 1);
  return m;
}

std::vector<std::string> paired_metric_names(const Scenario& s) {
  std::vector<std::string> names{"final_agreement", "framework_signed",
                                 "framework_month_or_horizon"};
  const auto cps = checkpoints(s.process.horizon);
  for (std::size_t c = 0; c + 1 < cps.size(); ++c)
    names.push_back("framework_by." + std::to_string(cps[c]));
  names.push_back("ceasefire_month_or_horizon");
  for (int p : s.stakeholders())
    names.push_back("utility." + s.parties[static_cast<std::size_t>(p)].id);
  for (int p : s.stakeholders())
    names.push_back("victory." + s.parties[static_cast<std::size_t>(p)].id);
  for (const auto& p : s.parties)
    for (const auto& u : s.dynamics.units) names.push_back("cost." + p.id + "." + u.id);
  names.push_back("leaks");
  names.push_back("collapses");
  for (const auto& issue : s.issues)
    for (const auto& o : issue.options) names.push_back("terms." + issue.id + "." + o.id);
  return names;
}

void paired_metrics(const Scenario& s, std::span<const int> months, const RunSummary& r,
                    std::vector<double>& m) {
  const int T = s.process.horizon;
  m.assign({r.outcome == engine::Outcome::final_agreement ? 1.0 : 0.0,
            r.framework_month >= 0 ? 1.0 : 0.0,
            static_cast<double>(r.framework_month >= 0 ? r.framework_month : T)});
  for (std::size_t c = 0; c + 1 < months.size(); ++c)
    m.push_back(r.framework_month >= 0 && r.framework_month <= months[c] ? 1.0 : 0.0);
  m.push_back(static_cast<double>(r.ceasefire_month >= 0 ? r.ceasefire_month : T));
  m.insert(m.end(), r.utility.begin(), r.utility.end());
  m.insert(m.end(), r.victory.begin(), r.victory.end());
  m.insert(m.end(), r.costs.begin(), r.costs.end());
  m.push_back(r.leaks);
  m.push_back(r.collapses);
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    for (std::size_t o = 0; o < s.issues[i].options.size(); ++o)
      m.push_back(r.framework_month >= 0 && r.package[i] == static_cast<int>(o) ? 1.0 : 0.0);
}

}  // namespace parley::sim

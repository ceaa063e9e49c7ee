#include "analysis/victory.hpp"

#include "analysis/analyze.hpp"

namespace parley::analysis {

std::vector<double> victory_thresholds(const Scenario& s) {
  bool all = true;
  for (int p : s.stakeholders())
    all = all && s.preferences[static_cast<std::size_t>(p)]->victory.has_value();
  if (all) {
    std::vector<double> v;
    for (int p : s.stakeholders())
      v.push_back(*s.preferences[static_cast<std::size_t>(p)]->victory);
    return v;
  }
  AnalysisOptions ao;
  ao.top = 0;
  return analyze(s, {}, ao).victory;
}

}  // namespace parley::analysis

#pragma once
// `parley info` and `parley eval` for a person: the parties, issues, options and weights of a
// scenario; each party's verdict on one package.
#include <string>
#include <vector>

#include "analysis/verdict.hpp"
#include "core/scenario.hpp"

namespace parley::report {

std::string scenario_text(const Scenario& s);
std::string eval_text(const Scenario& s, const std::vector<int>& x,
                      const std::vector<analysis::PartyVerdict>& verdicts);

}  // namespace parley::report

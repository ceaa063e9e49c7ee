#pragma once
// The report of `parley analyze` for a person: the space, the ZOPA, the frontiers, each
// party's reservation, victory threshold and ideal, the bargaining solutions and the top
// packages by Nash product with their terms, and the checks of named packages.
#include <string>

#include "analysis/analyze.hpp"
#include "core/scenario.hpp"

namespace parley::report {

std::string analysis_text(const Scenario& s, const analysis::AnalysisResult& r);

}  // namespace parley::report

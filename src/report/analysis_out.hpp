#pragma once
// Output of `parley analyze`: the JSON record (fields documented in docs/cli.md)
// and the frontier as CSV.
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/analyze.hpp"
#include "core/scenario.hpp"

namespace parley::report {

/// parley analyze --json
nlohmann::ordered_json analysis_json(const Scenario& s, const analysis::AnalysisResult& r);

/// Writes the red-line-free frontier, one row per distinct utility vector:
///   point,packages,index,u_<party>...,in_zopa,<issue>... (the representative package).
/// Written to a temporary file first and renamed, so a failure leaves `path` untouched.
void write_frontier_csv(const Scenario& s, const analysis::AnalysisResult& r,
                        const std::string& path);

}  // namespace parley::report

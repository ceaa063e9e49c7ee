#pragma once
// Victory thresholds (docs/model.md, "Victory threshold"): the utility at or above which a
// party can credibly claim victory — the scenario's `victory`, else θ_k = r_k + ½(u_k* − r_k),
// u_k* its best utility over the ZOPA (over the red-line-free packages if the ZOPA is empty).
#include <vector>

#include "core/scenario.hpp"

namespace parley::analysis {

/// Per stakeholder. Runs the analysis once unless every stakeholder's `victory` is given.
std::vector<double> victory_thresholds(const Scenario& s);

}  // namespace parley::analysis

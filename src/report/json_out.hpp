#pragma once
// Machine-readable output. Field names are documented in docs/cli.md and are
// stable: new fields may be added, existing ones keep their names and meaning.
#include <nlohmann/json.hpp>

#include "analysis/verdict.hpp"
#include "core/scenario.hpp"
#include "core/utility.hpp"

namespace parley::report {

/// parley info --json
nlohmann::ordered_json scenario_json(const Scenario& s);

/// {"issue id": "option id", ...} in issue order.
nlohmann::ordered_json package_json(const Scenario& s, const std::vector<int>& options);

/// parley eval --json
nlohmann::ordered_json eval_json(const Scenario& s, const std::vector<int>& x,
                                 const std::vector<analysis::PartyVerdict>& verdicts);

}  // namespace parley::report

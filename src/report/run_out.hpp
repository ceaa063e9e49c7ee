#pragma once
// Output of `parley run`: the narrative, the summary and the JSON record.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "engine/engine.hpp"

namespace parley::report {

struct RunReport {
  const Scenario* scenario = nullptr;
  std::size_t design = 0;
  std::uint64_t seed = 0;
  const engine::RunResult* result = nullptr;
  std::vector<double> victory;  // per stakeholder threshold
  Without without;              // mechanisms switched off
};

/// Month-by-month narrative (one block per month with activity).
std::string run_narrative(const RunReport& r);
/// Outcome, months, package, each party against its reservation and victory threshold.
std::string run_summary(const RunReport& r);
/// The cost ledger by party and unit and the cost-of-delay headline ("" without units).
std::string cost_ledger(const RunReport& r);
/// parley run --json (field names in docs/cli.md).
nlohmann::ordered_json run_json(const RunReport& r);

}  // namespace parley::report

#pragma once
// Output of `parley sweep`, `parley compare` and `parley sensitivity`: a table a
// person can read at a glance, JSON and CSV with documented names (docs/cli.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/stats.hpp"
#include "sim/sweep.hpp"

namespace parley::report {

struct SweepReport {
  const Scenario* scenario = nullptr;
  const sim::SweepOptions* options = nullptr;
  const sim::SweepResult* result = nullptr;
};

/// A number for a table: no exponent; whole numbers from 1000 up, one decimal from 10,
/// three significant digits below (and a leading + on request, for differences).
std::string amount(double v, bool sign = false);

std::string sweep_table(const SweepReport& r);
nlohmann::ordered_json sweep_json(const SweepReport& r);
/// metric,variant,estimate,low,high — one row per estimate.
std::string sweep_csv(const SweepReport& r);

/// Paired differences against the first variant (compare).
std::string compare_table(const SweepReport& r);

}  // namespace parley::report

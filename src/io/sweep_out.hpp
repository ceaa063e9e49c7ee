#pragma once
// Output of `parley sweep`, `parley compare` and `parley sensitivity`: a table a
// person can read at a glance, JSON and CSV with documented names (docs/cli.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/sweep.hpp"

namespace parley::io {

struct SweepReport {
  const Scenario* scenario = nullptr;
  const sim::SweepOptions* options = nullptr;
  const sim::SweepResult* result = nullptr;
};

/// Mean and 95% interval of a per-run quantity from its sum and sum of squares.
struct Estimate {
  double value = 0, low = 0, high = 0;
};
Estimate mean_ci(double sum, double sumsq, std::uint64_t n);
Estimate proportion_ci(std::uint64_t k, std::uint64_t n);  // Wilson

/// A number for a table: no exponent; whole numbers from 1000 up, one decimal from 10,
/// three significant digits below (and a leading + on request, for differences).
std::string amount(double v, bool sign = false);

std::string sweep_table(const SweepReport& r);
nlohmann::ordered_json sweep_json(const SweepReport& r);
/// metric,variant,estimate,low,high — one row per estimate.
std::string sweep_csv(const SweepReport& r);

/// Paired differences against the first variant (compare).
std::string compare_table(const SweepReport& r);

}  // namespace parley::io

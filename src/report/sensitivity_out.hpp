#pragma once
// Output of `parley sensitivity`: the table for a parameter fixed at several values, the
// tornado (by P(final agreement), then by the terms), and their JSON (docs/cli.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/sensitivity.hpp"

namespace parley::report {

/// One value of --values and its results.
struct SensitivityRow {
  std::string text;  // as given
  double value = 0;
  sim::Sensitivity result;
};

std::string sensitivity_header(const Scenario& s, const sim::SweepOptions& base);
std::string values_table(const std::string& param, const std::vector<SensitivityRow>& rows);
nlohmann::ordered_json values_json(const Scenario& s, const sim::SweepOptions& base,
                                   const std::string& param,
                                   const std::vector<SensitivityRow>& rows);
std::string tornado_table(const Scenario& s, const std::vector<sim::TornadoBar>& bars);
nlohmann::ordered_json tornado_json(const Scenario& s, const sim::SweepOptions& base,
                                    const std::vector<sim::TornadoBar>& bars);

}  // namespace parley::report

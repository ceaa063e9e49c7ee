#pragma once
// The `leverage` list of the dynamics section (docs/scenario-format.md#leverage).
#include <yaml-cpp/yaml.h>

#include "core/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {

/// Reads the instruments into s.dynamics.leverage, reporting every problem to `r`; refuses
/// `after` cycles. Needs parties, issues and the process groups already read.
void read_leverage(YamlReader& r, const YAML::Node& node, Scenario& s);

}  // namespace parley::load

#pragma once
// The `dynamics` section of a scenario (docs/scenario-format.md#dynamics).
#include <yaml-cpp/yaml.h>

#include "core/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {

/// Reads `node` (may be undefined) into s.dynamics, reporting every problem to
/// `r`. Needs parties, issues and the process section already read.
void read_dynamics(YamlReader& r, const YAML::Node& node, Scenario& s);

}  // namespace parley::load

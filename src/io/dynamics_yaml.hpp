#pragma once
// The `dynamics` section of a scenario (docs/scenario-format.md#dynamics).
#include <yaml-cpp/yaml.h>

#include "core/scenario.hpp"
#include "io/yaml_reader.hpp"

namespace parley::io {

/// Reads `node` (may be undefined) into s.dynamics, reporting every problem to
/// `r`. Needs parties, issues and the process section already read.
void read_dynamics(YamlReader& r, const YAML::Node& node, Scenario& s);

}  // namespace parley::io

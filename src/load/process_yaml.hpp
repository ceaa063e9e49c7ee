#pragma once
// The `process` section of a scenario (docs/scenario-format.md#process).
#include <yaml-cpp/yaml.h>

#include "core/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {

/// Reads `node` (may be undefined) into s.process, reporting every problem to
/// `r`, then fills the defaults: the mediator, one group of every party over all
/// topics if none is declared, one design "default" of all groups if none is.
void read_process(YamlReader& r, const YAML::Node& node, Scenario& s);

}  // namespace parley::load

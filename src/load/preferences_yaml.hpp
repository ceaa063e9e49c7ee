#pragma once
// The `preferences` and `packages` sections of a scenario (docs/scenario-format.md).
#include <yaml-cpp/yaml.h>

#include "core/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {

/// Reads every party's preferences into s.preferences (one entry per party; parties without
/// preferences must be mediators or observers). Needs parties and issues already read.
void read_preferences(YamlReader& r, const YAML::Node& node, const YAML::Node& root, Scenario& s);

/// Reads the named packages into s.packages (unnamed issues take their default).
void read_packages(YamlReader& r, const YAML::Node& node, Scenario& s);

}  // namespace parley::load

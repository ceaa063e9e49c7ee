#pragma once
// The `variants` section of a scenario (docs/scenario-format.md#variants): named sets of
// overrides of the parties' preferences.
#include <yaml-cpp/yaml.h>

#include <string>

#include "core/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {

/// Checks the section's shape and its references (parties, issues, options: unknown names are
/// reported with a "did you mean") and lists the variants in s.variants. The overriding values
/// themselves are checked when each variant is applied and loaded. Needs parties, issues and
/// preferences already read.
void read_variants(YamlReader& r, const YAML::Node& node, Scenario& s);

/// Writes variant `id` of `root`'s `variants` section into `root`'s preferences, so that the
/// ordinary loader reads the varied scenario (each value keeps its position in the file, so its
/// errors name the variant's line). `base` is the scenario as written, read without errors;
/// the section must have passed read_variants.
void apply_variant(YAML::Node& root, const std::string& id, const Scenario& base);

}  // namespace parley::load

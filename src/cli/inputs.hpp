#pragma once
// The scenario a command reads, from its FILE argument.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::cli {

/// Loads the scenario of a command's FILE argument (`given`: the argument was on the
/// command line, perhaps empty). An explicitly empty path is a ValidationError; a path
/// that cannot be examined (a loop of symbolic links, ...) or a settlement space too
/// large to index are Errors naming the path. A non-empty `variant` loads that variant of the
/// scenario (docs/scenario-format.md#variants); an unknown one is a ValidationError listing them.
Scenario load_scenario_argument(const std::string& file, bool given,
                                const std::string& variant = {});

/// The option --variant NAME of a command that reads a scenario.
void add_variant_option(CLI::App& cmd, std::string& variant);

}  // namespace parley::cli

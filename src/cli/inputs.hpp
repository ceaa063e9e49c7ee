#pragma once
// The scenario a command reads, from its FILE argument.
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::cli {

/// Loads the scenario of a command's FILE argument (`given`: the argument was on the
/// command line, perhaps empty). An explicitly empty path is a ValidationError; a path
/// that cannot be examined (a loop of symbolic links, ...) or a settlement space too
/// large to index are Errors naming the path.
Scenario load_scenario_argument(const std::string& file, bool given);

}  // namespace parley::cli

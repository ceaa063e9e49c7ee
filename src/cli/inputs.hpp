#pragma once
// The scenario a command reads: loading it from the FILE argument, and which files it
// came from (outputs may not name them; a results store signs their contents).
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::cli {

/// Loads the scenario of a command's FILE argument (`given`: the argument was on the
/// command line, perhaps empty). An explicitly empty path is a ValidationError; a path
/// that cannot be examined (a loop of symbolic links, ...) or a settlement space too
/// large to index are Errors naming the path.
Scenario load_scenario_argument(const std::string& file, bool given);

/// The files a scenario was read from: its file, or every .xml file of its GENIUS
/// folder (name order); none for a built-in scenario.
std::vector<std::string> input_files(const Scenario& s);

/// SHA-256 of what the scenario was read from: the built-in's text, the file's bytes,
/// or each .xml file's name and bytes of a GENIUS folder.
std::string inputs_digest(const Scenario& s);

}  // namespace parley::cli

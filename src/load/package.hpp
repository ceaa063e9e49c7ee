#pragma once
// Packages written on the command line: "issue=option,issue=option,...", read.
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::load {

/// Parses a package; issues not named take their default option. Throws
/// ValidationError (file "--package", line 1, column of the bad part) listing
/// every problem. `text` may also be the id of a package named in the scenario.
std::vector<int> parse_package(const Scenario& s, const std::string& text);

}  // namespace parley::load

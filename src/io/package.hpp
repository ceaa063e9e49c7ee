#pragma once
// Packages written on the command line: "issue=option,issue=option,...".
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::io {

/// Parses a package; issues not named take their default option. Throws
/// ValidationError (file "--package", line 1, column of the bad part) listing
/// every problem. `text` may also be the id of a package named in the scenario.
std::vector<int> parse_package(const Scenario& s, const std::string& text);

/// "issue=option,..." for every issue, in scenario order.
std::string format_package(const Scenario& s, const std::vector<int>& options);

/// "issue=option, issue=option" for the issues where `to` differs from `from`
/// (empty if none): what a change did, or, from the defaults, what a package says.
std::string format_changes(const Scenario& s, const std::vector<int>& from,
                           const std::vector<int>& to);

}  // namespace parley::io

#pragma once
// Packages in words: "issue=option, ..." for a whole package or for what a change did.
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::report {

/// "issue=option,..." for every issue, in scenario order.
std::string format_package(const Scenario& s, const std::vector<int>& options);

/// "issue=option, issue=option" for the issues where `to` differs from `from`
/// (empty if none): what a change did, or, from the defaults, what a package says.
std::string format_changes(const Scenario& s, const std::vector<int>& from,
                           const std::vector<int>& to);

}  // namespace parley::report

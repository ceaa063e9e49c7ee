#pragma once
// Leverage policies (docs/cli.md, "parley compare"): which of the scenario's leverage
// instruments are available to a run — all, none, or a list.
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::sim {

struct Policy {
  std::string name;
  std::vector<unsigned char> enabled;  // per leverage instrument
};

/// Parses "all", "none" or "id+id+..." against the scenario's instruments. Throws
/// ValidationError (file "policy") naming the unknown instrument and listing the known ones.
Policy parse_policy(const Scenario& s, const std::string& text);

}  // namespace parley::sim

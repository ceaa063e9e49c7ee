#pragma once
// Leverage policies (docs/cli.md, "parley compare"): which of the scenario's leverage
// instruments are available to a run — all, none, or a list.
#include <string>
#include <vector>

#include "core/mechanisms.hpp"
#include "core/scenario.hpp"

namespace parley::sim {

/// A variant of a comparison besides the design: which leverage instruments are available, and
/// which mechanisms are switched off (`compare --ablations`).
struct Policy {
  std::string name;
  std::vector<unsigned char> enabled;  // per leverage instrument
  Without without;
};

/// The variants of `compare --ablations`: the model as it is, then without each mechanism in
/// turn (every leverage instrument available).
std::vector<Policy> ablation_policies(const Scenario& s);

/// Parses "all", "none" or "id+id+..." against the scenario's instruments. Throws
/// ValidationError (file "policy") naming the unknown instrument and listing the known ones.
Policy parse_policy(const Scenario& s, const std::string& text);

}  // namespace parley::sim

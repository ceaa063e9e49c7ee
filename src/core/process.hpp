#pragma once
// The negotiating process of a scenario (docs/model.md, "The negotiating process"): time, levels,
// working groups, seating refusals, trust, strategies and named process designs. All of it is
// optional in a scenario file; defaults give one group of every party at one official-level table
// (docs/scenario-format.md, "process").
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley {

enum class Level { official = 0, aide = 1, leader = 2 };
const char* to_string(Level level);

enum class Protocol { single_text, alternating_offers };

/// The stages of a single-text process (docs/model.md, "Stages"): the groups negotiate the
/// elements of a settlement; the framework agreement and its ceasefire are signed (an
/// event, not a stage one stays in); then the detail issues of the final text.
enum class Stage : std::uint8_t { elements, final_text };
const char* to_string(Protocol protocol);

/// A strategy by registered name with numeric parameters (e.g. {type: boulware, beta: 0.3}).
struct StrategySpec {
  std::string type;
  std::map<std::string, double> params;
  [[nodiscard]] double param(const std::string& key, double fallback) const {
    auto it = params.find(key);
    return it == params.end() ? fallback : it->second;
  }
};

struct GroupSpec {
  std::string id;
  std::string name;
  std::vector<std::string> topics;
  std::vector<int> issues;   // issues whose topic the group owns, ascending
  std::vector<int> members;  // party indices
  Level level = Level::official;
  std::optional<double> cadence;    // meetings per month at its own level (default: the level's)
  bool framework = true;            // framework-required
  bool normalisation = false;       // a normalisation track: the final text does not need it
  std::vector<int> conditional_on;  // group indices
};

/// `party` will not sit at one table with `other` while trust(party, other) < threshold.
struct Refusal {
  int party = 0, other = 0;
  double threshold = 2.0;  // > 1: never
};

struct TrustPair {
  int from = 0, to = 0;
  double value = 0;
};

struct DesignSpec {
  std::string id;
  std::string name;
  std::vector<int> groups;           // group indices
  std::vector<int> leader_channels;  // parties whose leader meets the mediator's
};

struct ProcessSpec {
  bool declared = false;  // the scenario has a `process` section
  int horizon = 36;       // months
  std::uint64_t seed = 1;
  Protocol protocol = Protocol::single_text;
  int mediator = -1;  // party index; -1: a neutral facilitator outside the parties
  StrategySpec mediator_strategy{"hill_climb", {}};
  std::array<double, 3> cadence{4.0, 2.0, 0.25};  // meetings per month by Level
  int escalate_after = 4;  // rounds without an adopted change before a deadlock
  /// Meetings a group holds per detail issue it owns, after the framework, before it can agree
  /// its details (docs/model.md, "Stages"); 0: none needed.
  double drafting = 0;
  double trust_initial = 0.5;
  std::vector<TrustPair> trust;
  double trust_adopted = 0.01, trust_consensus = 0.05, trust_meeting = 0.002;
  std::vector<double> fatigue;           // κ per party (reservation falls by κ a month)
  std::vector<StrategySpec> strategies;  // per party
  std::vector<Refusal> refusals;
  std::vector<GroupSpec> groups;
  std::vector<DesignSpec> designs;
};

}  // namespace parley

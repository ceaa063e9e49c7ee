#pragma once
// The immutable description of a negotiation (docs/model.md, "Settlement space" and "Utilities"):
// parties, issues and their options, and each party's preferences. Loaded once, shared read-only by
// every analysis and run.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/condition.hpp"
#include "core/dynamics.hpp"
#include "core/process.hpp"
#include "core/space.hpp"
#include "core/uncertain.hpp"
#include "core/variant.hpp"

namespace parley {

enum class Role { party, mediator, observer };
const char* to_string(Role role);

struct Party {
  std::string id;
  std::string name;
  Role role = Role::party;
};

struct Option {
  std::string id;
  std::string label;
};

struct Issue {
  std::string id;
  std::string name;
  std::string topic;  // thematic grouping; working groups own topics
  std::vector<Option> options;
  int default_option = 0;
  bool detail = false;  // settled only after the framework agreement (docs/model.md, "Stages")
  std::string note;
};

/// A pairwise interaction: `value` is added to the party's utility when both
/// conditions hold (complements > 0, substitutes < 0).
struct Interaction {
  Condition a;
  Condition b;
  double value = 0.0;
};

/// A red line: a package in which every condition holds is unacceptable to the party.
/// Red lines per party (the engine tracks which are crossed in one 64-bit set).
inline constexpr std::size_t kMaxRedLines = 64;

struct RedLine {
  std::vector<Condition> when;
  std::string note;
  /// A stated position rather than a firm line (docs/model.md, "Red lines and stated
  /// positions"): crossing it costs the party `audience_cost` (utility), which the loader adds
  /// to its utility as an interaction; it may then vote for a text that crosses it.
  bool stated = false;
  double audience_cost = 0;
};

struct Preferences {
  std::vector<double> weights;              // per issue, normalised to sum 1
  std::vector<std::vector<double>> values;  // [issue][option], each in [0,1]
  std::vector<Interaction> interactions;
  std::vector<RedLine> red_lines;
  double reservation = 0.0;  // utility of no agreement, r(0)
  /// Utility at or above which the party can credibly claim victory; unset means
  /// "reservation + half the way to its best achievable utility" (docs/model.md).
  std::optional<double> victory;
  double discount = 1.0;  // per-period discount factor (GENIUS domains carry one)
};

/// A package named in the scenario (e.g. the essay's contour).
struct NamedPackage {
  std::string id;
  std::string name;
  std::vector<int> options;  // one per issue; unnamed issues take their default
};

struct Scenario {
  std::string name;
  std::string description;
  std::string source;  // file the scenario came from, for messages
  std::vector<Party> parties;
  std::vector<Issue> issues;
  /// preferences[p] is set for every party that has preferences (all `party`
  /// roles; optional for mediators and observers).
  std::vector<std::optional<Preferences>> preferences;
  std::vector<NamedPackage> packages;
  /// The negotiating process; always complete after loading (defaults filled in:
  /// one group of every party if none is declared, one design "default" if none).
  ProcessSpec process;
  /// Costs, drift, trust decrements, leaks, leverage, ceasefire hazard (optional).
  DynamicsSpec dynamics;
  /// Fields given as distributions (sampled once per run by sweeps); the fields
  /// themselves hold the distributions' means.
  std::vector<Uncertain> uncertain;
  /// The scenario's named variants (`variants:`), in file order.
  std::vector<Variant> variants;
  /// The id of the variant applied when loading, or empty (the scenario as written).
  std::string variant;

  [[nodiscard]] Space space() const;
  [[nodiscard]] int party_index(const std::string& id) const;  // -1 if absent
  [[nodiscard]] int issue_index(const std::string& id) const;
  [[nodiscard]] static int option_index(const Issue& issue, const std::string& id);
  /// Indices of the parties with preferences, in declaration order.
  [[nodiscard]] std::vector<int> stakeholders() const;
  [[nodiscard]] std::vector<int> default_package() const;
  /// The package with this index in the mixed-radix space.
  [[nodiscard]] std::vector<int> package_at(Index index) const;
};

}  // namespace parley

#pragma once
// Machine-readable output. Field names are documented in docs/cli.md and are
// stable: new fields may be added, existing ones keep their names and meaning.
#include <nlohmann/json.hpp>

#include "core/scenario.hpp"
#include "core/utility.hpp"

namespace parley::io {

/// parley info --json
nlohmann::ordered_json scenario_json(const Scenario& s);

/// {"issue id": "option id", ...} in issue order.
nlohmann::ordered_json package_json(const Scenario& s, const std::vector<int>& options);

/// One stakeholder's view of a package.
struct PartyVerdict {
  int party = 0;  // scenario party index
  double utility = 0;
  double reservation = 0;
  std::vector<std::string> red_lines_crossed;  // notes (or conditions) of crossed red lines
  [[nodiscard]] bool meets_reservation() const { return meets(utility, reservation); }
  [[nodiscard]] bool acceptable() const { return red_lines_crossed.empty() && meets_reservation(); }
};

std::vector<PartyVerdict> judge(const Scenario& s, const UtilityModel& m,
                                const std::vector<int>& x);

/// parley eval --json
nlohmann::ordered_json eval_json(const Scenario& s, const std::vector<int>& x,
                                 const std::vector<PartyVerdict>& verdicts);

}  // namespace parley::io

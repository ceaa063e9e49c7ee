#pragma once
// Each party's verdict on one package (`parley eval`): its utility, its reservation, and the
// red lines the package crosses, named by their notes.
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "core/utility.hpp"

namespace parley::analysis {

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

}  // namespace parley::analysis

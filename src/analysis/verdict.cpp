#include "analysis/verdict.hpp"

namespace parley::analysis {

std::vector<PartyVerdict> judge(const Scenario& s, const UtilityModel& m,
                                const std::vector<int>& x) {
  std::vector<PartyVerdict> out;
  for (std::size_t k = 0; k < m.parties(); ++k) {
    PartyVerdict v;
    v.party = m.party_index(k);
    v.utility = m.utility(k, x);
    v.reservation = m.reservation(k);
    const auto& pref = *s.preferences[static_cast<std::size_t>(v.party)];
    for (const auto& rl : pref.red_lines) {
      bool all = true;
      for (const auto& c : rl.when) all = all && x[static_cast<std::size_t>(c.issue)] == c.option;
      if (!all) continue;
      std::string text = rl.note;
      if (text.empty())
        for (const auto& c : rl.when)
          text += (text.empty() ? "" : " and ") + s.issues[static_cast<std::size_t>(c.issue)].id +
                  "=" +
                  s.issues[static_cast<std::size_t>(c.issue)]
                      .options[static_cast<std::size_t>(c.option)]
                      .id;
      v.red_lines_crossed.push_back(text);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace parley::analysis

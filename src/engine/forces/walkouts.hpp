#pragma once
// Walkouts (docs/model.md, "Walkouts"): a party whose trust in the mediator falls below its
// floor leaves for `walkout.months` months. While it is away no group it belongs to meets, no
// leader channel meets, and nothing can be signed. It returns with its trust in the mediator
// raised to its floor (the mediator's effort to bring it back).
#include <span>
#include <vector>

namespace parley::engine {

struct Run;

struct Walkouts {
  std::vector<int> away_until;  // per party: month it returns, -1 present
  int away = 0;                 // how many are away

  void reset(std::size_t parties) {
    away_until.assign(parties, -1);
    away = 0;
  }
  /// Nobody among `members` is away.
  [[nodiscard]] bool present(std::span<const int> members) const {
    if (away == 0) return true;
    for (int m : members)
      if (away_until[static_cast<std::size_t>(m)] >= 0) return false;
    return true;
  }
  [[nodiscard]] bool is_away(int party) const {
    return away_until[static_cast<std::size_t>(party)] >= 0;
  }
};

/// Parties whose time away has run out come back (start of a month).
void end_walkouts(Run& run);
/// Parties whose trust in the mediator is below their floor walk out.
void check_walkouts(Run& run);

}  // namespace parley::engine

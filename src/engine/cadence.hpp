#pragma once
// Meetings per month (docs/model.md, "Levels and cadence"): a group meeting c times a month
// meets ⌊(t+1)c⌋ − ⌊tc⌋ times in month t, so c = 0.25 meets in months 3, 7, ...
#include <cmath>

namespace parley::engine {

inline int meetings_in_month(double cadence, int month) {
  const double eps = 1e-9;
  return static_cast<int>(std::floor((month + 1) * cadence + eps) -
                          std::floor(month * cadence + eps));
}

}  // namespace parley::engine

#pragma once
// The reservation trajectory (docs/model.md, "Reservation trajectory"):
//   r_k(t) = clamp(r_k(0) − Σ_{s<t} κ_k(s) + S_k(t), 0, 1)
// κ_k(s) the party's war fatigue in month s (its `fatigue`, plus the κ changes of leverage in
// force), S_k(t) the reservation shifts in force at t (leverage effects, leak hardening).
#include <vector>

#include "core/scenario.hpp"

namespace parley::engine {

struct Design;

struct Reservations {
  // This run's numbers, per stakeholder.
  std::vector<double> r0, kappa, discount;
  // State.
  std::vector<double> fatigue;    // Σ_{s<t} κ_k(s)
  std::vector<double> kappa_now;  // κ_k(t): in force this month
  std::vector<double> shift;      // S_k(t)
  std::vector<double> r;          // r_k(t)

  /// Takes r(0), κ and the discount factors from the run's numbers; resets the state.
  void start(const Design& d, const Scenario& numbers);
  /// r from r0, the accumulated fatigue and the shifts.
  void update();
};

}  // namespace parley::engine

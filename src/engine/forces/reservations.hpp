#pragma once
// The reservation trajectory (docs/model.md, "Reservation trajectory"):
//   r_k(t) = clamp(r_k(0) − Σ_{s<t} κ_k(s) + S_k(t), 0, 1)
//   κ_k(s) = f_k − g_k(s) + Σ_u σ_ku · c_ku(s) + Δκ_k(s)
// f_k the party's `fatigue` (costs outside the ledger's units), g_k(s) the gain it expects from
// a month of fighting on (its beliefs, "Beliefs about the war"), σ_ku its sensitivity to the
// month's cost c_ku(s) in unit u as the ledger books it (war or ceasefire; "Costs that are
// felt"), Δκ_k(s) the κ changes of the leverage in force; S_k(t) the reservation shifts in force
// at t (leverage effects, leak hardening).
#include <span>
#include <vector>

#include "core/mechanisms.hpp"
#include "core/scenario.hpp"

namespace parley::engine {

struct Design;

struct Reservations {
  // This run's numbers, per stakeholder.
  std::vector<double> r0, kappa, discount;
  std::vector<double> sensitivity;               // [k * units + u]; empty: costs are not felt
  std::vector<double> expected, actual, weight;  // beliefs
  std::size_t units = 0;
  bool learning = true;
  // State.
  std::vector<double> fatigue;    // Σ_{s<t} κ_k(s)
  std::vector<double> kappa_now;  // κ_k(t): in force this month
  std::vector<double> shift;      // S_k(t)
  std::vector<double> delivered;  // Σ_{s<t} Δγ_k(s): leverage's changes of what the war delivered
  std::vector<double> r;          // r_k(t)

  /// Takes r(0), κ, the sensitivities, the beliefs and the discount factors from the run's
  /// numbers (without the mechanisms switched off); resets the state.
  void start(const Design& d, const Scenario& numbers, Without without);
  /// r from r0, the accumulated fatigue and the shifts.
  void update();
  /// g_k(t) = (w·g_k(0) + t·γ_k) / (w + t): the prior, worth w months of evidence, averaged
  /// with what t months of war delivered (γ_k); the prior alone without learning.
  [[nodiscard]] double expected_gain(std::size_t k, int t) const {
    if (!learning) return expected[k];
    const double w = weight[k], n = static_cast<double>(t);
    return w + n > 0 ? (w * expected[k] + n * actual[k]) / (w + n) : actual[k];
  }
  /// κ_k(t) before costs and leverage: f_k − g_k(t).
  [[nodiscard]] double base_kappa(std::size_t k, int t) const {
    return kappa[k] - expected_gain(k, t);
  }
  /// Σ_u σ_ku · c_u: what party k feels of one month's costs `c` (its row of the ledger).
  [[nodiscard]] double felt(std::size_t k, std::span<const double> c) const {
    if (sensitivity.empty()) return 0;
    double sum = 0;
    for (std::size_t u = 0; u < units; ++u) sum += sensitivity[k * units + u] * c[u];
    return sum;
  }
  /// κ_k(t) of the run's trajectory without events (every month a war month, no leverage):
  /// [t * K + k] for t < horizon, for the month the ZOPA opens.
  void projected_kappa(const Design& d, const DynamicsSpec& numbers, int horizon,
                       std::vector<double>& out) const;
};

}  // namespace parley::engine

#include "engine/forces/reservations.hpp"

#include <algorithm>

#include "engine/design.hpp"

namespace parley::engine {

void Reservations::start(const Design& d, const Scenario& numbers, Without without) {
  const DynamicsSpec& dyn = numbers.dynamics;
  units = dyn.units.size();
  r0.resize(d.K);
  kappa.resize(d.K);
  discount.resize(d.K);
  expected.assign(d.K, 0.0);
  actual.assign(d.K, 0.0);
  weight.assign(d.K, 0.0);
  const bool felt = without.on(Mechanism::costs) && units > 0 && !dyn.cost_sensitivity.empty();
  sensitivity.assign(felt ? d.K * units : 0, 0.0);
  learning = without.on(Mechanism::learning);
  for (std::size_t k = 0; k < d.K; ++k) {
    const auto p = static_cast<std::size_t>(d.model.party_index(k));
    r0[k] = numbers.preferences[p]->reservation;
    kappa[k] = numbers.process.fatigue.empty() ? 0.0 : numbers.process.fatigue[p];
    discount[k] = numbers.preferences[p]->discount;
    if (!dyn.belief_expected.empty()) {
      expected[k] = dyn.belief_expected[p];
      actual[k] = dyn.belief_actual[p];
      weight[k] = dyn.belief_weight[p];
    }
    if (felt)
      std::copy_n(dyn.cost_sensitivity.begin() + static_cast<std::ptrdiff_t>(p * units), units,
                  sensitivity.begin() + static_cast<std::ptrdiff_t>(k * units));
  }
  fatigue.assign(d.K, 0.0);
  shift.assign(d.K, 0.0);
  delivered.assign(d.K, 0.0);
  kappa_now.resize(d.K);
  for (std::size_t k = 0; k < d.K; ++k) kappa_now[k] = base_kappa(k, 0);
  r.resize(d.K);
}

void Reservations::update() {
  for (std::size_t k = 0; k < r.size(); ++k)
    r[k] = std::clamp(r0[k] - fatigue[k] + shift[k], 0.0, 1.0);
}

void Reservations::projected_kappa(const Design& d, const DynamicsSpec& numbers, int horizon,
                                   std::vector<double>& out) const {
  const std::size_t K = d.K;
  out.assign(static_cast<std::size_t>(horizon) * K, 0.0);
  for (int t = 0; t < horizon; ++t)
    for (std::size_t k = 0; k < K; ++k) {
      const auto p = static_cast<std::size_t>(d.model.party_index(k));
      const double war =
          units == 0 ? 0.0
                     : felt(k, std::span<const double>(numbers.war_cost).subspan(p * units, units));
      out[static_cast<std::size_t>(t) * K + k] = base_kappa(k, t) + war;
    }
}

}  // namespace parley::engine

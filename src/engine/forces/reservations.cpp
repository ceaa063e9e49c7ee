#include "engine/forces/reservations.hpp"

#include <algorithm>

#include "engine/design.hpp"

namespace parley::engine {

void Reservations::start(const Design& d, const Scenario& numbers) {
  r0.resize(d.K);
  kappa.resize(d.K);
  discount.resize(d.K);
  for (std::size_t k = 0; k < d.K; ++k) {
    const auto p = static_cast<std::size_t>(d.model.party_index(k));
    r0[k] = numbers.preferences[p]->reservation;
    kappa[k] = numbers.process.fatigue.empty() ? 0.0 : numbers.process.fatigue[p];
    discount[k] = numbers.preferences[p]->discount;
  }
  fatigue.assign(d.K, 0.0);
  shift.assign(d.K, 0.0);
  kappa_now = kappa;
  r.resize(d.K);
}

void Reservations::update() {
  for (std::size_t k = 0; k < r.size(); ++k)
    r[k] = std::clamp(r0[k] - fatigue[k] + shift[k], 0.0, 1.0);
}

}  // namespace parley::engine

#include "engine/forces/ceasefire.hpp"

#include <algorithm>
#include <cmath>

#include "engine/run.hpp"

namespace parley::engine {

bool ceasefire_breaks(Run& run) {
  RunState& st = run.state;
  const DynamicsSpec& d = run.numbers.dynamics;
  if (!st.ceasefire.in_force || st.month <= st.ceasefire.signed_month || d.hazard <= 0)
    return false;
  double h = d.hazard;
  for (const CeasefireFactor& f : d.hazard_factors) {
    bool all = true;
    for (const Condition& c : f.when)
      all = all && st.text.x[static_cast<std::size_t>(c.issue)] == c.option;
    if (all) h *= f.multiply;
  }
  const std::size_t K = run.design.K;
  if (d.hazard_trust_weight > 0 && K > 1) {
    double sum = 0;
    for (std::size_t a = 0; a < K; ++a)
      for (std::size_t b = 0; b < K; ++b)
        if (a != b)
          sum += st.trust(run.design.model.party_index(a), run.design.model.party_index(b));
    const double mean = sum / static_cast<double>(K * (K - 1));
    h *= std::exp(-d.hazard_trust_weight * (mean - d.hazard_trust_reference));
  }
  return st.rng_dyn.uniform() < std::min(1.0, h);
}

}  // namespace parley::engine

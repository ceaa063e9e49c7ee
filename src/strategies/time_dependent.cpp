// Time-dependent concession (Faratin, Sierra & Jennings 1998; docs/model.md, "Strategies"):
// a party insists at time τ on a(τ) = r + (best − r)·(1 − τ^(1/β)): `boulware` (β < 1)
// concedes late, `linear` (β = 1) steadily, `conceder` (β > 1) early. It is also the default
// behaviour of PartyStrategy::endorse and offer.
#include <algorithm>
#include <cmath>

#include "strategies/builtin.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {

double aspiration(double reservation, double best, double tau, double beta) {
  tau = std::clamp(tau, 0.0, 1.0);
  const double hi = std::max(best, reservation);
  return reservation + (hi - reservation) * (1.0 - std::pow(tau, 1.0 / beta));
}

namespace {

/// The package whose own utility is closest above `level` (the most generous one
/// the party still insists on, knowing nothing of the others); ties go to the
/// smallest index; its best package when none reaches `level`, if that is at least
/// its reservation; else no offer (false): it would sign none. Enumerates the space,
/// so alternating offers are for small spaces.
bool offer_at_level(const PartyView& v, double level, std::span<int> out) {
  double best_u = INFINITY, top_u = -INFINITY;
  bool found = false;
  std::vector<int> top(v.space().issues(), 0);
  Odometer odo(v.space());
  do {
    const std::span<const int> x = odo.digits();
    if (v.crosses_red_line(x)) continue;
    const double u = v.utility(x);
    if (u >= level - kUtilityTolerance && u < best_u) {
      best_u = u;
      found = true;
      std::copy(x.begin(), x.end(), out.begin());
    }
    if (u > top_u) {
      top_u = u;
      top.assign(x.begin(), x.end());
    }
  } while (odo.next() >= 0);
  if (found) return true;
  if (top_u < v.reservation() - kUtilityTolerance) return false;
  std::copy(top.begin(), top.end(), out.begin());
  return true;
}

/// The default deadline of the calendar clock, in months. Not the horizon: the horizon is how
/// long the analyst watches, which the parties do not know (docs/model.md, "Strategies").
constexpr double kDefaultDeadline = 36;

/// How far the party has come from its best to its reservation, τ in [0, 1]: rounds under
/// alternating offers; else its pressure over its `tolerance` when it has one (concession
/// driven by what the war costs it and what it learns); else months over `deadline`.
double tau_of(const PartyView& v, double deadline = kDefaultDeadline, double tolerance = 0) {
  if (v.rounds() > 1) return static_cast<double>(v.round()) / (v.rounds() - 1);
  if (tolerance > 0) return std::clamp(v.pressure() / tolerance, 0.0, 1.0);
  return static_cast<double>(v.month()) / deadline;
}

}  // namespace

bool PartyStrategy::endorse(const PartyView& view) {
  if (view.red_lines_current() > 0) return false;
  const double a = aspiration(view.reservation(), view.best(), tau_of(view), 1.0);
  return view.utility_current() >= std::max(view.reservation(), a) - kUtilityTolerance;
}

bool PartyStrategy::offer(const PartyView& view, std::span<int> out) {
  return offer_at_level(view, aspiration(view.reservation(), view.best(), tau_of(view), 1.0), out);
}

namespace {

/// Accepts an improvement, or anything at or above its time-dependent aspiration;
/// never a red line.
class TimeDependent final : public PartyStrategy {
 public:
  TimeDependent(double beta, double deadline, double tolerance)
      : beta_(beta), deadline_(deadline), tolerance_(tolerance) {}
  bool accept(const PartyView& v) override {
    // Alternating offers: there is no standing text to improve on, only the offer.
    if (v.rounds() > 0)
      return !v.crosses_red_line(v.proposed()) &&
             v.utility_proposed() >= std::max(v.reservation(), level(v)) - kUtilityTolerance;
    // Red lines first: never cross more of them, always welcome crossing fewer.
    if (const int rl = v.red_line_change(); rl != 0) return rl < 0;
    if (v.utility_proposed() >= v.utility_current() - kUtilityTolerance) return true;
    return v.utility_proposed() >= level(v) - kUtilityTolerance;
  }
  bool endorse(const PartyView& v) override {
    return v.red_lines_current() == 0 &&
           v.utility_current() >= std::max(v.reservation(), level(v)) - kUtilityTolerance;
  }
  bool offer(const PartyView& v, std::span<int> out) override {
    return offer_at_level(v, level(v), out);
  }

 private:
  /// a(τ), recomputed only when r or τ moved (a pow per vote otherwise).
  [[nodiscard]] double level(const PartyView& v) {
    const double r = v.reservation(), tau = tau_of(v, deadline_, tolerance_);
    if (r != last_r_ || tau != last_tau_ || v.best() != last_best_) {
      last_r_ = r;
      last_tau_ = tau;
      last_best_ = v.best();
      last_level_ = aspiration(r, v.best(), tau, beta_);
    }
    return last_level_;
  }
  double beta_, deadline_, tolerance_;
  double last_r_ = NAN, last_tau_ = NAN, last_best_ = NAN, last_level_ = 0;
};

PartyEntry time_dependent(const char* name, double beta, const char* shape) {
  return {{name,
           std::string("time-dependent concession (Faratin et al. 1998), ") + shape +
               ": red lines first (never a proposal crossing a red line the text does not, "
               "always one that leaves a red line the text crosses and crosses no new one), "
               "then accepts any improvement, or a text at or above its aspiration a(t); "
               "endorses a text at or above max(r(t), a(t)) with no red line",
           {{"beta", beta, 0.01, 100, "concession shape: below 1 concedes late, above 1 early"},
            {"deadline", kDefaultDeadline, 1, 1200,
             "calendar clock: months over which it concedes from its best to r(t)"},
            {"tolerance", 0, 0, 10,
             "pressure clock (replaces the calendar when above 0): the fatigue Σκ at which it has "
             "conceded down to r(t)"}},
           false},
          [](const StrategyParams& p) {
            return std::make_unique<TimeDependent>(p["beta"], p["deadline"], p["tolerance"]);
          }};
}

}  // namespace

std::vector<PartyEntry> time_dependent_strategies() {
  return {time_dependent("boulware", 0.2, "concedes late (β < 1)"),
          time_dependent("linear", 1.0, "concedes steadily (β = 1)"),
          time_dependent("conceder", 5.0, "concedes early (β > 1)")};
}

}  // namespace parley::engine

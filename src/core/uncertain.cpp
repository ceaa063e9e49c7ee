#include "core/uncertain.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>

namespace parley {

namespace {

/// Boost.Math's policy with errors as values (clamped inputs never reach them) rather than
/// exceptions, so a draw never throws mid-sweep.
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

/// p kept inside (0, 1), where every quantile is finite.
double open_unit(double p) {
  return std::clamp(p, 1e-300, 1 - 1e-16);
}

/// Truncated normal pieces: α, β standardised bounds and Z = Φ(β) − Φ(α).
struct Trunc {
  double alpha, beta, z;
};
Trunc trunc(const Distribution& d) {
  const double al = (d.lo - d.a) / d.b, be = (d.hi - d.a) / d.b;
  return {al, be, normal_cdf(be) - normal_cdf(al)};
}
double phi(double x) {
  return std::exp(-x * x / 2) / std::sqrt(2 * M_PI);
}

}  // namespace

double normal_cdf(double x) {
  if (std::isinf(x)) return x < 0 ? 0.0 : 1.0;
  return boost::math::cdf(boost::math::normal_distribution<double, Policy>(), x);
}

double normal_quantile(double p) {
  return boost::math::quantile(boost::math::normal_distribution<double, Policy>(), open_unit(p));
}

double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return boost::math::ibeta(a, b, x, Policy());
}

double Distribution::cdf(double x) const {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  switch (kind) {
    case Kind::uniform:
      return (x - lo) / (hi - lo);
    case Kind::normal: {
      const double fa = normal_cdf((lo - a) / b), fb = normal_cdf((hi - a) / b);
      return (normal_cdf((x - a) / b) - fa) / (fb - fa);
    }
    case Kind::triangular:
      return x <= a ? (x - lo) * (x - lo) / ((hi - lo) * (a - lo))
                    : 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - a));
    case Kind::beta:
      return incomplete_beta(a, b, (x - lo) / (hi - lo));
  }
  return 0;
}

double Distribution::quantile(double p) const {
  switch (kind) {
    case Kind::uniform:
      return lo + (hi - lo) * p;
    case Kind::normal: {
      const double fa = normal_cdf((lo - a) / b), fb = normal_cdf((hi - a) / b);
      return std::clamp(a + b * normal_quantile(fa + p * (fb - fa)), lo, hi);
    }
    case Kind::triangular: {
      const double f = (a - lo) / (hi - lo);
      return p < f ? lo + std::sqrt(p * (hi - lo) * (a - lo))
                   : hi - std::sqrt((1 - p) * (hi - lo) * (hi - a));
    }
    case Kind::beta:
      return lo + (hi - lo) * boost::math::ibeta_inv(a, b, open_unit(p), Policy());
  }
  return a;
}

double Distribution::sample(Rng& rng) const {
  // Inversion of the CDF from one of parley's own uniforms: a draw is a pure function of the
  // run's stream, and one uniform per field keeps the streams of linked draws simple.
  return quantile(std::clamp(rng.uniform(), 1e-16, 1 - 1e-16));
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::uniform:
      return (lo + hi) / 2;
    case Kind::normal: {
      const Trunc t = trunc(*this);
      return a + b * (phi(t.alpha) - phi(t.beta)) / t.z;
    }
    case Kind::triangular:
      return (lo + a + hi) / 3;
    case Kind::beta:
      return lo + (hi - lo) * a / (a + b);
  }
  return a;
}

double Distribution::variance() const {
  switch (kind) {
    case Kind::uniform:
      return (hi - lo) * (hi - lo) / 12;
    case Kind::normal: {
      const Trunc t = trunc(*this);
      const double pa = phi(t.alpha), pb = phi(t.beta);
      const double fa = std::isfinite(t.alpha) ? t.alpha * pa : 0;
      const double fb = std::isfinite(t.beta) ? t.beta * pb : 0;
      const double m = (pa - pb) / t.z;
      return b * b * (1 + (fa - fb) / t.z - m * m);
    }
    case Kind::triangular:
      return (lo * lo + a * a + hi * hi - lo * a - lo * hi - a * hi) / 18;
    case Kind::beta:
      return (hi - lo) * (hi - lo) * a * b / ((a + b) * (a + b) * (a + b + 1));
  }
  return 0;
}

std::string Distribution::describe() const {
  switch (kind) {
    case Kind::uniform:
      return fmt::format("uniform [{}, {}]", lo, hi);
    case Kind::normal:
      return fmt::format("normal mean {} sd {} in [{}, {}]", a, b, lo, hi);
    case Kind::triangular:
      return fmt::format("triangular {} / {} / {}", lo, a, hi);
    case Kind::beta:
      return fmt::format("beta({}, {}) on [{}, {}]", a, b, lo, hi);
  }
  return "?";
}

}  // namespace parley

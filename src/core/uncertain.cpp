#include "core/uncertain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace parley {

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double normal_quantile(double p) {
  // Acklam's rational approximation, then one Halley step on erfc (|error| < 1e-15).
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  p = std::clamp(p, 1e-300, 1 - 1e-16);
  double x;
  if (p < 0.02425) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - 0.02425) {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

namespace {

double gamma_sample(Rng& rng, double shape) {
  // Marsaglia & Tsang (2000); shape < 1 by the boost U^(1/shape).
  if (shape < 1) {
    const double u = rng.uniform();
    return gamma_sample(rng, shape + 1) * std::pow(u > 0 ? u : 1e-300, 1 / shape);
  }
  const double d = shape - 1.0 / 3.0, c = 1 / std::sqrt(9 * d);
  for (;;) {
    // A standard normal by inversion (one uniform: keeps the stream simple).
    const double z = normal_quantile(std::max(rng.uniform(), 1e-300));
    const double v0 = 1 + c * z;
    if (v0 <= 0) continue;
    const double v = v0 * v0 * v0, u = rng.uniform();
    if (u < 1 - 0.0331 * z * z * z * z) return d * v;
    if (std::log(u > 0 ? u : 1e-300) < 0.5 * z * z + d * (1 - v + std::log(v))) return d * v;
  }
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

/// Continued fraction of the regularised incomplete beta (modified Lentz), valid
/// for x < (a + 1) / (a + b + 2); terms d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),
/// d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)).
double beta_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  auto guard = [](double v) { return std::abs(v) < tiny ? tiny : v; };
  double c = 1, d = 1 / guard(1 - (a + b) * x / (a + 1)), f = d;
  for (int m = 1; m <= 500; ++m) {
    const double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    f *= d * c;
    const double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const double step = d * c;
    f *= step;
    if (std::abs(step - 1) < 1e-15) break;
  }
  return f;
}

}  // namespace

double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(a, b, x) / a;
  return 1 - front * beta_fraction(b, a, 1 - x) / b;  // I_x(a, b) = 1 − I_{1−x}(b, a)
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
    case Kind::beta: {
      // Bisection on the regularised incomplete beta: 64 halvings of [0, 1].
      double l = 0, h = 1;
      for (int i = 0; i < 64; ++i) {
        const double mid = (l + h) / 2;
        (incomplete_beta(a, b, mid) < p ? l : h) = mid;
      }
      return lo + (hi - lo) * (l + h) / 2;
    }
  }
  return a;
}

double Distribution::sample(Rng& rng) const {
  switch (kind) {
    case Kind::uniform:
    case Kind::normal:
    case Kind::triangular:
      return quantile(std::clamp(rng.uniform(), 1e-16, 1 - 1e-16));
    case Kind::beta: {
      const double x = gamma_sample(rng, a), y = gamma_sample(rng, b);
      return lo + (hi - lo) * (x / (x + y));
    }
  }
  return a;
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

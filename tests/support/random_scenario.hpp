#pragma once
// Random scenarios as YAML text, for property tests and benchmarks. With
// `dyadic`, weights sum to 16 and values are multiples of 1/8 (interactions of
// 1/16), so every utility is exact in double precision whatever the order of
// summation, and algorithms can be compared bit for bit.
#include <cstdint>
#include <random>
#include <sstream>
#include <string>

namespace parley::testing {

struct RandomSpec {
  int parties = 3;
  int issues = 4;
  int min_options = 2, max_options = 4;
  int interactions = 0;  // per party
  int red_lines = 0;     // per party
  bool reservations = true;
  bool dyadic = true;
  std::uint64_t seed = 1;
};

inline std::string random_scenario_yaml(const RandomSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto real = [&] { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); };
  std::ostringstream y;
  y.precision(17);
  y << "parley: 1\nname: random " << spec.seed << "\nparties:\n";
  for (int p = 0; p < spec.parties; ++p) y << "  - {id: p" << p << "}\n";
  std::vector<int> options(static_cast<std::size_t>(spec.issues));
  y << "issues:\n";
  for (int i = 0; i < spec.issues; ++i) {
    options[static_cast<std::size_t>(i)] = uniform(spec.min_options, spec.max_options);
    y << "  - {id: i" << i << ", options: [";
    for (int o = 0; o < options[static_cast<std::size_t>(i)]; ++o) y << (o ? ", " : "") << "o" << o;
    y << "]}\n";
  }
  y << "preferences:\n";
  for (int p = 0; p < spec.parties; ++p) {
    y << "  p" << p << ":\n";
    if (spec.reservations)
      y << "    reservation: " << (spec.dyadic ? uniform(2, 8) / 16.0 : 0.1 + 0.4 * real()) << "\n";
    // Weights: 16 units spread over the issues (dyadic), or uniform reals.
    std::vector<int> units(static_cast<std::size_t>(spec.issues), 0);
    for (int u = 0; u < 16; ++u) ++units[static_cast<std::size_t>(uniform(0, spec.issues - 1))];
    y << "    weights: {";
    for (int i = 0; i < spec.issues; ++i)
      y << (i ? ", " : "") << "i" << i << ": "
        << (spec.dyadic ? units[static_cast<std::size_t>(i)] / 16.0 : 0.05 + real());
    y << "}\n    values:\n";
    for (int i = 0; i < spec.issues; ++i) {
      y << "      i" << i << ": [";
      for (int o = 0; o < options[static_cast<std::size_t>(i)]; ++o)
        y << (o ? ", " : "") << (spec.dyadic ? uniform(0, 8) / 8.0 : real());
      y << "]\n";
    }
    auto condition = [&](int i) {
      std::ostringstream c;  // (not string concatenation: GCC 12 -Wrestrict false positive)
      c << "i" << i << ": o" << uniform(0, options[static_cast<std::size_t>(i)] - 1);
      return c.str();
    };
    if (spec.interactions > 0 && spec.issues > 1) {
      y << "    interactions:\n";
      for (int t = 0; t < spec.interactions; ++t) {
        const int a = uniform(0, spec.issues - 1);
        int b = uniform(0, spec.issues - 2);
        if (b >= a) ++b;
        y << "      - {when: {" << condition(a) << ", " << condition(b)
          << "}, value: " << (spec.dyadic ? uniform(-4, 4) / 16.0 : 0.5 * real() - 0.25) << "}\n";
      }
    }
    if (spec.red_lines > 0) {
      y << "    red_lines:\n";
      for (int t = 0; t < spec.red_lines; ++t) {
        const int a = uniform(0, spec.issues - 1);
        if (spec.issues > 1 && uniform(0, 1)) {
          int b = uniform(0, spec.issues - 2);
          if (b >= a) ++b;
          y << "      - when: {" << condition(a) << ", " << condition(b) << "}\n";
        } else {
          y << "      - when: {" << condition(a) << "}\n";
        }
      }
    }
  }
  return y.str();
}

}  // namespace parley::testing

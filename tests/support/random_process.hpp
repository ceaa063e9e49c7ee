#pragma once
// Random scenarios with a whole process, for the strategy conformance suite: a mediator,
// two to three topics each with a working group of a random subset of the parties, a detail
// issue, a seating refusal (shuttle until trust grows), leader channels, and dynamics (leaks
// with audience costs, walkouts, a ceasefire hazard, a deadlock-triggered leverage
// instrument). Option values do not move (no drift), so a signed text's utilities can be
// checked with the static utility model.
#include <cstdint>
#include <random>
#include <sstream>
#include <string>

namespace parley::testing {

struct RandomProcessSpec {
  int parties = 3;  // with preferences; a mediator party is added
  int issues = 5;
  int max_options = 3;
  int red_lines = 1;  // per party
  int horizon = 10;
  std::string party_strategy = "linear";
  std::string mediator_strategy = "hill_climb";
  std::uint64_t seed = 1;
};

inline std::string random_process_yaml(const RandomProcessSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::ostringstream y;
  y << "parley: 1\nname: conformance " << spec.seed << "\nparties:\n";
  for (int p = 0; p < spec.parties; ++p) y << "  - {id: p" << p << "}\n";
  y << "  - {id: m, role: mediator}\n";
  const int topics = uniform(2, 3);
  std::vector<int> options(static_cast<std::size_t>(spec.issues));
  y << "issues:\n";
  for (int i = 0; i < spec.issues; ++i) {
    options[static_cast<std::size_t>(i)] = uniform(2, spec.max_options);
    y << "  - {id: i" << i << ", topic: t" << i % topics
      << ", detail: " << (i == spec.issues - 1 ? "true" : "false") << ", options: [";
    for (int o = 0; o < options[static_cast<std::size_t>(i)]; ++o) y << (o ? ", " : "") << "o" << o;
    y << "]}\n";
  }
  y << "preferences:\n";
  for (int p = 0; p < spec.parties; ++p) {
    y << "  p" << p << ":\n    reservation: " << uniform(2, 7) / 16.0 << "\n    weights: {";
    for (int i = 0; i < spec.issues; ++i) y << (i ? ", " : "") << "i" << i << ": " << uniform(1, 4);
    y << "}\n    values:\n";
    for (int i = 0; i < spec.issues; ++i) {
      y << "      i" << i << ": [";
      for (int o = 0; o < options[static_cast<std::size_t>(i)]; ++o)
        y << (o ? ", " : "") << uniform(0, 8) / 8.0;
      y << "]\n";
    }
    if (spec.red_lines > 0) {
      y << "    red_lines:\n";
      for (int t = 0; t < spec.red_lines; ++t) {
        const int i = uniform(0, spec.issues - 1);
        // Never the default option: the status quo crosses no red line.
        y << "      - when: {i" << i << ": o"
          << uniform(1, options[static_cast<std::size_t>(i)] - 1) << "}\n";
      }
    }
  }
  y << "process:\n  horizon: " << spec.horizon << "\n  mediator: m\n"
    << "  mediator_strategy: " << spec.mediator_strategy << "\n  escalate_after: 2\n"
    << "  levels: {official: 3, aide: 2, leader: 1}\n"
    << "  trust: {initial: 0.3, adopted: 0.03, meeting: 0.01}\n  fatigue: {";
  for (int p = 0; p < spec.parties; ++p) y << (p ? ", " : "") << "p" << p << ": 0.02";
  y << "}\n  strategies: {";
  for (int p = 0; p < spec.parties; ++p)
    y << (p ? ", " : "") << "p" << p << ": " << spec.party_strategy;
  y << "}\n  refusals: [{party: p0, refuses: p1, until: 0.45}]\n  groups:\n";
  for (int t = 0; t < topics; ++t) {
    y << "    - {id: g" << t << ", topics: [t" << t << "], members: [m";
    for (int p = 0; p < spec.parties; ++p)
      if (uniform(0, 3) > 0 || p < 2) y << ", p" << p;
    y << "]}\n";
  }
  y << "  designs:\n    - {id: multitrack, groups: [";
  for (int t = 0; t < topics; ++t) y << (t ? ", " : "") << "g" << t;
  y << "], leader_channels: [";
  for (int p = 0; p < spec.parties; ++p) y << (p ? ", " : "") << "p" << p;
  y << "]}\ndynamics:\n  units: [{id: lives}]\n  costs: {p0: {war: {lives: 10}, ceasefire: {lives: "
       "1}}}\n"
    << "  walkout: {floors: {p0: 0.05}, months: 2}\n"
    << "  leaks: {probability: 0.01, audience_cost: {p1: 0.05}, months: 2}\n"
    << "  ceasefire: {hazard: 0.1, trust_weight: 1}\n"
    << "  leverage:\n    - {id: push, instrument: sanctions, by: m, target: p1,\n"
    << "       when: {deadlock: g0}, effects: {reservation: {p1: -0.05}}, months: 3}\n";
  return y.str();
}

}  // namespace parley::testing

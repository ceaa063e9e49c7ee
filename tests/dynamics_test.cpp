// Costs, reservation trajectories, leverage triggers, leaks, walkouts and the
// ceasefire hazard (docs/model.md, "Dynamics") on small scenarios whose answer is known.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analysis/zopa.hpp"
#include "engine/engine.hpp"
#include "load/scenario_yaml.hpp"
#include "support/split_scenario.hpp"

namespace parley::engine {
namespace {

using testing::scenario;

Scenario load(const std::string& yaml) {
  return load::load_scenario_text(yaml, "dynamics.yaml");
}

std::ptrdiff_t first(const RunResult& r, EventType t) {
  for (std::size_t i = 0; i < r.events.size(); ++i)
    if (r.events[i].type == t) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

int count(const RunResult& r, EventType t) {
  int n = 0;
  for (const Event& e : r.events) n += e.type == t ? 1 : 0;
  return n;
}

const char* kNoTrustGain = "  trust: {initial: 0.5, adopted: 0, consensus: 0, meeting: 0}\n";

/// The same with random multi-issue proposals (annealing), which find the split.
std::string with_annealing(std::string y) {
  y.replace(y.find("nash_seeking"), 12, "annealing");
  return y;
}

TEST(Dynamics, LedgerTotalsAreTheSumOfMonthlyCosts) {
  const Scenario s =
      load(with_annealing(scenario(0.3, kNoTrustGain,
                                   "dynamics:\n"
                                   "  units: [{id: lives}, {id: usd, name: billion USD}]\n"
                                   "  costs:\n"
                                   "    a: {war: {lives: 100, usd: 2}, ceasefire: {lives: 1}}\n"
                                   "    b: {war: {lives: 50}, ceasefire: {usd: 0.5}}\n")));
  Engine e(s, 0);
  int with_ceasefire = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RunResult r = e.run(seed);
    with_ceasefire += r.ceasefire_months > 0 ? 1 : 0;
    const std::size_t PU = 3 * 2;
    ASSERT_EQ(r.monthly_costs.size(), static_cast<std::size_t>(r.months) * PU);
    EXPECT_EQ(r.war_months + r.ceasefire_months, r.months);
    EXPECT_GT(r.war_months, 0);
    for (std::size_t j = 0; j < PU; ++j) {
      double sum = 0;
      for (int t = 0; t < r.months; ++t)
        sum += r.monthly_costs[static_cast<std::size_t>(t) * PU + j];
      EXPECT_DOUBLE_EQ(sum, r.costs_before_ceasefire[j] + r.costs_after_ceasefire[j]);
    }
    // a's lives: 100 per war month, 1 per ceasefire month.
    EXPECT_DOUBLE_EQ(r.costs_before_ceasefire[0] + r.costs_after_ceasefire[0],
                     100.0 * r.war_months + 1.0 * r.ceasefire_months);
    // The ZOPA is open from month 0 (r = 0.3, the even split gives 0.5 each).
    EXPECT_EQ(e.zopa_month(), 0);
    EXPECT_EQ(r.delay_from, 0);
    // War months after month 0 (a ceasefire signed at 0 would hold from month 1).
    const int delayed = r.war_months - 1;
    EXPECT_DOUBLE_EQ(r.cost_of_delay[0], (100.0 - 1.0) * delayed);
    EXPECT_DOUBLE_EQ(r.cost_of_delay[1], 2.0 * delayed);
    EXPECT_DOUBLE_EQ(r.cost_of_delay[3], (0 - 0.5) * delayed);  // b's usd
  }
  EXPECT_GT(with_ceasefire, 0);
}

TEST(Dynamics, ZopaOpeningMonthFollowsFatigue) {
  // r(t) = 0.7 − 0.05 t: the even split (0.5 each) is acceptable from month 4.
  const Scenario s = load(scenario(0.7, "  fatigue: {a: 0.05, b: 0.05}\n",
                                   "dynamics:\n  units: [{id: lives}]\n"
                                   "  costs: {a: {war: {lives: 10}}}\n"));
  Engine e(s, 0);
  EXPECT_EQ(e.zopa_month(), 4);
  const RunResult r = e.run(1);
  EXPECT_EQ(r.delay_from, 4);
  ASSERT_GE(r.framework_month, 4);
  EXPECT_EQ(r.collapses, 0);
  EXPECT_DOUBLE_EQ(r.cost_of_delay[0], 10.0 * (r.framework_month - 4));  // months 5..F
}

TEST(Dynamics, TriggerFiresWhenItsRuleFirstHoldsAndEffectsLastTheirDuration) {
  // No ZOPA (r = 0.7): the run goes to the horizon. An aid-cut threat at month 5
  // lowers a's reservation by 0.05 for 3 months and its trust in m by 0.1.
  const Scenario s = load(scenario(0.7, kNoTrustGain,
                                   "dynamics:\n"
                                   "  leverage:\n"
                                   "    - id: threat\n"
                                   "      instrument: aid_cut_threat\n"
                                   "      by: m\n"
                                   "      target: a\n"
                                   "      when: {from_month: 5}\n"
                                   "      effects:\n"
                                   "        reservation: {a: -0.05}\n"
                                   "        trust: [{from: a, to: m, change: -0.1}]\n"
                                   "      months: 3\n"));
  Engine e(s, 0);
  const RunResult r = e.run(1);
  ASSERT_EQ(count(r, EventType::leverage), 1);
  const Event& lv = r.events[static_cast<std::size_t>(first(r, EventType::leverage))];
  EXPECT_EQ(lv.month, 5);
  EXPECT_EQ(lv.party, 0);
  EXPECT_EQ(lv.instrument, 0);
  ASSERT_EQ(r.reservation_path.size(), 24u * 2);
  for (int t = 0; t < 24; ++t) {
    const double expected = (t >= 5 && t < 8) ? 0.65 : 0.7;
    EXPECT_NEAR(r.reservation_path[static_cast<std::size_t>(t) * 2], expected, 1e-12) << t;
    EXPECT_NEAR(r.reservation_path[static_cast<std::size_t>(t) * 2 + 1], 0.7, 1e-12) << t;
  }
  EXPECT_NEAR(e.trust(0, 2), 0.4, 1e-12);
  EXPECT_NEAR(e.trust(1, 2), 0.5, 1e-12);
}

TEST(Dynamics, DeadlockTriggerFiresAtTheStartOfTheNextMonth) {
  const Scenario s = load(scenario(0.7, kNoTrustGain,
                                   "dynamics:\n"
                                   "  leverage:\n"
                                   "    - {id: push, instrument: sanctions, by: m, target: b,\n"
                                   "       when: {deadlock: main}, effects: {fatigue: {b: 0.01}}}\n"
                                   "    - {id: then, instrument: arms_supply, by: m, target: a,\n"
                                   "       when: {after: push, from_month: 10}}\n"));
  const RunResult r = Engine(s, 0).run(3);
  const auto dl = first(r, EventType::deadlock);
  ASSERT_GE(dl, 0);
  int push = -1, then = -1;
  for (const Event& ev : r.events)
    if (ev.type == EventType::leverage) (ev.instrument == 0 ? push : then) = ev.month;
  EXPECT_EQ(push, r.events[static_cast<std::size_t>(dl)].month + 1);
  EXPECT_EQ(then, std::max(push, 10));
  // κ_b rises by 0.01 from the month it fired: r_b(t) = 0.7 − 0.01·(t − push).
  for (int t = push; t < 24; ++t)
    EXPECT_NEAR(r.reservation_path[static_cast<std::size_t>(t) * 2 + 1], 0.7 - 0.01 * (t - push),
                1e-12);
}

/// Leak rate of group meetings over many seeds: (leaks, meetings).
std::pair<int, int> leak_tally(const Scenario& s, std::size_t design, int seeds) {
  Engine e(s, design);
  int leaks = 0, meetings = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    const RunResult r = e.run(static_cast<std::uint64_t>(seed));
    leaks += count(r, EventType::leak);
    meetings += count(r, EventType::meeting);
  }
  return {leaks, meetings};
}

std::string leak_scenario() {
  return "parley: 1\nname: leaks\n"
         "parties: [{id: a}, {id: b}, {id: c}, {id: d}, {id: m, role: mediator}]\n"
         "issues: [{id: x, options: [x0, x1, x2]}]\n"
         "preferences:\n"
         "  a: {reservation: 0.9, weights: {x: 1}, values: {x: [0, 0.5, 1]}}\n"
         "  b: {reservation: 0.9, weights: {x: 1}, values: {x: [1, 0.5, 0]}}\n"
         "  c: {reservation: 0.9, weights: {x: 1}, values: {x: [1, 0.5, 0]}}\n"
         "  d: {reservation: 0.9, weights: {x: 1}, values: {x: [0, 0.5, 1]}}\n"
         "process:\n"
         "  horizon: 36\n"
         "  groups:\n"
         "    - {id: big, topics: [x], members: [a, b, c, d, m]}\n"
         "    - {id: small, topics: [x], members: [a, b, m]}\n"
         "  designs: [{id: big, groups: [big]}, {id: small, groups: [small]}]\n"
         "dynamics:\n"
         "  trust: {leak: 0}\n"
         "  leaks:\n"
         "    probability: 0.004\n"
         "    level_factor: {official: 1, aide: 1, leader: 1}\n";
}

TEST(Dynamics, LeakFrequencyMatchesTheConfiguredProbability) {
  const Scenario s = load(leak_scenario());
  for (std::size_t design = 0; design < 2; ++design) {
    const double p = 0.004 * (design == 0 ? 5 : 3);  // per participant, all at the table
    const auto [leaks, meetings] = leak_tally(s, design, 200);
    ASSERT_GT(meetings, 5000);
    // 99.9% Wilson interval of the observed rate contains p.
    const auto [lo, hi] =
        wilson(static_cast<std::uint64_t>(leaks), static_cast<std::uint64_t>(meetings), 3.2905);
    EXPECT_LE(lo, p) << "design " << design << ": " << leaks << "/" << meetings;
    EXPECT_GE(hi, p) << "design " << design << ": " << leaks << "/" << meetings;
  }
  // More participants, more leaks.
  const auto big = leak_tally(s, 0, 200), small = leak_tally(s, 1, 200);
  EXPECT_GT(static_cast<double>(big.first) / big.second,
            1.3 * static_cast<double>(small.first) / small.second);
}

TEST(Dynamics, ALeakHardensTheExposedPartyAndLowersItsTrust) {
  std::string y = leak_scenario();
  const auto swap = [&](const std::string& from, const std::string& to) {
    y.replace(y.find(from), from.size(), to);
  };
  swap("trust: {leak: 0}", "trust: {leak: 0.05}");
  swap("probability: 0.004", "probability: 0.05");
  y += "    audience_cost: {a: 0.1, b: 0.1, c: 0.1, d: 0.1}\n    months: 2\n";
  const Scenario s = load(y);
  const RunResult r = Engine(s, 1).run(1);
  const auto at = first(r, EventType::leak);
  ASSERT_GE(at, 0);
  const Event& leak = r.events[static_cast<std::size_t>(at)];
  const std::size_t k = static_cast<std::size_t>(leak.party);  // a or b: stakeholder = party
  // Hardened from the month after (the path records month starts) for 2 months in all.
  if (leak.month + 1 < 36) {
    EXPECT_GE(r.reservation_path[static_cast<std::size_t>(leak.month + 1) * 4 + k],
              0.9 + 0.1 - 1e-9);
  }
}

/// A ceasefire that cannot become final (the detail group never opens), hazard
/// 0.2 a month, a quarter of that with strong monitoring.
std::string ceasefire_scenario(bool strong_preferred) {
  const std::string mon = strong_preferred ? "[1, 0]" : "[0, 1]";
  return "parley: 1\nname: ceasefire\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\n"
         "issues:\n"
         "  - {id: x, topic: main, options: [x0, x1]}\n"
         "  - {id: monitoring, topic: main, options: [strong, none]}\n"
         "  - {id: d, topic: detail, detail: true, options: [d0, d1]}\n"
         "preferences:\n"
         "  a: {weights: {x: 1, monitoring: 1}, values: {x: [1, 1], monitoring: " +
         mon +
         "}}\n"
         "  b: {weights: {x: 1, monitoring: 1}, values: {x: [1, 1], monitoring: " +
         mon +
         "}}\n"
         "process:\n"
         "  horizon: 36\n"
         "  mediator_strategy: nash_seeking\n"
         "  groups:\n"
         "    - {id: main, topics: [main], members: [a, b, m]}\n"
         "    - {id: details, topics: [detail], members: [a, b, m]}\n"
         "dynamics:\n"
         "  ceasefire:\n"
         "    hazard: 0.2\n"
         "    factors: [{when: {monitoring: strong}, multiply: 0.25}]\n"
         "  leverage:\n"
         "    - {id: never, instrument: other, by: m, target: a,\n"
         "       when: {trust: {from: a, to: b, below: 0}}, effects: {opens: [details]}}\n";
}

TEST(Dynamics, StrongMonitoringMakesTheCeasefireBreakLessOften) {
  int collapses[2] = {0, 0};
  for (int strong = 0; strong < 2; ++strong) {
    const Scenario s = load(ceasefire_scenario(strong == 1));
    Engine e(s, 0);
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
      const RunResult r = e.run(seed);
      ASSERT_GE(r.framework_month, 0);
      EXPECT_EQ(r.final_month, -1);
      collapses[strong] += r.collapses;
      EXPECT_EQ(r.collapses, count(r, EventType::ceasefire_collapsed));
    }
  }
  // Expected collapses per ceasefire-month 0.2 vs 0.05; allow wide margins.
  EXPECT_GT(collapses[0], 2 * collapses[1]) << collapses[0] << " vs " << collapses[1];
  EXPECT_GT(collapses[1], 0);
}

TEST(Dynamics, ACollapseReturnsTheRunToNegotiationAndIsReported) {
  const Scenario s = load(ceasefire_scenario(false));
  Engine e(s, 0);
  bool seen = false;
  for (std::uint64_t seed = 1; seed <= 20 && !seen; ++seed) {
    const RunResult r = e.run(seed);
    const auto c = first(r, EventType::ceasefire_collapsed);
    if (c < 0) continue;
    seen = true;
    // Negotiation goes on: the framework is signed again later, with a new ceasefire.
    bool signed_again = false;
    for (std::size_t i = static_cast<std::size_t>(c) + 1; i < r.events.size(); ++i)
      signed_again = signed_again || r.events[i].type == EventType::framework_signed;
    EXPECT_TRUE(signed_again);
    // War months resume: after the collapse month at least one war month follows it.
    EXPECT_GT(r.war_months, r.framework_month + 1);
    EXPECT_TRUE(r.outcome == Outcome::framework_only || r.outcome == Outcome::ceasefire_collapsed);
    if (r.outcome == Outcome::ceasefire_collapsed) {
      EXPECT_GT(r.collapses, 0);
    }
  }
  EXPECT_TRUE(seen);
}

TEST(Dynamics, APartyBelowItsTrustFloorWalksOutAndComesBack) {
  const Scenario s = load(scenario(0.7, kNoTrustGain,
                                   "dynamics:\n"
                                   "  walkout: {floors: {a: 0.45}, months: 2}\n"
                                   "  leverage:\n"
                                   "    - {id: slight, instrument: status_recognition, by: m,\n"
                                   "       target: a, when: {from_month: 3},\n"
                                   "       effects: {trust: [{from: a, to: m, change: -0.1}]}}\n"));
  Engine e(s, 0);
  const RunResult r = e.run(1);
  ASSERT_EQ(count(r, EventType::walkout), 1);
  ASSERT_EQ(count(r, EventType::returned), 1);
  const Event& out = r.events[static_cast<std::size_t>(first(r, EventType::walkout))];
  const Event& back = r.events[static_cast<std::size_t>(first(r, EventType::returned))];
  EXPECT_EQ(out.month, 3);
  EXPECT_EQ(out.party, 0);
  EXPECT_EQ(back.month, 5);
  for (const Event& ev : r.events)  // no group meets while a is away, no leader channel either
    if (ev.type == EventType::meeting) {
      EXPECT_TRUE(ev.month < 3 || ev.month >= 5) << ev.month;
    }
  EXPECT_NEAR(e.trust(0, 2), 0.45, 1e-12);  // back at its floor
}

TEST(Dynamics, OptionDriftChangesUtilitiesMonthByMonth) {
  // b's value of s0 falls by 0.05 a month from month 2 to month 6 (then stays at −0.2).
  const Scenario s =
      load(scenario(0.9, kNoTrustGain,
                    "dynamics:\n  drift: [{party: b, issue: share, option: s0, per_month: -0.05, "
                    "from: 2, until: 6}]\n"));
  const RunResult r = Engine(s, 0).run(1);
  // No ZOPA (r = 0.9): the text stays at the default s0 unless both accept a change;
  // its utility for b at the end is 1 − 0.2 if it is still s0.
  ASSERT_EQ(r.package[0], 0);
  EXPECT_NEAR(r.utility[1], 0.8, 1e-12);
}

TEST(Dynamics, WelfareIsDiscountedAtSigning) {
  std::string y = with_annealing(scenario(0.3, kNoTrustGain, ""));
  const std::string from = "d: [0, 0]}}\n  b:";
  y.replace(y.find(from), from.size(), "d: [0, 0]}, discount: 0.9}\n  b:");
  const RunResult r = Engine(load(y), 0).run(1);
  ASSERT_GE(r.welfare_month, 0);
  EXPECT_NEAR(r.welfare[0], std::pow(0.9, r.welfare_month) * r.utility[0], 1e-12);
  EXPECT_NEAR(r.welfare[1], r.utility[1], 1e-12);
}

TEST(Dynamics, SameSeedSameRunWithEveryForceOn) {
  const Scenario s = load(ceasefire_scenario(false));
  Engine e1(s, 0), e2(s, 0);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunResult a = e1.run(seed), b = e2.run(seed);
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
      EXPECT_EQ(a.events[i].type, b.events[i].type);
      EXPECT_EQ(a.events[i].month, b.events[i].month);
      EXPECT_EQ(a.events[i].package, b.events[i].package);
    }
  }
}

}  // namespace
}  // namespace parley::engine

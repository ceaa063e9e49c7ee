// The negotiating process on small hand-built scenarios whose answer is known.
#include "engine/engine.hpp"
#include "strategies/strategy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <type_traits>

#include "load/scenario_yaml.hpp"
#include "report/run_out.hpp"
#include "support/random_scenario.hpp"

namespace parley::engine {
namespace {

Scenario load(const std::string& yaml) {
  return load::load_scenario_text(yaml, "test.yaml");
}

/// Two parties splitting 1 in n steps: a gets share i/n, b gets 1 - i/n.
std::string split(int n, const std::string& extra_a, const std::string& extra_b,
                  const std::string& process) {
  std::ostringstream y;
  y << "parley: 1\nname: split\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\n"
    << "issues:\n  - id: share\n    options: [";
  for (int i = 0; i <= n; ++i) y << (i ? ", " : "") << "s" << i;
  y << "]\n    default: s0\npreferences:\n  a:\n    weights: {share: 1}\n    values: {share: [";
  for (int i = 0; i <= n; ++i) y << (i ? ", " : "") << static_cast<double>(i) / n;
  y << "]}\n" << extra_a << "  b:\n    weights: {share: 1}\n    values: {share: [";
  for (int i = 0; i <= n; ++i) y << (i ? ", " : "") << 1 - static_cast<double>(i) / n;
  y << "]}\n" << extra_b << process;
  return y.str();
}

std::ptrdiff_t first(const RunResult& r, EventType t, int group = -2) {
  for (std::size_t i = 0; i < r.events.size(); ++i)
    if (r.events[i].type == t && (group == -2 || r.events[i].group == group))
      return static_cast<std::ptrdiff_t>(i);
  return -1;
}

TEST(Engine, NoZopaEverMeansNoAgreement) {
  const Scenario s = load(
      split(10, "    reservation: 0.7\n", "    reservation: 0.7\n",
            "process: {strategies: {a: conceder, b: conceder}, mediator_strategy: annealing}\n"));
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunResult r = Engine(s, 0).run(seed);
    EXPECT_EQ(r.outcome, Outcome::no_agreement);
    EXPECT_EQ(r.framework_month, -1);
    EXPECT_EQ(first(r, EventType::consensus), -1);
  }
}

TEST(Engine, NoFrameworkBeforeTheZopaOpens) {
  // r(t) = 0.7 - 0.05 t for both: a package acceptable to both exists from month 4.
  const Scenario s = load(split(10, "    reservation: 0.7\n", "    reservation: 0.7\n",
                                "process:\n  fatigue: {a: 0.05, b: 0.05}\n"
                                "  strategies: {a: conceder, b: conceder}\n"
                                "  mediator_strategy: annealing\n"));
  bool some = false;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RunResult r = Engine(s, 0).run(seed);
    if (r.framework_month < 0) continue;
    some = true;
    EXPECT_GE(r.framework_month, 4) << "seed " << seed;
    EXPECT_GE(r.utility[0], 0.7 - 0.05 * r.framework_month - 1e-9);
    EXPECT_GE(r.utility[1], 0.7 - 0.05 * r.framework_month - 1e-9);
  }
  EXPECT_TRUE(some) << "conceders should settle once the zone opens";
}

// Three issues both parties want changed: every single change is adopted.
const char* kCommon = R"(parley: 1
name: common
parties: [{id: a}, {id: b}, {id: m, role: mediator}]
issues:
  - {id: x, topic: t1, options: [x0, x1]}
  - {id: y, topic: t1, options: [y0, y1]}
  - {id: z, topic: t1, options: [z0, z1]}
preferences:
  a: {weights: {x: 1, y: 1, z: 1}, values: {x: [0, 1], y: [0, 1], z: [0, 1]}}
  b: {weights: {x: 1, y: 1, z: 1}, values: {x: [0, 1], y: [0, 1], z: [0, 1]}}
)";

TEST(Engine, RefusedPairMeetsInShuttleThenMerges) {
  const Scenario s =
      load(std::string(kCommon) +
           "process:\n  trust: {initial: 0.5, adopted: 0.05, meeting: 0, consensus: 0}\n"
           "  refusals: [{party: a, refuses: b, until: 0.6}]\n");
  const RunResult r = Engine(s, 0).run(3);
  const auto merge = first(r, EventType::merge);
  ASSERT_GE(merge, 0);
  // Before the merge every meeting is a shuttle between two sides, after it direct;
  // at least two changes were adopted first (trust 0.5 -> 0.6).
  int adopted_before = 0;
  for (std::ptrdiff_t i = 0; i < merge; ++i) {
    const Event& e = r.events[static_cast<std::size_t>(i)];
    if (e.type == EventType::meeting) {
      EXPECT_EQ(e.sides, 2);
    }
    if (e.type == EventType::adopted) ++adopted_before;
  }
  EXPECT_GE(adopted_before, 2);
  for (std::size_t i = static_cast<std::size_t>(merge); i < r.events.size(); ++i)
    if (r.events[i].type == EventType::meeting) {
      EXPECT_EQ(r.events[i].sides, 1);
    }
  EXPECT_EQ(r.outcome, Outcome::final_agreement);
}

TEST(Engine, AbsoluteRefusalNeverMerges) {
  const Scenario s = load(std::string(kCommon) +
                          "process:\n  trust: {adopted: 0.2}\n"
                          "  refusals: [{party: a, refuses: b, until: never}]\n");
  const RunResult r = Engine(s, 0).run(1);
  EXPECT_EQ(first(r, EventType::merge), -1);
  EXPECT_EQ(r.outcome, Outcome::final_agreement);  // shuttle still works, only slower
}

// x is a's issue, y is b's: each single change hurts one side, the trade helps both.
const char* kLogroll = R"(parley: 1
name: logroll across groups
parties: [{id: a}, {id: b}, {id: m, role: mediator}]
issues:
  - {id: x, topic: tx, options: [x0, x1]}
  - {id: y, topic: ty, options: [y0, y1]}
preferences:
  a: {reservation: 0.5, weights: {x: 0.7, y: 0.3}, values: {x: [0, 1], y: [1, 0]}}
  b: {reservation: 0.5, weights: {x: 0.3, y: 0.7}, values: {x: [1, 0], y: [0, 1]}}
process:
  escalate_after: 2
  levels: {official: 4, aide: 2, leader: 1}
  strategies: {a: conceder, b: conceder}
  groups:
    - {id: gx, topics: [tx], members: [a, b, m]}
    - {id: gy, topics: [ty], members: [a, b, m]}
  designs:
    - {id: multitrack, groups: [gx, gy], leader_channels: [a]}
    - {id: no_channel, groups: [gx, gy]}
)";

TEST(Engine, LogrollNeedsTheLeaderChannel) {
  const Scenario s = load(kLogroll);
  const RunResult r = Engine(s, 0).run(1);
  const auto deadlock = first(r, EventType::deadlock);
  const auto escalation = first(r, EventType::escalation);
  const auto trade = first(r, EventType::package_trade);
  const auto principle = first(r, EventType::principle_fixed);
  const auto fin = first(r, EventType::final_signed);
  ASSERT_GE(deadlock, 0);
  ASSERT_GE(trade, 0);
  EXPECT_LT(deadlock, escalation);
  EXPECT_LT(escalation, trade);
  EXPECT_EQ(principle, trade + 1);
  EXPECT_LT(trade, fin);
  EXPECT_EQ(r.outcome, Outcome::final_agreement);
  EXPECT_EQ(r.package, (std::vector<int>{1, 1}));
  EXPECT_EQ(first(r, EventType::adopted), -1);  // no single group could change anything

  // The same groups without a leader channel never find the trade within a group.
  const RunResult without = Engine(s, 1).run(1);
  EXPECT_EQ(first(without, EventType::package_trade), -1);
  EXPECT_NE(without.outcome, Outcome::final_agreement);
}

// The same logroll inside one group: nash_seeking learns from the rejected single
// changes that only the pair helps both, and proposes it.
TEST(Engine, NashSeekingFindsTheLogrollInsideOneGroup) {
  std::string yaml = kLogroll;
  const auto at = yaml.find("process:");
  yaml = yaml.substr(0, at) + R"(process:
  strategies: {a: hardliner, b: hardliner}
  mediator_strategy: MEDIATOR
  groups:
    - {id: both, topics: [tx, ty], members: [a, b, m]}
)";
  const auto with_mediator = [&](const std::string& m) {
    std::string y = yaml;
    y.replace(y.find("MEDIATOR"), 8, m);
    return load(y);
  };
  const Scenario s = with_mediator("nash_seeking");
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunResult r = Engine(s, 0).run(seed);
    ASSERT_GE(first(r, EventType::adopted), 0) << "seed " << seed;
    EXPECT_EQ(r.package, (std::vector<int>{1, 1})) << "seed " << seed;
    EXPECT_LT(first(r, EventType::rejected), first(r, EventType::adopted));  // learnt first
    const auto escalation = first(r, EventType::escalation);
    EXPECT_TRUE(escalation < 0 || first(r, EventType::adopted) < escalation);
  }
  // hill_climb proposes single changes below the leader level: nothing is adopted there.
  const Scenario singles = with_mediator("hill_climb");
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunResult r = Engine(singles, 0).run(seed);
    const auto escalation = first(r, EventType::escalation);
    ASSERT_GE(escalation, 0);
    const auto adopted = first(r, EventType::adopted);
    EXPECT_TRUE(adopted < 0 || adopted > escalation) << "seed " << seed;
  }
}

TEST(Engine, ConditionalGroupAgreesNothingBeforeItsCondition) {
  // g2's issue is agreed at once on its own; g1's split takes time; g2 waits.
  const std::string yaml = R"(parley: 1
name: conditional
parties: [{id: a}, {id: b}, {id: m, role: mediator}]
issues:
  - {id: share, topic: t1, options: [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10]}
  - {id: trade, topic: t2, options: [closed, open]}
preferences:
  a: {reservation: 0.3, weights: {share: 0.8, trade: 0.2}, values: {share: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], trade: [0, 1]}}
  b: {reservation: 0.3, weights: {share: 0.8, trade: 0.2}, values: {share: [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], trade: [0, 1]}}
process:
  strategies: {a: linear, b: linear}
  groups:
    - {id: g1, topics: [t1], members: [a, b, m]}
    - {id: g2, topics: [t2], members: [a, b, m], conditional_on: [g1], framework: false}
)";
  const Scenario s = load(yaml);
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RunResult r = Engine(s, 0).run(seed);
    const auto c1 = first(r, EventType::consensus, 0), c2 = first(r, EventType::consensus, 1);
    if (c2 >= 0) {
      ASSERT_GE(c1, 0);
      EXPECT_LT(c1, c2) << "seed " << seed;
      ++checked;
    }
    // g2 still met and adopted its change before g1 agreed (visible good faith).
    const auto adopted2 = first(r, EventType::adopted, 1);
    if (c1 >= 0 && adopted2 >= 0) {
      EXPECT_LT(adopted2, c1);
    }
  }
  EXPECT_GT(checked, 0);
}

double rubinstein_share(double d1, double d2, int steps) {
  const std::string yaml = split(
      steps, "    discount: " + std::to_string(d1) + "\n",
      "    discount: " + std::to_string(d2) + "\n",
      "process: {protocol: alternating_offers, horizon: 100, strategies: {a: spe, b: spe}}\n");
  const Scenario s = load(yaml);
  const RunResult r = Engine(s, 0).run(1);
  EXPECT_EQ(r.outcome, Outcome::final_agreement);
  EXPECT_EQ(r.rounds, 1);  // agreement on the first offer, as in the SPE
  return r.utility[0];
}

TEST(Engine, AlternatingOffersReproduceRubinstein) {
  // Rubinstein (1982): first mover's share (1 - d2) / (1 - d1 d2). The exact SPE of
  // the game on a grid of step h differs from it by at most h / (1 - d1 d2) (each
  // backward step rounds the responder's due up to the grid) and converges as h -> 0.
  for (auto [d1, d2] : {std::pair{0.9, 0.8}, std::pair{0.9, 0.9}}) {
    const double exact = (1 - d2) / (1 - d1 * d2);
    const double coarse = rubinstein_share(d1, d2, 100), fine = rubinstein_share(d1, d2, 1000);
    EXPECT_LE(std::abs(coarse - exact), 0.01 / (1 - d1 * d2));
    EXPECT_LE(std::abs(fine - exact), 0.001 / (1 - d1 * d2));
    EXPECT_LT(std::abs(fine - exact), std::abs(coarse - exact));
    EXPECT_NEAR(fine, exact, 0.005);
  }
  EXPECT_NEAR(rubinstein_share(0.9, 0.8, 1000), 0.7143, 0.005);
  EXPECT_NEAR(rubinstein_share(0.9, 0.9, 1000), 0.5263, 0.005);
}

TEST(Engine, AnOfferBindsItsProposerSoNoneIsBelowItsReservation) {
  // a cannot get more than 0.5 (its red line on the top shares) but its reservation is 0.8:
  // it has nothing it would sign. It used to offer its best (0.5) anyway, and b accepted.
  // An offer binds, so a passes; the subgame-perfect a never offers below waiting either.
  for (const char* type : {"linear", "boulware", "conceder", "spe"}) {
    const Scenario s = load(split(10,
                                  "    reservation: 0.8\n    red_lines:\n"
                                  "      - {when: {share: s6}}\n      - {when: {share: s7}}\n"
                                  "      - {when: {share: s8}}\n      - {when: {share: s9}}\n"
                                  "      - {when: {share: s10}}\n",
                                  "",
                                  std::string("process: {protocol: alternating_offers, horizon: "
                                              "10, strategies: {a: ") +
                                      type + ", b: " + type + "}}\n"));
    const RunResult r = Engine(s, 0).run(1);
    EXPECT_EQ(r.outcome, Outcome::no_agreement) << type << ": a signed " << r.utility[0];
  }
}

TEST(Engine, AlternatingOffersTimeDependentPartiesConcedeOverTime) {
  // A responder judges the offer against its aspiration, not against the default
  // package: the patient Boulware party ends with the larger share, and not at once.
  const Scenario s = load(split(100, "", "",
                                "process: {protocol: alternating_offers, horizon: 100, "
                                "strategies: {a: linear, b: boulware}}\n"));
  const RunResult r = Engine(s, 0).run(1);
  ASSERT_EQ(r.outcome, Outcome::final_agreement);
  EXPECT_GT(r.rounds, 10);
  EXPECT_GT(r.utility[1], r.utility[0]);
}

TEST(Engine, EveryTimeDependentStrategyTakesADeadline) {
  // docs/scenario-format.md lists `deadline` for all three; the loader must accept it.
  for (const char* type : {"linear", "boulware", "conceder"}) {
    const std::string process = std::string("process: {strategies: {a: {type: ") + type +
                                ", deadline: 10}, b: {type: " + type + ", deadline: 10}}}\n";
    const Scenario s = load(split(10, "    reservation: 0.5\n", "    reservation: 0.5\n", process));
    EXPECT_DOUBLE_EQ(s.process.strategies[0].param("deadline", 0), 10) << type;
  }
}

TEST(Engine, MediatedTextEndsInEveryMembersAcceptableSet) {
  int finals = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    testing::RandomSpec spec;
    spec.seed = seed;
    spec.parties = 2 + static_cast<int>(seed % 3);
    spec.issues = 4;
    spec.red_lines = static_cast<int>(seed % 2);
    std::string yaml = testing::random_scenario_yaml(spec);
    yaml += seed % 2 ? "process: {mediator_strategy: nash_seeking}\n"
                     : "process: {mediator_strategy: annealing}\n";
    const Scenario s = load(yaml);
    Engine e(s, 0);
    const RunResult r = e.run(seed);
    if (r.outcome != Outcome::final_agreement) continue;
    ++finals;
    for (std::size_t k = 0; k < r.utility.size(); ++k) {
      EXPECT_GE(r.utility[k], r.reservation[k] - 1e-9) << "seed " << seed;
      EXPECT_FALSE(e.model().crosses_red_line(k, r.package)) << "seed " << seed;
    }
  }
  EXPECT_GT(finals, 10);
}

TEST(Engine, ARedLineIsNeverTradedForAnother) {
  // The status quo x0 crosses a's red line; x2 is a's best option and also a red line
  // of a's. Leaving x0 for x1 is welcome; leaving it for x2 is refused however much a
  // gains, so the text never reaches x2 and the run can end in agreement at x1.
  const Scenario s = load(R"(parley: 1
name: two red lines
parties: [{id: a}, {id: b}, {id: m, role: mediator}]
issues:
  - {id: x, options: [x0, x1, x2], default: x0}
  - {id: y, options: [y0, y1], default: y0}
preferences:
  a:
    weights: {x: 0.9, y: 0.1}
    values: {x: [0, 0.2, 1], y: [0, 1]}
    red_lines: [{when: {x: x0}}, {when: {x: x2}}]
  b:
    weights: {x: 0.1, y: 0.9}
    values: {x: [0.5, 0.5, 0.5], y: [0, 1]}
process:
  horizon: 12
  strategies: {a: conceder, b: conceder}
  mediator_strategy: hill_climb
)");
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RunResult r = Engine(s, 0).run(seed);
    EXPECT_EQ(r.outcome, Outcome::final_agreement) << "seed " << seed;
    EXPECT_EQ(r.package[0], 1) << "seed " << seed;
  }
}

TEST(Engine, OracleMediatorReachesAParetoEfficientText) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    testing::RandomSpec spec;
    spec.seed = seed;
    spec.parties = 2 + static_cast<int>(seed % 2);
    spec.issues = 4;
    spec.red_lines = static_cast<int>(seed % 2);
    const Scenario s =
        load(testing::random_scenario_yaml(spec) + "process: {mediator_strategy: oracle}\n");
    Engine e(s, 0);
    const RunResult r = e.run(seed);
    const UtilityModel& m = e.model();
    const Space space = s.space();
    std::vector<int> x(s.issues.size());
    std::vector<double> u(m.parties());
    for (Index i = 0; i < space.size(); ++i) {
      space.decode(i, x);
      if (!m.acceptable_to_all(x)) continue;
      m.evaluate(x, u);
      bool ge = true, gt = false;
      for (std::size_t k = 0; k < u.size(); ++k) {
        ge = ge && u[k] >= r.utility[k] - 1e-12;
        gt = gt || u[k] > r.utility[k] + 1e-12;
      }
      EXPECT_FALSE(ge && gt) << "seed " << seed << ": package " << i << " dominates the text";
    }
  }
}

// --- confidentiality --------------------------------------------------------

static_assert(!std::is_default_constructible_v<PartyView>, "only the engine builds views");
static_assert(!std::is_copy_constructible_v<PartyView>, "a strategy cannot keep a view");
static_assert(!std::is_constructible_v<PartyView, const UtilityModel&, std::size_t>);

struct SpyLog {
  int observed = 0, views = 0;
  std::vector<double> reservations;
};
SpyLog spy_log;

class Spy final : public PartyStrategy {
 public:
  bool accept(const PartyView& v) override {
    ++spy_log.views;
    spy_log.reservations.push_back(v.reservation());
    return v.utility_proposed() >= v.utility_current();
  }
  void observe(std::span<const TableVote> votes) override {
    spy_log.observed += static_cast<int>(votes.size());
  }
};

TEST(Engine, PartiesSeeOnlyTheirOwnDataAndNoVotesInShuttle) {
  register_party_strategy({"spy", "test spy", {}, false},
                          [](const StrategyParams&) { return std::make_unique<Spy>(); });
  // a is the spy with reservation 0.25; b's reservation is 0.75 and must never reach a.
  std::string yaml = kCommon;
  yaml.replace(yaml.find("  a: {weights"), 6, "  a: {reservation: 0.25, ");
  yaml.replace(yaml.find("  b: {weights"), 6, "  b: {reservation: 0.75, ");
  spy_log = {};
  Engine(
      load(yaml +
           "process: {strategies: {a: spy}, refusals: [{party: a, refuses: b, until: never}]}\n"),
      0)
      .run(1);
  EXPECT_GT(spy_log.views, 0);
  EXPECT_EQ(spy_log.observed, 0) << "shuttle: no party sees another's vote";
  for (double r : spy_log.reservations) EXPECT_DOUBLE_EQ(r, 0.25);
  spy_log = {};
  Engine(load(yaml + "process: {strategies: {a: spy}}\n"), 0).run(1);
  EXPECT_GT(spy_log.observed, 0) << "direct format: votes at the table are visible";
}

TEST(Engine, SameSeedSameBytes) {
  const Scenario s = load::resolve_scenario("");
  for (std::size_t d = 0; d < s.process.designs.size(); ++d) {
    Engine a(s, d), b(s, d);
    const RunResult ra = a.run(7), rb = b.run(7);
    RunResult rc;
    a.run(7, rc);  // reusing an engine and a result changes nothing
    report::RunReport pa{&s, d, 7, &ra, std::vector<double>(ra.utility.size(), 0.5), {}};
    report::RunReport pb{&s, d, 7, &rb, pa.victory, {}};
    report::RunReport pc{&s, d, 7, &rc, pa.victory, {}};
    EXPECT_EQ(report::run_json(pa).dump(), report::run_json(pb).dump());
    EXPECT_EQ(report::run_json(pa).dump(), report::run_json(pc).dump());
  }
}

}  // namespace
}  // namespace parley::engine

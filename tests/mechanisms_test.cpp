// The mechanisms of the model, each on a scenario built for it: the effect it has, and the
// effect gone when it is switched off (docs/model.md, "Switching a mechanism off").
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/errors.hpp"
#include "engine/engine.hpp"
#include "load/scenario_yaml.hpp"
#include "support/split_scenario.hpp"

namespace parley::engine {
namespace {

Scenario load(const std::string& yaml) {
  return load::load_scenario_text(yaml, "mechanisms.yaml");
}

Without without(Mechanism m) {
  Without w;
  w.add(m);
  return w;
}

int count(const RunResult& r, EventType t) {
  int n = 0;
  for (const Event& e : r.events) n += e.type == t ? 1 : 0;
  return n;
}

/// r_k at the start of month t.
double reservation(const RunResult& r, std::size_t K, int t, std::size_t k) {
  return r.reservation_path[static_cast<std::size_t>(t) * K + k];
}

/// Party a bears 100 lives a month of war and 10 a month of ceasefire, and feels 1e-4 a life.
const char* kFeltCosts =
    "dynamics:\n"
    "  units: [{id: lives}]\n"
    "  costs:\n"
    "    a: {war: {lives: 100}, ceasefire: {lives: 10}, sensitivity: {lives: 0.0001}}\n";

TEST(Mechanisms, CostsThatAreFeltWearTheReservationDownAndStopWithTheSwitch) {
  const Scenario s = load(testing::scenario(0.5, "", kFeltCosts));
  Engine e(s, 0);
  const RunResult r = e.run(3);
  ASSERT_GE(r.months, 3);
  const int ceasefire = r.first_ceasefire_month < 0 ? r.months : r.first_ceasefire_month;
  for (int t = 1; t < r.months; ++t) {
    // The fatigue of month t−1 at that month's cost: 0.01 in war, 0.001 under a ceasefire.
    const double step = t - 1 < ceasefire ? 0.01 : 0.001;
    EXPECT_NEAR(reservation(r, 2, t - 1, 0) - reservation(r, 2, t, 0), step, 1e-12) << t;
    EXPECT_DOUBLE_EQ(reservation(r, 2, t, 1), 0.5) << "b feels nothing";
  }
  e.set_without(without(Mechanism::costs));
  const RunResult off = e.run(3);
  for (int t = 0; t < off.months; ++t) EXPECT_DOUBLE_EQ(reservation(off, 2, t, 0), 0.5) << t;
}

TEST(Mechanisms, BeliefsConvergeOnWhatTheWarDeliversAndStayPutWithoutLearning) {
  // a expects to gain 0.02 a month from fighting on; the war delivers nothing. Its prior is
  // worth 4 months: g(t) = 4·0.02 / (4 + t), and r rises by g(t) each month.
  const Scenario s = load(testing::scenario(
      0.3, "", "dynamics:\n  beliefs:\n    a: {expected: 0.02, actual: 0, weight: 4}\n"));
  Engine e(s, 0);
  const RunResult r = e.run(1);
  double want = 0.3;
  for (int t = 1; t < std::min(r.months, 12); ++t) {
    want += 0.08 / (4.0 + (t - 1));
    EXPECT_NEAR(reservation(r, 2, t, 0), want, 1e-12) << t;
  }
  e.set_without(without(Mechanism::learning));
  const RunResult off = e.run(1);
  for (int t = 1; t < std::min(off.months, 12); ++t)
    EXPECT_NEAR(reservation(off, 2, t, 0), std::min(1.0, 0.3 + 0.02 * t), 1e-12) << t;
}

TEST(Mechanisms, ThePressureClockConcedesWithCostsNotWithTheCalendar) {
  // Both insist on their best until the war's costs wear them down: with costs they meet at
  // the split; without them they never move, however long the horizon.
  const std::string dyn =
      "dynamics:\n"
      "  units: [{id: lives}]\n"
      "  costs:\n"
      "    a: {war: {lives: 100}, sensitivity: {lives: 0.0001}}\n"
      "    b: {war: {lives: 100}, sensitivity: {lives: 0.0001}}\n";
  std::string yaml = testing::scenario(0.2, "", dyn);
  yaml.replace(yaml.find("{a: conceder, b: conceder}"), 26,
               "{a: {type: linear, tolerance: 0.1}, b: {type: linear, tolerance: 0.1}}");
  const Scenario s = load(yaml);
  Engine e(s, 0);
  int signed_with = 0, signed_without = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    e.set_without({});
    signed_with += e.run(seed).framework_month >= 0;
    e.set_without(without(Mechanism::costs));
    signed_without += e.run(seed).framework_month >= 0;
  }
  EXPECT_GE(signed_with, 8);
  EXPECT_EQ(signed_without, 0);
}

/// The events of a run before month `m`, as (type, month, round, group, package).
std::vector<std::tuple<int, int, int, int, Index>> before(const RunResult& r, int m) {
  std::vector<std::tuple<int, int, int, int, Index>> out;
  for (const Event& e : r.events)
    if (e.month < m)
      out.emplace_back(static_cast<int>(e.type), e.month, e.round, e.group, e.package);
  return out;
}

TEST(Mechanisms, TheHorizonIsNotAClockOnAnyBuiltIn) {
  // Doubling the horizon changes nothing before the shorter one ends: run by run, event by
  // event (so P(framework by month m) for m below it is the same in any sweep).
  for (const char* name : {"ukraine-2025", "logroll", "split", "mekong-zh"}) {
    const Scenario s = load::resolve_scenario(name);
    Scenario longer = s;
    longer.process.horizon = 2 * s.process.horizon;
    for (std::size_t d = 0; d < s.process.designs.size(); ++d) {
      Engine a(s, d), b(longer, d);
      for (std::uint64_t seed = 1; seed <= 5; ++seed)
        EXPECT_EQ(before(a.run(seed), s.process.horizon), before(b.run(seed), s.process.horizon))
            << name << " design " << d << " seed " << seed;
    }
  }
}

/// The built-in scenario with the calendar clock (every party's `tolerance` dropped): its
/// parties concede with the months, as in earlier versions, so its text moves a lot.
Scenario calendar_clock() {
  Scenario s = load::resolve_scenario("ukraine-2025");
  for (StrategySpec& spec : s.process.strategies) spec.params.erase("tolerance");
  return s;
}

/// The share of adopted changes (trades included) that return the text to a package it has
/// held before in the run.
double revisit_share(const Scenario& s, Without w) {
  Engine e(s, 0);
  e.set_without(w);
  const Space space = s.space();
  int adopted = 0, revisits = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const RunResult r = e.run(seed);
    std::set<Index> held{space.encode(s.default_package())};
    for (const Event& ev : r.events)
      if (ev.type == EventType::adopted || ev.type == EventType::package_trade) {
        ++adopted;
        revisits += held.insert(ev.package).second ? 0 : 1;
      }
  }
  return static_cast<double>(revisits) / std::max(1, adopted);
}

/// A split scenario (testing::scenario) with an issue `side` (topic side) neither party cares
/// about, a detail issue or not, and `groups` added to its process groups.
std::string with_side(std::string yaml, bool detail, const std::string& groups) {
  yaml.replace(yaml.find("  - {id: d, topic: detail"), 0,
               std::string("  - {id: side, topic: side, ") + (detail ? "detail: true, " : "") +
                   "options: [x, y]}\n");
  for (int k = 0; k < 2; ++k) {  // both parties
    yaml.replace(yaml.find("d: 0}, values"), 5, "d: 0, side: 0}");
    yaml.replace(yaml.find("d: [0, 0]}}"), 11, "d: [0, 0], side: [0, 0]}}");
  }
  const std::string last = "    - {id: details, topics: [detail], members: [a, b, m]}\n";
  yaml.replace(yaml.find(last), last.size(), last + groups);
  return yaml;
}

TEST(Mechanisms, TheTextMovesForwardAndChurnsWithoutIt) {
  // The text can move but not settle: the main group waits for a war track that only a
  // leverage instrument that never fires would open, so every package above the parties'
  // falling aspirations is adopted and none is signed — the situation in which the text churned
  // (the built-in scenario's groups waited so for the normalisation offer).
  std::string yaml = with_side(
      testing::scenario(
          0.1, "",
          "dynamics:\n  leverage:\n    - {id: offer, instrument: other, by: m, target: a, when: "
          "{from_month: 999}, effects: {opens: [later]}}\n"),
      false, "    - {id: later, topics: [side], members: [a, b, m]}\n");
  const std::string main = "    - {id: main, topics: [main], members: [a, b, m]}\n";
  yaml.replace(yaml.find(main), main.size(),
               "    - {id: main, topics: [main], members: [a, b, m], conditional_on: [later]}\n");
  yaml.replace(yaml.find("nash_seeking"), 12, "hill_climb");
  const Scenario s = load(yaml);
  const double forward = revisit_share(s, {});
  const double churn = revisit_share(s, without(Mechanism::forward_text));
  EXPECT_LE(forward, 0.05);
  EXPECT_GE(churn, 0.15);
}

/// Events of `type` over seeds 1-10 of the built-in scenario's first design (calendar clock).
int events(Without w, EventType type) {
  static const Scenario s = calendar_clock();
  Engine e(s, 0);
  e.set_without(w);
  int n = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) n += count(e.run(seed), type);
  return n;
}

TEST(Mechanisms, EachSwitchRemovesWhatItNames) {
  const struct {
    Mechanism m;
    EventType type;
  } cases[] = {
      {Mechanism::leaks, EventType::leak},
      {Mechanism::leverage, EventType::leverage},
      {Mechanism::merge, EventType::merge},
      {Mechanism::leader_channel, EventType::package_trade},
      {Mechanism::principles, EventType::principle_fixed},
  };
  for (const auto& c : cases) {
    EXPECT_GT(events({}, c.type), 0) << to_string(c.m) << ": nothing to switch off";
    EXPECT_EQ(events(without(c.m), c.type), 0) << to_string(c.m);
  }
  // Without principles the channel still trades; it just locks nothing.
  EXPECT_GT(events(without(Mechanism::principles), EventType::package_trade), 0);
}

TEST(Mechanisms, ConditionalityHoldsAGroupBackUntilItsConditionsAgree) {
  // Group `side` (b and the mediator) owns an issue nobody cares about, and b endorses the
  // opening text: it agrees at once, unless it is conditional on the main group's consensus.
  const std::string yaml =
      with_side(testing::scenario(0.2, "", ""), false,
                "    - {id: side, topics: [side], members: [b, m], conditional_on: [main]}\n");
  const Scenario s = load(yaml);
  Engine e(s, 0);
  auto consensus_month = [&](Without w) {
    e.set_without(w);
    const RunResult r = e.run(2);
    for (const Event& ev : r.events)
      if (ev.type == EventType::consensus && e.group(ev.group).id == "side") return ev.month;
    return -1;
  };
  EXPECT_EQ(consensus_month(without(Mechanism::conditionality)), 0);
  EXPECT_GT(consensus_month({}), 0);
}

TEST(Mechanisms, TheWarEndsWithoutWaitingForTheNormalisationTracks) {
  // A normalisation track that never meets (a leverage instrument that never fires opens it):
  // the final text is signed all the same, and the track is reported open, a separate outcome.
  const std::string yaml = with_side(
      testing::scenario(
          0.2, "",
          "dynamics:\n  leverage:\n    - {id: offer, instrument: normalization_offer, by: m, "
          "target: a, when: {from_month: 999}, effects: {opens: [later]}}\n"),
      true, "    - {id: later, topics: [side], members: [a, b, m], track: normalisation}\n");
  const Scenario s = load(yaml);
  Engine e(s, 0);
  // The same scenario without the track: as many final texts, in the same runs.
  const Scenario without_track = load(testing::scenario(0.2, "", ""));
  Engine plain(without_track, 0);  // an engine keeps a reference to its scenario
  int finals = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RunResult r = e.run(seed);
    finals += r.outcome == Outcome::final_agreement;
    EXPECT_EQ(r.outcome == Outcome::final_agreement,
              plain.run(seed).outcome == Outcome::final_agreement)
        << seed;
    EXPECT_EQ(r.normalisation, 0) << seed;
  }
  EXPECT_GE(finals, 3);
  // A war track that never meets holds the final text back.
  std::string war = yaml;
  war.replace(war.find(", track: normalisation"), 22, "");
  const Scenario w = load(war);
  Engine ew(w, 0);
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RunResult r = ew.run(seed);
    EXPECT_NE(r.outcome, Outcome::final_agreement) << seed;
    EXPECT_EQ(r.normalisation, -1);
  }
}

TEST(Mechanisms, AStatedPositionYieldsAtItsAudienceCostAndNeverWithoutTheMechanism) {
  // b will never give a more than the even split (s3, s4: firm red lines); the even split s2
  // itself is a stated position of b, crossed at an audience cost of 0.05.
  // Both need 0.3: a gets 0.25 at s1, so the even split is the only deal there is.
  std::string yaml = testing::scenario(0.3, "", "");
  const std::string b_pref = "values: {share: [1, 0.75, 0.5, 0.25, 0], d: [0, 0]}}\n";
  yaml.replace(yaml.find(b_pref), b_pref.size(),
               "values: {share: [1, 0.75, 0.5, 0.25, 0], d: [0, 0]}, red_lines: ["
               "{when: {share: s3}}, {when: {share: s4}}, "
               "{when: {share: s2}, firm: false, audience_cost: 0.05}]}\n");
  yaml.replace(yaml.find("nash_seeking"), 12, "annealing");  // broad moves find the split
  const Scenario s = load(yaml);
  Engine e(s, 0);
  auto tally = [&](Without w, int& yielded, int& at_split) {
    e.set_without(w);
    yielded = at_split = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      const RunResult r = e.run(seed);
      for (const Event& ev : r.events)
        if (ev.type == EventType::position_yielded) {
          ++yielded;
          EXPECT_EQ(s.parties[static_cast<std::size_t>(ev.party)].id, "b");
          EXPECT_EQ(ev.option, 2);
        }
      at_split += r.outcome == Outcome::final_agreement && r.package[0] == 2;
    }
  };
  int yielded = 0, at_split = 0;
  tally({}, yielded, at_split);
  EXPECT_GT(yielded, 0);
  EXPECT_GT(at_split, 0);
  tally(without(Mechanism::positions), yielded, at_split);
  EXPECT_EQ(yielded, 0);
  EXPECT_EQ(at_split, 0);
}

TEST(Mechanisms, EqualEffortGivesEveryDesignTheSameBudgetOfProposals) {
  // Under their cadences the designs make very different numbers of proposals; with a budget
  // of 2 a month each makes at most 2 a month, and the single table uses all of it.
  const Scenario s = load::resolve_scenario("ukraine-2025");
  for (std::size_t d = 0; d < s.process.designs.size(); ++d) {
    Engine e(s, d);
    const RunResult free = e.run(1);
    e.set_effort_budget(2);
    const RunResult equal = e.run(1);
    const int proposals = count(equal, EventType::proposal);
    EXPECT_LE(proposals, 2 * equal.months) << s.process.designs[d].id;
    if (s.process.designs[d].id == "leader_only") {
      EXPECT_LT(count(free, EventType::proposal), equal.months);  // cadence 1: far fewer
      EXPECT_GE(proposals, 2 * equal.months - 2);
    }
  }
}

/// A logroll: a cares about x, b about y; each single move gives one side everything and the
/// other nothing (below its reservation 0.5), the trade (x1, y1) gives both 0.8. `process`
/// and `dynamics` are added to the scenario.
std::string logroll(const std::string& process) {
  return "parley: 1\nname: logroll\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\n"
         "issues:\n"
         "  - {id: x, topic: main, options: [x0, x1]}\n"
         "  - {id: y, topic: main, options: [y0, y1]}\n"
         "preferences:\n"
         "  a: {reservation: 0.5, weights: {x: 0.8, y: 0.2}, values: {x: [0, 1], y: [1, 0]}}\n"
         "  b: {reservation: 0.5, weights: {x: 0.2, y: 0.8}, values: {x: [1, 0], y: [0, 1]}}\n"
         "process:\n"
         "  horizon: 24\n"
         "  mediator_strategy: nash_seeking\n"
         "  strategies: {a: conceder, b: conceder}\n"
         "  groups:\n"
         "    - {id: main, topics: [main], members: [a, b, m]}\n" +
         process;
}

int finals(const Scenario& s, Without w) {
  Engine e(s, 0);
  e.set_without(w);
  int n = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed)
    n += e.run(seed).outcome == Outcome::final_agreement;
  return n;
}

TEST(Mechanisms, AShuttleCarriesOnePointAtATimeSoATradeNeedsADirectTable) {
  // a refuses to sit with b for good: the mediator shuttles, moving one issue a visit, and
  // every single move costs one side what it will not give. Together they trade at once.
  const std::string refusal =
      "  trust: {pairs: [{from: a, to: b, value: 0}]}\n"
      "  refusals: [{party: a, refuses: b, until: 1}]\n";
  const Scenario shuttle = load(logroll(refusal));
  const Scenario direct = load(logroll(""));
  EXPECT_EQ(finals(shuttle, {}), 0);
  EXPECT_EQ(finals(direct, {}), 10);
  // Without the mechanism the format reveals nothing: the shuttle trades as well.
  EXPECT_EQ(finals(shuttle, without(Mechanism::shuttle_information)), 10);
}

TEST(Mechanisms, AConcessionCostsItsAudienceCostInFrontOfTheAdversaryNotAloneWithTheMediator) {
  // The split with an audience cost of 0.1 each: at a direct table a conceder gives ground
  // later (a concession must clear its aspiration by 0.1); alone with a mediator it trusts
  // fully it concedes as if unseen.
  const std::string costs =
      "dynamics:\n  leaks: {probability: 0, audience_cost: {a: 0.1, b: 0.1}}\n";
  const std::string shuttle =
      "  trust: {pairs: [{from: a, to: b, value: 0}, {from: a, to: m, value: 1}, "
      "{from: b, to: m, value: 1}]}\n"
      "  refusals: [{party: a, refuses: b, until: 1}]\n";
  auto month = [&](const std::string& process, Without w) {
    std::string yaml = testing::scenario(0.2, "  escalate_after: 1000\n" + process, costs);
    yaml.replace(yaml.find("nash_seeking"), 12, "hill_climb");
    const Scenario s = load(yaml);
    Engine e(s, 0);
    e.set_without(w);
    return e.run(1).framework_month;
  };
  const Without off = without(Mechanism::shuttle_information);
  ASSERT_GE(month("", off), 0);
  EXPECT_GT(month("", {}), month("", off)) << "exposed at a direct table";
  ASSERT_GE(month(shuttle, off), 0);
  EXPECT_EQ(month(shuttle, {}), month(shuttle, off)) << "candid with the mediator";
}

TEST(Mechanisms, TheDetailsAreDraftedUnderTheCeasefireBeforeTheFinalText) {
  // The details group must hold 20 meetings (4 a month) on its one detail issue after the
  // framework: the final text comes four months later, with the ceasefire running meanwhile.
  std::string yaml = testing::scenario(0.2, "  escalate_after: 1000\n  drafting: 20\n", "");
  yaml.replace(yaml.find("nash_seeking"), 12, "hill_climb");
  const Scenario s = load(yaml);
  Engine e(s, 0);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    e.set_without({});
    const RunResult r = e.run(seed);
    ASSERT_GE(r.framework_month, 0) << seed;
    ASSERT_GE(r.final_month, 0) << seed;
    EXPECT_EQ(r.final_month - r.framework_month, 4) << seed;
    e.set_without(without(Mechanism::stages));
    const RunResult off = e.run(seed);
    EXPECT_EQ(off.framework_month, r.framework_month) << seed;
    EXPECT_EQ(off.final_month, off.framework_month) << seed;
  }
}

/// Two issues in two groups, a leader channel with a: single moves from (x0, y0) hurt a or b,
/// so both groups deadlock and a's leader trades x and y together. The one deal is (x2, y1).
std::string principles_scenario(const std::string& dynamics) {
  return std::string(
             "parley: 1\n"
             "name: principles\n"
             "parties: [{id: a}, {id: b}, {id: m, role: mediator}]\n"
             "issues:\n"
             "  - {id: x, topic: tx, options: [x0, x1, x2]}\n"
             "  - {id: y, topic: ty, options: [y0, y1]}\n"
             "preferences:\n"
             "  a: {reservation: 0.55, weights: {x: 0.5, y: 0.5}, values: {x: [0.5, 1, 1], y: "
             "[0.5, "
             "0.1]}}\n"
             "  b: {reservation: 0.6, weights: {x: 0.5, y: 0.5}, values: {x: [0.5, 0.1, 0.4], y: "
             "[0.5, "
             "1]}}\n"
             "process:\n"
             "  horizon: 24\n"
             "  mediator: m\n"
             "  mediator_strategy: hill_climb\n"
             "  escalate_after: 1\n"
             "  levels: {official: 4, aide: 4, leader: 4}\n"
             "  strategies: {a: {type: conceder, deadline: 12}, b: {type: conceder, deadline: "
             "12}}\n"
             "  groups:\n"
             "    - {id: gx, topics: [tx], members: [a, b, m]}\n"
             "    - {id: gy, topics: [ty], members: [a, b, m]}\n"
             "  designs:\n"
             "    - {id: channel, groups: [gx, gy], leader_channels: [a]}\n") +
         dynamics;
}

TEST(Mechanisms, APrincipleKeepsADealPossible) {
  // Single moves from (x0, y0) hurt a or b, so both groups deadlock and a's leader trades x and
  // y together. The one deal is (x2, y1); a trade to (x1, y1) pleases both but leaves none. The
  // leaders then hold x to x2, not to the traded x1 (which would freeze the text where no deal
  // is possible), and the groups move the text into it.
  const Scenario s = load(principles_scenario(""));
  Engine e(s, 0);
  int traded_into_dead_end = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    e.set_without({});
    const RunResult r = e.run(seed);
    int principles = 0;
    for (const Event& ev : r.events)
      if (ev.type == EventType::principle_fixed && ev.issue == 0) {
        ++principles;
        EXPECT_EQ(ev.package, 0b100u) << "x in {x2}, seed " << seed;
        traded_into_dead_end += ev.option == 1;
      }
    EXPECT_EQ(principles, 1) << seed;
    EXPECT_EQ(r.outcome, Outcome::final_agreement) << seed;
    EXPECT_EQ(r.package, (std::vector<int>{2, 1})) << seed;
    e.set_without(without(Mechanism::principles));
    EXPECT_EQ(count(e.run(seed), EventType::principle_fixed), 0) << seed;
  }
  EXPECT_GT(traded_into_dead_end, 0);
}

TEST(Mechanisms, LeverageFiresWhenTheTalksStallAndActsThroughWhatTheWarDelivers) {
  // Nobody can accept anything (both need 0.9): after three months without progress the
  // instrument fires; for two months the war delivers 0.05 less to a, which a learns as
  // evidence (prior worth 2 months): its reservation falls below the run without leverage.
  const std::string dyn =
      "dynamics:\n"
      "  beliefs:\n    a: {expected: 0, actual: 0, weight: 2}\n"
      "  leverage:\n"
      "    - {id: pause, instrument: intelligence_pause, by: m, target: a, "
      "when: {stalled: 3}, effects: {beliefs: {a: -0.05}}, months: 2}\n";
  const Scenario s = load(testing::scenario(0.9, "", dyn));
  Engine e(s, 0);
  const RunResult r = e.run(1);
  int fired = -1, last_progress = 0;
  for (const Event& ev : r.events) {
    if (ev.type == EventType::leverage && fired < 0) fired = ev.month;
    if (fired < 0 && (ev.type == EventType::adopted || ev.type == EventType::consensus))
      last_progress = ev.month;
  }
  ASSERT_GE(fired, 0);
  EXPECT_EQ(fired, last_progress + 3);
  e.set_without(without(Mechanism::leverage));
  const RunResult off = e.run(1);
  for (int t = 0; t < std::min(r.months, off.months); ++t) {
    // κ_a(u) rises by the evidence of months fired..u−1, 0.05·min(u − fired, 2) / (2 + u), and
    // r(t) has fallen by κ(u) for every u < t.
    double lower = 0;
    for (int u = fired + 1; u < t; ++u) lower += 0.05 * std::min(u - fired, 2) / (2.0 + u);
    EXPECT_NEAR(reservation(off, 2, t, 0) - reservation(r, 2, t, 0), lower, 1e-12) << t;
  }
}

TEST(Mechanisms, LeverageFiresOnALeakThatExposesItsParty) {
  const std::string dyn =
      "dynamics:\n"
      "  leaks: {probability: 1}\n"
      "  leverage:\n"
      "    - {id: reply, instrument: other, by: m, target: b, when: {leaked: b}, "
      "effects: {trust: [{from: b, to: m, change: -0.1}]}}\n";
  const Scenario s = load(testing::scenario(0.3, "", dyn));
  Engine e(s, 0);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunResult r = e.run(seed);
    int exposed = -1, fired = -1;
    for (const Event& ev : r.events) {
      if (ev.type == EventType::leak && ev.party == 1 && exposed < 0) exposed = ev.month;
      if (ev.type == EventType::leverage) fired = ev.month;
    }
    if (exposed < 0) {
      EXPECT_EQ(fired, -1) << seed;
    } else {
      EXPECT_EQ(fired, exposed + 1) << "at the next month's start, seed " << seed;
    }
  }
}

TEST(Mechanisms, LeverageFiresWhileARefusalHoldsAndNotOnceItLapses) {
  // a refuses to sit with b until trust(a, b) reaches 0.5; the first instrument fires at once
  // and raises that trust to 0.6 (the refusal lapses); the second, from month 2, never fires.
  const std::string process =
      "  trust: {pairs: [{from: a, to: b, value: 0}]}\n"
      "  refusals: [{party: a, refuses: b, until: 0.5}]\n";
  const std::string dyn =
      "dynamics:\n"
      "  leverage:\n"
      "    - {id: first, instrument: other, by: m, target: a, when: {refusing: a}, "
      "effects: {trust: [{from: a, to: b, change: 0.6}]}}\n"
      "    - {id: later, instrument: other, by: m, target: a, when: {refusing: a, from_month: "
      "2}}\n";
  const Scenario s = load(testing::scenario(0.5, process, dyn));
  Engine e(s, 0);
  const RunResult r = e.run(1);
  std::vector<std::pair<int, int>> fired;  // (month, instrument)
  for (const Event& ev : r.events)
    if (ev.type == EventType::leverage) fired.emplace_back(ev.month, ev.instrument);
  EXPECT_EQ(fired, (std::vector<std::pair<int, int>>{{0, 0}}));
}

TEST(Mechanisms, APrincipleThatLeavesNoDealIsRevised) {
  // As above, and in month 3 a's reservation rises by 0.1 and b's falls by 0.2: the one deal is
  // now (x2, y0), which the principle y in {y1} rules out. At the next leader meeting that
  // principle is revised to {y0} and the run signs (x2, y0).
  const Scenario s = load(principles_scenario(
      "dynamics:\n"
      "  leverage:\n"
      "    - {id: shift, instrument: other, by: m, target: a, when: {from_month: 3}, effects: "
      "{reservation: {a: 0.1, b: -0.2}}}\n"));
  Engine e(s, 0);
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const RunResult r = e.run(seed);
    int revised = 0;
    for (const Event& ev : r.events)
      if (ev.type == EventType::principle_revised) {
        ++revised;
        EXPECT_EQ(ev.issue, 1) << seed;
        EXPECT_EQ(ev.package, 0b01u) << "y in {y0}, seed " << seed;
        EXPECT_GE(ev.month, 3) << seed;
      }
    EXPECT_EQ(revised, 1) << seed;
    EXPECT_EQ(r.outcome, Outcome::final_agreement) << seed;
    EXPECT_EQ(r.package, (std::vector<int>{2, 0})) << seed;
  }
}

TEST(Mechanisms, SwitchesAreParsedByName) {
  const Without w = parse_without("leaks,merge+costs");
  EXPECT_TRUE(w.has(Mechanism::leaks) && w.has(Mechanism::merge) && w.has(Mechanism::costs));
  EXPECT_FALSE(w.has(Mechanism::learning));
  EXPECT_EQ(w.name(), "costs+leaks+merge");
  try {
    (void)parse_without("leaks,merg");
    FAIL() << "an unknown mechanism was accepted";
  } catch (const ValidationError& e) {
    EXPECT_NE(e.diagnostics()[0].message.find("did you mean 'merge'"), std::string::npos);
    EXPECT_EQ(e.diagnostics()[0].column, 7);
  }
}

}  // namespace
}  // namespace parley::engine

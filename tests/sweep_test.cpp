// Monte Carlo sweeps: distributions, counter-based seeds, thread-count
// independence, resume after an interruption, paired comparisons.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "core/errors.hpp"
#include "load/scenario_yaml.hpp"
#include "report/sweep_out.hpp"
#include "sim/store.hpp"
#include "sim/sweep.hpp"

namespace parley::sim {
namespace {

// A small scenario with uncertain reservations, fatigue, costs and leak probability.
const char* kYaml = R"(parley: 1
name: uncertain split
parties: [{id: a}, {id: b}, {id: m, role: mediator}]
issues:
  - {id: share, topic: main, options: [s0, s1, s2, s3, s4], default: s0}
  - {id: extra, topic: main, options: [e0, e1]}
preferences:
  a: {reservation: {uniform: [0.2, 0.5]}, weights: {share: 0.8, extra: 0.2},
      values: {share: [0, 0.25, 0.5, 0.75, 1], extra: [0, 1]}}
  b: {reservation: {triangular: [0.2, 0.3, 0.5]}, weights: {share: 0.8, extra: 0.2},
      values: {share: [1, 0.75, 0.5, 0.25, 0], extra: [0, 1]}}
process:
  horizon: 18
  mediator_strategy: annealing
  fatigue: {a: {normal: [0.01, 0.005, 0, 0.03]}, b: 0.01}
  groups:
    - {id: g, topics: [main], members: [a, b, m]}
  designs:
    - {id: one, groups: [g]}
    - {id: same, groups: [g]}
dynamics:
  units: [{id: lives}]
  costs: {a: {war: {lives: {beta: [2, 5, 50, 150]}}, ceasefire: {lives: 1}}}
  leaks: {probability: {uniform: [0, 0.02]}}
  leverage:
    - {id: push, instrument: sanctions, by: m, target: b, when: {from_month: 4},
       effects: {reservation: {b: -0.05}}}
)";

Scenario scenario() {
  return load::load_scenario_text(kYaml, "uncertain.yaml");
}

std::string bytes(const SweepResult& r) {
  std::string out;
  for (const auto& a : r.aggregates) out += a.to_json().dump();
  return out + r.paired.to_json().dump();
}

TEST(Statistics, TheMedianOfAHistogramAndItsOrderStatisticInterval) {
  // 1..9 once each: the median is 5; ranks ⌊4.5 − 2.94⌋ = 1 and ⌈4.5 + 2.94⌉ + 1 = 9.
  const std::uint64_t nine[10] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const Estimate m = median_ci(nine);
  EXPECT_EQ(m.value, 5);
  EXPECT_EQ(m.low, 1);  // rank ⌊4.5 − 2.94⌋ = 1
  EXPECT_EQ(m.high, 9);
  // 100 values at 2 and 100 at 6: the median is the mid-point of the 100th and 101st.
  const std::uint64_t split[7] = {0, 0, 100, 0, 0, 0, 100};
  const Estimate s = median_ci(split);
  EXPECT_EQ(s.value, 4);
  EXPECT_EQ(s.low, 2);   // rank ⌊100 − 9.8⌋ = 90
  EXPECT_EQ(s.high, 6);  // rank ⌈100 + 9.8⌉ + 1 = 111
  // 1000 values 0..999 once each: ranks 500 ∓ 31 -> values 468 and 531.
  std::vector<std::uint64_t> flat(1000, 1);
  const Estimate f = median_ci(flat);
  EXPECT_EQ(f.value, 499.5);
  EXPECT_EQ(f.low, 468);
  EXPECT_EQ(f.high, 531);
  EXPECT_EQ(median_ci(std::vector<std::uint64_t>(3, 0)).value, 0);
}

TEST(Sweep, UncertainFieldsAreReadWithTheirMeans) {
  const Scenario s = scenario();
  ASSERT_EQ(s.uncertain.size(), 5u);
  EXPECT_EQ(s.uncertain[0].path, "preferences.a.reservation");
  EXPECT_NEAR(s.preferences[0]->reservation, 0.35, 1e-12);
  EXPECT_NEAR(s.preferences[1]->reservation, (0.2 + 0.3 + 0.5) / 3, 1e-12);
  EXPECT_EQ(s.uncertain[4].path, "dynamics.leaks.probability");
  EXPECT_NEAR(s.dynamics.war_cost[0], 50 + 100 * 2.0 / 7.0, 1e-9);
}

TEST(Sweep, OneOrTwoThreadsGiveTheSameBytes) {
  const Scenario s = scenario();
  SweepOptions o;
  o.runs = 3 * kChunk + 17;  // several chunks and a partial one
  o.seed = 7;
  o.threads = 1;
  const SweepResult one = run_sweep(s, o);
  o.threads = 2;
  const SweepResult two = run_sweep(s, o);
  o.threads = 3;
  const SweepResult three = run_sweep(s, o);
  EXPECT_EQ(one.runs, o.runs);
  EXPECT_EQ(bytes(one), bytes(two));
  EXPECT_EQ(bytes(one), bytes(three));
  // And a different seed gives different aggregates (the test can fail).
  o.seed = 8;
  EXPECT_NE(bytes(one), bytes(run_sweep(s, o)));
}

TEST(Sweep, RunKIsTheSameWhateverRunsAlongside) {
  // The sums over runs [0, n) equal the sum of per-run values from chunked sweeps of
  // different sizes: run k depends only on (seed, k).
  const Scenario s = scenario();
  SweepOptions small;
  small.runs = 10;
  small.seed = 3;
  SweepOptions big = small;
  big.runs = kChunk + 5;
  std::vector<RunSummary> a, b;
  run_sweep(s, small,
            [&](const ChunkResult& c) { a.insert(a.end(), c.runs.begin(), c.runs.end()); });
  run_sweep(s, big, [&](const ChunkResult& c) { b.insert(b.end(), c.runs.begin(), c.runs.end()); });
  ASSERT_EQ(a.size(), 10u);
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].index, b[k].index);
    EXPECT_EQ(a[k].params, b[k].params);
    EXPECT_EQ(a[k].package, b[k].package);
    EXPECT_EQ(a[k].framework_month, b[k].framework_month);
  }
  // Parameters differ between runs.
  EXPECT_NE(a[0].params, a[1].params);
}

TEST(Sweep, AnInterruptedSweepResumesToTheSameAggregates) {
  const Scenario s = scenario();
  SweepOptions o;
  o.runs = 5 * kChunk;
  o.seed = 11;
  o.threads = 2;
  const SweepResult whole = run_sweep(s, o);
  const std::string path = testing::TempDir() + "parley_resume_test.db";
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  const StoreSignature sig{"inputs", "options", "version"};
  {
    Store store(path, sig, false);
    int written = 0;
    // Stop after two chunks, as a crash would (the third chunk is lost in flight).
    EXPECT_THROW(run_sweep(s, o,
                           [&](const ChunkResult& c) {
                             if (written == 2) throw std::runtime_error("killed");
                             store.write(s, o, c);
                             ++written;
                           }),
                 std::runtime_error);
  }
  Store store(path, sig, true);
  const auto done = store.load(s, o);
  ASSERT_EQ(done.size(), 2u);
  store.open_for_writing();
  const SweepResult resumed = run_sweep(
      s, o, [&](const ChunkResult& c) { store.write(s, o, c); }, done);
  EXPECT_EQ(resumed.runs, o.runs);
  EXPECT_EQ(bytes(whole), bytes(resumed));
  EXPECT_EQ(store.load(s, o).size(), 5u);
  // A store from another sweep is refused; a new sweep does not overwrite silently.
  EXPECT_THROW(Store(path, StoreSignature{"other inputs", "options", "version"}, true),
               parley::Error);
  EXPECT_THROW(Store(path, sig, false), parley::Error);
}

TEST(Sweep, ADesignComparedWithItselfDiffersByExactlyZero) {
  const Scenario s = scenario();
  SweepOptions o;
  o.runs = 300;
  o.designs = {0, 1};  // two designs with the same groups
  const SweepResult r = run_sweep(s, o);
  ASSERT_EQ(r.paired.n, 300u);
  const std::size_t M = r.paired.metrics.size();
  for (std::size_t j = 0; j < M; ++j) {
    EXPECT_EQ(r.paired.at(1, j).mean(), 0.0) << r.paired.metrics[j];
    EXPECT_EQ(r.paired.at(1, j).m2, 0.0) << r.paired.metrics[j];
  }
  EXPECT_EQ(r.aggregates[0].to_json(), r.aggregates[1].to_json());
}

/// Options comparing the policies "none" and "push" (the scenario's one instrument).
SweepOptions none_vs_push(const Scenario& s, std::uint64_t runs) {
  SweepOptions o;
  o.runs = runs;
  o.policies = {parse_policy(s, "none"), parse_policy(s, "push")};
  return o;
}

TEST(Sweep, PoliciesChangeWhichInstrumentsFire) {
  const Scenario s = scenario();
  const SweepResult r = run_sweep(s, none_vs_push(s, 200));
  EXPECT_EQ(r.aggregates[0].counter(4).mean(), 0.0);  // none: nothing fires
  EXPECT_GT(r.aggregates[1].counter(4).mean(), 0.0);
  EXPECT_THROW(parse_policy(s, "push+nothing"), ValidationError);
}

TEST(Sweep, FixingAParameterOverridesItsDraws) {
  const Scenario s = scenario();
  SweepOptions o;
  o.runs = 20;
  o.fixed = {{0, 0.45}};
  std::vector<RunSummary> runs;
  run_sweep(s, o,
            [&](const ChunkResult& c) { runs.insert(runs.end(), c.runs.begin(), c.runs.end()); });
  for (const auto& r : runs) EXPECT_EQ(r.params[0], 0.45);
}

// Sample mean and variance of each distribution against theory.
Distribution dist(Distribution::Kind kind, double a, double b, double lo, double hi) {
  Distribution d;
  d.kind = kind;
  d.a = a;
  d.b = b;
  d.lo = lo;
  d.hi = hi;
  return d;
}
using K = Distribution::Kind;

TEST(Distributions, SampleMomentsMatchTheory) {
  const std::vector<Distribution> ds{
      dist(K::uniform, 0, 0, 2, 5),      dist(K::normal, 0.1, 0.2, 0, 1),  // truncated on one side
      dist(K::triangular, 0.2, 0, 0, 1), dist(K::beta, 2, 5, 10, 20),
      dist(K::beta, 0.5, 0.5, 0, 1),  // shape below 1
  };
  for (std::size_t i = 0; i < ds.size(); ++i) {
    Rng rng(1234 + i);
    const int n = 200000;
    double sum = 0, sumsq = 0;
    for (int t = 0; t < n; ++t) {
      const double x = ds[i].sample(rng);
      ASSERT_GE(x, ds[i].lo);
      ASSERT_LE(x, ds[i].hi);
      sum += x;
      sumsq += x * x;
    }
    const double mean = sum / n, var = sumsq / n - mean * mean;
    const double sd = std::sqrt(ds[i].variance());
    EXPECT_NEAR(mean, ds[i].mean(), 5 * sd / std::sqrt(n)) << ds[i].describe();
    EXPECT_NEAR(var, ds[i].variance(), 0.02 * ds[i].variance()) << ds[i].describe();
  }
  // Known values: a normal truncated to [0, ∞) around 0 has mean sd·√(2/π).
  const Distribution half = dist(K::normal, 0, 1, 0, 50);
  EXPECT_NEAR(half.mean(), std::sqrt(2 / M_PI), 1e-9);
  EXPECT_NEAR(half.variance(), 1 - 2 / M_PI, 1e-9);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-9);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-6);
}

TEST(Distributions, QuantileInvertsTheCdfExactly) {
  // I_x(a, a) = 1/2 at x = 1/2; I_0.2(2, 5) = P(Bin(6, 0.2) >= 2) = 0.34464.
  EXPECT_NEAR(incomplete_beta(3.5, 3.5, 0.5), 0.5, 1e-14);
  EXPECT_NEAR(incomplete_beta(2, 5, 0.2), 0.34464, 1e-12);
  EXPECT_NEAR(incomplete_beta(0.5, 0.5, 0.25), 1.0 / 3.0, 1e-12);  // arcsine: (2/π)·asin(√x)
  const Distribution beta = dist(K::beta, 2, 5, 10, 20);
  EXPECT_NEAR(beta.quantile(0.34464), 12.0, 1e-9);
  const std::vector<Distribution> ds{dist(K::uniform, 0, 0, -1, 3), dist(K::normal, 0.1, 0.2, 0, 1),
                                     dist(K::triangular, 0.2, 0, 0, 1), beta};
  for (const auto& d : ds)
    for (double p : {0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999})
      EXPECT_NEAR(d.cdf(d.quantile(p)), p, 1e-9) << d.describe() << " p=" << p;
}

TEST(Sweep, LinkedFieldsShareOneDrawPerRun) {
  // b's reservation and a's fatigue share a draw; a's reservation has its own.
  std::string y = kYaml;
  const auto swap = [&](const std::string& from, const std::string& to) {
    y.replace(y.find(from), from.size(), to);
  };
  swap("reservation: {triangular: [0.2, 0.3, 0.5]}",
       "reservation: {triangular: [0.2, 0.3, 0.5], draw: pace}");
  swap("fatigue: {a: {normal: [0.01, 0.005, 0, 0.03]}, b: 0.01}",
       "fatigue: {a: {normal: [0.01, 0.005, 0, 0.03], draw: pace}, b: 0.01}");
  swap("probability: {uniform: [0, 0.02]}", "probability: {uniform: [0, 0.02], draw: -pace}");
  const Scenario s = load::load_scenario_text(y, "linked.yaml");
  ASSERT_EQ(s.uncertain[1].draw, "pace");
  ASSERT_EQ(s.uncertain[2].draw, "pace");
  EXPECT_TRUE(s.uncertain[4].reversed);
  EXPECT_EQ(s.uncertain[4].draw, "pace");
  EXPECT_EQ(draw_groups(s), (std::vector<int>{-1, 0, 0, -1, 0}));
  SweepOptions o;
  o.runs = 300;
  std::vector<RunSummary> runs;
  run_sweep(s, o,
            [&](const ChunkResult& c) { runs.insert(runs.end(), c.runs.begin(), c.runs.end()); });
  ASSERT_EQ(runs.size(), 300u);
  double unequal = 0;
  for (const auto& r : runs) {
    const double p1 = s.uncertain[1].dist.cdf(r.params[1]),
                 p2 = s.uncertain[2].dist.cdf(r.params[2]);
    EXPECT_NEAR(p1, p2, 1e-9);                                        // the same quantile of each
    EXPECT_NEAR(s.uncertain[4].dist.cdf(r.params[4]), 1 - p1, 1e-9);  // -pace: the opposite one
    unequal += std::abs(s.uncertain[0].dist.cdf(r.params[0]) - p1);
  }
  EXPECT_GT(unequal / 300, 0.1);  // an unlinked field is not dragged along
}

TEST(Distributions, InvalidDistributionsAreReportedWithTheirPlace) {
  auto error_of = [](const std::string& field) {
    std::string y = kYaml;
    const std::string from = "{uniform: [0.2, 0.5]}";
    y.replace(y.find(from), from.size(), field);
    try {
      load::load_scenario_text(y, "u.yaml");
    } catch (const ValidationError& e) {
      return e.diagnostics().front().format();
    }
    return std::string();
  };
  EXPECT_NE(error_of("{uniform: [0.5, 0.2]}").find("needs lo < hi"), std::string::npos);
  EXPECT_NE(error_of("{uniform: [0.2, 1.5]}").find("reaches outside [0, 1]"), std::string::npos);
  EXPECT_NE(error_of("{normal: [0.2, -1]}").find("sd > 0"), std::string::npos);
  EXPECT_NE(error_of("{gamma: [1, 2]}").find("unknown distribution 'gamma'"), std::string::npos);
  EXPECT_NE(error_of("{triangular: [0.1, 0.9, 0.5]}").find("lo <= mode <= hi"), std::string::npos);
  EXPECT_EQ(error_of("{uniform: [0.2, 0.5]}"), "");
  EXPECT_NE(error_of("{uniform: [0.5, 0.2]}").find("u.yaml:8:30"), std::string::npos);
  EXPECT_NE(error_of("{uniform: [0.2, 0.5], draw: [x]}").find("'draw' must be a name"),
            std::string::npos);
  EXPECT_NE(error_of("{uniform: [0.2, 0.5], drew: x}").find("optionally 'draw'"),
            std::string::npos);
  EXPECT_EQ(error_of("{uniform: [0.2, 0.5], draw: x}"), "");
  // A field that cannot be uncertain says so.
  std::string y = kYaml;
  y.replace(y.find("horizon: 18"), 11, "escalate_after: {uniform: [1, 3]}");
  try {
    load::load_scenario_text(y, "u.yaml");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(e.diagnostics().front().format().find("escalate_after"), std::string::npos);
  }
}

}  // namespace
}  // namespace parley::sim

TEST(SweepOutput, AmountsAreReadableWithoutExponentsExceptWhenTiny) {
  EXPECT_EQ(parley::report::amount(95080.4), "95080");
  EXPECT_EQ(parley::report::amount(95080.4, true), "+95080");
  EXPECT_EQ(parley::report::amount(-35.36, true), "-35.4");
  EXPECT_EQ(parley::report::amount(-0.008684, true), "-0.00868");
  EXPECT_EQ(parley::report::amount(0.5905), "0.591");
  EXPECT_EQ(parley::report::amount(0.0, true), "0");
  EXPECT_EQ(parley::report::amount(3e-6, true), "+3.0e-06");
}

namespace parley::sim {
namespace {

TEST(Sweep, WithoutAgreementTheOutcomeIsWorthTheReservationAndNobodyWins) {
  // Reservations above anything both can get (at most 0.6 each): no ZOPA, no fatigue.
  std::string y = kYaml;
  auto swap = [&](const std::string& from, const std::string& to) {
    const auto at = y.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    y.replace(at, from.size(), to);
  };
  swap("reservation: {uniform: [0.2, 0.5]}", "reservation: {uniform: [0.8, 0.9]}");
  swap("reservation: {triangular: [0.2, 0.3, 0.5]}", "reservation: 0.8");
  swap("fatigue: {a: {normal: [0.01, 0.005, 0, 0.03]}, b: 0.01}", "fatigue: {a: 0, b: 0}");
  swap("effects: {reservation: {b: -0.05}}", "effects: {trust: [{from: b, to: m, change: 0}]}");
  const Scenario s = load::load_scenario_text(y, "no-zopa.yaml");
  SweepOptions o;
  o.runs = 300;
  std::vector<RunSummary> runs;
  const SweepResult r = run_sweep(
      s, o, [&](const ChunkResult& c) { runs.insert(runs.end(), c.runs.begin(), c.runs.end()); });
  const Aggregate& a = r.aggregates[0];
  EXPECT_EQ(a.signed_runs(), 0u);
  double params_sum = 0;
  for (const auto& run : runs) {
    EXPECT_DOUBLE_EQ(run.utility[0], run.params[0]);  // a's outcome: its own r, drawn
    EXPECT_DOUBLE_EQ(run.utility[1], 0.8);
    params_sum += run.params[0];
  }
  EXPECT_NEAR(a.utility(0).sum, params_sum, 1e-9);
  EXPECT_EQ(a.victory(0), 0u);
  EXPECT_EQ(a.victory(1), 0u);
}

}  // namespace
}  // namespace parley::sim

namespace parley::sim {
namespace {

TEST(Sweep, PairedDifferencesAgreeWithTheVariantsOwnCounts) {
  const Scenario s = scenario();
  const SweepOptions o = none_vs_push(s, 600);
  const SweepResult r = run_sweep(s, o);
  const Paired& pr = r.paired;
  auto at = [&](const std::string& name) {
    const auto it = std::find(pr.metrics.begin(), pr.metrics.end(), name);
    EXPECT_NE(it, pr.metrics.end()) << name;
    return pr.at(1, static_cast<std::size_t>(it - pr.metrics.begin())).sum;
  };
  const Aggregate &a0 = r.aggregates[0], &a1 = r.aggregates[1];
  auto diff = [](std::uint64_t x, std::uint64_t y) {
    return static_cast<double>(x) - static_cast<double>(y);
  };
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    for (std::size_t opt = 0; opt < s.issues[i].options.size(); ++opt)
      EXPECT_EQ(at("terms." + s.issues[i].id + "." + s.issues[i].options[opt].id),
                diff(a1.option_count(i, static_cast<int>(opt)),
                     a0.option_count(i, static_cast<int>(opt))));
  EXPECT_EQ(at("victory.a"), diff(a1.victory(0), a0.victory(0)));
  EXPECT_EQ(at("framework_by.11"), diff(a1.framework_by(11), a0.framework_by(11)));
  EXPECT_EQ(at("framework_signed"), diff(a1.signed_runs(), a0.signed_runs()));
  // The instrument moves b's reservation, so the signed shares differ somewhere.
  double moved = 0;
  for (const char* opt : {"s0", "s1", "s2", "s3", "s4"})
    moved += std::abs(at(std::string("terms.share.") + opt));
  EXPECT_GT(moved, 0);
  // The CSV carries the paired differences, one row per metric for each later variant.
  const std::string csv = report::sweep_csv({&s, &o, &r});
  EXPECT_NE(csv.find("\npaired.terms.share.s0,push,"), std::string::npos);
  EXPECT_NE(csv.find("\npaired.victory.b,push,"), std::string::npos);
  EXPECT_EQ(csv.find(",none,", csv.find("\npaired.")), std::string::npos);
}

}  // namespace
}  // namespace parley::sim

namespace parley::sim {
namespace {

TEST(Sweep, EveryUncertainFieldDeclaresWhatItAffects) {
  // The loader binds each drawn field with what it moves; nothing matches path strings.
  const Scenario s = load::resolve_scenario("ukraine-2025");
  int trajectory = 0, analysis = 0;
  for (const Uncertain& u : s.uncertain) {
    const bool reservation = u.path.ends_with(".reservation");
    // Costs move the trajectory through a party's sensitivity (every party with an uncertain
    // cost has one in the built-in scenario), beliefs through the expected gain.
    const bool moves = reservation || u.path.starts_with("process.fatigue.") ||
                       u.path.starts_with("dynamics.drift.") ||
                       u.path.starts_with("dynamics.costs.") ||
                       u.path.starts_with("dynamics.beliefs.");
    EXPECT_EQ((u.affects & kTrajectory) != 0, moves) << u.path;
    EXPECT_EQ((u.affects & kAnalysis) != 0, reservation) << u.path;
    trajectory += (u.affects & kTrajectory) != 0;
    analysis += (u.affects & kAnalysis) != 0;
  }
  EXPECT_EQ(analysis, 4);     // the four reservations
  EXPECT_GE(trajectory, 14);  // and fatigue, costs, sensitivities, beliefs, six drift rows
}

}  // namespace
}  // namespace parley::sim

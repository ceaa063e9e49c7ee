// The analysis layer against brute force and textbook oracles.
#include "analysis/analyze.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "analysis/blocks.hpp"
#include "analysis/pareto.hpp"
#include "analysis/solutions.hpp"
#include "analysis/zopa.hpp"
#include "core/utility.hpp"
#include "load/scenario_yaml.hpp"
#include "support/random_scenario.hpp"

namespace parley::analysis {
namespace {

using Vec = std::vector<double>;

struct Group {
  std::uint64_t count = 0;
  Index rep = 0;
};

/// Every package's utility vector, by brute force with the reference evaluator.
struct Brute {
  std::vector<Vec> u;
  std::vector<bool> feasible;  // crosses no red line
  std::vector<bool> rational;  // feasible and >= every reservation
  Vec reservation;

  explicit Brute(const Scenario& s) {
    const UtilityModel m(s);
    const Space space = s.space();
    std::vector<int> x(s.issues.size());
    for (std::size_t k = 0; k < m.parties(); ++k) reservation.push_back(m.reservation(k));
    for (Index i = 0; i < space.size(); ++i) {
      space.decode(i, x);
      Vec v(m.parties());
      bool red = false, ok = true;
      for (std::size_t k = 0; k < m.parties(); ++k) {
        v[k] = m.utility(k, x);
        red = red || m.crosses_red_line(k, x);
        ok = ok && meets(v[k], reservation[k]);
      }
      u.push_back(v);
      feasible.push_back(!red);
      rational.push_back(!red && ok);
    }
  }

  /// Pareto frontier (all-pairs) among packages where `in` holds: vector -> (count, smallest
  /// index).
  [[nodiscard]] std::map<Vec, Group> frontier(const std::vector<bool>& in) const {
    std::map<Vec, Group> out;
    for (std::size_t i = 0; i < u.size(); ++i) {
      if (!in[i]) continue;
      bool dominated = false;
      for (std::size_t j = 0; j < u.size() && !dominated; ++j)
        dominated = in[j] && dominates(u[j].data(), u[i].data(), u[i].size());
      if (dominated) continue;
      auto& g = out[u[i]];
      if (g.count++ == 0) g.rep = i;
    }
    return out;
  }
};

std::map<Vec, Group> as_map(const PointSet& ps) {
  std::map<Vec, Group> out;
  for (std::size_t i = 0; i < ps.size(); ++i)
    out[Vec(ps.at(i), ps.at(i) + ps.dims)] = Group{ps.count[i], ps.rep[i]};
  return out;
}

void expect_same(const std::map<Vec, Group>& got, const std::map<Vec, Group>& want,
                 const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  auto g = got.begin();
  for (auto w = want.begin(); w != want.end(); ++w, ++g) {
    ASSERT_EQ(g->first, w->first) << what;
    EXPECT_EQ(g->second.count, w->second.count) << what;
    EXPECT_EQ(g->second.rep, w->second.rep) << what;
  }
}

std::vector<bool> all_true(std::size_t n) {
  return std::vector<bool>(n, true);
}

class FrontierProperty : public ::testing::TestWithParam<int> {};

// 2..5 parties; plain additive, with interactions, with red lines, with both.
TEST_P(FrontierProperty, EqualsBruteForce) {
  const int seed = GetParam();
  testing::RandomSpec spec;
  spec.seed = static_cast<std::uint64_t>(seed);
  spec.parties = 2 + seed % 4;
  spec.issues = 2 + (seed / 4) % 4;
  spec.interactions = (seed / 16) % 2 ? 2 : 0;
  spec.red_lines = (seed / 32) % 2 ? 1 : 0;
  const std::string yaml = testing::random_scenario_yaml(spec);
  SCOPED_TRACE(yaml);
  const Scenario s = load::load_scenario_text(yaml, "random.yaml");
  const Brute brute(s);
  AnalysisResult r = analyze(s);

  expect_same(as_map(r.frontier_all.points), brute.frontier(all_true(brute.u.size())), "all");
  expect_same(as_map(r.frontier_feasible.points), brute.frontier(brute.feasible), "feasible");
  EXPECT_TRUE(r.frontier_all.exact);

  const auto rational = brute.frontier(brute.rational);
  expect_same(as_map(r.zopa_frontier), rational, "zopa frontier");
  ASSERT_TRUE(r.zopa.exact);
  EXPECT_EQ(r.zopa.count, static_cast<std::uint64_t>(
                              std::count(brute.rational.begin(), brute.rational.end(), true)));

  // Solutions: the maximised quantities equal brute-force maxima over every package of the basis.
  if (r.basis != AnalysisResult::Basis::zopa) return;
  double nash = -1, egal = -INFINITY, util = -INFINITY, ks = -INFINITY;
  Vec ideal(brute.reservation.size(), -INFINITY);
  for (std::size_t i = 0; i < brute.u.size(); ++i)
    if (brute.rational[i])
      for (std::size_t k = 0; k < ideal.size(); ++k) ideal[k] = std::max(ideal[k], brute.u[i][k]);
  for (std::size_t i = 0; i < brute.u.size(); ++i) {
    if (!brute.rational[i]) continue;
    const Vec& v = brute.u[i];
    nash = std::max(nash, nash_product(v.data(), brute.reservation));
    double m = INFINITY, mk = INFINITY, sum = 0;
    for (std::size_t k = 0; k < v.size(); ++k) {
      m = std::min(m, v[k] - brute.reservation[k]);
      const double span = ideal[k] - brute.reservation[k];
      mk = std::min(mk, span > 0 ? (v[k] - brute.reservation[k]) / span : 1.0);
      sum += v[k];
    }
    egal = std::max(egal, m);
    ks = std::max(ks, mk);
    util = std::max(util, sum);
  }
  ASSERT_EQ(r.solutions.size(), 4u);
  EXPECT_NEAR(r.solutions[0].score, nash, 1e-12);
  EXPECT_NEAR(r.solutions[1].score, ks, 1e-12);
  EXPECT_NEAR(r.solutions[2].score, egal, 1e-12);
  EXPECT_NEAR(r.solutions[3].score, util, 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Seeds, FrontierProperty, ::testing::Range(1, 129));

TEST(FrontierProperty, RealValuedMatchesWithinTolerance) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    testing::RandomSpec spec;
    spec.seed = seed;
    spec.dyadic = false;
    spec.parties = 3;
    spec.issues = 5;
    spec.interactions = seed % 2 ? 2 : 0;
    const Scenario s = load::load_scenario_text(testing::random_scenario_yaml(spec), "real.yaml");
    const Brute brute(s);
    const auto want = brute.frontier(all_true(brute.u.size()));
    const AnalysisResult r = analyze(s);
    const auto got = as_map(r.frontier_all.points);
    ASSERT_EQ(got.size(), want.size()) << "seed " << seed;
    auto g = got.begin();
    for (auto w = want.begin(); w != want.end(); ++w, ++g)
      for (std::size_t k = 0; k < w->first.size(); ++k)
        EXPECT_NEAR(g->first[k], w->first[k], 1e-12) << "seed " << seed;
  }
}

TEST(Skyline, MergesEqualVectorsAndDropsWeaklyDominated) {
  PointSet ps;
  ps.dims = 2;
  const double pts[][2] = {{1, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.4}, {0, 1}, {1, 0}, {0.2, 0.2}};
  for (std::size_t i = 0; i < std::size(pts); ++i) ps.push(pts[i], 1, 10 + i);
  skyline(ps);
  const auto m = as_map(ps);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m.at(Vec{0.5, 0.5}).count, 2u);
  EXPECT_EQ(m.at(Vec{0.5, 0.5}).rep, 11u);
  EXPECT_EQ(m.at(Vec{1, 0}).count, 2u);
  EXPECT_EQ(m.at(Vec{1, 0}).rep, 10u);
  EXPECT_FALSE(m.count(Vec{0.5, 0.4}));
}

TEST(Frontier, ApproximationHonoursItsErrorBound) {
  testing::RandomSpec spec;
  spec.seed = 7;
  spec.dyadic = false;
  spec.parties = 3;
  spec.issues = 7;
  spec.min_options = 3;
  const Scenario s = load::load_scenario_text(testing::random_scenario_yaml(spec), "approx.yaml");
  const Brute brute(s);
  const auto exact = brute.frontier(all_true(brute.u.size()));
  AnalysisOptions o;
  o.frontier.max_points = 20;
  o.frontier.epsilon = 0.05;
  const AnalysisResult r = analyze(s, {}, o);
  ASSERT_FALSE(r.frontier_all.exact);
  EXPECT_GT(r.frontier_all.error_bound, 0);
  EXPECT_LT(r.frontier_all.points.size(), exact.size());
  for (const auto& [v, g] : exact) {
    bool covered = false;
    for (std::size_t i = 0; i < r.frontier_all.points.size() && !covered; ++i) {
      covered = true;
      for (std::size_t k = 0; k < v.size(); ++k)
        covered =
            covered && r.frontier_all.points.at(i)[k] >= v[k] - r.frontier_all.error_bound - 1e-12;
    }
    EXPECT_TRUE(covered);
  }
}

TEST(Zopa, SampledEstimateBracketsTheExactCount) {
  testing::RandomSpec spec;
  spec.seed = 11;
  spec.parties = 3;
  spec.issues = 8;
  spec.red_lines = 1;
  const Scenario s = load::load_scenario_text(testing::random_scenario_yaml(spec), "zopa.yaml");
  const UtilityModel m(s);
  const auto blocks = make_blocks(s, m);
  Vec r;
  for (std::size_t k = 0; k < m.parties(); ++k) r.push_back(m.reservation(k));
  const ZopaCount exact = count_zopa(blocks, r);
  ASSERT_TRUE(exact.exact);
  const Brute brute(s);
  EXPECT_EQ(exact.count, static_cast<std::uint64_t>(
                             std::count(brute.rational.begin(), brute.rational.end(), true)));
  const ZopaCount est = count_zopa(blocks, r, /*node_budget=*/5, /*samples=*/200'000);
  ASSERT_FALSE(est.exact);
  EXPECT_LE(est.low, static_cast<double>(exact.count));
  EXPECT_GE(est.high, static_cast<double>(exact.count));
}

TEST(Zopa, WilsonIntervalKnownValues) {
  // Wilson (1927): 8 of 10 at 95% -> [0.4902, 0.9433].
  auto [lo, hi] = wilson(8, 10);
  EXPECT_NEAR(lo, 0.4902, 1e-4);
  EXPECT_NEAR(hi, 0.9433, 1e-4);
  // 0 of 10000 and 10000 of 10000: [0, 3.84e-4] and [1 - 3.84e-4, 1], ends exact.
  auto [lo0, hi0] = wilson(0, 10000);
  EXPECT_EQ(lo0, 0.0);
  EXPECT_NEAR(hi0, 3.8400e-4, 1e-7);
  auto [lo1, hi1] = wilson(10000, 10000);
  EXPECT_NEAR(lo1, 1 - 3.8400e-4, 1e-7);
  EXPECT_EQ(hi1, 1.0);
}

// --- textbook oracles -------------------------------------------------------

/// Two parties, one issue with n+1 options; option i gives (f(i/n), g(i/n)).
template <typename F, typename G>
Scenario curve(int n, F f, G g, double d1, double d2) {
  std::ostringstream y;
  y.precision(17);
  y << "parley: 1\nname: curve\nparties: [{id: a}, {id: b}]\nissues:\n  - id: x\n    options: [";
  for (int i = 0; i <= n; ++i) y << (i ? ", " : "") << "o" << i;
  y << "]\npreferences:\n";
  for (int p = 0; p < 2; ++p) {
    y << "  " << (p ? "b" : "a") << ":\n    reservation: " << (p ? d2 : d1)
      << "\n    weights: {x: 1}\n    values:\n      x: [";
    for (int i = 0; i <= n; ++i) {
      const double t = static_cast<double>(i) / n;
      y << (i ? ", " : "") << (p ? g(t) : f(t));
    }
    y << "]\n";
  }
  return load::load_scenario_text(y.str(), "curve.yaml");
}

const double* solution(const AnalysisResult& r, const std::string& name) {
  for (const auto& s : r.solutions)
    if (s.name == name) return r.solution_points().at(s.point);
  return nullptr;
}

TEST(Oracle, NashOnLinearFrontierSplitsTheSurplus) {
  for (auto [d1, d2] : {std::pair{0.2, 0.4}, std::pair{0.0, 0.0}, std::pair{0.1, 0.3}}) {
    const Scenario s = curve(
        1000, [](double t) { return t; }, [](double t) { return 1 - t; }, d1, d2);
    const AnalysisResult r = analyze(s);
    ASSERT_EQ(r.basis, AnalysisResult::Basis::zopa);
    const double* u = solution(r, "nash");
    EXPECT_NEAR(u[0], d1 + (1 - d1 - d2) / 2, 1e-9);
    EXPECT_NEAR(u[1], d2 + (1 - d1 - d2) / 2, 1e-9);
  }
}

TEST(Oracle, NashAndKalaiSmorodinskyOnConcaveFrontier) {
  const Scenario s = curve(
      100000, [](double t) { return t; }, [](double t) { return 1 - t * t; }, 0, 0);
  const AnalysisResult r = analyze(s);
  const double* nash = solution(r, "nash");
  EXPECT_NEAR(nash[0], 1 / std::sqrt(3.0), 1e-4);  // 0.5774
  EXPECT_NEAR(nash[1], 2.0 / 3.0, 1e-4);           // 0.6667
  const double* ks = solution(r, "kalai_smorodinsky");
  EXPECT_NEAR(ks[0], (std::sqrt(5.0) - 1) / 2, 1e-4);  // 0.6180
  EXPECT_NEAR(ks[1], (std::sqrt(5.0) - 1) / 2, 1e-4);
  const double* eg = solution(r, "egalitarian");  // same point when d = 0 and ideal = (1,1)
  EXPECT_NEAR(eg[0], 0.6180, 1e-4);
}

TEST(Analyze, EmptyZopaFallsBackToTheFrontierAndSaysSo) {
  const Scenario s = curve(
      10, [](double t) { return t; }, [](double t) { return 1 - t; }, 0.7, 0.7);
  const AnalysisResult r = analyze(s);
  EXPECT_EQ(r.zopa.count, 0u);
  EXPECT_EQ(r.basis, AnalysisResult::Basis::feasible);
  EXPECT_NE(r.solution_basis.find("ZOPA EMPTY"), std::string::npos);
  EXPECT_EQ(r.solutions.size(), 4u);
}

TEST(Analyze, PackageChecksAgreeWithBruteForce) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    testing::RandomSpec spec;
    spec.seed = seed;
    spec.parties = 3;
    spec.issues = 4;
    spec.red_lines = seed % 2;
    const Scenario s = load::load_scenario_text(testing::random_scenario_yaml(spec), "check.yaml");
    const Brute brute(s);
    const Space space = s.space();
    std::vector<std::vector<int>> extra;
    for (Index i = 0; i < space.size(); i += 7) {
      std::vector<int> x(s.issues.size());
      space.decode(i, x);
      extra.push_back(x);
    }
    const AnalysisResult r = analyze(s, extra);
    const auto feasible_frontier = brute.frontier(brute.feasible);
    for (const auto& c : r.checks) {
      bool dominated = false;
      for (const auto& v : brute.u)
        dominated = dominated || dominates(v.data(), c.u.data(), v.size());
      EXPECT_EQ(c.efficient, !dominated) << "seed " << seed << " package " << c.index;
      EXPECT_EQ(c.in_zopa, static_cast<bool>(brute.rational[c.index]));
      std::uint64_t better = 0;
      for (const auto& [v, g] : feasible_frontier) {
        bool all = true;
        for (std::size_t k = 0; k < v.size(); ++k) all = all && v[k] > c.u[k];
        better += all ? 1 : 0;
      }
      EXPECT_EQ(c.improving_points, better);
    }
  }
}

}  // namespace
}  // namespace parley::analysis

#include "core/utility.hpp"

#include <gtest/gtest.h>

#include <random>

#include "load/scenario_yaml.hpp"

namespace parley {
namespace {

// Two issues (3 and 2 options), two parties; hand-computed utilities below.
const char* kYaml = R"(parley: 1
name: hand
parties: [{id: a}, {id: b}, {id: m, role: mediator}]
issues:
  - {id: x, options: [x0, x1, x2]}
  - {id: y, options: [y0, y1]}
preferences:
  a:
    reservation: 0.4
    weights: {x: 3, y: 1}
    values: {x: [0, 0.5, 1], y: [1, 0]}
    interactions:
      - {when: {x: x2, y: y1}, value: 0.2}
    red_lines:
      - when: {x: x0}
  b:
    weights: {x: 1, y: 1}
    values: {x: [1, 0.5, 0], y: [0.2, 1]}
    red_lines:
      - when: {x: x2, y: y0}
)";

TEST(Utility, MatchesHandComputedValues) {
  const Scenario s = load::load_scenario_text(kYaml, "hand.yaml");
  const UtilityModel m(s);
  ASSERT_EQ(m.parties(), 2u);  // the mediator has no preferences
  EXPECT_EQ(m.party_index(1), 1);
  // a: weights 0.75/0.25.  x1,y0 -> 0.75*0.5 + 0.25*1 = 0.625
  EXPECT_DOUBLE_EQ(m.utility(0, std::vector<int>{1, 0}), 0.625);
  // a: x2,y1 -> 0.75*1 + 0 + interaction 0.2 = 0.95
  EXPECT_DOUBLE_EQ(m.utility(0, std::vector<int>{2, 1}), 0.95);
  // b: x2,y1 -> 0.5*0 + 0.5*1 = 0.5 ; x0,y0 -> 0.5 + 0.1 = 0.6
  EXPECT_DOUBLE_EQ(m.utility(1, std::vector<int>{2, 1}), 0.5);
  EXPECT_DOUBLE_EQ(m.utility(1, std::vector<int>{0, 0}), 0.6);
  EXPECT_DOUBLE_EQ(m.reservation(0), 0.4);
}

TEST(Utility, RedLinesNeedEveryCondition) {
  const Scenario s = load::load_scenario_text(kYaml, "hand.yaml");
  const UtilityModel m(s);
  EXPECT_TRUE(m.crosses_red_line(0, std::vector<int>{0, 1}));
  EXPECT_FALSE(m.crosses_red_line(0, std::vector<int>{1, 1}));
  EXPECT_TRUE(m.crosses_red_line(1, std::vector<int>{2, 0}));
  EXPECT_FALSE(m.crosses_red_line(1, std::vector<int>{2, 1}));  // only one condition holds
  EXPECT_FALSE(m.acceptable_to_all(std::vector<int>{2, 0}));
  EXPECT_TRUE(m.acceptable_to_all(std::vector<int>{1, 0}));
}

TEST(Utility, IncrementalEqualsFullEvaluationOnRandomWalks) {
  const Scenario s = load::load_scenario_text(kYaml, "hand.yaml");
  const UtilityModel m(s);
  std::mt19937 rng(3);
  IncrementalEvaluator inc(m, std::vector<int>{0, 0});
  for (int step = 0; step < 500; ++step) {
    std::size_t issue = rng() % 2;
    int option = static_cast<int>(rng() % (issue == 0 ? 3 : 2));
    inc.set(issue, option);
    std::vector<int> x(inc.package().begin(), inc.package().end());
    for (std::size_t k = 0; k < 2; ++k) EXPECT_NEAR(inc.utilities()[k], m.utility(k, x), 1e-12);
  }
}

TEST(Utility, OdometerEnumerationWithIncrementalUpdatesCoversSpace) {
  const Scenario s = load::load_scenario_text(kYaml, "hand.yaml");
  const UtilityModel m(s);
  const Space space = s.space();
  Odometer odo(space);
  IncrementalEvaluator inc(m, odo.digits());
  double sum = 0;
  std::size_t n = 0;
  for (;;) {
    sum += inc.utilities()[0];
    ++n;
    int top = odo.next();
    if (top < 0) break;
    for (int i = top; i >= 0; --i)
      inc.set(static_cast<std::size_t>(i), odo.digits()[static_cast<std::size_t>(i)]);
  }
  EXPECT_EQ(n, space.size());
  // sum over 6 packages of a's utility, by hand: x terms 0.75*(0+0.5+1)*2 = 2.25,
  // y terms 0.25*(1+0)*3 = 0.75, one interaction 0.2 -> 3.2
  EXPECT_NEAR(sum, 3.2, 1e-12);
}

}  // namespace
}  // namespace parley

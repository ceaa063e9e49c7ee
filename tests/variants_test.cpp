// The `variants` section: loading a variant, its errors with line and column, and the
// built-in scenario's `essay` variant.
#include <gtest/gtest.h>

#include <string>

#include "analysis/verdict.hpp"
#include "core/errors.hpp"
#include "core/utility.hpp"
#include "load/package.hpp"
#include "load/scenario_yaml.hpp"

namespace parley {
namespace {

// Lines are counted from 1 at "parley: 1".
const std::string kBase =
    "parley: 1\n"                                                       // 1
    "name: base\n"                                                      // 2
    "parties: [{id: alpha}, {id: beta}]\n"                              // 3
    "issues:\n"                                                         // 4
    "  - {id: price, options: [low, mid, high]}\n"                      // 5
    "  - {id: term, options: [short, long]}\n"                          // 6
    "preferences:\n"                                                    // 7
    "  alpha:\n"                                                        // 8
    "    reservation: 0.2\n"                                            // 9
    "    weights: {price: 3, term: 1}\n"                                // 10
    "    values: {price: {low: 0, mid: 0.5, high: 1}, term: [0, 1]}\n"  // 11
    "    red_lines:\n"                                                  // 12
    "      - {when: {price: low}, firm: false, audience_cost: 0.1}\n"   // 13
    "  beta:\n"                                                         // 14
    "    weights: {price: 1, term: 1}\n"                                // 15
    "    values: {price: [1, 0.5, 0], term: {short: 1, long: 0}}\n";    // 16

// A variant that uses every kind of override.
const std::string kGood = kBase +
                          "variants:\n"                                               // 17
                          "  hard:\n"                                                 // 18
                          "    name: Hard line\n"                                     // 19
                          "    preferences:\n"                                        // 20
                          "      alpha:\n"                                            // 21
                          "        reservation: 0.3\n"                                // 22
                          "        weights: {term: 3}\n"                              // 23
                          "        values: {price: {mid: 0.25}, term: [0.5, 1]}\n"    // 24
                          "        red_lines:\n"                                      // 25
                          "          - {when: {price: low}}\n"                        // 26
                          "          - {when: {term: short}, note: no short term}\n"  // 27
                          "      beta:\n"                                             // 28
                          "        values: {price: {high: 0.2}}\n"                    // 29
                          "  soft: {name: Soft}\n";                                   // 30

/// The first diagnostic of loading `yaml` (with `variant`) that mentions `text`.
Diagnostic diagnostic_about(const std::string& yaml, const std::string& text,
                            const std::string& variant = {}) {
  try {
    load::load_scenario_text(yaml, "v.yaml", variant);
  } catch (const ValidationError& e) {
    for (const auto& d : e.diagnostics())
      if ((d.message + " | " + d.hint).find(text) != std::string::npos) return d;
    ADD_FAILURE() << "no diagnostic mentions '" << text << "'; got:\n" << e.what();
    return {};
  }
  ADD_FAILURE() << "expected a ValidationError mentioning '" << text << "'";
  return {};
}

TEST(Variants, AreListedAndLeaveTheScenarioAsWritten) {
  const Scenario s = load::load_scenario_text(kGood, "v.yaml");
  ASSERT_EQ(s.variants.size(), 2u);
  EXPECT_EQ(s.variants[0].id, "hard");
  EXPECT_EQ(s.variants[0].name, "Hard line");
  EXPECT_EQ(s.variants[1].id, "soft");
  EXPECT_EQ(s.variant, "");
  EXPECT_EQ(s.name, "base");
  const Preferences& a = *s.preferences[0];
  EXPECT_DOUBLE_EQ(a.reservation, 0.2);
  EXPECT_DOUBLE_EQ(a.weights[0], 0.75);
  ASSERT_EQ(a.red_lines.size(), 1u);
  EXPECT_TRUE(a.red_lines[0].stated);
}

TEST(Variants, OverrideReservationWeightsValuesAndRedLines) {
  const Scenario s = load::load_scenario_text(kGood, "v.yaml", "hard");
  EXPECT_EQ(s.variant, "hard");
  EXPECT_EQ(s.name, "base [variant: hard]");
  ASSERT_EQ(s.variants.size(), 2u);
  const Preferences& a = *s.preferences[0];
  EXPECT_DOUBLE_EQ(a.reservation, 0.3);
  EXPECT_DOUBLE_EQ(a.weights[0], 0.5);  // 3 : 3 after the override
  EXPECT_DOUBLE_EQ(a.weights[1], 0.5);
  EXPECT_DOUBLE_EQ(a.values[0][0], 0);  // options the variant does not name keep their value
  EXPECT_DOUBLE_EQ(a.values[0][1], 0.25);
  EXPECT_DOUBLE_EQ(a.values[0][2], 1);
  EXPECT_DOUBLE_EQ(a.values[1][0], 0.5);  // a whole row
  // The stated position on price=low is replaced by a firm line (and its cost is gone); the
  // line on term=short is added.
  ASSERT_EQ(a.red_lines.size(), 2u);
  EXPECT_FALSE(a.red_lines[0].stated);
  EXPECT_EQ(a.red_lines[1].note, "no short term");
  EXPECT_TRUE(a.interactions.empty());
  const Preferences& b = *s.preferences[1];  // a row in list form, one option named
  EXPECT_DOUBLE_EQ(b.values[0][0], 1);
  EXPECT_DOUBLE_EQ(b.values[0][1], 0.5);
  EXPECT_DOUBLE_EQ(b.values[0][2], 0.2);
  const Scenario soft = load::load_scenario_text(kGood, "v.yaml", "soft");
  EXPECT_DOUBLE_EQ(soft.preferences[0]->reservation, 0.2);
}

TEST(Variants, UnknownVariantListsThem) {
  const Diagnostic d = diagnostic_about(kGood, "no variant 'hrd'", "hrd");
  EXPECT_EQ(d.file, "--variant");
  EXPECT_NE(d.hint.find("did you mean 'hard'?"), std::string::npos) << d.format();
  EXPECT_NE(d.hint.find("hard, soft"), std::string::npos) << d.format();
  const Diagnostic none = diagnostic_about(kBase, "no variant 'hard'", "hard");
  EXPECT_NE(none.hint.find("declares no variants"), std::string::npos) << none.format();
}

struct BadCase {
  const char* name;
  const char* variants;  // appended to kBase from line 17
  const char* message;   // in the message or hint
  int line;
  int column;
};

const BadCase kBad[] = {
    {"unknown_party", "variants:\n  v:\n    preferences:\n      alpa: {reservation: 0.3}\n",
     "did you mean 'alpha'?", 20, 7},
    {"unknown_key", "variants:\n  v:\n    preferences:\n      alpha: {reservaton: 0.3}\n",
     "did you mean 'reservation'?", 20, 15},
    {"unknown_variant_key", "variants:\n  v:\n    preferencs: {}\n", "did you mean 'preferences'?",
     19, 5},
    {"unknown_issue", "variants:\n  v:\n    preferences:\n      alpha: {weights: {prise: 1}}\n",
     "did you mean 'price'?", 20, 25},
    {"unknown_option",
     "variants:\n  v:\n    preferences:\n      alpha: {values: {price: {hihg: 1}}}\n",
     "did you mean 'high'?", 20, 32},
    {"value_out_of_range",
     "variants:\n  v:\n    preferences:\n      alpha: {values: {price: {high: 1.5}}}\n",
     "outside [0, 1]|outside [0,1]|must lie in [0, 1]", 20, 38},
    {"red_line_unknown_option",
     "variants:\n  v:\n    preferences:\n      beta:\n        red_lines: [{when: {term: "
     "lng}}]\n",
     "did you mean 'long'?", 21, 35},
    {"stated_without_cost",
     "variants:\n  v:\n    preferences:\n      beta:\n        red_lines: [{when: {term: long}, "
     "firm: false}]\n",
     "has no 'audience_cost'", 21, 21},
    {"not_a_map", "variants: [v]\n", "'variants' must be a mapping|must be a map", 17, 11},
};

class VariantErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(VariantErrors, NameTheVariantsLineAndColumn) {
  const BadCase& c = GetParam();
  const std::string expected = c.message;  // alternatives separated by '|'
  try {
    load::load_scenario_text(kBase + c.variants, "v.yaml");
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    const Diagnostic* match = nullptr;
    for (const auto& x : e.diagnostics()) {
      const std::string text = x.message + " | " + x.hint;
      for (std::size_t pos = 0; pos <= expected.size() && !match;) {
        std::size_t bar = expected.find('|', pos);
        if (bar == std::string::npos) bar = expected.size();
        if (text.find(expected.substr(pos, bar - pos)) != std::string::npos) match = &x;
        pos = bar + 1;
      }
      if (match) break;
    }
    ASSERT_NE(match, nullptr) << "no diagnostic says '" << c.message << "'; got:\n" << e.what();
    EXPECT_EQ(match->file, "v.yaml");
    EXPECT_EQ(match->line, c.line) << match->format();
    EXPECT_EQ(match->column, c.column) << match->format();
  }
}

INSTANTIATE_TEST_SUITE_P(AllErrors, VariantErrors, ::testing::ValuesIn(kBad),
                         [](const auto& p) { return std::string(p.param.name); });

/// Which stakeholders' red lines `package` crosses in the built-in scenario (with `variant`).
std::string crossed_by(const std::string& package, const std::string& variant) {
  const Scenario s = load::resolve_scenario("ukraine-2025", variant);
  const UtilityModel model(s);
  std::string out;
  for (const auto& v : analysis::judge(s, model, load::parse_package(s, package)))
    if (!v.red_lines_crossed.empty())
      out += (out.empty() ? "" : ",") + s.parties[static_cast<std::size_t>(v.party)].id;
  return out;
}

TEST(EssayVariant, UkraineWillNotCedeUnoccupiedDonbas) {
  // With a binding guarantee, the 2025 record lets Ukraine leave the rest of Donetsk...
  EXPECT_EQ(crossed_by("territory=donetsk_dmz,guarantees=euro_force,alignment=eu_not_nato", ""),
            "ru");  // (Russia's firm line on foreign troops)
  EXPECT_EQ(crossed_by("territory=donetsk_dmz,guarantees=us_art5,alignment=eu_not_nato", ""), "");
  // ... the essay's premises do not, whatever the guarantee.
  EXPECT_EQ(crossed_by("territory=donetsk_dmz,guarantees=coalition_no_troops,alignment=eu_not_nato",
                       "essay"),
            "ua");
}

TEST(EssayVariant, TheWestGivesNoTroopsAndNoArticle5Promise) {
  // (The freeze, the default territory, crosses Russia's stated position either way.)
  EXPECT_EQ(crossed_by("guarantees=us_art5,alignment=eu_not_nato", ""), "ru");
  EXPECT_EQ(crossed_by("guarantees=us_art5,alignment=eu_not_nato", "essay"), "ru,us,eu");
  EXPECT_EQ(crossed_by("territory=donetsk_dmz,guarantees=us_art5,alignment=eu_not_nato", "essay"),
            "ua,us,eu");
  EXPECT_EQ(crossed_by("guarantees=euro_force,alignment=eu_not_nato", "essay"), "ru,us,eu");
}

TEST(EssayVariant, LeavesTheEssaysContourAndEveryNumberAsTheyWere) {
  // The essay's own package crosses only Russia's stated position on the freeze, as before.
  EXPECT_EQ(crossed_by("essay_contour", ""), "ru");
  EXPECT_EQ(crossed_by("essay_contour", "essay"), "ru");
  const Scenario base = load::resolve_scenario("ukraine-2025");
  const Scenario essay = load::resolve_scenario("ukraine-2025", "essay");
  ASSERT_EQ(base.variants.size(), 1u);
  EXPECT_EQ(essay.variant, "essay");
  for (std::size_t p = 0; p < base.parties.size(); ++p) {
    const Preferences& a = *base.preferences[p];
    const Preferences& b = *essay.preferences[p];
    EXPECT_EQ(a.weights, b.weights);
    EXPECT_EQ(a.values, b.values);
    EXPECT_EQ(a.reservation, b.reservation);
    EXPECT_EQ(a.interactions.size(), b.interactions.size());
    const std::size_t added = base.parties[p].id == "ua" ? 1 : base.parties[p].id == "ru" ? 0 : 2;
    EXPECT_EQ(b.red_lines.size(), a.red_lines.size() + added) << base.parties[p].id;
    for (std::size_t k = a.red_lines.size(); k < b.red_lines.size(); ++k)
      EXPECT_FALSE(b.red_lines[k].stated);
  }
}

}  // namespace
}  // namespace parley

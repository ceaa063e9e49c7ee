// GENIUS / ANAC domains: the reference figures of tests/data/genius/reference.jsonl
// (brute force, GENIUS semantics; see its README) reproduced by `analyze`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/analyze.hpp"
#include "core/errors.hpp"
#include "load/genius.hpp"
#include "load/scenario_yaml.hpp"

namespace parley {
namespace {

const std::string kDir = std::string(PARLEY_DATA_DIR) + "/genius";

std::vector<nlohmann::json> references() {
  std::vector<nlohmann::json> out;
  std::ifstream f(kDir + "/reference.jsonl");
  for (std::string line; std::getline(f, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

class GeniusReference : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(GeniusReference, ReproducesTheReferenceFigures) {
  const nlohmann::json& ref = GetParam();
  const std::string domain = ref["domain"];
  const Scenario s = load::resolve_scenario(kDir + "/" + domain);
  const analysis::AnalysisResult r = analysis::analyze(s);
  const std::size_t n = ref["parties"].size();
  ASSERT_EQ(r.stakeholders.size(), n);
  for (std::size_t k = 0; k < n; ++k) {
    std::string file = ref["parties"][k];
    EXPECT_EQ(s.parties[k].id + ".xml", file);  // profiles in file-name order
    EXPECT_NEAR(r.reservation[k], ref["reservation"][k].get<double>(), 1e-12);
    EXPECT_NEAR(s.preferences[k]->discount, ref["discount"][k].get<double>(), 1e-12);
  }
  EXPECT_EQ(r.space_size, ref["outcomes"].get<std::uint64_t>());
  std::uint64_t pareto = 0;
  for (auto c : r.frontier_all.points.count) pareto += c;
  EXPECT_EQ(pareto, ref["pareto_size"].get<std::uint64_t>());
  EXPECT_EQ(r.frontier_all.points.size(), ref["unique_pareto_points"].get<std::size_t>());
  EXPECT_EQ(r.zopa_frontier_packages, ref["pareto_rational"].get<std::uint64_t>());
  ASSERT_EQ(r.basis, analysis::AnalysisResult::Basis::zopa);
  const auto& pts = r.solution_points();
  const double* nash = pts.at(r.solutions[0].point);
  const double* ks = pts.at(r.solutions[1].point);
  for (std::size_t k = 0; k < n; ++k) {
    EXPECT_NEAR(nash[k], ref["nash_utilities"][k].get<double>(), 1e-6) << domain << " party " << k;
    EXPECT_NEAR(ks[k], ref["ks_utilities"][k].get<double>(), 1e-6) << domain << " party " << k;
  }
  std::vector<int> x(s.issues.size());
  s.space().decode(pts.rep[r.solutions[0].point], x);
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    EXPECT_EQ(s.issues[i].options[static_cast<std::size_t>(x[i])].id,
              ref["nash_package"][i].get<std::string>())
        << domain << " issue " << s.issues[i].id;
}

INSTANTIATE_TEST_SUITE_P(Domains, GeniusReference, ::testing::ValuesIn(references()),
                         [](const auto& p) {
                           return p.param["domain"].template get<std::string>();
                         });

TEST(Genius, AllSixDomainsAreTested) {
  EXPECT_EQ(references().size(), 6u);
}

TEST(Genius, MalformedXmlNamesFileLineAndColumn) {
  const std::string dir = ::testing::TempDir() + "/parley_genius_bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/x_domain.xml") << "<utility_space>\n  <objective>\n    <issue name='a'\n";
  std::ofstream(dir + "/x_a.xml") << "<utility_space/>\n";
  try {
    load::load_genius_folder(dir);
    FAIL() << "expected an error";
  } catch (const ValidationError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    const auto& d = e.diagnostics().front();
    EXPECT_NE(d.file.find("x_domain.xml"), std::string::npos);
    EXPECT_GE(d.line, 3);
    EXPECT_GT(d.column, 0);
  }
}

// A two-issue domain and a profile template: weights, reservation and discount are filled in.
const char* kDomain =
    "<negotiation_template>\n<utility_space>\n<objective index=\"0\" name=\"d\">\n"
    "<issue index=\"1\" name=\"price\"><item index=\"1\" value=\"low\"/><item index=\"2\" "
    "value=\"high\"/></issue>\n"
    "<issue index=\"2\" name=\"color\"><item index=\"1\" value=\"red\"/></issue>\n"
    "</objective>\n</utility_space>\n</negotiation_template>\n";

std::string profile(const std::string& weights, const std::string& extra = "") {
  return "<utility_space>\n" + extra +
         "<objective index=\"0\" name=\"d\">\n"
         "<issue index=\"1\" name=\"price\"><item value=\"low\" evaluation=\"1\"/><item "
         "value=\"high\" evaluation=\"2\"/></issue>\n"
         "<issue index=\"2\" name=\"color\"><item value=\"red\" evaluation=\"1\"/></issue>\n" +
         weights + "</objective>\n</utility_space>\n";
}
const std::string kWeights =
    "<weight index=\"1\" value=\"0.6\"/>\n<weight index=\"2\" value=\"0.4\"/>\n";

/// The first diagnostic of a domain that must not load.
Diagnostic refused(const std::string& domain, const std::string& prof) {
  try {
    load::load_genius_texts("d", {"d/domain.xml", domain}, {{"d/p.xml", prof}});
  } catch (const ValidationError& e) {
    return e.diagnostics().front();
  }
  ADD_FAILURE() << "expected a ValidationError";
  return {};
}

TEST(Genius, InMemoryTextsLoadAsTheFolderWould) {
  const Scenario s =
      load::load_genius_texts("d", {"d/domain.xml", kDomain},
                              {{"d/p.xml", profile(kWeights, "<reservation value=\"0.3\"/>\n")}});
  ASSERT_EQ(s.parties.size(), 1u);
  EXPECT_EQ(s.parties[0].id, "p");
  EXPECT_DOUBLE_EQ(s.preferences[0]->weights[0], 0.6);
  EXPECT_DOUBLE_EQ(s.preferences[0]->values[0][0], 0.5);
  EXPECT_DOUBLE_EQ(s.preferences[0]->reservation, 0.3);
}

TEST(Genius, WeightsMustBeGivenOncePerIssue) {
  // A repeated index: the weights summed to 0.5 of what they said, silently.
  const Diagnostic twice = refused(kDomain, profile("<weight index=\"1\" value=\"0.5\"/>\n"
                                                    "<weight index=\"1\" value=\"0.5\"/>\n"
                                                    "<weight index=\"2\" value=\"0.5\"/>\n"));
  EXPECT_EQ(twice.file, "d/p.xml");
  EXPECT_EQ(twice.line, 6);
  EXPECT_NE(twice.message.find("a second <weight> for issue 'price' (index 1)"), std::string::npos)
      << twice.format();
  // A missing weight became 0.
  const Diagnostic missing = refused(kDomain, profile("<weight index=\"1\" value=\"1\"/>\n"));
  EXPECT_NE(missing.message.find("no <weight> for issue 'color' (index 2)"), std::string::npos)
      << missing.format();
  EXPECT_EQ(missing.line, 2);
}

TEST(Genius, ReservationAndDiscountMustBeInRange) {
  const Diagnostic rv = refused(kDomain, profile(kWeights, "<reservation value=\"5\"/>\n"));
  EXPECT_NE(rv.message.find("reservation value outside [0, 1]"), std::string::npos) << rv.format();
  EXPECT_EQ(rv.line, 2);
  const Diagnostic df = refused(kDomain, profile(kWeights, "<discount_factor value=\"0\"/>\n"));
  EXPECT_NE(df.message.find("discount factor outside (0, 1]"), std::string::npos) << df.format();
  const Diagnostic big =
      refused(kDomain, profile("<weight index=\"1\" value=\"1e308\"/>\n<weight index=\"2\" "
                               "value=\"1e308\"/>\n"));
  EXPECT_NE(big.message.find("add up to more than the largest number"), std::string::npos)
      << big.format();
}

TEST(Genius, EncodingRulesApplyToXml) {
  std::string bad = kDomain;
  bad.replace(bad.find("red"), 3,
              "r\xFF"
              "d");
  const Diagnostic utf8 = refused(bad, profile(kWeights));
  EXPECT_EQ(utf8.file, "d/domain.xml");
  EXPECT_EQ(utf8.line, 5);
  EXPECT_NE(utf8.message.find("invalid UTF-8"), std::string::npos) << utf8.format();
  const Diagnostic utf16 = refused(kDomain, "\xFF\xFE<\0u\0");
  EXPECT_NE(utf16.message.find("UTF-16"), std::string::npos) << utf16.format();
  // A UTF-8 byte-order mark is skipped, and positions after it stay right.
  const std::string rv2 = profile(kWeights, "<reservation value=\"2\"/>\n");
  const Diagnostic plain = refused(kDomain, rv2), bom = refused(kDomain, "\xEF\xBB\xBF" + rv2);
  EXPECT_EQ(bom.line, 2);
  EXPECT_EQ(bom.column, plain.column);
}

TEST(Genius, DuplicateDomainEntriesAreRefused) {
  std::string dup = kDomain;
  dup.replace(dup.find("name=\"color\""), 12, "name=\"price\"");
  const Diagnostic d = refused(dup, profile(kWeights));
  EXPECT_NE(d.message.find("a second issue named 'price'"), std::string::npos) << d.format();
  EXPECT_EQ(d.line, 5);
}

TEST(Genius, FolderWithoutDomainIsAnError) {
  const std::string dir = ::testing::TempDir() + "/parley_genius_empty";
  std::filesystem::create_directories(dir);
  EXPECT_THROW(load::load_genius_folder(dir), std::exception);
}

}  // namespace
}  // namespace parley

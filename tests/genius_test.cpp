// GENIUS / ANAC domains: the reference figures of tests/data/genius/reference.jsonl
// (brute force, GENIUS semantics; see its README) reproduced by `analyze`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/analyze.hpp"
#include "core/errors.hpp"
#include "io/genius.hpp"
#include "io/scenario_yaml.hpp"

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
  const Scenario s = io::resolve_scenario(kDir + "/" + domain);
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
    io::load_genius_folder(dir);
    FAIL() << "expected an error";
  } catch (const ValidationError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    const auto& d = e.diagnostics().front();
    EXPECT_NE(d.file.find("x_domain.xml"), std::string::npos);
    EXPECT_GE(d.line, 3);
    EXPECT_GT(d.column, 0);
  }
}

TEST(Genius, FolderWithoutDomainIsAnError) {
  const std::string dir = ::testing::TempDir() + "/parley_genius_empty";
  std::filesystem::create_directories(dir);
  EXPECT_THROW(io::load_genius_folder(dir), std::exception);
}

}  // namespace
}  // namespace parley

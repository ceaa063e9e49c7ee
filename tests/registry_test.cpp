// The strategy registry: parameters declared once drive validation, defaults and the docs.
#include "strategies/registry.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "load/scenario_yaml.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The text between the generated-table markers of a doc.
std::string generated_block(const std::string& doc) {
  const std::string begin = "<!-- strategies:begin", end = "<!-- strategies:end -->";
  const auto a = doc.find(begin);
  const auto b = doc.find(end);
  if (a == std::string::npos || b == std::string::npos) return "(markers missing)";
  const auto line = doc.find('\n', a);
  return doc.substr(line + 1, b - line - 1);
}

TEST(StrategyRegistry, DocsAgreeWithTheDeclarations) {
  const std::string want = strategies_markdown(true) + "\n" + strategies_markdown(false);
  for (const char* doc : {"/docs/strategies.md", "/docs/scenario-format.md"})
    EXPECT_EQ(generated_block(read(std::string(PARLEY_SOURCE_DIR) + doc)), want)
        << doc << " is out of date: paste `parley strategies --markdown` between its markers";
}

TEST(StrategyRegistry, EveryParameterDefaultIsUsableAndDocumented) {
  for (const auto* infos : {&party_strategies(), &mediator_strategies()})
    for (const StrategyInfo& s : *infos)
      for (const ParamInfo& p : s.params) {
        EXPECT_FALSE(p.meaning.empty()) << s.name << "." << p.name;
        EXPECT_LT(p.lo, p.hi) << s.name << "." << p.name;
        if (p.fallback_note.empty()) {  // a numeric default must itself be a valid value
          EXPECT_EQ(check_param(s, p.name, p.fallback), "") << s.name << "." << p.name;
        }
      }
}

std::string scenario_with(const std::string& process) {
  return "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\n"
         "issues: [{id: i, options: [o0, o1]}]\n"
         "preferences:\n  a: {weights: {i: 1}, values: {i: [0, 1]}}\n"
         "  b: {weights: {i: 1}, values: {i: [1, 0]}}\n"
         "process:\n" +
         process;
}

/// The first diagnostic of loading `process`, or "" when it loads.
std::string first_error(const std::string& process) {
  try {
    (void)load::load_scenario_text(scenario_with(process), "s.yaml");
  } catch (const ValidationError& e) {
    const Diagnostic& d = e.diagnostics().front();
    return std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + " | " +
           d.hint;
  }
  return "";
}

TEST(StrategyRegistry, OutOfRangeParametersAreRefusedAtTheirLine) {
  // Values that used to pass and then overflowed an int or a pow.
  EXPECT_NE(first_error("  mediator_strategy: {type: nash_seeking, samples: 3e9}\n")
                .find("9:52 'samples' of 'mediator_strategy' is 3e9; it must be a whole number "
                      "from 1 to 100000"),
            std::string::npos);
  EXPECT_NE(first_error("  mediator_strategy: {type: nash_seeking, samples: 2.5}\n")
                .find("a whole number"),
            std::string::npos);
  EXPECT_NE(first_error("  mediator_strategy: {type: annealing, t0: 1e300}\n")
                .find("is 1e300; it must be a number from 0 to 100 (initial temperature)"),
            std::string::npos);
  EXPECT_NE(first_error("  strategies: {a: {type: boulware, deadline: 0}}\n")
                .find("it must be a number from 1 to 1200 (calendar clock"),
            std::string::npos);
  EXPECT_NE(first_error("  strategies: {a: {type: boulware, tolerance: -0.1}}\n")
                .find("it must be a number from 0 to 10 (pressure clock"),
            std::string::npos);
  EXPECT_NE(first_error("  strategies: {a: {type: linear, beta: -1}}\n")
                .find("'beta' of the strategy of 'a' is -1"),
            std::string::npos);
  EXPECT_EQ(first_error("  strategies: {a: {type: linear, beta: 0.5, deadline: 12}}\n"), "");
}

TEST(StrategyRegistry, FactoriesReadDeclaredDefaults) {
  const StrategyInfo* info = find_party_strategy("boulware");
  ASSERT_NE(info, nullptr);
  const StrategySpec given{"boulware", {{"beta", 0.7}}};
  const StrategyParams p(*info, given);
  EXPECT_DOUBLE_EQ(p["beta"], 0.7);
  EXPECT_DOUBLE_EQ(p["deadline"], 36);  // the declared default, not the horizon
  EXPECT_DOUBLE_EQ(p["tolerance"], 0);  // no pressure clock unless given
  EXPECT_THROW((void)p["gamma"], Error);
  // A spec built in code with a bad value is refused by the factory too, not only the loader.
  EXPECT_THROW(make_party_strategy({"boulware", {{"beta", 1e9}}}), Error);
}

}  // namespace
}  // namespace parley::engine

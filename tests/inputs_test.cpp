// Hostile and malformed inputs: bytes, sizes, aliases and names that must be refused at
// the door with file, line and column, in bounded time and memory; and numbers that must
// never reach an output unless finite.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "analysis/verdict.hpp"
#include "core/errors.hpp"
#include "core/utility.hpp"
#include "load/cycles.hpp"
#include "load/encoding.hpp"
#include "load/scenario_yaml.hpp"
#include "report/finite.hpp"
#include "report/json_out.hpp"

namespace parley {
namespace {

const std::string kValid =
    "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, options: [o, p]}]\n"
    "preferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: {i: "
    "[1, 0]}}}\n";

/// The diagnostics of a text that must not load.
std::vector<Diagnostic> refused(const std::string& text) {
  try {
    load::load_scenario_text(text, "in.yaml");
  } catch (const ValidationError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ValidationError";
  return {};
}

TEST(Encoding, Utf8ByteOrderMarkIsSkipped) {
  const Scenario s = load::load_scenario_text("\xEF\xBB\xBF" + kValid, "bom.yaml");
  EXPECT_EQ(s.name, "x");
  EXPECT_EQ(s.parties.size(), 2u);
  // Columns of line 1 count from after the mark, as without it.
  const auto d = refused("\xEF\xBB\xBFparley: 1\xFF\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 1);
  EXPECT_EQ(d[0].column, 10);
}

TEST(Encoding, NulByteIsRefusedAtItsPosition) {
  std::string text = kValid;
  text.insert(text.find("name: x") + 6, 1, '\0');
  const auto d = refused(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("NUL byte"), std::string::npos);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 7);
}

TEST(Encoding, Utf32IsRefused) {
  const auto d = refused(std::string("\xFF\xFE\0\0p\0\0\0", 8));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("UTF-32"), std::string::npos);
  EXPECT_NE(d[0].hint.find("save the file as UTF-8"), std::string::npos);
}

TEST(Encoding, CrLfIsFineButCrAloneIsNot) {
  std::string crlf;
  for (char c : kValid) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(load::load_scenario_text(crlf, "crlf.yaml").name, "x");
  EXPECT_FALSE(load::check_encoding("a\r\nb\r\n", "f").has_value());
  EXPECT_TRUE(load::check_encoding("a\rb", "f").has_value());
  EXPECT_TRUE(load::check_encoding("a\r", "f").has_value());
}

TEST(Encoding, Utf8RulesAreExact) {
  EXPECT_TRUE(load::is_utf8("plain ascii"));
  EXPECT_TRUE(load::is_utf8("中国 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));  // up to U+10FFFF
  EXPECT_FALSE(load::is_utf8("\xF4\x90\x80\x80"));                       // above U+10FFFF
  EXPECT_FALSE(load::is_utf8("\xE0\x80\xAF"));                           // overlong
  EXPECT_FALSE(load::is_utf8("\xED\xBF\xBF"));                           // a surrogate
  EXPECT_FALSE(load::is_utf8("\xE4\xB8"));                               // cut short
  EXPECT_FALSE(load::is_utf8("\x80"));                                   // a lone continuation
  // The error names the line and the byte column of the first bad byte.
  const auto d = load::check_encoding("ok\nstill ok \xC3\xA9\nbad \xC3(\n", "f.yaml");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->format(),
            "f.yaml:3:5: error: invalid UTF-8: the byte 0xC3 does not start a valid UTF-8 "
            "character here\n  hint: save the file as UTF-8 (without a byte-order mark, or with "
            "the UTF-8 one)");
}

TEST(Aliases, ANodeReachedThroughManyAliasesReportsOnce) {
  const auto d = refused(
      kValid + "process: {trust: {pairs: [&t {from: a, to: zz, value: 0.1}, *t, *t, *t]}}\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("unknown party 'zz'"), std::string::npos);
}

TEST(Aliases, ExpansionIsBounded) {
  // Nine levels of ten aliases each would stand for a billion values.
  std::string text = kValid + "x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
  for (int i = 1; i < 9; ++i) {
    const std::string n = std::to_string(i);
    text.append("x").append(n).append(": &a").append(n).append(" [");
    for (int k = 0; k < 10; ++k) {
      text += k ? ", *a" : "*a";
      text += std::to_string(i - 1);
    }
    text += "]\n";
  }
  const auto d = refused(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("more than 10000 values"), std::string::npos);
  EXPECT_EQ(d[0].line, 9);  // x3 is the first level past 10 000 (10 + 100 + 1 000 + 10 000)
}

TEST(DidYouMean, HugeNamesCostNothing) {
  const std::string huge(1 << 20, 'k');
  // The old O(n·m) table for two 1 MiB names needed 8 TiB.
  EXPECT_EQ(closest_match(huge, {huge + "x", "parties"}), "");
  EXPECT_EQ(closest_match("partis", {huge, "parties"}), "parties");
  // (an explicit key: YAML limits implicit keys to 1024 characters)
  const auto d = refused("parley: 1\n? " + std::string(20000, 'z') + "\n: 1\n");
  bool unknown = false;
  for (const auto& x : d) unknown = unknown || x.message.find("unknown key") != std::string::npos;
  EXPECT_TRUE(unknown);
}

TEST(DidYouMean, EditDistanceIsUnchanged) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("sitting", "kitten"), 3u);
  EXPECT_EQ(edit_distance("mdi", "mid"), 1u);  // a transposition
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);  // optimal string alignment, not Damerau
  EXPECT_EQ(edit_distance(std::string(3000, 'a'), "b"), 3000u);
}

TEST(ReadFile, EndlessInputsStopAtTheCap) {
  if (!std::filesystem::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  try {
    (void)load::read_file("/dev/zero");
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/zero: error: the file is larger than 64 MiB"),
              std::string::npos)
        << e.what();
  }
}

TEST(ReadFile, DirectoriesAndLinkLoopsAreNamed) {
  const std::string dir = ::testing::TempDir() + "/parley_read_file";
  std::filesystem::create_directories(dir);
  try {
    (void)load::read_file(dir);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
  }
  std::error_code ec;
  std::filesystem::remove(dir + "/l1", ec);
  std::filesystem::remove(dir + "/l2", ec);
  std::filesystem::create_symlink("l2", dir + "/l1");
  std::filesystem::create_symlink("l1", dir + "/l2");
  for (const auto& load : {+[](const std::string& p) { (void)load::read_file(p); },
                           +[](const std::string& p) { (void)load::resolve_scenario(p); }}) {
    try {
      load(dir + "/l1");
      FAIL();
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("l1: cannot open file: a loop of symbolic links"),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(Finite, NonFiniteNumbersNeverReachAnOutput) {
  EXPECT_EQ(report::finite(0.25, "x"), 0.25);
  try {
    report::finite(std::nan(""), "utility of ", "ua");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("utility of ua is nan"), std::string::npos) << e.what();
  }
  nlohmann::ordered_json j;
  j["a"] = {1.0, std::numeric_limits<double>::infinity()};
  try {
    report::finite_json(j, "test");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("test: a[1] is infinite"), std::string::npos) << e.what();
  }
  // Through a real output: a verdict whose utility is NaN.
  const Scenario s = load::load_scenario_text(kValid, "v.yaml");
  const UtilityModel m(s);
  auto verdicts = analysis::judge(s, m, s.default_package());
  EXPECT_NO_THROW(report::eval_json(s, s.default_package(), verdicts));
  verdicts[1].utility = std::nan("");
  try {
    report::eval_json(s, s.default_package(), verdicts);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("parley eval --json: parties[1].utility is nan"),
              std::string::npos)
        << e.what();
  }
}

TEST(Cycles, FoundInGraphsOfAnyShape) {
  EXPECT_TRUE(load::find_cycles({{1, 2}, {2}, {}}).empty());  // a diamond is no cycle
  const auto c = load::find_cycles({{1}, {2}, {0}, {}});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(load::describe_cycle(c[0], {"a", "b", "c", "d"}), "a → b → c → a");
  EXPECT_EQ(c[0].from, 2);
  EXPECT_EQ(c[0].edge, 0u);
  // A long chain: no recursion to overflow.
  std::vector<std::vector<int>> chain(200000);
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) chain[i] = {static_cast<int>(i + 1)};
  EXPECT_TRUE(load::find_cycles(chain).empty());
  chain.back() = {0};
  EXPECT_EQ(load::find_cycles(chain).size(), 1u);
}

}  // namespace
}  // namespace parley

// Command-line values checked at the door (exit 2, the option named), and scenario paths
// that are empty, unreadable links or too large a space (the path named).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::run_parley;
using parley::testing::TempFolder;

const std::string kLogroll = PARLEY_SOURCE_DIR "/scenarios/logroll.yaml";
const std::string kUncertain = PARLEY_DATA_DIR "/uncertain-split.yaml";

struct Refused {
  std::string args, message;
};

void expect_refused(const std::vector<Refused>& cases, int status) {
  TempFolder dir;
  for (const auto& [args, message] : cases) {
    const auto r = run_parley(args, dir);
    EXPECT_EQ(r.status, status) << args;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
}

TEST(CliArguments, NumbersThatWouldWrapOrAreNotFiniteAreRefused) {
  expect_refused(
      {
          {"run " + kLogroll + " --seed -1",
           "--seed: '-1' is not a whole number from 0 to 18446744073709551615"},
          {"run " + kLogroll + " --seed 18446744073709551616",
           "--seed: '18446744073709551616' is not a whole number"},
          {"sweep " + kUncertain + " -n 10 --seed -1", "--seed: '-1' is not a whole number"},
          {"compare " + kUncertain + " -n 10 --seed 99999999999999999999", "--seed: '9999"},
          {"sweep " + kUncertain + " --runs -1",
           "--runs: '-1' is not a whole number from 1 to 1000000000"},
          {"analyze " + kLogroll + " --top -1", "--top: '-1' is not a whole number from 0 to 1000"},
          {"analyze " + kLogroll + " --epsilon nan", "--epsilon: 'nan' is not a finite number"},
          {"analyze " + kLogroll + " --epsilon inf", "--epsilon: 'inf' is not a finite number"},
      },
      2);
}

TEST(CliArguments, TheLargestSeedIsAccepted) {
  TempFolder dir;
  const auto r = run_parley("run " + kLogroll + " -q --seed 18446744073709551615", dir);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("seed 18446744073709551615"), std::string::npos) << r.out;
}

TEST(CliArguments, SensitivityValuesMustBeFiniteAndInTheParametersSupport) {
  const std::string cmd =
      "sensitivity " + kUncertain + " -n 10 --param preferences.a.reservation --values ";
  expect_refused(
      {
          {cmd + "nan", "--values:1:1: error: 'nan' is not a finite number"},
          {cmd + "0.3,inf", "--values:1:1: error: 'inf' is not a finite number"},
          {cmd + "0.3,-3",
           "--values:1:1: error: -3 is outside the support of preferences.a.reservation, "
           "uniform [0.2, 0.5]\n  hint: give values from 0.2 to 0.5"},
          {cmd + "0.3,0.51", "0.51 is outside the support"},
          {cmd + "0.3,0.2x", "--values:1:1: error: '0.2x' is not a number"},
          {cmd + ",", "--values:1:1: error: the list ',' has an empty item"},
          {cmd + "''", "--values:1:1: error: the list is empty"},
      },
      2);
}

TEST(CliArguments, EmptyListsAreRefused) {
  expect_refused(
      {
          {"compare " + kUncertain + " -n 10 --designs ,",
           "--designs:1:1: error: the list ',' has an empty item"},
          {"compare " + kUncertain + " -n 10 --designs ''",
           "--designs:1:1: error: the list is empty"},
          {"compare " + kUncertain + " -n 10 --designs one,,same", "has an empty item"},
          {"compare " + kUncertain + " -n 10 --policies ,",
           "--policies:1:1: error: the list ',' has an empty item"},
          {"compare " + kUncertain + " -n 10 --policies ''", "--policies:1:1: error: the list is"},
      },
      2);
}

TEST(CliArguments, EmptyPathsAreRefused) {
  expect_refused(
      {
          {"validate ''", "FILE: error: the scenario path is empty"},
          {"analyze ''", "FILE: error: the scenario path is empty"},
          {"sweep '' -n 10", "FILE: error: the scenario path is empty"},
          {"run " + kLogroll + " --json ''", "--json:1:1: error: the file name is empty"},
          {"sweep " + kUncertain + " -n 10 --store ''", "--store:1:1: error: the file name is"},
      },
      2);
}

TEST(CliArguments, AScenarioPathThatCannotBeExaminedIsNamed) {
  TempFolder dir;
  fs::create_symlink("loop2", dir / "loop1");
  fs::create_symlink("loop1", dir / "loop2");
  for (const char* cmd : {"validate", "run", "sweep -n 10 --no-progress"}) {
    const auto r = run_parley(std::string(cmd) + " loop1", dir);
    EXPECT_EQ(r.status, 1) << cmd;
    EXPECT_EQ(r.err, "parley: error: loop1: cannot read: Too many levels of symbolic links\n")
        << cmd;
  }
}

TEST(CliArguments, ASpaceOf2To64PackagesOrMoreNamesTheFile) {
  TempFolder dir;
  // 17 issues of 16 options: 2^68 packages.
  std::ofstream f(dir / "huge.yaml");
  f << "parley: 1\nname: huge\nparties: [{id: a}, {id: b}]\nissues:\n";
  for (int i = 0; i < 17; ++i)
    f << "  - {id: i" << i << ", options: [o0, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, "
      << "o12, o13, o14, o15]}\n";
  f << "preferences:\n";
  for (const char* p : {"a", "b"}) {
    f << "  " << p << ":\n    weights: {";
    for (int i = 0; i < 17; ++i) f << (i ? ", " : "") << "i" << i << ": 1";
    f << "}\n    values: {";
    for (int i = 0; i < 17; ++i)
      f << (i ? ", " : "") << "i" << i << ": [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, "
        << "0.91, 0.92, 0.93, 0.94, 0.95, 1]";
    f << "}\n";
  }
  f.close();
  for (const char* cmd : {"validate", "info", "analyze"}) {
    const auto r = run_parley(std::string(cmd) + " huge.yaml", dir);
    EXPECT_EQ(r.status, 1) << cmd;
    EXPECT_NE(r.err.find("parley: error: huge.yaml: the settlement space has 2^64 packages or "
                         "more"),
              std::string::npos)
        << cmd << "\n"
        << r.err;
  }
}

}  // namespace

// `parley analyze --frontier-csv`: the file holds the frontier, and a failure leaves an existing
// file alone.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

int run(const std::string& args) {
  const std::string cmd = std::string(PARLEY_BINARY) + " " + args + " > /dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(AnalyzeCli, FrontierCsvHasOneRowPerPoint) {
  const std::string csv = ::testing::TempDir() + "/parley_logroll_frontier.csv";
  ASSERT_EQ(run("analyze " PARLEY_SOURCE_DIR "/scenarios/logroll.yaml --frontier-csv " + csv), 0);
  std::istringstream in(slurp(csv));
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header, "point,packages,index,u_employer,u_candidate,in_zopa,salary,remote,start");
  int rows = 0;
  bool saw_logroll = false;
  while (std::getline(in, line)) {
    ++rows;
    saw_logroll = saw_logroll || line.find(",0.7,0.75,1,low,high,later") != std::string::npos;
  }
  EXPECT_EQ(rows, 4);  // the red-line-free frontier (see `parley analyze` on it)
  EXPECT_TRUE(saw_logroll);
}

TEST(AnalyzeCli, InvalidInputLeavesAnExistingCsvUntouched) {
  const std::string csv = ::testing::TempDir() + "/parley_keep.csv";
  std::ofstream(csv) << "precious\n";
  EXPECT_EQ(
      run("analyze " PARLEY_SOURCE_DIR "/tests/data/invalid/many_errors.yaml --frontier-csv " +
          csv),
      2);
  EXPECT_EQ(slurp(csv), "precious\n");
  EXPECT_EQ(run("analyze " PARLEY_SOURCE_DIR
                "/scenarios/logroll.yaml --frontier-csv /nonexistent/dir/x.csv"),
            1);
}

}  // namespace

namespace {

TEST(RunCli, JsonHasTheDocumentedFieldsAndIsDeterministic) {
  const std::string a = ::testing::TempDir() + "/parley_run_a.json";
  const std::string b = ::testing::TempDir() + "/parley_run_b.json";
  ASSERT_EQ(run("run " PARLEY_SOURCE_DIR "/scenarios/logroll.yaml --seed 5 --json " + a), 0);
  ASSERT_EQ(run("run " PARLEY_SOURCE_DIR "/scenarios/logroll.yaml --seed 5 --json " + b), 0);
  const std::string text = slurp(a);
  EXPECT_EQ(text, slurp(b));
  for (const char* field : {"\"outcome\"", "\"type\"", "\"framework_month\"", "\"final_month\"",
                            "\"package\"", "\"events\"", "\"month\"", "\"group\""})
    EXPECT_NE(text.find(field), std::string::npos) << field;
}

}  // namespace

// parley run --sweep-run K reproduces run K of parley sweep: the same draws, the same engine
// seed, so over runs 0..N-1 the same outcomes and victory claims as the sweep's aggregates.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"

namespace parley {
namespace {

using testing::run_parley;
using testing::TempFolder;

TEST(SweepRun, ReproducesTheSweepsRuns) {
  TempFolder dir;
  const std::string file = std::string(PARLEY_DATA_DIR) + "/uncertain-split.yaml";
  constexpr int kRuns = 40;
  const auto sweep = run_parley("sweep '" + file + "' -n 40 --seed 7 --json -", dir);
  ASSERT_EQ(sweep.status, 0) << sweep.err;
  const auto estimates = nlohmann::json::parse(sweep.out)["variants"][0]["estimates"];
  std::map<std::string, int> counts;
  for (int k = 0; k < kRuns; ++k) {
    const auto run = run_parley(
        "run '" + file + "' --seed 7 --sweep-run " + std::to_string(k) + " --json -", dir);
    ASSERT_EQ(run.status, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["sweep_run"], k);
    const std::string type = j["outcome"]["type"];
    ++counts["outcome." + type];
    const bool in_force = type == "final_agreement" || type == "framework_only";
    for (const auto& p : j["parties"])
      if (in_force && p["claims_victory"].get<bool>())
        ++counts["victory." + p["party"].get<std::string>()];
  }
  int compared = 0;
  for (const auto& [metric, value] : estimates.items()) {
    if (metric.rfind("outcome.", 0) != 0 && metric.rfind("victory.", 0) != 0) continue;
    EXPECT_EQ(std::lround(value["estimate"].get<double>() * kRuns), counts[metric]) << metric;
    ++compared;
  }
  EXPECT_GE(compared, 4);
  EXPECT_GT(counts["outcome.final_agreement"], 0);
  EXPECT_LT(counts["outcome.final_agreement"], kRuns);  // the draws make the runs differ
}

TEST(SweepRun, IsAbsentFromAPlainRun) {
  TempFolder dir;
  const auto run = run_parley("run --json -", dir);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_FALSE(nlohmann::json::parse(run.out).contains("sweep_run"));
}

}  // namespace
}  // namespace parley

// Exact Pareto frontier of random additive spaces (issue #3's targets):
//   4 parties, 10^7 outcomes (7 issues x 10 options)         target < 100 ms
//   4 parties, 16 issues x 5 options (1.5 x 10^11 outcomes)   target < 2 s
//   4 parties, 10^6 outcomes (6 issues x 10 options)          compared with numpy
//   the whole analysis of the built-in scenario                target well under 1 s
// Utilities are uniform random reals (fixed seeds), the setting with the largest
// frontiers; the timed part is tabulating the blocks and merging them.
//
// `frontier_bench --dump=FILE` writes the 10^6-outcome space's per-issue utility
// tables as JSON for bench/compare_numpy.py and exits.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>

#include "analysis/analyze.hpp"
#include "analysis/blocks.hpp"
#include "analysis/pareto.hpp"
#include "core/utility.hpp"
#include "load/scenario_yaml.hpp"
#include "support/random_scenario.hpp"

namespace {

using namespace parley;

Scenario space(int issues, int options, int parties, std::uint64_t seed) {
  testing::RandomSpec spec;
  spec.parties = parties;
  spec.issues = issues;
  spec.min_options = spec.max_options = options;
  spec.dyadic = false;
  spec.reservations = false;
  spec.seed = seed;
  return load::load_scenario_text(testing::random_scenario_yaml(spec), "bench.yaml");
}

void frontier(benchmark::State& state) {
  const int issues = static_cast<int>(state.range(0)), options = static_cast<int>(state.range(1)),
            parties = static_cast<int>(state.range(2));
  const Scenario s = space(issues, options, parties, 42);
  const UtilityModel m(s);
  std::size_t points = 0;
  for (auto _ : state) {
    const auto blocks = analysis::make_blocks(s, m);
    const analysis::Frontier f = analysis::pareto_frontier(blocks, m.parties());
    points = f.points.size();
    benchmark::DoNotOptimize(f.points.u.data());
  }
  state.counters["outcomes"] = static_cast<double>(s.space().size());
  state.counters["frontier"] = static_cast<double>(points);
}

BENCHMARK(frontier)->Name("frontier/4p_1e6")->Args({6, 10, 4})->Unit(benchmark::kMillisecond);
BENCHMARK(frontier)->Name("frontier/4p_1e7")->Args({7, 10, 4})->Unit(benchmark::kMillisecond);
BENCHMARK(frontier)->Name("frontier/4p_16x5")->Args({16, 5, 4})->Unit(benchmark::kMillisecond);
BENCHMARK(frontier)->Name("frontier/5p_12x5")->Args({12, 5, 5})->Unit(benchmark::kMillisecond);
BENCHMARK(frontier)->Name("frontier/3p_16x5")->Args({16, 5, 3})->Unit(benchmark::kMillisecond);
BENCHMARK(frontier)->Name("frontier/2p_18x10")->Args({18, 10, 2})->Unit(benchmark::kMillisecond);

// The whole `parley analyze` of the built-in scenario (target: well under a second).
void analyze_builtin(benchmark::State& state) {
  const Scenario s = load::resolve_scenario("");
  std::uint64_t zopa = 0;
  for (auto _ : state) {
    const analysis::AnalysisResult r = analysis::analyze(s);
    zopa = r.zopa.count;
    benchmark::DoNotOptimize(r.solutions.data());
  }
  state.counters["outcomes"] = static_cast<double>(s.space().size());
  state.counters["zopa"] = static_cast<double>(zopa);
}
BENCHMARK(analyze_builtin)->Name("analyze/ukraine-2025")->Unit(benchmark::kMillisecond);

int dump(const char* path) {
  const Scenario s = space(6, 10, 4, 42);
  const UtilityModel m(s);
  std::ofstream f(path);
  f.precision(17);
  f << "{\"parties\": " << m.parties() << ", \"outcomes\": " << s.space().size()
    << ", \"terms\": [";
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    f << (i ? ", " : "") << "[";
    for (std::size_t o = 0; o < s.issues[i].options.size(); ++o) {
      f << (o ? ", " : "") << "[";
      for (std::size_t k = 0; k < m.parties(); ++k)
        f << (k ? ", " : "") << m.term(k, i, static_cast<int>(o));
      f << "]";
    }
    f << "]";
  }
  f << "]}\n";
  return f ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--dump=", 7) == 0) return dump(argv[i] + 7);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

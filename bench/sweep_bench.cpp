// Sweep throughput (issue #6's targets): runs per second of the built-in scenario
// per core (one thread), and with two threads (scaling >= 1.8x), the engine and
// everything around it: parameter sampling, summaries, aggregation.
#include <benchmark/benchmark.h>

#include "analysis/victory.hpp"
#include "load/scenario_yaml.hpp"
#include "sim/sweep.hpp"

namespace {

using namespace parley;

void sweep(benchmark::State& state) {
  const Scenario s = load::resolve_scenario("");
  sim::SweepOptions o;
  o.runs = 8 * sim::kChunk;
  o.threads = static_cast<int>(state.range(0));
  o.victory = analysis::victory_thresholds(s);  // one analysis, outside the timed loop
  std::uint64_t runs = 0;
  for (auto _ : state) {
    const sim::SweepResult r = sim::run_sweep(s, o);
    runs += r.runs;
    ++o.seed;
  }
  state.counters["runs_per_second"] =
      benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
  state.counters["uncertain_parameters"] = static_cast<double>(s.uncertain.size());
  state.SetLabel(s.process.designs[0].id);
}
BENCHMARK(sweep)
    ->Name("sweep/ukraine-2025/threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
BENCHMARK_MAIN();

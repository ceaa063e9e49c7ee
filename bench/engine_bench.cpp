// The negotiating process (issue #4's targets):
//   one 36-month run of the built-in scenario under its first design (multitrack)
//   target <= 200 us, no heap allocation per meeting once warm (counted here);
//   mediated single-text steps per second on the GENIUS sample domains (a step is
//   one proposal and every party's vote).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "engine/engine.hpp"
#include "load/scenario_yaml.hpp"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}  // namespace

// Count every allocation of the process (the benchmark reports those per run).
// GCC cannot see that new and delete are replaced together, hence the pragma.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
#pragma GCC diagnostic pop

namespace {

using namespace parley;

void run_builtin(benchmark::State& state) {
  const Scenario s = load::resolve_scenario("");
  engine::Engine e(s, 0);
  engine::RunResult r;
  for (std::uint64_t w = 1; w <= 8; ++w) e.run(w, r);  // warm: buffers reach their sizes
  std::uint64_t seed = 1, allocations = 0, meetings = 0, runs = 0;
  for (auto _ : state) {
    const std::uint64_t before = g_allocations.load(std::memory_order_relaxed);
    e.run(seed, r);
    allocations += g_allocations.load(std::memory_order_relaxed) - before;
    for (const auto& ev : r.events) meetings += ev.type == engine::EventType::meeting ? 1 : 0;
    ++runs;
    seed = seed % 8 + 1;  // cycle over 8 seeds, all warmed after the first pass
    benchmark::DoNotOptimize(r.package.data());
  }
  state.counters["meetings_per_run"] = static_cast<double>(meetings) / static_cast<double>(runs);
  state.counters["allocs_per_run"] = static_cast<double>(allocations) / static_cast<double>(runs);
  state.counters["months"] = s.process.horizon;
  state.SetLabel(s.process.designs[0].id);
}
BENCHMARK(run_builtin)->Name("run/ukraine-2025")->Unit(benchmark::kMicrosecond);

void steps_genius(benchmark::State& state, const std::string& domain) {
  const Scenario s = load::resolve_scenario(std::string(PARLEY_DATA_DIR) + "/genius/" + domain);
  engine::Engine e(s, 0);
  engine::RunResult r;
  std::uint64_t steps = 0, seed = 1;
  for (auto _ : state) {
    e.run(seed++, r);
    steps += static_cast<std::uint64_t>(r.rounds);
  }
  state.counters["steps_per_second"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["parties"] = static_cast<double>(e.model().parties());
}
BENCHMARK_CAPTURE(steps_genius, Laptop, std::string("Laptop"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(steps_genius, ItexvsCypress, std::string("ItexvsCypress"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(steps_genius, EnglandZimbabwe, std::string("EnglandZimbabwe"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(steps_genius, Grocery, std::string("Grocery"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(steps_genius, Party, std::string("Party"))->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

#pragma once
// Monte Carlo sweeps (docs/model.md, "Monte Carlo: sweeps and comparisons"): many runs of a
// scenario with its uncertain parameters drawn once per run (draws.hpp), on threads (and MPI
// ranks), with streaming aggregates (aggregate.hpp) and paired differences (paired.hpp) whose
// bytes do not depend on the thread or process count.
//
// Run k of a sweep with base seed S draws its parameters from the stream derive(S, k, 0) and
// runs the engine with seed derive(S, k, 1): run k is the same whatever runs alongside it.
// Runs are grouped in chunks of kChunk; a chunk is aggregated in run order and chunks are
// merged in chunk order, so floating-point sums are added in one fixed order.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "sim/aggregate.hpp"
#include "sim/draws.hpp"
#include "sim/paired.hpp"
#include "sim/policy.hpp"
#include "sim/summary.hpp"

namespace parley::sim {

constexpr std::uint64_t kChunk = 256;

/// How far a sweep has come, for a progress display (called from one thread at a time).
struct Progress {
  std::uint64_t done = 0, planned = 0;  // runs of this process
  double seconds = 0;                   // since the sweep started
};

struct SweepOptions {
  std::uint64_t runs = 1000;
  std::uint64_t seed = 1;
  std::vector<int> designs{0};   // one: a sweep; more: a comparison of designs
  std::vector<Policy> policies;  // empty: the scenario as is; more than one: compared
  Without without;               // mechanisms switched off in every variant (--without)
  double effort_budget = 0;      // equal effort: proposals a month per design (0: cadences)
  int threads = 1;
  int rank = 0, ranks = 1;  // MPI: this process takes chunks c with c % ranks == rank
  /// Overrides applied after sampling (sensitivity): uncertain index -> value.
  std::vector<std::pair<std::size_t, double>> fixed;
  /// Chunks already done (resume): skipped.
  std::vector<unsigned char> done;
  /// Called about ten times a second while the sweep runs, and once at its end (empty: none).
  std::function<void(const Progress&)> progress;
  /// Victory thresholds per stakeholder (empty: computed from the scenario, which runs the
  /// analysis once).
  std::vector<double> victory;
};

/// What one chunk produced, handed to the sink in chunk order.
struct ChunkResult {
  std::uint64_t chunk = 0;
  std::vector<Aggregate> aggregates;  // per variant (design x policy)
  Paired paired;
  std::vector<RunSummary> runs;  // every run of every variant, in run order (with a sink)
};

struct SweepResult {
  std::vector<Aggregate> aggregates;  // per variant
  Paired paired;
  std::uint64_t runs = 0;
  double seconds = 0;
};

/// Runs the sweep. `sink` (optional) sees every chunk this process computed, in chunk order,
/// from one thread at a time (e.g. to store it). `preloaded` chunks (resume) are merged in
/// their place instead of being run.
SweepResult run_sweep(const Scenario& s, const SweepOptions& o,
                      const std::function<void(const ChunkResult&)>& sink = {},
                      const std::vector<ChunkResult>& preloaded = {});

/// Number of variants and the name of variant v (design, or design/policy).
std::size_t variants(const SweepOptions& o);
std::string variant_name(const Scenario& s, const SweepOptions& o, std::size_t v);

/// A chunk's aggregates (CBOR array of versioned aggregate documents) and paired differences
/// (a versioned CBOR document), as the results store keeps them, and back. Throws
/// parley::Error for another format or layout.
std::string encode_aggregates(const ChunkResult& c);
std::string encode_paired(const ChunkResult& c);
ChunkResult decode_chunk(const Scenario& s, const SweepOptions& o, std::uint64_t chunk,
                         const std::string& aggregates, const std::string& paired);
/// A whole chunk in one CBOR document (MPI), and back.
std::string encode_chunk(const ChunkResult& c);
ChunkResult decode_chunk(const Scenario& s, const SweepOptions& o, const std::string& bytes);

}  // namespace parley::sim

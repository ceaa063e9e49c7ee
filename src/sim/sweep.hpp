#pragma once
// Monte Carlo sweeps (DESIGN §7): many runs of a scenario with its uncertain
// parameters sampled once per run, on threads (and MPI ranks), with streaming
// aggregates whose bytes do not depend on the thread or process count.
//
// Run k of a sweep with base seed S draws its parameters from the stream
// derive(S, k, 0) and runs the engine with seed derive(S, k, 1): run k is the
// same whatever runs alongside it. Runs are grouped in chunks of kChunk; a chunk
// is aggregated in run order and chunks are merged in chunk order, so floating
// sums are added in one fixed order.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "engine/engine.hpp"

namespace parley::sim {

constexpr std::uint64_t kChunk = 256;

/// Counter-based seed of stream `stream` of run `run` (splitmix64 of the triple).
std::uint64_t derive(std::uint64_t seed, std::uint64_t run, std::uint64_t stream);

/// What a sweep keeps of one run.
struct RunSummary {
  std::uint64_t index = 0;
  int design = 0, policy = 0;
  engine::Outcome outcome = engine::Outcome::no_agreement;
  int framework_month = -1, final_month = -1, ceasefire_month = -1, months = 0, collapses = 0;
  int leaks = 0, escalations = 0, walkouts = 0, leverage = 0;
  std::vector<double> utility;         // per stakeholder
  std::vector<unsigned char> victory;  // per stakeholder: can claim victory with the text in force
  std::vector<int> package;            // the text at the end
  std::vector<double> costs;           // [party * units + unit], whole run
  std::vector<double> params;          // sampled values, in scenario.uncertain order
};

/// Streaming aggregates of many runs: counts and sums (and sums of squares) in
/// two flat arrays, so merging is element-wise addition and storing is a blob.
class Aggregate {
 public:
  Aggregate() = default;
  Aggregate(const Scenario& s);
  void add(const RunSummary& r);
  void merge(const Aggregate& other);

  [[nodiscard]] std::uint64_t runs() const { return n_; }
  [[nodiscard]] std::string serialize() const;
  void deserialize(const std::string& blob);

  // Read access (indices as in the scenario).
  [[nodiscard]] std::uint64_t outcome(engine::Outcome o) const;
  /// Runs with the framework (final agreement) signed by month m (inclusive).
  [[nodiscard]] std::uint64_t framework_by(int m) const;
  [[nodiscard]] std::uint64_t final_by(int m) const;
  [[nodiscard]] std::uint64_t with_ceasefire() const;
  [[nodiscard]] double ceasefire_month_sum() const;
  [[nodiscard]] double ceasefire_month_sumsq() const;
  /// Runs that signed a framework whose text has option o of issue i.
  [[nodiscard]] std::uint64_t option_count(std::size_t issue, int option) const;
  [[nodiscard]] std::uint64_t signed_runs() const;
  [[nodiscard]] double utility_sum(std::size_t k) const;
  [[nodiscard]] double utility_sumsq(std::size_t k) const;
  [[nodiscard]] std::uint64_t victory(std::size_t k) const;
  [[nodiscard]] double cost_sum(std::size_t pu) const;
  [[nodiscard]] double cost_sumsq(std::size_t pu) const;
  /// Per-run counters: 0 leaks, 1 escalations, 2 walkouts, 3 collapses, 4 leverage fired.
  [[nodiscard]] double counter_sum(int c) const;
  [[nodiscard]] double counter_sumsq(int c) const;
  [[nodiscard]] int horizon() const { return T_; }

 private:
  std::uint64_t n_ = 0;
  int T_ = 0;
  std::size_t K_ = 0, PU_ = 0;
  std::vector<std::size_t> option_offset_;
  std::vector<std::uint64_t> cnt_;
  std::vector<double> sum_;
  // layout offsets into cnt_ and sum_
  std::size_t c_outcome_ = 0, c_fw_ = 0, c_fin_ = 0, c_cf_ = 0, c_opt_ = 0, c_signed_ = 0,
              c_victory_ = 0;
  std::size_t s_cf_ = 0, s_util_ = 0, s_cost_ = 0, s_counter_ = 0;
};

/// Paired differences of designs or policies run on the same sampled parameters:
/// per metric the mean of (metric(variant) − metric(variant 0)) and its sum of squares.
struct Paired {
  std::vector<std::string> metrics;  // names
  std::vector<double> sum, sumsq;    // [variant * metrics + metric]
  std::uint64_t n = 0;
  void init(std::size_t variants, std::vector<std::string> names);
  void merge(const Paired& other);
  [[nodiscard]] std::string serialize() const;
  void deserialize(const std::string& blob);
};

/// Per uncertain field, the index of its linked draw (in order of first use), or -1.
std::vector<int> draw_groups(const Scenario& s);

/// The months the tables report P(signed by month m) at: every six months from
/// month 5, and the last month.
std::vector<int> checkpoints(int horizon);

/// The metrics a comparison pairs, from one run (names in paired_metric_names()),
/// written into `out` (its storage reused); `months` is checkpoints(horizon).
void paired_metrics(const Scenario& s, std::span<const int> months, const RunSummary& r,
                    std::vector<double>& out);
std::vector<std::string> paired_metric_names(const Scenario& s);

/// A leverage policy: which instruments are available (all, none, or listed).
struct Policy {
  std::string name;
  std::vector<unsigned char> enabled;  // per leverage instrument
};
/// Parses "all", "none" or "id+id+..." against the scenario's instruments.
Policy parse_policy(const Scenario& s, const std::string& text);

struct SweepOptions {
  std::uint64_t runs = 1000;
  std::uint64_t seed = 1;
  std::vector<int> designs{0};   // one: a sweep; more: a comparison of designs
  std::vector<Policy> policies;  // empty: the scenario as is; more than one: compared
  int threads = 1;
  int rank = 0, ranks = 1;  // MPI: this process takes chunks c with c % ranks == rank
  /// Overrides applied after sampling (sensitivity): uncertain index -> value.
  std::vector<std::pair<std::size_t, double>> fixed;
  /// Chunks already done (resume): skipped.
  std::vector<unsigned char> done;
  bool progress = false;  // a progress bar on stderr
  /// Victory thresholds per stakeholder (empty: computed from the scenario, which
  /// runs the analysis once).
  std::vector<double> victory;
};

/// What one chunk produced, handed to the sink in chunk order.
struct ChunkResult {
  std::uint64_t chunk = 0;
  std::vector<Aggregate> aggregates;  // per variant (design x policy)
  Paired paired;
  std::vector<RunSummary> runs;  // every run of every variant, in run order
};

struct SweepResult {
  std::vector<Aggregate> aggregates;  // per variant
  Paired paired;
  std::uint64_t runs = 0;
  double seconds = 0;
};

/// Runs the sweep. `sink` (optional) sees every chunk this process computed, in
/// chunk order, from one thread at a time (e.g. to store it). `preloaded`
/// chunks (resume) are merged in their place instead of being run.
SweepResult run_sweep(const Scenario& s, const SweepOptions& o,
                      const std::function<void(const ChunkResult&)>& sink = {},
                      const std::vector<ChunkResult>& preloaded = {});

/// Per stakeholder: the scenario's `victory`, else r + ½(ideal − r) over the ZOPA
/// (docs/model.md), which runs the analysis once.
std::vector<double> victory_thresholds(const Scenario& s);

/// Number of variants and the name of variant v (design, or design/policy).
std::size_t variants(const SweepOptions& o);
std::string variant_name(const Scenario& s, const SweepOptions& o, std::size_t v);

}  // namespace parley::sim

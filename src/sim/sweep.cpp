#include "sim/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "analysis/victory.hpp"
#include "core/errors.hpp"
#include "engine/engine.hpp"

namespace parley::sim {

std::size_t variants(const SweepOptions& o) {
  return o.designs.size() * std::max<std::size_t>(1, o.policies.size());
}

std::string variant_name(const Scenario& s, const SweepOptions& o, std::size_t v) {
  const std::size_t P = std::max<std::size_t>(1, o.policies.size());
  const std::string d = s.process.designs[static_cast<std::size_t>(o.designs[v / P])].id;
  if (o.policies.empty()) return d;
  if (o.designs.size() == 1) return o.policies[v % P].name;
  return d + "/" + o.policies[v % P].name;
}

namespace {

std::string cbor(const nlohmann::json& j) {
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(j);
  return {bytes.begin(), bytes.end()};
}

nlohmann::json uncbor(const std::string& bytes, const char* what) {
  nlohmann::json j = nlohmann::json::from_cbor(bytes, true, false);
  if (j.is_discarded()) throw Error(std::string("stored ") + what + " are not valid CBOR");
  return j;
}

nlohmann::json aggregates_json(const ChunkResult& c) {
  nlohmann::json out = nlohmann::json::array();
  for (const Aggregate& a : c.aggregates) out.push_back(a.to_json());
  return out;
}

void fill(const Scenario& s, const SweepOptions& o, const nlohmann::json& aggregates,
          const nlohmann::json& paired, ChunkResult& c) {
  const std::size_t V = variants(o);
  if (!aggregates.is_array() || aggregates.size() != V)
    throw Error("stored chunk has " +
                std::to_string(aggregates.is_array() ? aggregates.size() : 0) + " variants, not " +
                std::to_string(V));
  c.aggregates.assign(V, Aggregate(s));
  for (std::size_t v = 0; v < V; ++v) c.aggregates[v].from_json(aggregates[v]);
  c.paired.init(V, paired_metric_names(s));
  c.paired.from_json(paired);
}

}  // namespace

std::string encode_aggregates(const ChunkResult& c) {
  return cbor(aggregates_json(c));
}

std::string encode_paired(const ChunkResult& c) {
  return cbor(c.paired.to_json());
}

ChunkResult decode_chunk(const Scenario& s, const SweepOptions& o, std::uint64_t chunk,
                         const std::string& aggregates, const std::string& paired) {
  ChunkResult c;
  c.chunk = chunk;
  fill(s, o, uncbor(aggregates, "aggregates"), uncbor(paired, "paired differences"), c);
  return c;
}

std::string encode_chunk(const ChunkResult& c) {
  return cbor({{"format", "parley-chunk"},
               {"version", 1},
               {"chunk", c.chunk},
               {"aggregates", aggregates_json(c)},
               {"paired", c.paired.to_json()}});
}

ChunkResult decode_chunk(const Scenario& s, const SweepOptions& o, const std::string& bytes) {
  const nlohmann::json j = uncbor(bytes, "chunks");
  if (!j.is_object() || j.value("format", "") != "parley-chunk" || j.value("version", 0) != 1)
    throw Error("not a parley chunk of this version");
  ChunkResult c;
  c.chunk = j.at("chunk").get<std::uint64_t>();
  fill(s, o, j.at("aggregates"), j.at("paired"), c);
  return c;
}

namespace {

/// What every worker shares: the plan, the ordered merge, the progress counter.
struct Plan {
  const Scenario& s;
  const SweepOptions& o;
  std::size_t V = 0, P = 0;
  std::vector<double> victory;
  bool trajectory = false;  // the draws move reservation trajectories: the ZOPA month moves
  std::vector<std::string> names;
  std::vector<int> months;
  std::vector<std::uint64_t> todo, order;  // chunks to run; chunks to merge, in order
};

/// One thread's copy of the scenario, its engines and buffers.
class Worker {
 public:
  explicit Worker(const Plan& plan) : plan_(plan), s_(plan.s), draws_(plan.s) {
    for (int d : plan.o.designs) {
      engines_.push_back(std::make_unique<engine::Engine>(s_, static_cast<std::size_t>(d)));
      engines_.back()->set_without(plan.o.without);
      engines_.back()->set_effort_budget(plan.o.effort_budget);
    }
    per_variant_.resize(plan.V);
  }
  /// Runs chunk c into `cr`, counting finished runs into `done`.
  void run_chunk(std::uint64_t c, ChunkResult& cr, bool keep_runs,
                 std::atomic<std::uint64_t>& done);

 private:
  void run_one(std::uint64_t k, ChunkResult& cr, bool keep_runs);
  void pair(ChunkResult& cr);
  const Plan& plan_;
  Scenario s_;  // this worker's copy: the draws are written into it
  ParameterDraws draws_;
  std::vector<std::unique_ptr<engine::Engine>> engines_;  // per design in the sweep
  engine::RunResult result_;
  std::vector<double> params_, base_, metrics_;
  std::vector<RunSummary> per_variant_;
};

void Worker::run_chunk(std::uint64_t c, ChunkResult& cr, bool keep_runs,
                       std::atomic<std::uint64_t>& done) {
  cr.chunk = c;
  cr.aggregates.assign(plan_.V, Aggregate(plan_.s));
  cr.paired.init(plan_.V, plan_.names);
  const std::uint64_t first = c * kChunk, last = std::min(plan_.o.runs, first + kChunk);
  for (std::uint64_t k = first; k < last; ++k) {
    run_one(k, cr, keep_runs);
    done.fetch_add(1, std::memory_order_relaxed);
  }
}

void Worker::run_one(std::uint64_t k, ChunkResult& cr, bool keep_runs) {
  const SweepOptions& o = plan_.o;
  draws_.draw(o.seed, k, params_);
  for (const auto& f : o.fixed) params_[f.first] = f.second;
  for (std::size_t u = 0; u < s_.uncertain.size(); ++u) s_.uncertain[u].set(s_, params_[u]);
  const std::uint64_t engine_seed = derive(o.seed, k, 1);
  for (std::size_t di = 0; di < o.designs.size(); ++di) {
    engine::Engine& e = *engines_[di];
    for (std::size_t pi = 0; pi < plan_.P; ++pi) {
      const std::size_t v = di * plan_.P + pi;
      if (!o.policies.empty()) {
        e.set_enabled(o.policies[pi].enabled);
        Without w = o.without;
        e.set_without(w |= o.policies[pi].without);
      }
      e.run(engine_seed, result_, {&s_, plan_.trajectory && pi == 0});
      RunSummary& r = per_variant_[v];
      r.index = k;
      r.design = o.designs[di];
      r.policy = static_cast<int>(pi);
      summarise(result_, plan_.victory, r);
      if (keep_runs) r.params = params_;
      cr.aggregates[v].add(r);
      if (keep_runs) cr.runs.push_back(r);
    }
  }
  pair(cr);
}

void Worker::pair(ChunkResult& cr) {
  ++cr.paired.n;
  if (plan_.V == 1) return;  // a sweep pairs nothing (a variant against itself differs by 0)
  paired_metrics(plan_.s, plan_.months, per_variant_[0], base_);
  const std::size_t M = base_.size();
  for (std::size_t v = 1; v < plan_.V; ++v) {
    paired_metrics(plan_.s, plan_.months, per_variant_[v], metrics_);
    for (std::size_t j = 0; j < M; ++j) cr.paired.diff[v * M + j].add(metrics_[j] - base_[j]);
  }
}

Plan make_plan(const Scenario& s, const SweepOptions& o, const std::vector<ChunkResult>& preloaded,
               std::map<std::uint64_t, ChunkResult>& ready) {
  Plan plan{s, o, 0, 0, {}, false, {}, {}, {}, {}};
  plan.V = variants(o);
  plan.P = std::max<std::size_t>(1, o.policies.size());
  plan.victory = o.victory.empty() ? analysis::victory_thresholds(s) : o.victory;
  // Fixed values are uncertain fields too: one flag covers both.
  for (const auto& u : s.uncertain) plan.trajectory = plan.trajectory || (u.affects & kTrajectory);
  plan.names = paired_metric_names(s);
  plan.months = checkpoints(s.process.horizon);
  for (const auto& pc : preloaded) ready[pc.chunk] = pc;
  const std::uint64_t chunks = (o.runs + kChunk - 1) / kChunk;
  for (std::uint64_t c = 0; c < chunks; ++c) {
    if (c % static_cast<std::uint64_t>(o.ranks) != static_cast<std::uint64_t>(o.rank)) continue;
    if (ready.count(c)) {
      plan.order.push_back(c);
      continue;
    }
    if (c < o.done.size() && o.done[c]) continue;
    plan.todo.push_back(c);
    plan.order.push_back(c);
  }
  return plan;
}

}  // namespace

SweepResult run_sweep(const Scenario& s, const SweepOptions& o,
                      const std::function<void(const ChunkResult&)>& sink,
                      const std::vector<ChunkResult>& preloaded) {
  const auto start = std::chrono::steady_clock::now();
  auto since_start = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::map<std::uint64_t, ChunkResult> ready;  // computed or preloaded, waiting to be merged
  const Plan plan = make_plan(s, o, preloaded, ready);
  SweepResult total;
  total.aggregates.assign(plan.V, Aggregate(s));
  total.paired.init(plan.V, plan.names);
  std::mutex mu;
  std::size_t next_merge = 0;
  std::atomic<std::size_t> next_todo{0};
  std::atomic<std::uint64_t> runs_done{0};
  std::exception_ptr failure;
  auto merge_ready = [&] {  // under mu: merge, in chunk order, what is ready
    for (; next_merge < plan.order.size(); ++next_merge) {
      auto it = ready.find(plan.order[next_merge]);
      if (it == ready.end()) break;
      for (std::size_t v = 0; v < plan.V; ++v) total.aggregates[v].merge(it->second.aggregates[v]);
      total.paired.merge(it->second.paired);
      if (sink && std::binary_search(plan.todo.begin(), plan.todo.end(), it->first))
        sink(it->second);
      ready.erase(it);
    }
  };
  {
    std::lock_guard<std::mutex> lock(mu);
    merge_ready();
  }
  auto work = [&] {
    try {
      Worker w(plan);
      for (std::size_t t; (t = next_todo.fetch_add(1)) < plan.todo.size();) {
        ChunkResult cr;
        w.run_chunk(plan.todo[t], cr, static_cast<bool>(sink), runs_done);
        std::lock_guard<std::mutex> lock(mu);
        ready[cr.chunk] = std::move(cr);
        merge_ready();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!failure) failure = std::current_exception();
      next_todo.store(plan.todo.size());
    }
  };
  std::uint64_t planned = 0;
  for (std::uint64_t c : plan.todo) planned += std::min(o.runs, (c + 1) * kChunk) - c * kChunk;
  std::vector<std::thread> pool;
  for (int i = 0; i < std::max(1, o.threads); ++i) pool.emplace_back(work);
  while (o.progress) {
    const std::uint64_t done = runs_done.load();
    o.progress({done, planned, since_start()});
    if (done >= planned) break;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (failure) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  total.runs = total.aggregates.empty() ? 0 : total.aggregates[0].runs();
  total.seconds = since_start();
  return total;
}

}  // namespace parley::sim

#include "sim/sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "analysis/analyze.hpp"
#include "core/errors.hpp"

namespace parley::sim {

std::uint64_t derive(std::uint64_t seed, std::uint64_t run, std::uint64_t stream) {
  auto mix = [](std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  return mix(mix(mix(seed) ^ run) ^ (stream * 0xd6e8feb86659fd93ULL));
}

// ---- Aggregate ---------------------------------------------------------------

namespace {
constexpr int kOutcomes = 5, kCounters = 5;
}

Aggregate::Aggregate(const Scenario& s) {
  T_ = s.process.horizon;
  K_ = s.stakeholders().size();
  PU_ = s.parties.size() * s.dynamics.units.size();
  option_offset_.assign(s.issues.size() + 1, 0);
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    option_offset_[i + 1] = option_offset_[i] + s.issues[i].options.size();
  const auto T = static_cast<std::size_t>(T_);
  std::size_t c = 0;
  c_outcome_ = c;
  c += kOutcomes;
  c_fw_ = c;
  c += T + 1;
  c_fin_ = c;
  c += T + 1;
  c_cf_ = c;
  c += 1;
  c_opt_ = c;
  c += option_offset_.back();
  c_signed_ = c;
  c += 1;
  c_victory_ = c;
  c += K_;
  cnt_.assign(c, 0);
  std::size_t d = 0;
  s_cf_ = d;
  d += 2;
  s_util_ = d;
  d += 2 * K_;
  s_cost_ = d;
  d += 2 * PU_;
  s_counter_ = d;
  d += 2 * kCounters;
  sum_.assign(d, 0.0);
}

void Aggregate::add(const RunSummary& r) {
  ++n_;
  const auto T = static_cast<std::size_t>(T_);
  ++cnt_[c_outcome_ + static_cast<std::size_t>(r.outcome)];
  ++cnt_[c_fw_ + (r.framework_month >= 0 ? static_cast<std::size_t>(r.framework_month) : T)];
  ++cnt_[c_fin_ + (r.final_month >= 0 ? static_cast<std::size_t>(r.final_month) : T)];
  if (r.ceasefire_month >= 0) {
    ++cnt_[c_cf_];
    const double m = r.ceasefire_month;
    sum_[s_cf_] += m;
    sum_[s_cf_ + 1] += m * m;
  }
  if (r.framework_month >= 0) {
    ++cnt_[c_signed_];
    for (std::size_t i = 0; i < r.package.size(); ++i)
      ++cnt_[c_opt_ + option_offset_[i] + static_cast<std::size_t>(r.package[i])];
  }
  for (std::size_t k = 0; k < K_; ++k) {
    sum_[s_util_ + 2 * k] += r.utility[k];
    sum_[s_util_ + 2 * k + 1] += r.utility[k] * r.utility[k];
    cnt_[c_victory_ + k] += r.victory[k];
  }
  for (std::size_t j = 0; j < PU_; ++j) {
    sum_[s_cost_ + 2 * j] += r.costs[j];
    sum_[s_cost_ + 2 * j + 1] += r.costs[j] * r.costs[j];
  }
  const int counters[kCounters] = {r.leaks, r.escalations, r.walkouts, r.collapses, r.leverage};
  for (int c = 0; c < kCounters; ++c) {
    const double v = counters[c];
    sum_[s_counter_ + 2 * static_cast<std::size_t>(c)] += v;
    sum_[s_counter_ + 2 * static_cast<std::size_t>(c) + 1] += v * v;
  }
}

void Aggregate::merge(const Aggregate& o) {
  n_ += o.n_;
  for (std::size_t i = 0; i < cnt_.size(); ++i) cnt_[i] += o.cnt_[i];
  for (std::size_t i = 0; i < sum_.size(); ++i) sum_[i] += o.sum_[i];
}

std::string Aggregate::serialize() const {
  std::string out(sizeof(n_) + cnt_.size() * 8 + sum_.size() * 8, '\0');
  char* p = out.data();
  std::memcpy(p, &n_, 8);
  std::memcpy(p + 8, cnt_.data(), cnt_.size() * 8);
  std::memcpy(p + 8 + cnt_.size() * 8, sum_.data(), sum_.size() * 8);
  return out;
}

void Aggregate::deserialize(const std::string& blob) {
  if (blob.size() != 8 + cnt_.size() * 8 + sum_.size() * 8)
    throw Error("stored aggregate has the wrong size for this scenario");
  std::memcpy(&n_, blob.data(), 8);
  std::memcpy(cnt_.data(), blob.data() + 8, cnt_.size() * 8);
  std::memcpy(sum_.data(), blob.data() + 8 + cnt_.size() * 8, sum_.size() * 8);
}

std::uint64_t Aggregate::outcome(engine::Outcome o) const {
  return cnt_[c_outcome_ + static_cast<std::size_t>(o)];
}
std::uint64_t Aggregate::framework_by(int m) const {
  std::uint64_t c = 0;
  for (int t = 0; t <= std::min(m, T_ - 1); ++t) c += cnt_[c_fw_ + static_cast<std::size_t>(t)];
  return c;
}
std::uint64_t Aggregate::final_by(int m) const {
  std::uint64_t c = 0;
  for (int t = 0; t <= std::min(m, T_ - 1); ++t) c += cnt_[c_fin_ + static_cast<std::size_t>(t)];
  return c;
}
std::uint64_t Aggregate::with_ceasefire() const {
  return cnt_[c_cf_];
}
double Aggregate::ceasefire_month_sum() const {
  return sum_[s_cf_];
}
double Aggregate::ceasefire_month_sumsq() const {
  return sum_[s_cf_ + 1];
}
std::uint64_t Aggregate::option_count(std::size_t issue, int option) const {
  return cnt_[c_opt_ + option_offset_[issue] + static_cast<std::size_t>(option)];
}
std::uint64_t Aggregate::signed_runs() const {
  return cnt_[c_signed_];
}
double Aggregate::utility_sum(std::size_t k) const {
  return sum_[s_util_ + 2 * k];
}
double Aggregate::utility_sumsq(std::size_t k) const {
  return sum_[s_util_ + 2 * k + 1];
}
std::uint64_t Aggregate::victory(std::size_t k) const {
  return cnt_[c_victory_ + k];
}
double Aggregate::cost_sum(std::size_t pu) const {
  return sum_[s_cost_ + 2 * pu];
}
double Aggregate::cost_sumsq(std::size_t pu) const {
  return sum_[s_cost_ + 2 * pu + 1];
}
double Aggregate::counter_sum(int c) const {
  return sum_[s_counter_ + 2 * static_cast<std::size_t>(c)];
}
double Aggregate::counter_sumsq(int c) const {
  return sum_[s_counter_ + 2 * static_cast<std::size_t>(c) + 1];
}

// ---- Paired --------------------------------------------------------------------

void Paired::init(std::size_t variants, std::vector<std::string> names) {
  metrics = std::move(names);
  sum.assign(variants * metrics.size(), 0.0);
  sumsq.assign(variants * metrics.size(), 0.0);
  n = 0;
}

void Paired::merge(const Paired& o) {
  n += o.n;
  for (std::size_t i = 0; i < sum.size(); ++i) {
    sum[i] += o.sum[i];
    sumsq[i] += o.sumsq[i];
  }
}

std::string Paired::serialize() const {
  std::string out(8 + sum.size() * 16, '\0');
  std::memcpy(out.data(), &n, 8);
  std::memcpy(out.data() + 8, sum.data(), sum.size() * 8);
  std::memcpy(out.data() + 8 + sum.size() * 8, sumsq.data(), sum.size() * 8);
  return out;
}

void Paired::deserialize(const std::string& blob) {
  if (blob.size() != 8 + sum.size() * 16) throw Error("stored comparison has the wrong size");
  std::memcpy(&n, blob.data(), 8);
  std::memcpy(sum.data(), blob.data() + 8, sum.size() * 8);
  std::memcpy(sumsq.data(), blob.data() + 8 + sum.size() * 8, sum.size() * 8);
}

std::vector<int> draw_groups(const Scenario& s) {
  std::vector<int> group(s.uncertain.size(), -1);
  std::vector<std::string> names;
  for (std::size_t u = 0; u < s.uncertain.size(); ++u) {
    const std::string& d = s.uncertain[u].draw;
    if (d.empty()) continue;
    const auto it = std::find(names.begin(), names.end(), d);
    group[u] = static_cast<int>(it - names.begin());
    if (it == names.end()) names.push_back(d);
  }
  return group;
}

std::vector<int> checkpoints(int horizon) {
  std::vector<int> m;
  for (int t = 5; t < horizon - 1; t += 6) m.push_back(t);
  m.push_back(horizon - 1);
  return m;
}

std::vector<std::string> paired_metric_names(const Scenario& s) {
  std::vector<std::string> names{"final_agreement", "framework_signed",
                                 "framework_month_or_horizon"};
  const auto cps = checkpoints(s.process.horizon);
  for (std::size_t c = 0; c + 1 < cps.size(); ++c)
    names.push_back("framework_by." + std::to_string(cps[c]));
  names.push_back("ceasefire_month_or_horizon");
  for (int p : s.stakeholders())
    names.push_back("utility." + s.parties[static_cast<std::size_t>(p)].id);
  for (int p : s.stakeholders())
    names.push_back("victory." + s.parties[static_cast<std::size_t>(p)].id);
  for (const auto& p : s.parties)
    for (const auto& u : s.dynamics.units) names.push_back("cost." + p.id + "." + u.id);
  names.push_back("leaks");
  names.push_back("collapses");
  for (const auto& issue : s.issues)
    for (const auto& o : issue.options) names.push_back("terms." + issue.id + "." + o.id);
  return names;
}

void paired_metrics(const Scenario& s, std::span<const int> months, const RunSummary& r,
                    std::vector<double>& m) {
  const int T = s.process.horizon;
  m.assign({r.outcome == engine::Outcome::final_agreement ? 1.0 : 0.0,
            r.framework_month >= 0 ? 1.0 : 0.0,
            static_cast<double>(r.framework_month >= 0 ? r.framework_month : T)});
  for (std::size_t c = 0; c + 1 < months.size(); ++c)
    m.push_back(r.framework_month >= 0 && r.framework_month <= months[c] ? 1.0 : 0.0);
  m.push_back(static_cast<double>(r.ceasefire_month >= 0 ? r.ceasefire_month : T));
  m.insert(m.end(), r.utility.begin(), r.utility.end());
  m.insert(m.end(), r.victory.begin(), r.victory.end());
  m.insert(m.end(), r.costs.begin(), r.costs.end());
  m.push_back(r.leaks);
  m.push_back(r.collapses);
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    for (std::size_t o = 0; o < s.issues[i].options.size(); ++o)
      m.push_back(r.framework_month >= 0 && r.package[i] == static_cast<int>(o) ? 1.0 : 0.0);
}

Policy parse_policy(const Scenario& s, const std::string& text) {
  Policy p;
  p.name = text;
  const std::size_t L = s.dynamics.leverage.size();
  if (text == "all") {
    p.enabled.assign(L, 1);
    return p;
  }
  p.enabled.assign(L, 0);
  if (text == "none") return p;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('+', start), text.size());
    const std::string id = text.substr(start, end - start);
    std::size_t l = 0;
    while (l < L && s.dynamics.leverage[l].id != id) ++l;
    if (l == L) {
      std::string ids;
      for (const auto& lv : s.dynamics.leverage) ids += (ids.empty() ? "" : ", ") + lv.id;
      throw ValidationError({Diagnostic{
          "--policies", 1, 1, "unknown leverage instrument '" + id + "' in policy '" + text + "'",
          "a policy is all, none, or ids joined by '+': " +
              (ids.empty() ? std::string("(the scenario has none)") : ids)}});
    }
    p.enabled[l] = 1;
    start = end + 1;
  }
  return p;
}

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

// ---- the sweep -----------------------------------------------------------------

std::vector<double> victory_thresholds(const Scenario& s) {
  bool all = true;
  for (int p : s.stakeholders())
    all = all && s.preferences[static_cast<std::size_t>(p)]->victory.has_value();
  if (all) {
    std::vector<double> v;
    for (int p : s.stakeholders())
      v.push_back(*s.preferences[static_cast<std::size_t>(p)]->victory);
    return v;
  }
  analysis::AnalysisOptions ao;
  ao.top = 0;
  return analysis::analyze(s, {}, ao).victory;
}

namespace {

/// One thread's copy of the scenario and its engines.
struct Worker {
  std::unique_ptr<Scenario> s;
  std::vector<std::unique_ptr<engine::Engine>> engines;  // per design in the sweep
  engine::RunResult result;
  std::vector<double> params;
  std::vector<double> variates;  // per linked draw, this run's uniform variate
};

bool moves_trajectory(const std::string& path) {
  return (path.rfind("preferences.", 0) == 0 && path.size() > 12 &&
          path.substr(path.size() - 12) == ".reservation") ||
         path.rfind("process.fatigue.", 0) == 0 || path.rfind("dynamics.drift.", 0) == 0;
}

void summarise(const engine::RunResult& r, const std::vector<double>& victory, RunSummary& out) {
  out.outcome = r.outcome;
  out.framework_month = r.framework_month;
  out.final_month = r.final_month;
  out.ceasefire_month = r.first_ceasefire_month;
  out.months = r.months;
  out.collapses = r.collapses;
  out.leaks = r.count(engine::EventType::leak);
  out.escalations = r.count(engine::EventType::escalation);
  out.walkouts = r.count(engine::EventType::walkout);
  out.leverage = r.count(engine::EventType::leverage);
  // The outcome's utility: the text in force if one is (final, or a framework that
  // holds), else what no deal is worth at the end, r(T). Victory needs a signed text.
  const bool in_force =
      r.outcome == engine::Outcome::final_agreement || r.outcome == engine::Outcome::framework_only;
  out.utility = in_force ? r.utility : r.reservation;
  out.victory.resize(r.utility.size());
  for (std::size_t k = 0; k < r.utility.size(); ++k)
    out.victory[k] = in_force && r.utility[k] >= victory[k] - 1e-9 ? 1 : 0;
  out.package = r.package;
  out.costs.resize(r.costs_before_ceasefire.size());
  for (std::size_t j = 0; j < out.costs.size(); ++j)
    out.costs[j] = r.costs_before_ceasefire[j] + r.costs_after_ceasefire[j];
}

}  // namespace

SweepResult run_sweep(const Scenario& s, const SweepOptions& o,
                      const std::function<void(const ChunkResult&)>& sink,
                      const std::vector<ChunkResult>& preloaded) {
  const auto start = std::chrono::steady_clock::now();
  const std::size_t V = variants(o), P = std::max<std::size_t>(1, o.policies.size());
  const std::uint64_t chunks = (o.runs + kChunk - 1) / kChunk;
  const std::vector<double> victory = o.victory.empty() ? victory_thresholds(s) : o.victory;
  bool trajectory = false;
  for (const auto& u : s.uncertain) trajectory = trajectory || moves_trajectory(u.path);
  for (const auto& f : o.fixed)
    trajectory = trajectory || moves_trajectory(s.uncertain[f.first].path);
  const auto names = paired_metric_names(s);
  const std::vector<int> months = checkpoints(s.process.horizon);

  auto fresh_chunk = [&](std::uint64_t c) {
    ChunkResult cr;
    cr.chunk = c;
    cr.aggregates.assign(V, Aggregate(s));
    cr.paired.init(V, names);
    return cr;
  };

  // The chunks this process merges, in order: its own (not done) and preloaded ones.
  std::map<std::uint64_t, ChunkResult> ready;
  for (const auto& pc : preloaded) ready[pc.chunk] = pc;
  std::vector<std::uint64_t> todo, order;
  for (std::uint64_t c = 0; c < chunks; ++c) {
    const bool mine = c % static_cast<std::uint64_t>(o.ranks) == static_cast<std::uint64_t>(o.rank);
    if (!mine) continue;
    if (ready.count(c)) {
      order.push_back(c);
      continue;
    }
    if (c < o.done.size() && o.done[c]) continue;
    todo.push_back(c);
    order.push_back(c);
  }

  // Linked draws: the fields naming one `draw` share a uniform variate per run.
  const std::vector<int> group = draw_groups(s);
  const int groups = group.empty() ? 0 : *std::max_element(group.begin(), group.end()) + 1;

  SweepResult total;
  total.aggregates.assign(V, Aggregate(s));
  total.paired.init(V, names);
  std::mutex mu;
  std::size_t next_merge = 0;
  std::atomic<std::size_t> next_todo{0};
  std::atomic<std::uint64_t> runs_done{0};
  std::exception_ptr failure;

  auto merge_ready = [&] {  // under mu
    while (next_merge < order.size()) {
      auto it = ready.find(order[next_merge]);
      if (it == ready.end()) break;
      for (std::size_t v = 0; v < V; ++v) total.aggregates[v].merge(it->second.aggregates[v]);
      total.paired.merge(it->second.paired);
      const bool computed = std::binary_search(todo.begin(), todo.end(), it->first);
      if (computed && sink) sink(it->second);
      ready.erase(it);
      ++next_merge;
    }
  };
  {
    std::lock_guard<std::mutex> lock(mu);
    merge_ready();
  }

  auto work = [&] {
    try {
      Worker w;
      w.s = std::make_unique<Scenario>(s);
      for (int d : o.designs)
        w.engines.push_back(std::make_unique<engine::Engine>(*w.s, static_cast<std::size_t>(d)));
      std::vector<RunSummary> per_variant(V);
      std::vector<double> base, m;
      for (;;) {
        const std::size_t t = next_todo.fetch_add(1);
        if (t >= todo.size()) break;
        const std::uint64_t c = todo[t];
        ChunkResult cr = fresh_chunk(c);
        const std::uint64_t first = c * kChunk, last = std::min(o.runs, first + kChunk);
        for (std::uint64_t k = first; k < last; ++k) {
          // Parameters: one stream per run, one draw per uncertain field in order.
          // A linked field takes its group's variate, drawn where the group first appears.
          Rng pr(derive(o.seed, k, 0));
          w.params.resize(s.uncertain.size());
          w.variates.assign(static_cast<std::size_t>(groups), -1.0);
          for (std::size_t u = 0; u < s.uncertain.size(); ++u) {
            if (group[u] < 0) {
              w.params[u] = s.uncertain[u].dist.sample(pr);
              continue;
            }
            double& v = w.variates[static_cast<std::size_t>(group[u])];
            if (v < 0) v = std::clamp(pr.uniform(), 1e-16, 1 - 1e-16);
            w.params[u] = s.uncertain[u].at(v);
          }
          for (const auto& f : o.fixed) w.params[f.first] = f.second;
          for (std::size_t u = 0; u < s.uncertain.size(); ++u)
            s.uncertain[u].set(*w.s, w.params[u]);
          const std::uint64_t engine_seed = derive(o.seed, k, 1);
          for (std::size_t di = 0; di < o.designs.size(); ++di) {
            engine::Engine& e = *w.engines[di];
            for (std::size_t pi = 0; pi < P; ++pi) {
              const std::size_t v = di * P + pi;
              if (!o.policies.empty()) e.set_enabled(o.policies[pi].enabled);
              e.run(engine_seed, w.result, {w.s.get(), trajectory && pi == 0});
              RunSummary& r = per_variant[v];
              r.index = k;
              r.design = o.designs[di];
              r.policy = static_cast<int>(pi);
              summarise(w.result, victory, r);
              if (sink) r.params = w.params;
              cr.aggregates[v].add(r);
              if (sink) cr.runs.push_back(r);
            }
          }
          // Paired differences against variant 0, same parameters and seed.
          if (V == 1) {
            ++cr.paired.n;  // a design against itself: every difference is exactly 0
            runs_done.fetch_add(1, std::memory_order_relaxed);
            continue;
          }
          ++cr.paired.n;
          if (V > 1) paired_metrics(s, months, per_variant[0], base);  // (a sweep pairs nothing)
          const std::size_t M = base.size();
          for (std::size_t v = 1; v < V; ++v) {  // variant 0 against itself: 0
            paired_metrics(s, months, per_variant[v], m);
            for (std::size_t j = 0; j < M; ++j) {
              const double d = m[j] - base[j];
              cr.paired.sum[v * M + j] += d;
              cr.paired.sumsq[v * M + j] += d * d;
            }
          }
          runs_done.fetch_add(1, std::memory_order_relaxed);
        }
        std::lock_guard<std::mutex> lock(mu);
        ready[c] = std::move(cr);
        merge_ready();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!failure) failure = std::current_exception();
      next_todo.store(todo.size());
    }
  };

  std::uint64_t planned = 0;
  for (std::uint64_t c : todo) planned += std::min(o.runs, (c + 1) * kChunk) - c * kChunk;
  const int T = std::max(1, o.threads);
  std::vector<std::thread> pool;
  for (int i = 0; i < T; ++i) pool.emplace_back(work);
  if (o.progress) {
    for (;;) {
      const std::uint64_t done = runs_done.load();
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
      const int width = 30;
      const int fill = planned ? static_cast<int>(width * done / planned) : width;
      const double eta = rate > 0 ? static_cast<double>(planned - done) / rate : 0;
      std::fprintf(stderr, "\r[%s%s] %llu/%llu runs  %.0f runs/s  ETA %.0f s ",
                   std::string(static_cast<std::size_t>(fill), '#').c_str(),
                   std::string(static_cast<std::size_t>(width - fill), '.').c_str(),
                   static_cast<unsigned long long>(done), static_cast<unsigned long long>(planned),
                   rate, eta);
      if (done >= planned) break;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (failure) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::fprintf(stderr, "\n");
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  total.runs = total.aggregates.empty() ? 0 : total.aggregates[0].runs();
  total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return total;
}

}  // namespace parley::sim

// parley sweep / compare / sensitivity: Monte Carlo over the uncertain parameters.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <thread>
#include <tuple>

#include "analysis/victory.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"
#include "core/errors.hpp"
#include "load/sources.hpp"
#include "parley/version.hpp"
#include "report/sensitivity_out.hpp"
#include "report/sweep_out.hpp"
#include "sim/mpi.hpp"
#include "sim/sensitivity.hpp"
#include "sim/store.hpp"
#include "sim/sweep.hpp"

namespace parley::cli {
namespace {

struct SweepCli {
  std::string file, variant, design, json, csv, store, param;
  std::optional<std::string> designs, policies, values, without;
  std::uint64_t runs = 0;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  bool resume = false, tornado = false, no_progress = false, ablations = false;
  double equal_effort = 0;
};

/// The outputs of a sweep, comparison or sensitivity run.
std::vector<Output> outputs_of(const SweepCli& c) {
  return {{"--json", c.json}, {"--csv", c.csv}, {"--store", c.store, true}};
}

/// The progress bar on a terminal: runs done, rate, time left.
void draw_progress(const sim::Progress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
  const int width = 30;
  const int fill = p.planned ? static_cast<int>(width * p.done / p.planned) : width;
  const double eta = rate > 0 ? static_cast<double>(p.planned - p.done) / rate : 0;
  std::fprintf(stderr, "\r[%s%s] %llu/%llu runs  %.0f runs/s  ETA %.0f s ",
               std::string(static_cast<std::size_t>(fill), '#').c_str(),
               std::string(static_cast<std::size_t>(width - fill), '.').c_str(),
               static_cast<unsigned long long>(p.done), static_cast<unsigned long long>(p.planned),
               rate, eta);
}

/// Runs, prints and writes one sweep (or comparison) with the common options.
sim::SweepResult execute(const Scenario& s, sim::SweepOptions& o, const SweepCli& c, bool compare) {
  sim::Mpi& mpi = sim::Mpi::instance();
  o.rank = mpi.rank();
  o.ranks = mpi.size();
  const bool bar = !c.no_progress && ::isatty(2) && std::getenv("CI") == nullptr && o.rank == 0;
  if (bar) o.progress = draw_progress;
  std::unique_ptr<sim::Store> store;
  std::vector<sim::ChunkResult> preloaded;
  if (!c.store.empty()) {
    if (o.ranks > 1)
      throw option_error("--store", "the results store is written by one process",
                         "run without mpirun, or drop --store");
    store = std::make_unique<sim::Store>(
        c.store, sim::store_signature(s, o, load::inputs_digest(s), kVersion), c.resume);
    preloaded = store->load(s, o);
    // A completed store is only read (it may be on read-only media).
    if (preloaded.size() < sim::chunk_count(o.runs)) store->open_for_writing();
  } else if (c.resume) {
    throw option_error("--resume", "--resume needs --store FILE", "name the store to finish");
  }
  std::vector<sim::ChunkResult> mine;  // MPI: this rank's chunks, for rank 0 to merge in order
  auto sink = [&](const sim::ChunkResult& ch) {
    if (store) store->write(s, o, ch);
    if (o.ranks > 1) {
      sim::ChunkResult copy;
      copy.chunk = ch.chunk;
      copy.aggregates = ch.aggregates;
      copy.paired = ch.paired;
      mine.push_back(std::move(copy));
    }
  };
  sim::SweepResult res =
      sim::run_sweep(s, o,
                     store || o.ranks > 1 ? std::function<void(const sim::ChunkResult&)>(sink)
                                          : std::function<void(const sim::ChunkResult&)>(),
                     preloaded);
  if (bar) std::fputs("\n", stderr);
  res = mpi.gather(s, o, mine, std::move(res));
  if (o.rank != 0) return res;
  report::SweepReport report{&s, &o, &res};
  const auto j = report::sweep_json(report);
  // The table first: a failed write loses nothing that was computed.
  if (!takes_standard_output(outputs_of(c)))
    fmt::print("{}", compare ? report::compare_table(report) : report::sweep_table(report));
  std::vector<std::string> failures;
  try {
    if (store && !store->finish(j.dump()))
      fmt::print(stderr,
                 "parley: note: results store '{}' is read-only: its final aggregates were not "
                 "recorded in it\n",
                 store->path());
  } catch (const Error& e) {
    failures.emplace_back(e.what());
  }
  write_outputs({{c.json, c.json.empty() ? "" : j.dump(2) + "\n"},
                 {c.csv, c.csv.empty() ? "" : report::sweep_csv(report)}},
                std::move(failures));
  return res;
}

void common_options(CLI::App* cmd, SweepCli& c, std::uint64_t default_runs) {
  c.runs = default_runs;
  cmd->add_option("file", c.file, file_help());
  add_variant_option(*cmd, c.variant);
  cmd->add_option("--runs,-n", c.runs, fmt::format("runs (default {})", default_runs))
      ->check(whole_number(1, 1'000'000'000));
  cmd->add_option("--seed,-s", c.seed, "base seed (default: the scenario's process.seed)")
      ->check(whole_number());
  cmd->add_option("--threads,-t", c.threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--json", c.json,
                  "write the aggregates as JSON to this file ('-': standard output, instead of "
                  "the table)");
  cmd->add_option("--csv", c.csv,
                  "write the estimates as CSV to this file ('-': standard output, instead of "
                  "the table)");
  cmd->add_option("--store", c.store, "write per-run summaries and aggregates to this SQLite file");
  cmd->add_flag("--resume", c.resume, "finish the sweep stored in --store");
  cmd->add_flag("--no-progress", c.no_progress, "no progress bar");
  cmd->add_option("--without", c.without,
                  "switch mechanisms off, comma-separated (parley run --help lists them)");
}

sim::SweepOptions base_options(const Scenario& s, const SweepCli& c) {
  sim::SweepOptions o;
  o.runs = c.runs;
  o.seed = c.seed.value_or(s.process.seed);
  if (c.without) o.without = without_of(*c.without);
  o.threads = c.threads > 0 ? c.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.victory = analysis::victory_thresholds(s);
  return o;
}

int design_of(const Scenario& s, const std::string& id, const char* option) {
  for (std::size_t d = 0; d < s.process.designs.size(); ++d)
    if (s.process.designs[d].id == id) return static_cast<int>(d);
  std::vector<std::string> ids;
  for (const auto& d : s.process.designs) ids.push_back(d.id);
  std::string list;
  for (const auto& i : ids) list += (list.empty() ? "" : ", ") + i;
  const std::string guess = closest_match(id, ids);
  throw option_error(
      option, "unknown design '" + id + "'",
      guess.empty() ? "designs: " + list : "did you mean '" + guess + "'? (" + list + ")");
}

std::size_t uncertain_of(const Scenario& s, const std::string& path) {
  for (std::size_t u = 0; u < s.uncertain.size(); ++u)
    if (s.uncertain[u].path == path) return u;
  std::vector<std::string> paths;
  for (const auto& u : s.uncertain) paths.push_back(u.path);
  const std::string guess = closest_match(path, paths);
  throw option_error("--param", "'" + path + "' is not an uncertain parameter of " + s.name,
                     paths.empty()   ? "the scenario has none: give a field a distribution first"
                     : guess.empty() ? "list them with parley sweep --json (\"uncertain\")"
                                     : "did you mean '" + guess + "'?");
}

/// The values of --values for one uncertain field: finite, within its distribution's support.
std::vector<std::pair<std::string, double>> fixed_values(const Uncertain& u,
                                                         const std::string& text) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& item : split_list(text, "--values", "0.1,0.2,0.3")) {
    const double v = finite_value(item, "--values", "0.1,0.2,0.3");
    if (v < u.dist.lo || v > u.dist.hi)
      throw option_error(
          "--values",
          fmt::format("{} is outside the support of {}, {}", item, u.path, u.dist.describe()),
          fmt::format("give values from {:g} to {:g}", u.dist.lo, u.dist.hi));
    out.emplace_back(item, v);
  }
  return out;
}

/// A leverage policy of --policies (the library's message, under the option's name).
sim::Policy policy_of(const Scenario& s, const std::string& text) {
  try {
    return sim::parse_policy(s, text);
  } catch (const ValidationError& e) {
    const Diagnostic& d = e.diagnostics().front();
    throw option_error("--policies", d.message, d.hint);
  }
}

/// A sweep or comparison's design list: --designs, or every design (one with --policies).
std::vector<int> compared_designs(const Scenario& s, const SweepCli& c) {
  std::vector<int> out;
  if (c.designs) {
    for (const auto& id : split_list(*c.designs, "--designs", "a,b"))
      out.push_back(design_of(s, id, "--designs"));
  } else if (c.policies || c.ablations) {
    out = {0};
  } else {
    for (std::size_t d = 0; d < s.process.designs.size(); ++d) out.push_back(static_cast<int>(d));
  }
  return out;
}

/// `parley sensitivity`: the table and the JSON record for --param/--values or --tornado.
std::pair<std::string, nlohmann::ordered_json> sensitivity(const Scenario& s,
                                                           const sim::SweepOptions& base,
                                                           const SweepCli& c) {
  std::string table = report::sensitivity_header(s, base);
  if (!c.param.empty()) {
    // Every value is checked before anything runs.
    const std::size_t param = uncertain_of(s, c.param);
    if (!c.values)
      throw option_error("--values", "--param needs --values", "e.g. --values 0.1,0.2,0.3");
    std::vector<report::SensitivityRow> rows;
    for (const auto& [text, v] : fixed_values(s.uncertain[param], *c.values))
      rows.push_back({text, v, sim::measure(s, base, {{param, v}})});
    return {table + report::values_table(c.param, rows),
            report::values_json(s, base, c.param, rows)};
  }
  if (c.tornado) {
    if (s.uncertain.empty())
      throw option_error("--tornado", "the scenario has no uncertain parameters",
                         "give some fields distributions (docs/scenario-format.md#uncertainty)");
    const auto bars = sim::tornado(s, base);
    return {table + report::tornado_table(s, bars), report::tornado_json(s, base, bars)};
  }
  throw option_error("--param", "sensitivity needs --param PATH --values ... or --tornado",
                     "e.g. parley sensitivity --tornado --runs 500");
}

void add_sweep_command(CLI::App& app) {
  auto c = std::make_shared<SweepCli>();
  auto* cmd = app.add_subcommand(
      "sweep", "Monte Carlo: many runs over the uncertain parameters, with 95% intervals");
  common_options(cmd, *c, 1000);
  cmd->add_option("--design,-d", c->design, "process design (default: the scenario's first)");
  cmd->callback([c, cmd] {
    const Scenario s = load_scenario_argument(c->file, cmd->count("file") > 0, c->variant);
    check_outputs(*cmd, outputs_of(*c), s);
    sim::SweepOptions o = base_options(s, *c);
    o.designs = {c->design.empty() ? 0 : design_of(s, c->design, "--design")};
    execute(s, o, *c, false);
  });
}

void add_compare_command(CLI::App& app) {
  auto c = std::make_shared<SweepCli>();
  auto* cmd = app.add_subcommand("compare",
                                 "Compare designs (or leverage policies) on the same sampled "
                                 "parameters: paired differences");
  common_options(cmd, *c, 10000);
  cmd->add_option("--designs", c->designs, "comma-separated designs (default: all)");
  cmd->add_option("--policies", c->policies,
                  "comma-separated leverage policies: all, none, or instrument ids joined by '+'");
  cmd->add_flag("--ablations", c->ablations,
                "the model as it is against the model without each mechanism in turn");
  cmd->add_option("--equal-effort", c->equal_effort,
                  "give every design the same budget of B proposals a month, spread over its "
                  "own tables, instead of their cadences")
      ->check(CLI::Range(0.01, 1000.0));
  cmd->callback([c, cmd] {
    const Scenario s = load_scenario_argument(c->file, cmd->count("file") > 0, c->variant);
    check_outputs(*cmd, outputs_of(*c), s);
    sim::SweepOptions o = base_options(s, *c);
    o.designs = compared_designs(s, *c);
    if (c->policies && c->ablations)
      throw option_error("--ablations", "--ablations and --policies both choose the variants",
                         "give one of them");
    if (c->policies)
      for (const auto& p : split_list(*c->policies, "--policies", "all,none"))
        o.policies.push_back(policy_of(s, p));
    if (c->ablations) o.policies = sim::ablation_policies(s);
    o.effort_budget = c->equal_effort;
    execute(s, o, *c, true);
  });
}

void add_sensitivity_command(CLI::App& app) {
  auto c = std::make_shared<SweepCli>();
  auto* cmd = app.add_subcommand(
      "sensitivity",
      "How the results move with one uncertain parameter (--param, --values), or a tornado over "
      "all of them");
  common_options(cmd, *c, 1000);
  cmd->add_option("--design,-d", c->design, "process design (default: the scenario's first)");
  cmd->add_option("--param", c->param, "an uncertain parameter's path");
  cmd->add_option("--values", c->values, "comma-separated values to fix it at");
  cmd->add_flag("--tornado", c->tornado,
                "one at a time, every uncertain parameter at its 5% and 95% quantiles");
  cmd->callback([c, cmd] {
    const Scenario s = load_scenario_argument(c->file, cmd->count("file") > 0, c->variant);
    if (cmd->count("--store") || c->resume)
      throw option_error("--store", "sensitivity does not use a results store",
                         "store a sweep with parley sweep --store");
    if (cmd->count("--csv"))
      throw option_error("--csv", "sensitivity writes no CSV", "use --json FILE");
    check_outputs(*cmd, outputs_of(*c), s);
    sim::SweepOptions base = base_options(s, *c);
    base.designs = {c->design.empty() ? 0 : design_of(s, c->design, "--design")};
    const auto [table, j] = sensitivity(s, base, *c);
    // '-' as an output: standard output carries it alone.
    if (!takes_standard_output(outputs_of(*c))) std::fputs(table.c_str(), stdout);
    if (!c->json.empty()) write_outputs({{c->json, j.dump(2) + "\n"}});
  });
}

}  // namespace

void add_sweep_commands(CLI::App& app) {
  add_sweep_command(app);
  add_compare_command(app);
  add_sensitivity_command(app);
}

}  // namespace parley::cli

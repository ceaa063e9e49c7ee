// parley sweep / compare / sensitivity: Monte Carlo over the uncertain parameters.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <thread>
#include <tuple>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"
#include "core/errors.hpp"
#include "io/sweep_out.hpp"
#include "parley/version.hpp"
#include "sim/mpi.hpp"
#include "sim/store.hpp"
#include "sim/sweep.hpp"

namespace parley::cli {
namespace {

struct SweepCli {
  std::string file, design, json, csv, store, param;
  std::optional<std::string> designs, policies, values;
  std::uint64_t runs = 0;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  bool resume = false, tornado = false, no_progress = false;
};

/// The outputs of a sweep, comparison or sensitivity run.
std::vector<Output> outputs_of(const SweepCli& c) {
  return {{"--json", c.json}, {"--csv", c.csv}, {"--store", c.store, true}};
}

/// What a results store's sweep is: the scenario's contents, the options, the version.
sim::StoreSignature store_signature(const Scenario& s, const sim::SweepOptions& o) {
  std::string options = fmt::format("runs={} seed={} designs=", o.runs, o.seed);
  for (std::size_t k = 0; k < o.designs.size(); ++k)
    options += (k ? "," : "") + s.process.designs[static_cast<std::size_t>(o.designs[k])].id;
  options += " policies=";
  for (std::size_t k = 0; k < o.policies.size(); ++k)
    options += (k ? "," : "") + o.policies[k].name;
  for (const auto& f : o.fixed)
    options += fmt::format(" {}={}", s.uncertain[f.first].path, f.second);
  return {inputs_digest(s), options, kVersion};
}

/// Runs, prints and writes one sweep (or comparison) with the common options.
sim::SweepResult execute(const Scenario& s, sim::SweepOptions& o, const SweepCli& c, bool compare) {
  sim::Mpi& mpi = sim::Mpi::instance();
  o.rank = mpi.rank();
  o.ranks = mpi.size();
  o.progress = !c.no_progress && ::isatty(2) && std::getenv("CI") == nullptr && o.rank == 0;
  std::unique_ptr<sim::Store> store;
  std::vector<sim::ChunkResult> preloaded;
  if (!c.store.empty()) {
    if (o.ranks > 1)
      throw option_error("--store", "the results store is written by one process",
                         "run without mpirun, or drop --store");
    store = std::make_unique<sim::Store>(c.store, store_signature(s, o), c.resume);
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
  res = mpi.gather(s, o, mine, std::move(res));
  if (o.rank != 0) return res;
  io::SweepReport report{&s, &o, &res};
  const auto j = io::sweep_json(report);
  // The table first: a failed write loses nothing that was computed.
  if (!takes_standard_output(outputs_of(c)))
    fmt::print("{}", compare ? io::compare_table(report) : io::sweep_table(report));
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
                 {c.csv, c.csv.empty() ? "" : io::sweep_csv(report)}},
                std::move(failures));
  return res;
}

void common_options(CLI::App* cmd, SweepCli& c, std::uint64_t default_runs) {
  c.runs = default_runs;
  cmd->add_option("file", c.file, file_help());
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
}

sim::SweepOptions base_options(const Scenario& s, const SweepCli& c) {
  sim::SweepOptions o;
  o.runs = c.runs;
  o.seed = c.seed.value_or(s.process.seed);
  o.threads = c.threads > 0 ? c.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.victory = sim::victory_thresholds(s);
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

}  // namespace

void add_sweep_commands(CLI::App& app) {
  {
    auto c = std::make_shared<SweepCli>();
    auto* cmd = app.add_subcommand(
        "sweep", "Monte Carlo: many runs over the uncertain parameters, with 95% intervals");
    common_options(cmd, *c, 1000);
    cmd->add_option("--design,-d", c->design, "process design (default: the scenario's first)");
    cmd->callback([c, cmd] {
      const Scenario s = load_scenario_argument(c->file, cmd->count("file") > 0);
      check_outputs(*cmd, outputs_of(*c), s);
      sim::SweepOptions o = base_options(s, *c);
      o.designs = {c->design.empty() ? 0 : design_of(s, c->design, "--design")};
      execute(s, o, *c, false);
    });
  }
  {
    auto c = std::make_shared<SweepCli>();
    auto* cmd = app.add_subcommand("compare",
                                   "Compare designs (or leverage policies) on the same sampled "
                                   "parameters: paired differences");
    common_options(cmd, *c, 10000);
    cmd->add_option("--designs", c->designs, "comma-separated designs (default: all)");
    cmd->add_option(
        "--policies", c->policies,
        "comma-separated leverage policies: all, none, or instrument ids joined by '+'");
    cmd->callback([c, cmd] {
      const Scenario s = load_scenario_argument(c->file, cmd->count("file") > 0);
      check_outputs(*cmd, outputs_of(*c), s);
      sim::SweepOptions o = base_options(s, *c);
      o.designs.clear();
      if (!c->designs)
        for (std::size_t d = 0; d < s.process.designs.size(); ++d)
          o.designs.push_back(static_cast<int>(d));
      else
        for (const auto& id : split_list(*c->designs, "--designs", "a,b"))
          o.designs.push_back(design_of(s, id, "--designs"));
      if (c->policies) {
        if (!c->designs) o.designs = {0};
        for (const auto& p : split_list(*c->policies, "--policies", "all,none"))
          o.policies.push_back(sim::parse_policy(s, p));
      }
      execute(s, o, *c, true);
    });
  }
  {
    auto c = std::make_shared<SweepCli>();
    auto* cmd = app.add_subcommand(
        "sensitivity",
        "How the results move with one uncertain parameter (--param, --values), or a tornado "
        "over all of them");
    common_options(cmd, *c, 1000);
    cmd->add_option("--design,-d", c->design, "process design (default: the scenario's first)");
    cmd->add_option("--param", c->param, "an uncertain parameter's path");
    cmd->add_option("--values", c->values, "comma-separated values to fix it at");
    cmd->add_flag("--tornado", c->tornado,
                  "one at a time, every uncertain parameter at its 5% and 95% quantiles");
    cmd->callback([c, cmd] {
      const Scenario s = load_scenario_argument(c->file, cmd->count("file") > 0);
      if (cmd->count("--store") || c->resume)
        throw option_error("--store", "sensitivity does not use a results store",
                           "store a sweep with parley sweep --store");
      if (cmd->count("--csv"))
        throw option_error("--csv", "sensitivity writes no CSV", "use --json FILE");
      check_outputs(*cmd, outputs_of(*c), s);
      sim::SweepOptions base = base_options(s, *c);
      base.designs = {c->design.empty() ? 0 : design_of(s, c->design, "--design")};
      base.progress = false;
      struct Row {
        std::string label;
        double value;
        io::Estimate final_share, framework_month;
        std::vector<std::vector<double>> terms;  // [issue][option]: share of the signed texts
      };
      using Fixed = std::vector<std::pair<std::size_t, double>>;
      auto measure = [&](const Fixed& fixed) {
        sim::SweepOptions o = base;
        o.fixed = fixed;
        const sim::SweepResult r = sim::run_sweep(s, o);
        const auto& a = r.aggregates[0];
        const int last = s.process.horizon - 1;
        double sum = 0, sumsq = 0;
        for (int m = 0; m <= last; ++m) {
          const double k = static_cast<double>(a.framework_by(m) - (m ? a.framework_by(m - 1) : 0));
          sum += k * m;
          sumsq += k * m * m;
        }
        const double never = static_cast<double>(a.runs() - a.framework_by(last));
        sum += never * s.process.horizon;
        sumsq += never * s.process.horizon * s.process.horizon;
        std::vector<std::vector<double>> terms(s.issues.size());
        for (std::size_t i = 0; i < s.issues.size(); ++i)
          for (int opt = 0; opt < static_cast<int>(s.issues[i].options.size()); ++opt)
            terms[i].push_back(a.signed_runs() ? static_cast<double>(a.option_count(i, opt)) /
                                                     static_cast<double>(a.signed_runs())
                                               : 0.0);
        return Row{s.uncertain[fixed[0].first].path, fixed[0].second,
                   io::proportion_ci(a.outcome(engine::Outcome::final_agreement), a.runs()),
                   io::mean_ci(sum, sumsq, a.runs()), std::move(terms)};
      };
      // How far the terms of the signed texts move between two rows: per issue the total
      // variation distance ½·Σ_o |p(o) − q(o)|; the issue that moves most.
      auto terms_shift = [&](const Row& x, const Row& y) {
        std::pair<double, std::size_t> best{0.0, 0};
        for (std::size_t i = 0; i < x.terms.size(); ++i) {
          double tv = 0;
          for (std::size_t o = 0; o < x.terms[i].size(); ++o)
            tv += std::abs(x.terms[i][o] - y.terms[i][o]);
          if (tv / 2 > best.first) best = {tv / 2, i};
        }
        return best;
      };
      // Every value is checked before anything runs.
      std::size_t param = 0;
      std::vector<std::pair<std::string, double>> values;
      if (!c->param.empty()) {
        param = uncertain_of(s, c->param);
        if (!c->values)
          throw option_error("--values", "--param needs --values", "e.g. --values 0.1,0.2,0.3");
        values = fixed_values(s.uncertain[param], *c->values);
      }
      // '-' as an output: standard output carries it alone.
      const bool quiet = takes_standard_output(outputs_of(*c));
      auto say = [quiet](const std::string& text) {
        if (!quiet) std::fputs(text.c_str(), stdout);
      };
      say(
          fmt::format("{} — {} runs per value (seed {}, design {}); other uncertain parameters "
                      "sampled; the same draws for every value\n\n",
                      s.name, base.runs, base.seed,
                      s.process.designs[static_cast<std::size_t>(base.designs[0])].id));
      nlohmann::ordered_json j;
      j["scenario"] = s.name;
      j["runs"] = base.runs;
      j["seed"] = base.seed;
      if (!c->param.empty()) {
        say(fmt::format("  {:<14} {:<26} {}\n", c->param.substr(c->param.rfind('.') + 1),
                        "P(final agreement)", "framework month (horizon if none)"));
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& [text, v] : values) {
          const Row r = measure({{param, v}});
          say(fmt::format("  {:<14} {:.3f} [{:.3f}, {:.3f}]     {:.1f} [{:.1f}, {:.1f}]\n", text,
                          r.final_share.value, r.final_share.low, r.final_share.high,
                          r.framework_month.value, r.framework_month.low, r.framework_month.high));
          rows.push_back({{"value", v},
                          {"final_agreement", r.final_share.value},
                          {"final_agreement_low", r.final_share.low},
                          {"final_agreement_high", r.final_share.high},
                          {"framework_month", r.framework_month.value}});
        }
        j["param"] = c->param;
        j["rows"] = rows;
      } else if (c->tornado) {
        if (s.uncertain.empty())
          throw option_error(
              "--tornado", "the scenario has no uncertain parameters",
              "give some fields distributions (docs/scenario-format.md#uncertainty)");
        struct Bar {
          std::string path;
          double lo, hi;
          Row low, high;
          double shift = 0;                   // largest per-issue total variation distance
          std::size_t shift_issue = 0;        // and its issue
          std::vector<std::string> fields{};  // the fields fixed together
        };
        // One bar per independent factor: a field with its own draw, or a linked draw
        // (all its fields at the same quantile; the first field's values are shown).
        const std::vector<int> group = sim::draw_groups(s);
        std::vector<Bar> bars;
        for (std::size_t u = 0; u < s.uncertain.size(); ++u) {
          Fixed at_lo, at_hi;
          std::string name = s.uncertain[u].path;
          if (group[u] >= 0) {
            if (std::find(group.begin(), group.begin() + static_cast<std::ptrdiff_t>(u),
                          group[u]) != group.begin() + static_cast<std::ptrdiff_t>(u))
              continue;  // the group's bar was made at its first field
            for (std::size_t v = u; v < s.uncertain.size(); ++v)
              if (group[v] == group[u]) {
                at_lo.emplace_back(v, s.uncertain[v].at(0.05));
                at_hi.emplace_back(v, s.uncertain[v].at(0.95));
              }
            name = fmt::format("draw {} ({} fields: {}, ...)", s.uncertain[u].draw, at_lo.size(),
                               s.uncertain[u].path);
          } else {
            at_lo = {{u, s.uncertain[u].dist.quantile(0.05)}};
            at_hi = {{u, s.uncertain[u].dist.quantile(0.95)}};
          }
          Bar b{name, at_lo[0].second, at_hi[0].second, measure(at_lo), measure(at_hi)};
          std::tie(b.shift, b.shift_issue) = terms_shift(b.low, b.high);
          for (const auto& f : at_lo) b.fields.push_back(s.uncertain[f.first].path);
          bars.push_back(std::move(b));
        }
        std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
          return std::abs(a.high.final_share.value - a.low.final_share.value) >
                 std::abs(b.high.final_share.value - b.low.final_share.value);
        });
        std::size_t w = 0;
        double widest = 0;
        for (const Bar& b : bars) {
          w = std::max(w, b.path.size());
          widest = std::max(widest, std::abs(b.high.final_share.value - b.low.final_share.value));
        }
        say(fmt::format(
            "Tornado: one parameter at a time at its 5% and 95% quantiles (the others sampled);\n"
            "P(final agreement) at each end, the swing, and the mean framework month (or "
            "horizon)\n"));
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const Bar& b : bars) {
          const double d = b.high.final_share.value - b.low.final_share.value;
          // Bars are scaled to the widest swing: 20 characters.
          const auto len =
              widest > 0 ? static_cast<std::size_t>(std::lround(std::abs(d) / widest * 20)) : 0;
          say(fmt::format(
              "  {:<{}}  {:>9} → {:<9}  {:.3f} → {:.3f}  {:+.3f}  {:4.1f} → {:4.1f}  {}\n", b.path,
              w, io::amount(b.lo), io::amount(b.hi), b.low.final_share.value,
              b.high.final_share.value, d, b.low.framework_month.value,
              b.high.framework_month.value, std::string(len, d >= 0 ? '+' : '-')));
          rows.push_back({{"path", b.path},
                          {"low", b.lo},
                          {"high", b.hi},
                          {"final_agreement_at_low", b.low.final_share.value},
                          {"final_agreement_at_high", b.high.final_share.value},
                          {"framework_month_at_low", b.low.framework_month.value},
                          {"framework_month_at_high", b.high.framework_month.value},
                          {"swing", d},
                          {"terms_shift", b.shift},
                          {"terms_shift_issue", s.issues[b.shift_issue].id},
                          {"fields", b.fields}});
        }
        j["tornado"] = rows;
        // The terms: which assumptions move what the signed texts say.
        std::vector<const Bar*> by_terms;
        for (const Bar& b : bars) by_terms.push_back(&b);
        std::stable_sort(by_terms.begin(), by_terms.end(),
                         [](const Bar* a, const Bar* b) { return a->shift > b->shift; });
        say(fmt::format(
            "\nTerms of the signed texts: largest shift between the two ends (total variation "
            "distance of one issue's options, 0-1)\n"));
        for (std::size_t i = 0; i < by_terms.size() && i < 10; ++i) {
          const Bar& b = *by_terms[i];
          say(fmt::format("  {:<{}}  {:.3f}  {}\n", b.path, w, b.shift,
                          s.issues[b.shift_issue].id));
        }
      } else {
        throw option_error("--param", "sensitivity needs --param PATH --values ... or --tornado",
                           "e.g. parley sensitivity --tornado --runs 500");
      }
      if (!c->json.empty()) write_outputs({{c->json, j.dump(2) + "\n"}});
    });
  }
}

}  // namespace parley::cli

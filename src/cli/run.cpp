// parley run: one run of the negotiating process, narrated month by month.
#include <fmt/format.h>

#include <iostream>

#include "analysis/victory.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"
#include "core/errors.hpp"
#include "engine/engine.hpp"
#include "report/run_out.hpp"
#include "sim/draws.hpp"

namespace parley::cli {
namespace {

struct RunOptions {
  std::string file, variant, design, json;
  std::optional<std::uint64_t> seed, sweep_run;
  std::optional<std::string> without;
  bool quiet = false;
};

/// The help of --without: every mechanism that can be switched off, and what that removes.
std::string without_help() {
  std::string out = "switch mechanisms off, comma-separated:";
  for (std::size_t m = 0; m < kMechanisms; ++m)
    out += fmt::format("\n  {}: {}", to_string(static_cast<Mechanism>(m)),
                       describe(static_cast<Mechanism>(m)));
  return out;
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto opts = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand(
      "run", "Run the negotiating process once: month-by-month narrative and a summary");
  cmd->add_option("file", opts->file, file_help());
  add_variant_option(*cmd, opts->variant);
  cmd->add_option("--design,-d", opts->design, "process design (default: the scenario's first)");
  cmd->add_option("--seed,-s", opts->seed, "random seed (default: the scenario's process.seed)")
      ->check(whole_number());
  cmd->add_option("--json", opts->json,
                  "also write the run as JSON to this file ('-': standard output, instead of "
                  "the narrative)");
  cmd->add_flag("--quiet,-q", opts->quiet, "no narrative, only the summary");
  cmd->add_option("--sweep-run", opts->sweep_run,
                  "reproduce run K (from 0) of 'parley sweep --seed S' (S: --seed): its "
                  "uncertain numbers drawn as that sweep draws them, not their means")
      ->check(whole_number());
  cmd->add_option("--without", opts->without, without_help());
  cmd->callback([opts, cmd] {
    const Scenario s = load_scenario_argument(opts->file, cmd->count("file") > 0, opts->variant);
    const std::vector<Output> outputs{{"--json", opts->json}};
    check_outputs(*cmd, outputs, s);
    std::size_t design = 0;
    if (!opts->design.empty()) {
      std::vector<std::string> ids;
      for (const auto& d : s.process.designs) ids.push_back(d.id);
      auto it = std::find(ids.begin(), ids.end(), opts->design);
      if (it == ids.end()) {
        const std::string guess = closest_match(opts->design, ids);
        std::string list;
        for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
        throw ValidationError({Diagnostic{
            "--design", 1, 1, "unknown design '" + opts->design + "'",
            guess.empty() ? "designs: " + list : "did you mean '" + guess + "'? (" + list + ")"}});
      }
      design = static_cast<std::size_t>(it - ids.begin());
    }
    const std::uint64_t seed = opts->seed.value_or(s.process.seed);
    const Without without = opts->without ? without_of(*opts->without) : Without{};
    // As a sweep runs: an engine of the scenario, whose numbers are then drawn for run K.
    Scenario numbers = s;
    engine::Engine eng(numbers, design);
    eng.set_without(without);
    engine::RunResult result;
    if (opts->sweep_run) {
      std::vector<double> params;
      sim::ParameterDraws(numbers).draw(seed, *opts->sweep_run, params);
      bool trajectory = false;
      for (std::size_t u = 0; u < numbers.uncertain.size(); ++u) {
        numbers.uncertain[u].set(numbers, params[u]);
        trajectory = trajectory || (numbers.uncertain[u].affects & kTrajectory);
      }
      eng.run(sim::derive(seed, *opts->sweep_run, 1), result, {&numbers, trajectory});
    } else {
      eng.run(seed, result);
    }
    report::RunReport report{&numbers, design, seed, &result, analysis::victory_thresholds(s),
                             without};
    if (!takes_standard_output(outputs)) {
      fmt::print("{} — design {} ({}), seed {}{}{}\n\n", s.name, s.process.designs[design].id,
                 s.process.designs[design].name, seed,
                 opts->sweep_run ? fmt::format(", sweep run {}", *opts->sweep_run) : "",
                 without.empty() ? "" : ", without " + without.name());
      if (!opts->quiet) fmt::print("{}\n", report::run_narrative(report));
      fmt::print("{}", report::run_summary(report));
    }
    if (!opts->json.empty()) {
      auto j = report::run_json(report);
      if (opts->sweep_run) j["sweep_run"] = *opts->sweep_run;
      write_outputs({{opts->json, j.dump(2) + "\n"}});
    }
  });
}

}  // namespace parley::cli

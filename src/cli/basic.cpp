// parley validate / info / eval / scenarios / show
#include <fmt/format.h>

#include <iostream>

#include "analysis/verdict.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "core/errors.hpp"
#include "core/utility.hpp"
#include "load/builtin.hpp"
#include "load/package.hpp"
#include "load/scenario_yaml.hpp"
#include "report/json_out.hpp"
#include "report/scenario_text.hpp"

namespace parley::cli {
namespace {

struct Options {
  std::string file;
  std::string package;
  std::string variant;
  bool json = false;
};

}  // namespace

std::string file_help() {
  return "scenario file, GENIUS domain folder, or built-in name (default: " +
         std::string(kDefaultScenario) + ")";
}

void add_basic_commands(CLI::App& app) {
  auto opts = std::make_shared<Options>();

  auto* validate =
      app.add_subcommand("validate", "Check a scenario file; print every error or 'ok'");
  validate->add_option("file", opts->file, file_help());
  add_variant_option(*validate, opts->variant);
  validate->callback([opts, validate] {
    const Scenario s =
        load_scenario_argument(opts->file, validate->count("file") > 0, opts->variant);
    fmt::print("ok: {} — {} parties, {} issues, {} packages in the space\n", s.name,
               s.parties.size(), s.issues.size(), s.space().size());
    for (const auto& v : s.variants) fmt::print("variant {}: {}\n", v.id, v.name);
  });

  auto* info = app.add_subcommand("info", "Parties, issues with options, space size, weights");
  info->add_option("file", opts->file, file_help());
  add_variant_option(*info, opts->variant);
  info->add_flag("--json", opts->json, "machine-readable output (docs/cli.md)");
  info->callback([opts, info] {
    const Scenario s = load_scenario_argument(opts->file, info->count("file") > 0, opts->variant);
    if (opts->json)
      std::cout << report::scenario_json(s).dump(2) << "\n";
    else
      std::fputs(report::scenario_text(s).c_str(), stdout);
  });

  auto* eval =
      app.add_subcommand("eval", "Each party's utility of a package, red lines, reservation");
  eval->add_option("file", opts->file, file_help());
  add_variant_option(*eval, opts->variant);
  eval->add_option("--package,-p", opts->package,
                   "issue=option,... (unnamed issues take their default) or a named package id")
      ->required();
  eval->add_flag("--json", opts->json, "machine-readable output (docs/cli.md)");
  eval->callback([opts, eval] {
    const Scenario s = load_scenario_argument(opts->file, eval->count("file") > 0, opts->variant);
    const auto x = load::parse_package(s, opts->package);
    const UtilityModel model(s);
    const auto verdicts = analysis::judge(s, model, x);
    if (opts->json)
      std::cout << report::eval_json(s, x, verdicts).dump(2) << "\n";
    else
      std::fputs(report::eval_text(s, x, verdicts).c_str(), stdout);
  });

  auto* list = app.add_subcommand("scenarios", "List the built-in scenarios");
  list->callback([] {
    for (const auto& b : builtin_scenarios()) {
      const Scenario s = load::load_scenario_text(std::string(b.yaml), std::string(b.name));
      fmt::print("{}{}  {}\n", b.name, b.name == kDefaultScenario ? " (default)" : "", s.name);
    }
  });

  auto* show = app.add_subcommand("show", "Print a built-in scenario's YAML (to copy and edit)");
  show->add_option("name", opts->file, "built-in scenario name")->required();
  show->callback([opts] {
    const BuiltinScenario* b = find_builtin(opts->file);
    if (!b)
      throw parley::Error("no built-in scenario '" + opts->file + "'; see 'parley scenarios'");
    std::cout << b->yaml;
  });
}

}  // namespace parley::cli

// parley validate / info / eval / scenarios / show
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "core/errors.hpp"
#include "core/utility.hpp"
#include "io/builtin.hpp"
#include "io/json_out.hpp"
#include "io/package.hpp"
#include "io/scenario_yaml.hpp"
#include "io/text.hpp"

namespace parley::cli {
using io::display_width;
using io::pad;
using io::rpad_num;
namespace {

struct Options {
  std::string file;
  std::string package;
  bool json = false;
};

void print_info(const Scenario& s) {
  const Space space = s.space();
  fmt::print("{}\n", s.name);
  if (!s.description.empty()) fmt::print("{}\n", s.description);
  fmt::print("source: {}\n\nParties ({})\n", s.source, s.parties.size());
  std::size_t wid = 2, wname = 4;
  for (const auto& p : s.parties) {
    wid = std::max(wid, display_width(p.id));
    wname = std::max(wname, display_width(p.name));
  }
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const auto& pref = s.preferences[p];
    fmt::print(
        "  {}  {}  {:<9}{}\n", pad(s.parties[p].id, wid), pad(s.parties[p].name, wname),
        to_string(s.parties[p].role),
        pref ? fmt::format("reservation {:.3f}, {} red line(s), {} interaction(s)",
                           pref->reservation, pref->red_lines.size(), pref->interactions.size())
             : std::string("no preferences"));
  }
  fmt::print("\nIssues ({}); settlement space: {} packages\n", s.issues.size(), space.size());
  for (const auto& is : s.issues) {
    fmt::print("  {} — {} [topic {}{}]\n", is.id, is.name, is.topic, is.detail ? ", detail" : "");
    for (std::size_t o = 0; o < is.options.size(); ++o)
      fmt::print("      {} {}  {}\n", static_cast<int>(o) == is.default_option ? '*' : ' ',
                 is.options[o].id,
                 is.options[o].label == is.options[o].id ? "" : is.options[o].label);
  }
  fmt::print("  (* = default option)\n\nWeights (normalised)\n");
  std::size_t wi = 5;
  for (const auto& is : s.issues) wi = std::max(wi, display_width(is.id));
  fmt::print("  {}", pad("issue", wi));
  const auto holders = s.stakeholders();
  for (int p : holders) fmt::print("  {:>8}", s.parties[static_cast<std::size_t>(p)].id);
  fmt::print("\n");
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    fmt::print("  {}", pad(s.issues[i].id, wi));
    for (int p : holders)
      fmt::print("  {:>8.3f}", s.preferences[static_cast<std::size_t>(p)]->weights[i]);
    fmt::print("\n");
  }
  if (!s.packages.empty()) {
    fmt::print("\nNamed packages\n");
    for (const auto& pk : s.packages) fmt::print("  {} — {}\n", pk.id, pk.name);
  }
}

void print_eval(const Scenario& s, const std::vector<int>& x,
                const std::vector<io::PartyVerdict>& vs) {
  fmt::print("Package (index {})\n", s.space().encode(x));
  std::size_t w = 5;
  for (const auto& is : s.issues) w = std::max(w, display_width(is.id));
  for (const auto& p : s.parties) w = std::max(w, display_width(p.id));
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const auto& opt = s.issues[i].options[static_cast<std::size_t>(x[i])];
    fmt::print("  {}  {}{}\n", pad(s.issues[i].id, w), opt.id,
               opt.label == opt.id ? "" : "  (" + opt.label + ")");
  }
  fmt::print("\n  {}  {:>8}  {:>11}  {}\n", pad("party", w), "utility", "reservation", "verdict");
  bool all = true;
  for (const auto& v : vs) {
    all = all && v.acceptable();
    std::string verdict = v.acceptable() ? "acceptable" : "";
    if (!v.meets_reservation()) verdict = "below reservation";
    for (const auto& r : v.red_lines_crossed)
      verdict += (verdict.empty() ? "" : "; ") + std::string("crosses red line: ") + r;
    fmt::print("  {}  {:>8.4f}  {:>11.4f}  {}\n",
               pad(s.parties[static_cast<std::size_t>(v.party)].id, w), v.utility, v.reservation,
               verdict);
  }
  fmt::print("\n{}\n",
             all ? "Acceptable to every party (in the ZOPA)." : "Not acceptable to every party.");
}

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
  validate->callback([opts, validate] {
    const Scenario s = load_scenario_argument(opts->file, validate->count("file") > 0);
    fmt::print("ok: {} — {} parties, {} issues, {} packages in the space\n", s.name,
               s.parties.size(), s.issues.size(), s.space().size());
  });

  auto* info = app.add_subcommand("info", "Parties, issues with options, space size, weights");
  info->add_option("file", opts->file, file_help());
  info->add_flag("--json", opts->json, "machine-readable output (docs/cli.md)");
  info->callback([opts, info] {
    const Scenario s = load_scenario_argument(opts->file, info->count("file") > 0);
    if (opts->json)
      std::cout << io::scenario_json(s).dump(2) << "\n";
    else
      print_info(s);
  });

  auto* eval =
      app.add_subcommand("eval", "Each party's utility of a package, red lines, reservation");
  eval->add_option("file", opts->file, file_help());
  eval->add_option("--package,-p", opts->package,
                   "issue=option,... (unnamed issues take their default) or a named package id")
      ->required();
  eval->add_flag("--json", opts->json, "machine-readable output (docs/cli.md)");
  eval->callback([opts, eval] {
    const Scenario s = load_scenario_argument(opts->file, eval->count("file") > 0);
    const auto x = io::parse_package(s, opts->package);
    const UtilityModel model(s);
    const auto verdicts = io::judge(s, model, x);
    if (opts->json)
      std::cout << io::eval_json(s, x, verdicts).dump(2) << "\n";
    else
      print_eval(s, x, verdicts);
  });

  auto* list = app.add_subcommand("scenarios", "List the built-in scenarios");
  list->callback([] {
    for (const auto& b : builtin_scenarios()) {
      const Scenario s = io::load_scenario_text(std::string(b.yaml), std::string(b.name));
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

// parley analyze: ZOPA, exact Pareto frontier, bargaining solutions, named-package checks.
#include <fmt/format.h>

#include <iostream>

#include "analysis/analyze.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"
#include "load/package.hpp"
#include "report/analysis_out.hpp"
#include "report/analysis_text.hpp"

namespace parley::cli {
namespace {

struct AnalyzeOptions {
  std::string file, variant;
  std::vector<std::string> packages;
  bool json = false;
  std::string frontier_csv;
  std::size_t top = 5;
  std::size_t max_points = 200'000;
  double epsilon = 1e-4;
};

}  // namespace

void add_analyze_command(CLI::App& app) {
  auto opts = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand(
      "analyze", "ZOPA, exact Pareto frontier, bargaining solutions, checks of named packages");
  cmd->add_option("file", opts->file, file_help());
  add_variant_option(*cmd, opts->variant);
  cmd->add_option("--package,-p", opts->packages,
                  "also check this package (issue=option,... or a named id); repeatable");
  cmd->add_flag("--json", opts->json, "machine-readable output (docs/cli.md)");
  cmd->add_option("--frontier-csv", opts->frontier_csv,
                  "write the red-line-free Pareto frontier to this CSV file ('-': standard "
                  "output, instead of the report)");
  cmd->add_option("--top", opts->top, "how many top packages by Nash product to list")
      ->capture_default_str()
      ->check(whole_number(0, 1000));
  cmd->add_option("--max-points", opts->max_points,
                  "frontier size beyond which it is thinned to an epsilon grid (then labelled "
                  "approximate, with its error bound)")
      ->capture_default_str()
      ->check(whole_number(1000, 100'000'000));
  cmd->add_option("--epsilon", opts->epsilon, "first grid size tried when thinning")
      ->capture_default_str()
      ->check(finite_number())
      ->check(CLI::Range(1e-9, 0.1));
  cmd->callback([opts, cmd] {
    const Scenario s = load_scenario_argument(opts->file, cmd->count("file") > 0, opts->variant);
    // --json prints to standard output: it counts as an output there.
    const std::vector<Output> outputs{{"--json", opts->json ? "-" : ""},
                                      {"--frontier-csv", opts->frontier_csv}};
    check_outputs(*cmd, outputs, s);
    std::vector<std::vector<int>> extra;
    for (const auto& p : opts->packages) extra.push_back(load::parse_package(s, p));
    analysis::AnalysisOptions ao;
    ao.top = opts->top;
    ao.frontier.max_points = opts->max_points;
    ao.frontier.epsilon = opts->epsilon;
    const analysis::AnalysisResult r = analysis::analyze(s, extra, ao);
    if (opts->json)
      std::cout << report::analysis_json(s, r).dump(2) << "\n";
    else if (!takes_standard_output(outputs))
      std::fputs(report::analysis_text(s, r).c_str(), stdout);
    if (!opts->frontier_csv.empty()) report::write_frontier_csv(s, r, opts->frontier_csv);
  });
}

}  // namespace parley::cli

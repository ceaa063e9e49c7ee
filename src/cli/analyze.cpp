// parley analyze: ZOPA, exact Pareto frontier, bargaining solutions, named-package checks.
#include <fmt/format.h>

#include <iostream>

#include "analysis/analyze.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"
#include "io/analysis_out.hpp"
#include "io/package.hpp"
#include "io/text.hpp"

namespace parley::cli {
using io::display_width;
using io::pad;
using io::rpad_num;
namespace {

struct AnalyzeOptions {
  std::string file;
  std::vector<std::string> packages;
  bool json = false;
  std::string frontier_csv;
  std::size_t top = 5;
  std::size_t max_points = 200'000;
  double epsilon = 1e-4;
};

/// Options that differ from the default, "issue=option" joined by ", "
/// (the default options are not repeated: `parley info` lists them).
std::string package_text(const Scenario& s, const std::vector<int>& x) {
  const std::string out = io::format_changes(s, s.default_package(), x);
  return out.empty() ? "(all defaults)" : out;
}

/// Wraps `text` at ", " boundaries to `width` columns, indenting continuation lines.
void print_wrapped(const std::string& text, std::size_t indent, std::size_t width = 100) {
  std::string line(indent, ' ');
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    std::size_t end = text.find(", ", start);
    std::string part =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!first && display_width(line) + display_width(part) + 2 > width) {
      fmt::print("{},\n", line);
      line = std::string(indent, ' ') + part;
    } else {
      line += (first ? "" : ", ") + part;
    }
    first = false;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  fmt::print("{}\n", line);
}

std::string frontier_line(const analysis::Frontier& f) {
  std::uint64_t packages = 0;
  for (auto c : f.points.count) packages += c;
  std::string out =
      fmt::format("{} distinct utility vectors, {} packages", f.points.size(), packages);
  if (!f.exact)
    out +=
        fmt::format(" — APPROXIMATE (every efficient point within {:g} per party of a listed one)",
                    f.error_bound);
  return out;
}

void print_report(const Scenario& s, const analysis::AnalysisResult& r) {
  const std::size_t n = r.stakeholders.size();
  std::size_t w = 11;
  for (const auto& sol : r.solutions) w = std::max(w, sol.name.size());
  std::size_t cw = 7;  // utility column width
  for (int p : r.stakeholders)
    cw = std::max(cw, display_width(s.parties[static_cast<std::size_t>(p)].id));
  auto header = [&](const std::string& first) {
    fmt::print("  {}", pad(first, w));
    for (int p : r.stakeholders)
      fmt::print("  {:>{}}", s.parties[static_cast<std::size_t>(p)].id, cw);
  };
  auto row = [&](const std::string& first, const double* u) {
    fmt::print("  {}", pad(first, w));
    for (std::size_t k = 0; k < n; ++k) fmt::print("  {:>{}.4f}", u[k], cw);
  };

  fmt::print("Analysis of {}\nsource: {}\n\n", s.name, s.source);
  fmt::print(
      "Settlement space   {} packages ({} independent blocks of issues, largest {} "
      "combinations)\n",
      r.space_size, r.blocks, r.largest_block);
  const double share =
      r.space_size ? 100.0 * static_cast<double>(r.zopa.count) / static_cast<double>(r.space_size)
                   : 0;
  if (r.zopa.exact)
    fmt::print(
        "ZOPA               {} packages ({:.4g}% of the space) acceptable to every stakeholder\n",
        r.zopa.count, share);
  else
    fmt::print(
        "ZOPA               ≈{} packages ({:.4g}% of the space; 95% interval {:.0f}–{:.0f}) — "
        "ESTIMATE\n",
        r.zopa.count, share, r.zopa.low, r.zopa.high);
  fmt::print("                   {}\n", r.zopa.method);
  fmt::print("Pareto frontier    {}\n", frontier_line(r.frontier_all));
  if (r.frontier_feasible.points.size() != r.frontier_all.points.size() ||
      r.frontier_feasible.points.u != r.frontier_all.points.u)
    fmt::print("  without red lines {}\n", frontier_line(r.frontier_feasible));
  fmt::print("  in the ZOPA      {} distinct utility vectors, {} packages\n",
             r.zopa_frontier.size(), r.zopa_frontier_packages);
  fmt::print("                   {}\n\n", r.frontier_all.method);

  header("");
  fmt::print("\n");
  row("reservation", r.reservation.data());
  fmt::print("\n");
  row("victory", r.victory.data());
  fmt::print("   (utility at which a party can claim victory)\n");
  row("ideal", r.ideal.data());
  fmt::print("   (best each can get on the solution basis)\n\n");

  const analysis::PointSet& pts = r.solution_points();
  fmt::print("Bargaining solutions over {}\n", r.solution_basis);
  header("solution");
  fmt::print("\n");
  for (const auto& sol : r.solutions) {
    row(sol.name, pts.at(sol.point));
    fmt::print("   ({} package{})\n", pts.count[sol.point], pts.count[sol.point] == 1 ? "" : "s");
    print_wrapped(package_text(s, s.package_at(pts.rep[sol.point])), w + 4);
  }
  if (!r.top_nash.empty()) {
    fmt::print("\nTop {} by Nash product\n", r.top_nash.size());
    for (std::size_t j = 0; j < r.top_nash.size(); ++j) {
      row(fmt::format("#{}", j + 1), pts.at(r.top_nash[j]));
      fmt::print("\n");
      print_wrapped(package_text(s, s.package_at(pts.rep[r.top_nash[j]])), w + 4);
    }
  }
  for (const auto& c : r.checks) {
    fmt::print("\nPackage {} — {}\n", c.id, c.name);
    print_wrapped(package_text(s, c.options), 4);
    header("");
    fmt::print("\n");
    row("utility", c.u.data());
    fmt::print("\n");
    for (std::size_t k = 0; k < n; ++k) {
      std::vector<std::string> notes;
      if (c.crosses_red_line[k]) notes.emplace_back("crosses a red line");
      if (!c.meets_reservation[k]) notes.emplace_back("below reservation");
      if (c.claims_victory[k]) notes.emplace_back("can claim victory");
      if (!notes.empty())
        fmt::print("    {}: {}\n", s.parties[static_cast<std::size_t>(r.stakeholders[k])].id,
                   fmt::join(notes, ", "));
    }
    fmt::print("    in the ZOPA: {}; efficient: {}\n", c.in_zopa ? "yes" : "no",
               c.efficient ? "yes" : "no");
    fmt::print("    {} red-line-free frontier point(s) are better for every stakeholder\n",
               c.improving_points);
    const auto& ff = r.frontier_feasible.points;
    for (std::size_t j = 0; j < c.improving.size() && j < 3; ++j) {
      row(j == 0 ? "better" : "", ff.at(c.improving[j]));
      fmt::print("\n");
      print_wrapped(package_text(s, s.package_at(ff.rep[c.improving[j]])), w + 4);
    }
    std::string dist;
    for (std::size_t j = 0; j < r.solutions.size(); ++j)
      dist += fmt::format("{}{} {:.4f}", j ? ", " : "", r.solutions[j].name, c.distance[j]);
    fmt::print("    distance to {}\n", dist);
  }
  fmt::print("\n({:.3f} s)\n", r.seconds);
}

}  // namespace

void add_analyze_command(CLI::App& app) {
  auto opts = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand(
      "analyze", "ZOPA, exact Pareto frontier, bargaining solutions, checks of named packages");
  cmd->add_option("file", opts->file, file_help());
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
    const Scenario s = load_scenario_argument(opts->file, cmd->count("file") > 0);
    // --json prints to standard output: it counts as an output there.
    const std::vector<Output> outputs{{"--json", opts->json ? "-" : ""},
                                      {"--frontier-csv", opts->frontier_csv}};
    check_outputs(*cmd, outputs, s);
    std::vector<std::vector<int>> extra;
    for (const auto& p : opts->packages) extra.push_back(io::parse_package(s, p));
    analysis::AnalysisOptions ao;
    ao.top = opts->top;
    ao.frontier.max_points = opts->max_points;
    ao.frontier.epsilon = opts->epsilon;
    const analysis::AnalysisResult r = analysis::analyze(s, extra, ao);
    if (opts->json)
      std::cout << io::analysis_json(s, r).dump(2) << "\n";
    else if (!takes_standard_output(outputs))
      print_report(s, r);
    if (!opts->frontier_csv.empty()) io::write_frontier_csv(s, r, opts->frontier_csv);
  });
}

}  // namespace parley::cli

#include "report/analysis_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "report/package_text.hpp"
#include "report/text.hpp"

namespace parley::report {
namespace {

/// Options that differ from the default, "issue=option" joined by ", "
/// (the default options are not repeated: `parley info` lists them).
std::string package_text(const Scenario& s, const std::vector<int>& x) {
  const std::string out = format_changes(s, s.default_package(), x);
  return out.empty() ? "(all defaults)" : out;
}

/// `text` wrapped at ", " boundaries to `width` columns, continuation lines indented.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t width = 100) {
  std::string out, line(indent, ' ');
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    const std::size_t end = text.find(", ", start);
    const std::string part =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!first && display_width(line) + display_width(part) + 2 > width) {
      out += line + ",\n";
      line = std::string(indent, ' ') + part;
    } else {
      line += (first ? "" : ", ") + part;
    }
    first = false;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out + line + "\n";
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

/// The report, section by section, with one utility column per stakeholder.
class AnalysisText {
 public:
  AnalysisText(const Scenario& s, const analysis::AnalysisResult& r) : s_(s), r_(r) {
    for (const auto& sol : r.solutions) w_ = std::max(w_, sol.name.size());
    for (int p : r.stakeholders)
      cw_ = std::max(cw_, display_width(s.parties[static_cast<std::size_t>(p)].id));
  }
  std::string text() {
    space();
    thresholds();
    solutions();
    for (const auto& c : r_.checks) check(c);
    out_ += fmt::format("\n({:.3f} s)\n", r_.seconds);
    return out_;
  }

 private:
  void header(const std::string& first) {
    out_ += "  " + pad(first, w_);
    for (int p : r_.stakeholders)
      out_ += fmt::format("  {:>{}}", s_.parties[static_cast<std::size_t>(p)].id, cw_);
  }
  void row(const std::string& first, const double* u) {
    out_ += "  " + pad(first, w_);
    for (std::size_t k = 0; k < r_.stakeholders.size(); ++k)
      out_ += fmt::format("  {:>{}.4f}", u[k], cw_);
  }
  void space() {
    out_ += fmt::format("Analysis of {}\nsource: {}\n\n", s_.name, s_.source);
    out_ += fmt::format(
        "Settlement space   {} packages ({} independent blocks of issues, largest {} "
        "combinations)\n",
        r_.space_size, r_.blocks, r_.largest_block);
    const double share = r_.space_size ? 100.0 * static_cast<double>(r_.zopa.count) /
                                             static_cast<double>(r_.space_size)
                                       : 0;
    if (r_.zopa.exact)
      out_ += fmt::format(
          "ZOPA               {} packages ({:.4g}% of the space) acceptable to every "
          "stakeholder\n",
          r_.zopa.count, share);
    else
      out_ += fmt::format(
          "ZOPA               ≈{} packages ({:.4g}% of the space; 95% interval {:.0f}–{:.0f}) — "
          "ESTIMATE\n",
          r_.zopa.count, share, r_.zopa.low, r_.zopa.high);
    out_ += fmt::format("                   {}\n", r_.zopa.method);
    out_ += fmt::format("Pareto frontier    {}\n", frontier_line(r_.frontier_all));
    if (r_.frontier_feasible.points.size() != r_.frontier_all.points.size() ||
        r_.frontier_feasible.points.u != r_.frontier_all.points.u)
      out_ += fmt::format("  without red lines {}\n", frontier_line(r_.frontier_feasible));
    out_ += fmt::format("  in the ZOPA      {} distinct utility vectors, {} packages\n",
                        r_.zopa_frontier.size(), r_.zopa_frontier_packages);
    out_ += fmt::format("                   {}\n\n", r_.frontier_all.method);
  }
  void thresholds() {
    header("");
    out_ += "\n";
    row("reservation", r_.reservation.data());
    out_ += "\n";
    row("victory", r_.victory.data());
    out_ += "   (utility at which a party can claim victory)\n";
    row("ideal", r_.ideal.data());
    out_ += "   (best each can get on the solution basis)\n\n";
  }
  void solutions() {
    const analysis::PointSet& pts = r_.solution_points();
    out_ += fmt::format("Bargaining solutions over {}\n", r_.solution_basis);
    header("solution");
    out_ += "\n";
    for (const auto& sol : r_.solutions) {
      row(sol.name, pts.at(sol.point));
      out_ += fmt::format("   ({} package{})\n", pts.count[sol.point],
                          pts.count[sol.point] == 1 ? "" : "s");
      out_ += wrapped(package_text(s_, s_.package_at(pts.rep[sol.point])), w_ + 4);
    }
    if (r_.top_nash.empty()) return;
    out_ += fmt::format("\nTop {} by Nash product\n", r_.top_nash.size());
    for (std::size_t j = 0; j < r_.top_nash.size(); ++j) {
      row(fmt::format("#{}", j + 1), pts.at(r_.top_nash[j]));
      out_ += "\n";
      out_ += wrapped(package_text(s_, s_.package_at(pts.rep[r_.top_nash[j]])), w_ + 4);
    }
  }
  void check(const analysis::PackageCheck& c) {
    out_ += fmt::format("\nPackage {} — {}\n", c.id, c.name);
    out_ += wrapped(package_text(s_, c.options), 4);
    header("");
    out_ += "\n";
    row("utility", c.u.data());
    out_ += "\n";
    for (std::size_t k = 0; k < r_.stakeholders.size(); ++k) {
      std::vector<std::string> notes;
      if (c.crosses_red_line[k]) notes.emplace_back("crosses a red line");
      if (!c.meets_reservation[k]) notes.emplace_back("below reservation");
      if (c.claims_victory[k]) notes.emplace_back("can claim victory");
      if (!notes.empty())
        out_ +=
            fmt::format("    {}: {}\n", s_.parties[static_cast<std::size_t>(r_.stakeholders[k])].id,
                        fmt::join(notes, ", "));
    }
    out_ += fmt::format("    in the ZOPA: {}; efficient: {}\n", c.in_zopa ? "yes" : "no",
                        c.efficient ? "yes" : "no");
    out_ += fmt::format("    {} red-line-free frontier point(s) are better for every stakeholder\n",
                        c.improving_points);
    const auto& ff = r_.frontier_feasible.points;
    for (std::size_t j = 0; j < c.improving.size() && j < 3; ++j) {
      row(j == 0 ? "better" : "", ff.at(c.improving[j]));
      out_ += "\n";
      out_ += wrapped(package_text(s_, s_.package_at(ff.rep[c.improving[j]])), w_ + 4);
    }
    std::string dist;
    for (std::size_t j = 0; j < r_.solutions.size(); ++j)
      dist += fmt::format("{}{} {:.4f}", j ? ", " : "", r_.solutions[j].name, c.distance[j]);
    out_ += fmt::format("    distance to {}\n", dist);
  }

  const Scenario& s_;
  const analysis::AnalysisResult& r_;
  std::size_t w_ = 11, cw_ = 7;  // label and utility column widths
  std::string out_;
};

}  // namespace

std::string analysis_text(const Scenario& s, const analysis::AnalysisResult& r) {
  return AnalysisText(s, r).text();
}

}  // namespace parley::report

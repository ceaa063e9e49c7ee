#include "report/analysis_out.hpp"

#include <cstdio>
#include <sstream>

#include "core/errors.hpp"
#include "core/utility.hpp"
#include "report/files.hpp"
#include "report/finite.hpp"
#include "report/json_out.hpp"

namespace parley::report {

using json = nlohmann::ordered_json;

namespace {

json utilities(const Scenario& s, const analysis::AnalysisResult& r, const double* u) {
  json out = json::object();
  for (std::size_t k = 0; k < r.stakeholders.size(); ++k)
    out[s.parties[static_cast<std::size_t>(r.stakeholders[k])].id] = u[k];
  return out;
}

json frontier_json(const analysis::Frontier& f) {
  std::uint64_t packages = 0;
  for (auto c : f.points.count) packages += c;
  return {{"points", f.points.size()},
          {"packages", packages},
          {"exact", f.exact},
          {"error_bound", f.error_bound},
          {"method", f.method}};
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

json analysis_json(const Scenario& s, const analysis::AnalysisResult& r) {
  json out;
  out["scenario"] = s.name;
  out["source"] = s.source;
  json holders = json::array();
  for (int p : r.stakeholders) holders.push_back(s.parties[static_cast<std::size_t>(p)].id);
  out["stakeholders"] = holders;
  out["space_size"] = r.space_size;
  out["blocks"] = r.blocks;
  out["largest_block"] = r.largest_block;
  out["reservation"] = utilities(s, r, r.reservation.data());
  out["victory"] = utilities(s, r, r.victory.data());
  out["zopa"] = {
      {"packages", r.zopa.count},
      {"exact", r.zopa.exact},
      {"low", r.zopa.low},
      {"high", r.zopa.high},
      {"share",
       r.space_size ? static_cast<double>(r.zopa.count) / static_cast<double>(r.space_size) : 0.0},
      {"method", r.zopa.method}};
  out["frontier_all"] = frontier_json(r.frontier_all);
  out["frontier_feasible"] = frontier_json(r.frontier_feasible);
  out["zopa_frontier"] = {{"points", r.zopa_frontier.size()},
                          {"packages", r.zopa_frontier_packages}};
  out["solution_basis"] = r.solution_basis;
  out["ideal"] = utilities(s, r, r.ideal.data());
  const analysis::PointSet& pts = r.solution_points();
  json sols = json::array();
  for (const auto& sol : r.solutions)
    sols.push_back({{"name", sol.name},
                    {"score", sol.score},
                    {"utilities", utilities(s, r, pts.at(sol.point))},
                    {"packages", pts.count[sol.point]},
                    {"index", pts.rep[sol.point]},
                    {"package", package_json(s, s.package_at(pts.rep[sol.point]))}});
  out["solutions"] = sols;
  json top = json::array();
  for (std::size_t i : r.top_nash)
    top.push_back({{"utilities", utilities(s, r, pts.at(i))},
                   {"index", pts.rep[i]},
                   {"package", package_json(s, s.package_at(pts.rep[i]))}});
  out["top_nash"] = top;
  json checks = json::array();
  for (const auto& c : r.checks) {
    json cj;
    cj["id"] = c.id;
    cj["name"] = c.name;
    cj["index"] = c.index;
    cj["package"] = package_json(s, c.options);
    cj["utilities"] = utilities(s, r, c.u.data());
    json parties = json::object();
    for (std::size_t k = 0; k < r.stakeholders.size(); ++k)
      parties[s.parties[static_cast<std::size_t>(r.stakeholders[k])].id] = {
          {"utility", c.u[k]},
          {"crosses_red_line", static_cast<bool>(c.crosses_red_line[k])},
          {"meets_reservation", static_cast<bool>(c.meets_reservation[k])},
          {"claims_victory", static_cast<bool>(c.claims_victory[k])}};
    cj["parties"] = parties;
    cj["in_zopa"] = c.in_zopa;
    cj["efficient"] = c.efficient;
    cj["improving_points"] = c.improving_points;
    json imp = json::array();
    const auto& ff = r.frontier_feasible.points;
    for (std::size_t i : c.improving)
      imp.push_back({{"utilities", utilities(s, r, ff.at(i))},
                     {"index", ff.rep[i]},
                     {"package", package_json(s, s.package_at(ff.rep[i]))}});
    cj["improving"] = imp;
    json dist = json::object();
    for (std::size_t j = 0; j < r.solutions.size(); ++j) dist[r.solutions[j].name] = c.distance[j];
    cj["distance"] = dist;
    checks.push_back(cj);
  }
  out["packages"] = checks;
  return finite_json(std::move(out), "parley analyze --json");
}

void write_frontier_csv(const Scenario& s, const analysis::AnalysisResult& r,
                        const std::string& path) {
  std::ostringstream f;
  f << "point,packages,index";
  for (int p : r.stakeholders) f << ",u_" << csv_field(s.parties[static_cast<std::size_t>(p)].id);
  f << ",in_zopa";
  for (const auto& is : s.issues) f << "," << csv_field(is.id);
  f << "\n";
  const auto& ff = r.frontier_feasible.points;
  std::vector<int> x(s.issues.size());
  const Space space = s.space();
  char buf[32];
  for (std::size_t i = 0; i < ff.size(); ++i) {
    f << i << "," << ff.count[i] << "," << ff.rep[i];
    bool zopa = true;
    for (std::size_t k = 0; k < ff.dims; ++k) {
      std::snprintf(buf, sizeof buf, "%.10g",
                    finite(ff.at(i)[k], "frontier CSV: u_",
                           s.parties[static_cast<std::size_t>(r.stakeholders[k])].id));
      f << "," << buf;
      zopa = zopa && meets(ff.at(i)[k], r.reservation[k]);
    }
    f << "," << (zopa ? 1 : 0);
    space.decode(ff.rep[i], x);
    for (std::size_t j = 0; j < s.issues.size(); ++j)
      f << "," << csv_field(s.issues[j].options[static_cast<std::size_t>(x[j])].id);
    f << "\n";
  }
  write_file_atomic(path, f.str());
}

}  // namespace parley::report

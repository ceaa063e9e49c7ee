#include "report/json_out.hpp"

#include "report/finite.hpp"

namespace parley::report {

using json = nlohmann::ordered_json;

json package_json(const Scenario& s, const std::vector<int>& options) {
  json out = json::object();
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    out[s.issues[i].id] = s.issues[i].options[static_cast<std::size_t>(options[i])].id;
  return out;
}

json scenario_json(const Scenario& s) {
  json out;
  out["name"] = s.name;
  out["description"] = s.description;
  out["source"] = s.source;
  const Space space = s.space();
  out["space_size"] = space.size();
  json parties = json::array();
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    json pj;
    pj["id"] = s.parties[p].id;
    pj["name"] = s.parties[p].name;
    pj["role"] = to_string(s.parties[p].role);
    pj["has_preferences"] = s.preferences[p].has_value();
    if (const auto& pref = s.preferences[p]) {
      pj["reservation"] = pref->reservation;
      if (pref->victory) pj["victory"] = *pref->victory;
      pj["discount"] = pref->discount;
      json w = json::object();
      for (std::size_t i = 0; i < s.issues.size(); ++i) w[s.issues[i].id] = pref->weights[i];
      pj["weights"] = w;
      pj["interactions"] = pref->interactions.size();
      pj["red_lines"] = pref->red_lines.size();
    }
    parties.push_back(pj);
  }
  out["parties"] = parties;
  json issues = json::array();
  for (const auto& is : s.issues) {
    json ij;
    ij["id"] = is.id;
    ij["name"] = is.name;
    ij["topic"] = is.topic;
    ij["detail"] = is.detail;
    ij["default"] = is.options[static_cast<std::size_t>(is.default_option)].id;
    json opts = json::array();
    for (const auto& o : is.options) opts.push_back({{"id", o.id}, {"label", o.label}});
    ij["options"] = opts;
    issues.push_back(ij);
  }
  out["issues"] = issues;
  json pk = json::array();
  for (const auto& p : s.packages)
    pk.push_back({{"id", p.id}, {"name", p.name}, {"options", package_json(s, p.options)}});
  out["packages"] = pk;
  json vs = json::array();
  for (const auto& v : s.variants)
    vs.push_back({{"id", v.id}, {"name", v.name}, {"applied", v.id == s.variant}});
  out["variants"] = vs;
  return finite_json(std::move(out), "parley info --json");
}

json eval_json(const Scenario& s, const std::vector<int>& x,
               const std::vector<analysis::PartyVerdict>& verdicts) {
  json out;
  out["package"] = package_json(s, x);
  out["index"] = s.space().encode(x);
  json parties = json::array();
  bool all = true;
  for (const auto& v : verdicts) {
    all = all && v.acceptable();
    parties.push_back({{"party", s.parties[static_cast<std::size_t>(v.party)].id},
                       {"utility", v.utility},
                       {"reservation", v.reservation},
                       {"meets_reservation", v.meets_reservation()},
                       {"crosses_red_line", !v.red_lines_crossed.empty()},
                       {"red_lines_crossed", v.red_lines_crossed},
                       {"acceptable", v.acceptable()}});
  }
  out["parties"] = parties;
  out["acceptable_to_all"] = all;
  return finite_json(std::move(out), "parley eval --json");
}

}  // namespace parley::report

#include "load/preferences_yaml.hpp"

#include <unordered_set>

#include "load/section_reader.hpp"

namespace parley::load {
namespace {

/// Each party's preferences (weights, values, interactions, red lines, reservation, victory,
/// discount) and the named packages (docs/scenario-format.md#preferences, #packages).
class PreferencesReader : public SectionReader {
 public:
  using SectionReader::SectionReader;

  void preferences(const YAML::Node& node, const YAML::Node& root) {
    s_.preferences.assign(s_.parties.size(), std::nullopt);
    if (node.IsDefined() && r_.expect_map(node, "'preferences'")) {
      each_party(node, "'preferences'", [&](int p, const std::string& id, const YAML::Node& v) {
        auto& pref = s_.preferences[static_cast<std::size_t>(p)];
        if (!pref) pref = party_preferences(v, id);
      });
    }
    for (std::size_t p = 0; p < s_.parties.size(); ++p)
      if (s_.parties[p].role == Role::party && !s_.preferences[p])
        r_.error(node.IsDefined() ? node : root,
                 "party '" + s_.parties[p].id + "' has no preferences",
                 "add 'preferences: " + s_.parties[p].id +
                     ": {weights: ..., values: ...}' (only mediators and observers may omit them)");
  }

  Preferences party_preferences(const YAML::Node& n, const std::string& pid) {
    const std::string what = "the preferences of '" + pid + "'";
    Preferences pref;
    pref.weights.assign(s_.issues.size(), 0.0);
    pref.values.resize(s_.issues.size());
    for (std::size_t i = 0; i < s_.issues.size(); ++i)
      pref.values[i].assign(s_.issues[i].options.size(), 0.0);
    if (!r_.expect_map(n, what)) return pref;
    r_.check_keys(n,
                  {"weights", "values", "interactions", "red_lines", "reservation", "victory",
                   "discount", "note"},
                  what);
    const auto p = static_cast<std::size_t>(s_.party_index(pid));
    if (auto v = n["reservation"]; v.IsDefined()) {
      pref.reservation = r_.number_in(v, "'reservation' of " + what, 0, 1).value_or(0);
      r_.bind(
          "preferences." + pid + ".reservation",
          [p](Scenario& x, double u) { x.preferences[p]->reservation = u; },
          kTrajectory | kAnalysis);
    }
    if (auto v = n["victory"]; v.IsDefined())
      pref.victory = r_.number_in(v, "'victory' of " + what, 0, 1);
    if (auto v = n["discount"]; v.IsDefined()) {
      pref.discount = r_.number_in(v, "'discount' of " + what, 0, 1).value_or(1);
      r_.bind("preferences." + pid + ".discount",
              [p](Scenario& x, double u) { x.preferences[p]->discount = u; });
      if (pref.discount <= 0)
        r_.error(v, "'discount' of " + what + " must be above 0", "use a factor in (0, 1]");
    }
    std::vector<bool> weighted(s_.issues.size(), false);
    weights(n["weights"], n, what, pref, weighted);
    values(n["values"], n, what, pref, weighted);
    interactions(n["interactions"], what, pref);
    red_lines(n["red_lines"], what, pref);
    return pref;
  }

  void interactions(const YAML::Node& node, const std::string& what, Preferences& pref) {
    if (const YAML::Node& v = node;
        v.IsDefined() && r_.expect_seq(v, "'interactions' of " + what)) {
      for (const auto& in : v) {
        if (!r_.expect_map(in, "an interaction of " + what)) continue;
        r_.check_keys(in, {"when", "value", "note"}, "an interaction of " + what);
        if (!in["when"].IsDefined()) {
          r_.error(in, "an interaction of " + what + " is missing 'when'",
                   "e.g. when: {issue_a: option, issue_b: option}");
          continue;
        }
        auto conds =
            conditions(in["when"], "an interaction of " + what, "an interaction of " + what);
        auto value = r_.number_field(in, "value", "an interaction of " + what, true);
        if (in["when"].IsMap() && in["when"].size() != 2) {
          r_.error(in["when"],
                   "an interaction names " + std::to_string(in["when"].size()) + " issues",
                   "interactions are pairwise: name exactly two different issues");
          continue;
        }
        if (value && (*value < -1 || *value > 1))
          r_.error(in["value"], "interaction value " + in["value"].Scalar() + " is outside [-1, 1]",
                   "an interaction adjusts utility by at most 1 either way");
        else if (value && conds.size() == 2)
          pref.interactions.push_back({conds[0], conds[1], *value});
      }
    }
  }

  void red_lines(const YAML::Node& node, const std::string& what, Preferences& pref) {
    if (const YAML::Node& v = node; v.IsDefined() && r_.expect_seq(v, "'red_lines' of " + what)) {
      for (const auto& rl : v) {
        if (!r_.expect_map(rl, "a red line of " + what)) continue;
        r_.check_keys(rl, {"when", "note", "firm", "audience_cost"}, "a red line of " + what);
        if (!rl["when"].IsDefined()) {
          r_.error(rl, "a red line of " + what + " is missing 'when'",
                   "e.g. when: {issue: option}");
          continue;
        }
        RedLine line;
        line.when = conditions(rl["when"], "a red line of " + what, "a red line of " + what);
        line.note = r_.string_field(rl, "note", "a red line", false).value_or("");
        if (rl["when"].IsMap() && rl["when"].size() == 0)
          r_.error(rl["when"], "a red line with no conditions", "name at least one issue: option");
        else if (!line.when.empty() && line.when.size() == rl["when"].size() &&
                 position(rl, what, line, pref))
          pref.red_lines.push_back(std::move(line));
      }
      if (pref.red_lines.size() > kMaxRedLines)
        r_.error(v, what + " has " + std::to_string(pref.red_lines.size()) + " red lines",
                 "at most " + std::to_string(kMaxRedLines) +
                     " per party; merge lines that share conditions");
    }
  }

  /// `firm: false` with an `audience_cost`: a stated position. Its cost enters the party's
  /// utility as an interaction (one condition: with itself), so the analysis sees it exactly.
  bool position(const YAML::Node& rl, const std::string& what, RedLine& line, Preferences& pref) {
    const auto firm = r_.bool_field(rl, "firm", "a red line of " + what);
    const YAML::Node cost = rl["audience_cost"];
    if (firm.value_or(true)) {
      if (cost.IsDefined())
        r_.error(cost, "a firm red line of " + what + " has an 'audience_cost'",
                 "only a stated position (firm: false) can be crossed at a cost");
      return true;
    }
    if (!cost.IsDefined()) {
      r_.error(rl, "a stated position of " + what + " (firm: false) has no 'audience_cost'",
               "give what crossing it costs the party at home, e.g. audience_cost: 0.1");
      return false;
    }
    const auto c = r_.number_in(cost, "'audience_cost' of a red line of " + what, 0, 1);
    if (!c) return false;
    if (line.when.size() > 2) {
      r_.error(
          rl["when"],
          "a stated position of " + what + " names " + std::to_string(line.when.size()) + " issues",
          "a stated position has one or two conditions; mark it firm, or split it");
      return false;
    }
    line.stated = true;
    line.audience_cost = *c;
    const Condition& a = line.when[0];
    pref.interactions.push_back({a, line.when.size() == 2 ? line.when[1] : a, -*c});
    return true;
  }

  void weights(const YAML::Node& w, const YAML::Node& parent, const std::string& what,
               Preferences& pref, std::vector<bool>& weighted) {
    if (!w.IsDefined()) {
      r_.error(parent, what + " is missing the required field 'weights'",
               "give each issue's weight, e.g. weights: {price: 2, delivery: 1}");
      return;
    }
    if (!r_.expect_map(w, "'weights' of " + what)) return;
    r_.check_keys(w, ids_of(s_.issues), "'weights' of " + what + " (keys are issue ids)");
    double total = 0;
    bool any_bad = false;
    for (auto it = w.begin(); it != w.end(); ++it) {
      int i = it->first.IsScalar() ? s_.issue_index(it->first.Scalar()) : -1;
      if (i < 0) {
        any_bad = true;  // reported by check_keys
        continue;
      }
      auto v = r_.number(it->second, "weight of '" + it->first.Scalar() + "' in " + what);
      if (!v) {
        any_bad = true;
        continue;
      }
      if (*v < 0) {
        r_.error(it->second,
                 "weight of '" + it->first.Scalar() + "' is negative (" + it->second.Scalar() + ")",
                 "weights must be >= 0; use 0 for an issue the party does not care about");
        any_bad = true;
        continue;
      }
      pref.weights[static_cast<std::size_t>(i)] = *v;
      weighted[static_cast<std::size_t>(i)] = *v > 0;
      total += *v;
    }
    if (!any_bad && total <= 0)
      r_.error(w, "all weights of " + what + " are zero",
               "give at least one issue a positive weight");
    if (!std::isfinite(total))  // each is finite, but their sum overflows
      r_.error(w,
               "the weights of " + what + " add up to more than the largest number (about 1.8e308)",
               "weights are relative: divide them all by the same factor, e.g. 1e308 -> 1");
    else if (total > 0)
      for (auto& x : pref.weights) x /= total;
  }

  void values(const YAML::Node& vs, const YAML::Node& parent, const std::string& what,
              Preferences& pref, const std::vector<bool>& weighted) {
    if (!vs.IsDefined()) {
      r_.error(parent, what + " is missing the required field 'values'",
               "give each weighted issue's option values in [0,1]");
      return;
    }
    if (!r_.expect_map(vs, "'values' of " + what)) return;
    r_.check_keys(vs, ids_of(s_.issues), "'values' of " + what + " (keys are issue ids)");
    std::vector<bool> given(s_.issues.size(), false);
    for (auto it = vs.begin(); it != vs.end(); ++it) {
      int i = it->first.IsScalar() ? s_.issue_index(it->first.Scalar()) : -1;
      if (i < 0) continue;
      const Issue& issue = s_.issues[static_cast<std::size_t>(i)];
      given[static_cast<std::size_t>(i)] = true;
      const std::string ctx = "values of issue '" + issue.id + "' in " + what;
      auto& row = pref.values[static_cast<std::size_t>(i)];
      const YAML::Node table = it->second;
      if (table.IsSequence()) {
        if (table.size() != issue.options.size()) {
          r_.error(table,
                   ctx + ": " + std::to_string(table.size()) + " values for " +
                       std::to_string(issue.options.size()) + " options",
                   "a list gives one value per option, in option order");
          continue;
        }
        for (std::size_t o = 0; o < table.size(); ++o)
          row[o] = r_.number_in(table[o],
                                "value of option '" + issue.options[o].id + "' (" + ctx + ")", 0, 1)
                       .value_or(0);
        continue;
      }
      if (!r_.expect_map(table, ctx)) continue;
      r_.check_keys(table, ids_of(issue.options), ctx + " (keys are option ids)");
      std::vector<bool> seen(issue.options.size(), false);
      for (auto jt = table.begin(); jt != table.end(); ++jt) {
        int o = jt->first.IsScalar() ? Scenario::option_index(issue, jt->first.Scalar()) : -1;
        if (o < 0) continue;
        seen[static_cast<std::size_t>(o)] = true;
        row[static_cast<std::size_t>(o)] =
            r_.number_in(jt->second, "value of option '" + jt->first.Scalar() + "' (" + ctx + ")",
                         0, 1)
                .value_or(0);
      }
      for (std::size_t o = 0; o < seen.size(); ++o)
        if (!seen[o])
          r_.error(table, ctx + " has no value for option '" + issue.options[o].id + "'",
                   "give every option a value in [0,1]");
    }
    for (std::size_t i = 0; i < s_.issues.size(); ++i)
      if (weighted[i] && !given[i])
        r_.error(vs, what + " weights issue '" + s_.issues[i].id + "' but gives it no values",
                 "add 'values: " + s_.issues[i].id + ": {option: value, ...}'");
  }

  void packages(const YAML::Node& node) {
    if (!node.IsDefined() || !r_.expect_seq(node, "'packages'")) return;
    for (const auto& n : node) {
      if (!r_.expect_map(n, "a package")) continue;
      r_.check_keys(n, {"id", "name", "options", "note"}, "a package");
      NamedPackage pkg;
      auto id = r_.string_field(n, "id", "a package", true);
      if (!id) continue;
      pkg.id = *id;
      if (!r_.check_unique(n["id"], s_.packages, pkg.id, "package")) continue;
      pkg.name = r_.string_field(n, "name", "package '" + pkg.id + "'", false).value_or(pkg.id);
      pkg.options = s_.default_package();
      if (!n["options"].IsDefined()) {
        r_.error(n, "package '" + pkg.id + "' is missing the required field 'options'",
                 "e.g. options: {issue: option, ...}; unnamed issues take their default");
      } else {
        for (const auto& c :
             conditions(n["options"], "package '" + pkg.id + "'", "package '" + pkg.id + "'"))
          pkg.options[static_cast<std::size_t>(c.issue)] = c.option;
      }
      s_.packages.push_back(std::move(pkg));
    }
  }
};

}  // namespace

void read_preferences(YamlReader& r, const YAML::Node& node, const YAML::Node& root, Scenario& s) {
  PreferencesReader(r, s).preferences(node, root);
}

void read_packages(YamlReader& r, const YAML::Node& node, Scenario& s) {
  PreferencesReader(r, s).packages(node);
}

}  // namespace parley::load

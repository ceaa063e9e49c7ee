#include "load/scenario_yaml.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "load/builtin.hpp"
#include "load/dynamics_yaml.hpp"
#include "load/encoding.hpp"
#include "load/genius.hpp"
#include "load/process_yaml.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {
namespace {

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> out;
  for (const auto& it : items) out.push_back(it.id);
  return out;
}

class ScenarioLoader {
 public:
  explicit ScenarioLoader(YamlReader& r) : r_(r) {}

  Scenario load(const YAML::Node& root) {
    Scenario s;
    s.source = r_.file();
    if (!r_.expect_map(root, "the scenario file")) return s;
    r_.check_keys(root,
                  {"parley", "name", "description", "parties", "issues", "preferences", "packages",
                   "process", "dynamics"},
                  "the scenario");
    auto version = r_.integer_field(root, "parley", "the scenario", true);
    if (version && *version != 1)
      r_.error(root["parley"], "unsupported format version " + std::to_string(*version),
               "this parley reads format version 1 ('parley: 1')");
    s.name = r_.string_field(root, "name", "the scenario", true).value_or("");
    s.description = r_.string_field(root, "description", "the scenario", false).value_or("");
    parties(root["parties"], root, s);
    issues(root["issues"], root, s);
    preferences(root["preferences"], root, s);
    packages(root["packages"], s);
    read_process(r_, root["process"], s);
    read_dynamics(r_, root["dynamics"], s);
    return s;
  }

 private:
  YamlReader& r_;

  void parties(const YAML::Node& node, const YAML::Node& root, Scenario& s) {
    if (!node.IsDefined()) {
      r_.error(root, "the scenario is missing the required field 'parties'");
      return;
    }
    if (!r_.expect_seq(node, "'parties'")) return;
    if (node.size() == 0) r_.error(node, "'parties' is empty", "declare at least one party");
    for (const auto& p : node) {
      if (!r_.expect_map(p, "a party")) continue;
      r_.check_keys(p, {"id", "name", "role", "note"}, "a party");
      Party party;
      auto id = r_.string_field(p, "id", "a party", true);
      if (!id) continue;
      party.id = *id;
      if (!r_.check_unique(p["id"], s.parties, party.id, "party")) continue;
      party.name = r_.string_field(p, "name", "party '" + party.id + "'", false).value_or(party.id);
      if (auto role = r_.string_field(p, "role", "party '" + party.id + "'", false)) {
        if (*role == "party")
          party.role = Role::party;
        else if (*role == "mediator")
          party.role = Role::mediator;
        else if (*role == "observer")
          party.role = Role::observer;
        else {
          std::string guess = closest_match(*role, {"party", "mediator", "observer"});
          r_.error(
              p["role"], "unknown role '" + *role + "' of party '" + party.id + "'",
              guess.empty() ? "use party, mediator or observer" : "did you mean '" + guess + "'?");
        }
      }
      s.parties.push_back(std::move(party));
    }
  }

  void issues(const YAML::Node& node, const YAML::Node& root, Scenario& s) {
    if (!node.IsDefined()) {
      r_.error(root, "the scenario is missing the required field 'issues'");
      return;
    }
    if (!r_.expect_seq(node, "'issues'")) return;
    if (node.size() == 0) r_.error(node, "'issues' is empty", "declare at least one issue");
    for (const auto& n : node) {
      if (!r_.expect_map(n, "an issue")) continue;
      r_.check_keys(n, {"id", "name", "topic", "options", "default", "detail", "note"}, "an issue");
      Issue issue;
      auto id = r_.string_field(n, "id", "an issue", true);
      if (!id) continue;
      issue.id = *id;
      if (!r_.check_unique(n["id"], s.issues, issue.id, "issue")) continue;
      const std::string what = "issue '" + issue.id + "'";
      issue.name = r_.string_field(n, "name", what, false).value_or(issue.id);
      issue.topic = r_.string_field(n, "topic", what, false).value_or(issue.id);
      issue.note = r_.string_field(n, "note", what, false).value_or("");
      issue.detail = r_.bool_field(n, "detail", what).value_or(false);
      const YAML::Node opts = n["options"];
      if (!opts.IsDefined()) {
        r_.error(n, what + " is missing the required field 'options'",
                 "list its options, each with an id and a label");
      } else if (r_.expect_seq(opts, "'options' of " + what)) {
        if (opts.size() == 0)
          r_.error(opts, what + " has no options", "an issue needs at least one option");
        std::unordered_set<std::string> seen;
        for (const auto& o : opts) options(o, what, issue, seen);
      }
      if (const YAML::Node d = n["default"]; d.IsDefined() && !issue.options.empty()) {
        int idx = r_.reference(d, ids_of(issue.options), "default option", what);
        if (idx >= 0) issue.default_option = idx;
      }
      s.issues.push_back(std::move(issue));
    }
  }

  void options(const YAML::Node& o, const std::string& what, Issue& issue,
               std::unordered_set<std::string>& seen) {
    Option opt;
    if (o.IsScalar()) {  // shorthand: "- low" is {id: low, label: low}
      opt.id = opt.label = o.Scalar();
    } else {
      if (!r_.expect_map(o, "an option of " + what)) return;
      r_.check_keys(o, {"id", "label", "note"}, "an option of " + what);
      auto id = r_.string_field(o, "id", "an option of " + what, true);
      if (!id) return;
      opt.id = *id;
      opt.label = r_.string_field(o, "label", "option '" + opt.id + "'", false).value_or(opt.id);
    }
    if (!seen.insert(opt.id).second)
      r_.error(o.IsMap() ? o["id"] : o, "duplicate option id '" + opt.id + "' in " + what,
               "option ids must be unique within an issue");
    issue.options.push_back(std::move(opt));
  }

  /// Reads `{issue: option, ...}` into conditions; reports unknown names.
  std::vector<Condition> conditions(const YAML::Node& when, const Scenario& s,
                                    const std::string& context) {
    std::vector<Condition> out;
    if (!r_.expect_map(when, "'when' of " + context)) return out;
    r_.check_keys(when, ids_of(s.issues), context);
    for (auto it = when.begin(); it != when.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      int i = s.issue_index(it->first.Scalar());
      if (i < 0) continue;  // reported by check_keys
      const Issue& issue = s.issues[static_cast<std::size_t>(i)];
      int o = r_.reference(it->second, ids_of(issue.options), "option",
                           "issue '" + issue.id + "' (" + context + ")");
      if (o >= 0) out.push_back({i, o});
    }
    return out;
  }

  void preferences(const YAML::Node& node, const YAML::Node& root, Scenario& s) {
    s.preferences.assign(s.parties.size(), std::nullopt);
    if (node.IsDefined() && r_.expect_map(node, "'preferences'")) {
      r_.check_keys(node, ids_of(s.parties), "'preferences' (keys are party ids)");
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        int p = s.party_index(it->first.Scalar());
        if (p < 0 || s.preferences[static_cast<std::size_t>(p)]) continue;
        s.preferences[static_cast<std::size_t>(p)] =
            party_preferences(it->second, s, it->first.Scalar());
      }
    }
    for (std::size_t p = 0; p < s.parties.size(); ++p)
      if (s.parties[p].role == Role::party && !s.preferences[p])
        r_.error(node.IsDefined() ? node : root,
                 "party '" + s.parties[p].id + "' has no preferences",
                 "add 'preferences: " + s.parties[p].id +
                     ": {weights: ..., values: ...}' (only mediators and observers may omit them)");
  }

  Preferences party_preferences(const YAML::Node& n, const Scenario& s, const std::string& pid) {
    const std::string what = "the preferences of '" + pid + "'";
    Preferences pref;
    pref.weights.assign(s.issues.size(), 0.0);
    pref.values.resize(s.issues.size());
    for (std::size_t i = 0; i < s.issues.size(); ++i)
      pref.values[i].assign(s.issues[i].options.size(), 0.0);
    if (!r_.expect_map(n, what)) return pref;
    r_.check_keys(n,
                  {"weights", "values", "interactions", "red_lines", "reservation", "victory",
                   "discount", "note"},
                  what);
    const auto p = static_cast<std::size_t>(s.party_index(pid));
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
    std::vector<bool> weighted(s.issues.size(), false);
    weights(n["weights"], n, s, what, pref, weighted);
    values(n["values"], n, s, what, pref, weighted);
    if (auto v = n["interactions"];
        v.IsDefined() && r_.expect_seq(v, "'interactions' of " + what)) {
      for (const auto& in : v) {
        if (!r_.expect_map(in, "an interaction of " + what)) continue;
        r_.check_keys(in, {"when", "value", "note"}, "an interaction of " + what);
        if (!in["when"].IsDefined()) {
          r_.error(in, "an interaction of " + what + " is missing 'when'",
                   "e.g. when: {issue_a: option, issue_b: option}");
          continue;
        }
        auto conds = conditions(in["when"], s, "an interaction of " + what);
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
    if (auto v = n["red_lines"]; v.IsDefined() && r_.expect_seq(v, "'red_lines' of " + what)) {
      for (const auto& rl : v) {
        if (!r_.expect_map(rl, "a red line of " + what)) continue;
        r_.check_keys(rl, {"when", "note"}, "a red line of " + what);
        if (!rl["when"].IsDefined()) {
          r_.error(rl, "a red line of " + what + " is missing 'when'",
                   "e.g. when: {issue: option}");
          continue;
        }
        RedLine line;
        line.when = conditions(rl["when"], s, "a red line of " + what);
        line.note = r_.string_field(rl, "note", "a red line", false).value_or("");
        if (rl["when"].IsMap() && rl["when"].size() == 0)
          r_.error(rl["when"], "a red line with no conditions", "name at least one issue: option");
        else if (!line.when.empty() && line.when.size() == rl["when"].size())
          pref.red_lines.push_back(std::move(line));
      }
      if (pref.red_lines.size() > kMaxRedLines)
        r_.error(v, what + " has " + std::to_string(pref.red_lines.size()) + " red lines",
                 "at most " + std::to_string(kMaxRedLines) +
                     " per party; merge lines that share conditions");
    }
    return pref;
  }

  void weights(const YAML::Node& w, const YAML::Node& parent, const Scenario& s,
               const std::string& what, Preferences& pref, std::vector<bool>& weighted) {
    if (!w.IsDefined()) {
      r_.error(parent, what + " is missing the required field 'weights'",
               "give each issue's weight, e.g. weights: {price: 2, delivery: 1}");
      return;
    }
    if (!r_.expect_map(w, "'weights' of " + what)) return;
    r_.check_keys(w, ids_of(s.issues), "'weights' of " + what + " (keys are issue ids)");
    double total = 0;
    bool any_bad = false;
    for (auto it = w.begin(); it != w.end(); ++it) {
      int i = it->first.IsScalar() ? s.issue_index(it->first.Scalar()) : -1;
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

  void values(const YAML::Node& vs, const YAML::Node& parent, const Scenario& s,
              const std::string& what, Preferences& pref, const std::vector<bool>& weighted) {
    if (!vs.IsDefined()) {
      r_.error(parent, what + " is missing the required field 'values'",
               "give each weighted issue's option values in [0,1]");
      return;
    }
    if (!r_.expect_map(vs, "'values' of " + what)) return;
    r_.check_keys(vs, ids_of(s.issues), "'values' of " + what + " (keys are issue ids)");
    std::vector<bool> given(s.issues.size(), false);
    for (auto it = vs.begin(); it != vs.end(); ++it) {
      int i = it->first.IsScalar() ? s.issue_index(it->first.Scalar()) : -1;
      if (i < 0) continue;
      const Issue& issue = s.issues[static_cast<std::size_t>(i)];
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
    for (std::size_t i = 0; i < s.issues.size(); ++i)
      if (weighted[i] && !given[i])
        r_.error(vs, what + " weights issue '" + s.issues[i].id + "' but gives it no values",
                 "add 'values: " + s.issues[i].id + ": {option: value, ...}'");
  }

  void packages(const YAML::Node& node, Scenario& s) {
    if (!node.IsDefined() || !r_.expect_seq(node, "'packages'")) return;
    for (const auto& n : node) {
      if (!r_.expect_map(n, "a package")) continue;
      r_.check_keys(n, {"id", "name", "options", "note"}, "a package");
      NamedPackage pkg;
      auto id = r_.string_field(n, "id", "a package", true);
      if (!id) continue;
      pkg.id = *id;
      if (!r_.check_unique(n["id"], s.packages, pkg.id, "package")) continue;
      pkg.name = r_.string_field(n, "name", "package '" + pkg.id + "'", false).value_or(pkg.id);
      pkg.options = s.default_package();
      if (!n["options"].IsDefined()) {
        r_.error(n, "package '" + pkg.id + "' is missing the required field 'options'",
                 "e.g. options: {issue: option, ...}; unnamed issues take their default");
      } else {
        for (const auto& c : conditions(n["options"], s, "package '" + pkg.id + "'"))
          pkg.options[static_cast<std::size_t>(c.issue)] = c.option;
      }
      s.packages.push_back(std::move(pkg));
    }
  }
};

/// Sorts diagnostics by position and drops repeats (a node reached through several aliases
/// reports each problem once).
std::vector<Diagnostic> sorted_unique(std::vector<Diagnostic> ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  std::vector<Diagnostic> out;
  std::set<std::tuple<int, int, std::string, std::string>> seen;
  for (auto& d : ds)
    if (seen.emplace(d.line, d.column, d.message, d.hint).second) out.push_back(std::move(d));
  return out;
}

}  // namespace

Scenario load_scenario_text(const std::string& raw, const std::string& file) {
  if (auto bad = check_encoding(raw, file)) throw ValidationError({std::move(*bad)});
  const std::size_t bom = utf8_bom_length(raw);
  const std::string stripped = bom ? raw.substr(bom) : std::string();
  const std::string& text = bom ? stripped : raw;
  YamlReader reader(file);
  Scenario s;
  try {
    auto root = parse_yaml(text, reader);
    if (root) s = ScenarioLoader(reader).load(*root);
    s.uncertain = reader.take_uncertain();
  } catch (const YAML::Exception& e) {  // e.g. recursion limits on hostile input
    reader.error(e.mark, "cannot read YAML: " + e.msg);
  }
  if (!reader.ok()) throw ValidationError(sorted_unique(std::move(reader.diagnostics())));
  return s;
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec == std::errc::too_many_symbolic_link_levels)
    throw Error(path + ": cannot open file: a loop of symbolic links");
  if (std::filesystem::is_directory(status)) throw Error(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open file");
  std::string out;
  std::vector<char> buffer(std::size_t{1} << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (out.size() + got > kMaxInputBytes)
      throw ValidationError({{path, 0, 0, "the file is larger than 64 MiB",
                              "parley reads scenario and domain files of up to 64 MiB; is this "
                              "the file you meant?"}});
    out.append(buffer.data(), got);
  }
  if (in.bad()) throw Error(path + ": cannot read file");
  return out;
}

Scenario load_scenario_file(const std::string& path) {
  return load_scenario_text(read_file(path), path);
}

Scenario resolve_scenario(const std::string& path_or_name) {
  const std::string name = path_or_name.empty() ? std::string(kDefaultScenario) : path_or_name;
  std::error_code ec;  // a path that cannot be examined (a symbolic link loop) is read_file's
  if (const BuiltinScenario* b = find_builtin(name); b && !std::filesystem::exists(name, ec))
    return load_scenario_text(std::string(b->yaml), "builtin:" + std::string(b->name));
  if (std::filesystem::is_directory(name, ec)) return load_genius_folder(name);
  return load_scenario_file(name);
}

}  // namespace parley::load

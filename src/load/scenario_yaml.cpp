#include "load/scenario_yaml.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "load/builtin.hpp"
#include "load/dynamics_yaml.hpp"
#include "load/encoding.hpp"
#include "load/genius.hpp"
#include "load/preferences_yaml.hpp"
#include "load/process_yaml.hpp"
#include "load/variants_yaml.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {
namespace {

class ScenarioLoader {
 public:
  explicit ScenarioLoader(YamlReader& r) : r_(r) {}

  Scenario load(const YAML::Node& root) {
    Scenario s;
    s.source = r_.file();
    if (!r_.expect_map(root, "the scenario file")) return s;
    r_.check_keys(root,
                  {"parley", "name", "description", "parties", "issues", "preferences", "packages",
                   "process", "dynamics", "variants"},
                  "the scenario");
    auto version = r_.integer_field(root, "parley", "the scenario", true);
    if (version && *version != 1)
      r_.error(root["parley"], "unsupported format version " + std::to_string(*version),
               "this parley reads format version 1 ('parley: 1')");
    s.name = r_.string_field(root, "name", "the scenario", true).value_or("");
    s.description = r_.string_field(root, "description", "the scenario", false).value_or("");
    parties(root["parties"], root, s);
    issues(root["issues"], root, s);
    read_preferences(r_, root["preferences"], root, s);
    read_packages(r_, root["packages"], s);
    read_process(r_, root["process"], s);
    read_dynamics(r_, root["dynamics"], s);
    read_variants(r_, root["variants"], s);
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

/// Parses `text` and loads it, with variant `variant` of it applied when given (`base`: the
/// scenario as written, loaded without errors).
Scenario load_tree(const std::string& text, YamlReader& reader, const std::string* variant,
                   const Scenario* base) {
  Scenario s;
  try {
    auto root = parse_yaml(text, reader);
    if (root && variant) apply_variant(*root, *variant, *base);
    if (root) s = ScenarioLoader(reader).load(*root);
    s.uncertain = reader.take_uncertain();
  } catch (const YAML::Exception& e) {  // e.g. recursion limits on hostile input
    reader.error(e.mark, "cannot read YAML: " + e.msg);
  }
  return s;
}

ValidationError unknown_variant(const Scenario& s, const std::string& variant) {
  const std::vector<std::string> ids = ids_of(s.variants);
  std::string list;
  for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
  const std::string guess = closest_match(variant, ids);
  return ValidationError(
      {Diagnostic{"--variant", 1, 1, "scenario '" + s.source + "' has no variant '" + variant + "'",
                  ids.empty()      ? "it declares no variants; leave --variant out"
                  : !guess.empty() ? "did you mean '" + guess + "'? (variants: " + list + ")"
                                   : "variants: " + list}});
}

}  // namespace

Scenario load_scenario_text(const std::string& raw, const std::string& file,
                            const std::string& variant) {
  if (auto bad = check_encoding(raw, file)) throw ValidationError({std::move(*bad)});
  const std::size_t bom = utf8_bom_length(raw);
  const std::string stripped = bom ? raw.substr(bom) : std::string();
  const std::string& text = bom ? stripped : raw;
  YamlReader reader(file);
  Scenario s = load_tree(text, reader, nullptr, nullptr);
  if (reader.ok()) {  // every variant is loaded, so an error in any of them is reported
    std::optional<Scenario> chosen;
    for (const auto& v : s.variants) {
      YamlReader varied(file);
      Scenario sv = load_tree(text, varied, &v.id, &s);
      for (auto& d : varied.diagnostics()) reader.diagnostics().push_back(std::move(d));
      if (v.id == variant) chosen = std::move(sv);
    }
    if (reader.ok() && !variant.empty()) {
      if (!chosen) throw unknown_variant(s, variant);
      chosen->variant = variant;
      chosen->name += " [variant: " + variant + "]";
      s = std::move(*chosen);
    }
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

Scenario load_scenario_file(const std::string& path, const std::string& variant) {
  return load_scenario_text(read_file(path), path, variant);
}

Scenario resolve_scenario(const std::string& path_or_name, const std::string& variant) {
  const std::string name = path_or_name.empty() ? std::string(kDefaultScenario) : path_or_name;
  std::error_code ec;  // a path that cannot be examined (a symbolic link loop) is read_file's
  if (const BuiltinScenario* b = find_builtin(name); b && !std::filesystem::exists(name, ec))
    return load_scenario_text(std::string(b->yaml), "builtin:" + std::string(b->name), variant);
  if (std::filesystem::is_directory(name, ec)) {
    Scenario s = load_genius_folder(name);
    if (!variant.empty()) throw unknown_variant(s, variant);
    return s;
  }
  return load_scenario_file(name, variant);
}

}  // namespace parley::load

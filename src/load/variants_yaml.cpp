#include "load/variants_yaml.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "load/section_reader.hpp"

namespace parley::load {
namespace {

/// The variants section's shape and references (docs/scenario-format.md#variants).
class VariantsReader : public SectionReader {
 public:
  using SectionReader::SectionReader;

  void variants(const YAML::Node& node) {
    if (!node.IsDefined() || !r_.expect_map(node, "'variants'")) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar() || it->first.Scalar().empty()) {
        r_.error(it->first, "a variant is named by " + describe_type(it->first),
                 "name each variant by a word, e.g. variants: {optimistic: {preferences: ...}}");
        continue;
      }
      Variant v;
      v.id = it->first.Scalar();
      if (!r_.check_unique(it->first, s_.variants, v.id, "variant")) continue;
      const std::string what = "variant '" + v.id + "'";
      const YAML::Node body = it->second;
      if (!r_.expect_map(body, what)) continue;
      r_.check_keys(body, {"name", "note", "preferences"}, what);
      v.name = r_.string_field(body, "name", what, false).value_or(v.id);
      v.note = r_.string_field(body, "note", what, false).value_or("");
      if (const YAML::Node p = body["preferences"];
          p.IsDefined() && r_.expect_map(p, "'preferences' of " + what))
        each_party(p, "'preferences' of " + what,
                   [&](int, const std::string& id, const YAML::Node& over) {
                     overrides(over, "the preferences of '" + id + "' in " + what);
                   });
      s_.variants.push_back(std::move(v));
    }
  }

 private:
  void overrides(const YAML::Node& n, const std::string& what) {
    if (!r_.expect_map(n, what)) return;
    r_.check_keys(n, {"weights", "values", "red_lines", "reservation", "victory", "note"}, what);
    if (const YAML::Node w = n["weights"];
        w.IsDefined() && r_.expect_map(w, "'weights' of " + what))
      r_.check_keys(w, ids_of(s_.issues), "'weights' of " + what + " (keys are issue ids)");
    if (const YAML::Node vs = n["values"];
        vs.IsDefined() && r_.expect_map(vs, "'values' of " + what)) {
      r_.check_keys(vs, ids_of(s_.issues), "'values' of " + what + " (keys are issue ids)");
      for (auto it = vs.begin(); it != vs.end(); ++it) {
        const int i = it->first.IsScalar() ? s_.issue_index(it->first.Scalar()) : -1;
        if (i < 0 || it->second.IsSequence()) continue;  // a whole row is checked when loaded
        const Issue& issue = s_.issues[static_cast<std::size_t>(i)];
        const std::string ctx = "values of issue '" + issue.id + "' in " + what;
        if (r_.expect_map(it->second, ctx))
          r_.check_keys(it->second, ids_of(issue.options), ctx + " (keys are option ids)");
      }
    }
    if (const YAML::Node rl = n["red_lines"]; rl.IsDefined())
      r_.expect_seq(rl, "'red_lines' of " + what);
  }
};

/// map[key] = value, the key moved to the end: the value node is replaced, not written through
/// (assigning to an existing YAML::Node would change the node it names, which the file may
/// also reach through an alias).
void put(YAML::Node map, const std::string& key, const YAML::Node& value) {
  map.remove(key);
  map[key] = value;
}

/// The child `key` of `map`, created as an empty mapping if absent.
YAML::Node child_map(YAML::Node map, const std::string& key) {
  if (!map[key].IsDefined()) put(map, key, YAML::Node(YAML::NodeType::Map));
  return map[key];
}

/// A red line's conditions as sorted (issue, option) pairs; empty if they are not a mapping.
std::vector<std::pair<std::string, std::string>> conditions_of(const YAML::Node& line) {
  std::vector<std::pair<std::string, std::string>> out;
  const YAML::Node when = line.IsMap() ? line["when"] : YAML::Node();
  if (!when.IsMap()) return out;
  for (auto it = when.begin(); it != when.end(); ++it)
    if (it->first.IsScalar() && it->second.IsScalar())
      out.emplace_back(it->first.Scalar(), it->second.Scalar());
  std::sort(out.begin(), out.end());
  return out;
}

/// A variant's red line replaces the party's red line with the same conditions, else is added.
void merge_red_lines(YAML::Node mine, const YAML::Node& added) {
  std::vector<YAML::Node> lines;
  if (const YAML::Node old = mine["red_lines"]; old.IsSequence())
    for (const auto& line : old) lines.push_back(line);
  for (const auto& line : added) {
    const auto key = conditions_of(line);
    const auto same = std::find_if(lines.begin(), lines.end(), [&](const YAML::Node& l) {
      return !key.empty() && conditions_of(l) == key;
    });
    if (same == lines.end()) {
      lines.push_back(line);
      continue;
    }
    // A new list of handles (assigning a YAML::Node would write through to the node it names).
    std::vector<YAML::Node> next;
    for (auto l = lines.begin(); l != lines.end(); ++l)
      next.push_back(l == same ? static_cast<const YAML::Node&>(line) : *l);
    lines.swap(next);
  }
  YAML::Node merged(YAML::NodeType::Sequence);
  for (const auto& line : lines) merged.push_back(line);
  put(mine, "red_lines", merged);
}

/// A variant's option values: a whole row (a list) replaces the row; a mapping replaces the
/// options it names, in a row written either way.
void merge_values(YAML::Node mine, const YAML::Node& over, const Scenario& base) {
  YAML::Node values = child_map(mine, "values");
  for (auto it = over.begin(); it != over.end(); ++it) {
    const std::string issue = it->first.Scalar();
    const YAML::Node row = values[issue];
    if (it->second.IsSequence() || !row.IsDefined()) {
      put(values, issue, it->second);
    } else if (row.IsMap()) {
      for (auto jt = it->second.begin(); jt != it->second.end(); ++jt)
        put(row, jt->first.Scalar(), jt->second);
    } else {  // a row in option order: rebuild it with the named options replaced
      const Issue& is = base.issues[static_cast<std::size_t>(base.issue_index(issue))];
      std::map<int, YAML::Node> named;
      for (auto jt = it->second.begin(); jt != it->second.end(); ++jt)
        named.emplace(Scenario::option_index(is, jt->first.Scalar()), jt->second);
      YAML::Node next(YAML::NodeType::Sequence);
      for (std::size_t o = 0; o < row.size(); ++o) {
        const auto found = named.find(static_cast<int>(o));
        next.push_back(found == named.end() ? row[o] : found->second);
      }
      put(values, issue, next);
    }
  }
}

}  // namespace

void read_variants(YamlReader& r, const YAML::Node& node, Scenario& s) {
  VariantsReader(r, s).variants(node);
}

void apply_variant(YAML::Node& root, const std::string& id, const Scenario& base) {
  const YAML::Node section = static_cast<const YAML::Node&>(root)["variants"];
  const YAML::Node over = section[id]["preferences"];
  if (!over.IsDefined()) return;
  YAML::Node prefs = child_map(root, "preferences");
  for (auto it = over.begin(); it != over.end(); ++it) {
    const std::string party = it->first.Scalar();
    const YAML::Node o = it->second;
    if (!prefs[party].IsDefined()) {  // a party without preferences gets the variant's
      put(prefs, party, o);
      continue;
    }
    YAML::Node mine = prefs[party];
    for (const char* key : {"reservation", "victory"})
      if (o[key].IsDefined()) put(mine, key, o[key]);
    if (const YAML::Node w = o["weights"]; w.IsDefined()) {
      YAML::Node weights = child_map(mine, "weights");
      for (auto jt = w.begin(); jt != w.end(); ++jt) put(weights, jt->first.Scalar(), jt->second);
    }
    if (const YAML::Node v = o["values"]; v.IsDefined()) merge_values(mine, v, base);
    if (const YAML::Node rl = o["red_lines"]; rl.IsDefined()) merge_red_lines(mine, rl);
  }
}

}  // namespace parley::load

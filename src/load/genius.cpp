#include "load/genius.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/errors.hpp"
#include "load/encoding.hpp"
#include "load/process_yaml.hpp"
#include "load/scenario_yaml.hpp"

namespace parley::load {
namespace fs = std::filesystem;

namespace {

struct XmlFile {
  std::string path, text;
  std::size_t bom = 0;  // a UTF-8 byte-order mark, skipped
  pugi::xml_document doc;

  Diagnostic at(std::ptrdiff_t offset, std::string message, std::string hint = {}) const {
    int line = 1, col = 1;
    const auto end = static_cast<std::ptrdiff_t>(text.size() - bom);
    for (std::ptrdiff_t i = 0; i < offset && i < end; ++i) {
      if (text[bom + static_cast<std::size_t>(i)] == '\n')
        line++, col = 1;
      else
        col++;
    }
    return {path, line, col, std::move(message), std::move(hint)};
  }
  Diagnostic at(const pugi::xml_node& n, std::string message, std::string hint = {}) const {
    return at(n.offset_debug(), std::move(message), std::move(hint));
  }
};

/// Parses f.text as UTF-8 XML (whatever its declaration says: the encoding rules come first).
bool parse(XmlFile& f, std::vector<Diagnostic>& errors) {
  if (auto bad = check_encoding(f.text, f.path)) {
    errors.push_back(std::move(*bad));
    return false;
  }
  f.bom = utf8_bom_length(f.text);
  const pugi::xml_parse_result res = f.doc.load_buffer(f.text.data() + f.bom, f.text.size() - f.bom,
                                                       pugi::parse_default, pugi::encoding_utf8);
  if (!res) {
    errors.push_back(f.at(res.offset, std::string("XML error: ") + res.description(),
                          "the file must be well-formed GENIUS XML"));
    return false;
  }
  return true;
}

pugi::xml_node objective_of(const pugi::xml_document& doc) {
  return doc.select_node("//utility_space/objective").node();
}

bool number_attr(const XmlFile& f, const pugi::xml_node& n, const char* attr, double& out,
                 std::vector<Diagnostic>& errors) {
  const pugi::xml_attribute a = n.attribute(attr);
  if (!a) {
    errors.push_back(f.at(n, std::string("<") + n.name() + "> has no '" + attr + "' attribute"));
    return false;
  }
  char* end = nullptr;
  const std::string v = a.value();
  out = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !std::isfinite(out)) {
    errors.push_back(f.at(n, std::string("'") + attr + "' of <" + n.name() + "> is '" + v +
                                 "', not a finite number"));
    return false;
  }
  return true;
}

/// The issues of a domain file, with their GENIUS index attributes.
void read_domain(const XmlFile& dom, Scenario& s, std::vector<std::string>& index,
                 std::vector<Diagnostic>& errors) {
  const pugi::xml_node obj = objective_of(dom.doc);
  if (!obj) {
    errors.push_back(
        dom.at(0, "no <utility_space><objective> element", "is this a GENIUS domain file?"));
    return;
  }
  for (const pugi::xml_node is : obj.children("issue")) {
    Issue issue;
    issue.id = issue.name = is.attribute("name").value();
    issue.topic = issue.id;
    if (issue.id.empty()) errors.push_back(dom.at(is, "<issue> has no name"));
    if (!issue.id.empty() && s.issue_index(issue.id) >= 0)
      errors.push_back(dom.at(is, "a second issue named '" + issue.id + "'",
                              "issue names must be unique within a domain"));
    const std::string idx = is.attribute("index").value();
    if (std::find(index.begin(), index.end(), idx) != index.end())
      errors.push_back(dom.at(is, "a second issue with index " + idx,
                              "profiles give weights by issue index: indices must be unique"));
    for (const pugi::xml_node it : is.children("item")) {
      const std::string v = it.attribute("value").value();
      if (Scenario::option_index(issue, v) >= 0)
        errors.push_back(dom.at(it, "a second value '" + v + "' of issue '" + issue.id + "'",
                                "the values of an issue must be unique"));
      issue.options.push_back({v, v});
    }
    if (issue.options.empty())
      errors.push_back(dom.at(is, "issue '" + issue.id + "' has no <item> values",
                              "parley reads discrete GENIUS issues only"));
    index.push_back(idx);
    s.issues.push_back(std::move(issue));
  }
  if (s.issues.empty()) errors.push_back(dom.at(obj, "the domain has no issues"));
}

/// value = evaluation / max evaluation, for each issue of the profile.
void read_evaluations(const XmlFile& f, const pugi::xml_node& pobj, const Scenario& s,
                      Preferences& pref, std::vector<Diagnostic>& errors) {
  std::vector<bool> seen(s.issues.size(), false);
  for (const pugi::xml_node is : pobj.children("issue")) {
    const int i = s.issue_index(is.attribute("name").value());
    if (i < 0) {
      errors.push_back(f.at(
          is, std::string("issue '") + is.attribute("name").value() + "' is not in the domain"));
      continue;
    }
    const Issue& issue = s.issues[static_cast<std::size_t>(i)];
    if (seen[static_cast<std::size_t>(i)])
      errors.push_back(
          f.at(is, "a second <issue> for '" + issue.id + "'", "evaluate each issue once"));
    seen[static_cast<std::size_t>(i)] = true;
    std::vector<double> eval(issue.options.size(), 0.0);
    for (const pugi::xml_node it : is.children("item")) {
      const int o = Scenario::option_index(issue, it.attribute("value").value());
      if (o < 0) {
        errors.push_back(f.at(it, std::string("value '") + it.attribute("value").value() +
                                      "' is not a value of issue '" + issue.id +
                                      "' in the domain"));
        continue;
      }
      double e = 0;
      if (number_attr(f, it, "evaluation", e, errors)) {
        if (e < 0) errors.push_back(f.at(it, "negative evaluation", "evaluations must be >= 0"));
        eval[static_cast<std::size_t>(o)] = e;
      }
    }
    const double mx = *std::max_element(eval.begin(), eval.end());
    for (std::size_t o = 0; o < eval.size(); ++o)
      pref.values[static_cast<std::size_t>(i)][o] = mx > 0 ? eval[o] / mx : 0.0;
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (!seen[i])
      errors.push_back(
          f.at(pobj, "the profile has no evaluations for issue '" + s.issues[i].id + "'"));
}

/// One <weight index=...> per domain issue, normalised to sum 1.
void read_weights(const XmlFile& f, const pugi::xml_node& pobj, const Scenario& s,
                  const std::vector<std::string>& index, Preferences& pref,
                  std::vector<Diagnostic>& errors) {
  std::map<std::string, std::size_t> by_index;
  for (std::size_t i = 0; i < index.size(); ++i) by_index[index[i]] = i;
  std::vector<bool> given(s.issues.size(), false);
  double total = 0;
  bool bad = false;
  for (const pugi::xml_node w : pobj.children("weight")) {
    auto it = by_index.find(w.attribute("index").value());
    if (it == by_index.end()) {
      errors.push_back(f.at(w, std::string("<weight> index ") + w.attribute("index").value() +
                                   " names no domain issue"));
      bad = true;
      continue;
    }
    const std::string& name = s.issues[it->second].id;
    if (given[it->second]) {
      errors.push_back(f.at(w,
                            "a second <weight> for issue '" + name + "' (index " + it->first + ")",
                            "give each issue one weight"));
      bad = true;
      continue;
    }
    given[it->second] = true;
    double v = 0;
    if (!number_attr(f, w, "value", v, errors)) {
      bad = true;
      continue;
    }
    if (v < 0) errors.push_back(f.at(w, "negative weight", "weights must be >= 0"));
    pref.weights[it->second] = v;
    total += v;
  }
  for (std::size_t i = 0; i < given.size(); ++i)
    if (!given[i]) {
      errors.push_back(
          f.at(pobj, "no <weight> for issue '" + s.issues[i].id + "' (index " + index[i] + ")",
               "give every issue a weight (0 for an issue the party ignores)"));
      bad = true;
    }
  if (!std::isfinite(total))
    errors.push_back(f.at(pobj, "the weights add up to more than the largest number",
                          "weights are relative: divide them all by the same factor"));
  else if (total <= 0 && !bad)
    errors.push_back(f.at(pobj, "all weights are zero"));
  else if (total > 0)
    for (auto& w : pref.weights) w /= total;
}

/// A party from one utility profile; false if the file could not be read at all.
bool read_profile(XmlFile& f, const Scenario& s, const std::vector<std::string>& index,
                  Party& party, Preferences& pref, std::vector<Diagnostic>& errors) {
  if (!parse(f, errors)) return false;
  const pugi::xml_node pobj = objective_of(f.doc);
  if (!pobj) {
    errors.push_back(
        f.at(0, "no <utility_space><objective> element", "is this a GENIUS utility profile?"));
    return false;
  }
  party.id = fs::path(f.path).stem().string();
  party.name = party.id;
  pref.weights.assign(s.issues.size(), 0.0);
  pref.values.resize(s.issues.size());
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    pref.values[i].assign(s.issues[i].options.size(), 0.0);
  read_evaluations(f, pobj, s, pref, errors);
  read_weights(f, pobj, s, index, pref, errors);
  if (const pugi::xml_node rv = f.doc.select_node("//utility_space/reservation").node()) {
    double v = 0;
    if (number_attr(f, rv, "value", v, errors)) {
      if (v < 0 || v > 1)
        errors.push_back(f.at(rv, "reservation value outside [0, 1]",
                              "a reservation value is a utility: between 0 and 1"));
      pref.reservation = v;
    }
  }
  if (const pugi::xml_node df = f.doc.select_node("//utility_space/discount_factor").node()) {
    double v = 1;
    if (number_attr(f, df, "value", v, errors)) {
      if (v <= 0 || v > 1)
        errors.push_back(f.at(df, "discount factor outside (0, 1]",
                              "a discount factor is above 0 and at most 1 (1: no discount)"));
      pref.discount = v;
    }
  }
  return true;
}

}  // namespace

Scenario load_genius_texts(const std::string& folder, const GeniusText& domain,
                           const std::vector<GeniusText>& profiles) {
  std::vector<Diagnostic> errors;
  Scenario s;
  s.source = folder;
  s.name = fs::path(folder).filename().string();
  if (s.name.empty()) s.name = fs::path(folder).parent_path().filename().string();
  s.description = "GENIUS domain read from " + folder;
  XmlFile dom;
  dom.path = domain.path;
  dom.text = domain.text;
  if (!parse(dom, errors)) throw ValidationError(errors);
  std::vector<std::string> index;  // GENIUS index attribute per issue
  read_domain(dom, s, index, errors);
  if (!errors.empty()) throw ValidationError(errors);
  for (const auto& p : profiles) {
    XmlFile f;
    f.path = p.path;
    f.text = p.text;
    Party party;
    Preferences pref;
    if (!read_profile(f, s, index, party, pref, errors)) continue;
    s.parties.push_back(std::move(party));
    s.preferences.emplace_back(std::move(pref));
  }
  if (!errors.empty()) throw ValidationError(errors);
  YamlReader defaults(folder);  // no process section: one table of every party
  read_process(defaults, YAML::Node(YAML::NodeType::Undefined), s);
  return s;
}

Scenario load_genius_folder(const std::string& folder) {
  std::vector<std::string> xmls;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".xml") xmls.push_back(e.path().string());
  if (ec) throw Error(folder + ": cannot list folder: " + ec.message());
  std::sort(xmls.begin(), xmls.end());
  std::string domain_path;
  std::vector<GeniusText> profiles;
  for (const auto& p : xmls) {
    std::string name = fs::path(p).filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (domain_path.empty() && name.find("domain") != std::string::npos)
      domain_path = p;
    else
      profiles.push_back({p, {}});
  }
  if (domain_path.empty())
    throw ValidationError({{folder, 0, 0, "no GENIUS domain file in this folder",
                            "expected a file named *domain*.xml"}});
  if (profiles.empty())
    throw ValidationError({{folder, 0, 0, "no utility profiles in this folder",
                            "expected one .xml profile per party"}});
  const GeniusText domain{domain_path, read_file(domain_path)};
  for (auto& p : profiles) p.text = read_file(p.path);
  return load_genius_texts(folder, domain, profiles);
}

}  // namespace parley::load

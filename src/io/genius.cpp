#include "io/genius.hpp"

#include "io/process_yaml.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/errors.hpp"
#include "io/scenario_yaml.hpp"

namespace parley::io {
namespace fs = std::filesystem;

namespace {

struct XmlFile {
  std::string path, text;
  pugi::xml_document doc;

  Diagnostic at(std::ptrdiff_t offset, std::string message, std::string hint = {}) const {
    int line = 1, col = 1;
    for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
      if (text[static_cast<std::size_t>(i)] == '\n')
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

bool parse(XmlFile& f, std::vector<Diagnostic>& errors) {
  f.text = read_file(f.path);
  pugi::xml_parse_result res = f.doc.load_buffer(f.text.data(), f.text.size());
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

}  // namespace

Scenario load_genius_folder(const std::string& folder) {
  std::vector<std::string> xmls;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".xml") xmls.push_back(e.path().string());
  if (ec) throw Error(folder + ": cannot list folder: " + ec.message());
  std::sort(xmls.begin(), xmls.end());
  std::string domain_path;
  std::vector<std::string> profile_paths;
  for (const auto& p : xmls) {
    std::string name = fs::path(p).filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (domain_path.empty() && name.find("domain") != std::string::npos)
      domain_path = p;
    else
      profile_paths.push_back(p);
  }
  if (domain_path.empty())
    throw ValidationError({{folder, 0, 0, "no GENIUS domain file in this folder",
                            "expected a file named *domain*.xml"}});
  if (profile_paths.empty())
    throw ValidationError({{folder, 0, 0, "no utility profiles in this folder",
                            "expected one .xml profile per party"}});

  std::vector<Diagnostic> errors;
  Scenario s;
  s.source = folder;
  s.name = fs::path(folder).filename().string();
  if (s.name.empty()) s.name = fs::path(folder).parent_path().filename().string();
  s.description = "GENIUS domain read from " + folder;
  XmlFile dom;
  dom.path = domain_path;
  if (!parse(dom, errors)) throw ValidationError(errors);
  const pugi::xml_node obj = objective_of(dom.doc);
  if (!obj)
    throw ValidationError(
        {dom.at(0, "no <utility_space><objective> element", "is this a GENIUS domain file?")});
  std::vector<std::string> issue_index;  // GENIUS index attribute per issue
  for (const pugi::xml_node is : obj.children("issue")) {
    Issue issue;
    issue.id = issue.name = is.attribute("name").value();
    issue.topic = issue.id;
    if (issue.id.empty()) errors.push_back(dom.at(is, "<issue> has no name"));
    for (const pugi::xml_node it : is.children("item"))
      issue.options.push_back({it.attribute("value").value(), it.attribute("value").value()});
    if (issue.options.empty())
      errors.push_back(dom.at(is, "issue '" + issue.id + "' has no <item> values",
                              "parley reads discrete GENIUS issues only"));
    issue_index.push_back(is.attribute("index").value());
    s.issues.push_back(std::move(issue));
  }
  if (s.issues.empty()) errors.push_back(dom.at(obj, "the domain has no issues"));
  if (!errors.empty()) throw ValidationError(errors);

  for (const auto& path : profile_paths) {
    XmlFile f;
    f.path = path;
    if (!parse(f, errors)) continue;
    const pugi::xml_node pobj = objective_of(f.doc);
    if (!pobj) {
      errors.push_back(
          f.at(0, "no <utility_space><objective> element", "is this a GENIUS utility profile?"));
      continue;
    }
    Party party;
    party.id = fs::path(path).stem().string();
    party.name = party.id;
    Preferences pref;
    pref.weights.assign(s.issues.size(), 0.0);
    pref.values.resize(s.issues.size());
    std::map<std::string, std::size_t> by_index;
    for (std::size_t i = 0; i < s.issues.size(); ++i) {
      pref.values[i].assign(s.issues[i].options.size(), 0.0);
      by_index[issue_index[i]] = i;
    }
    std::vector<bool> seen(s.issues.size(), false);
    for (const pugi::xml_node is : pobj.children("issue")) {
      const int i = s.issue_index(is.attribute("name").value());
      if (i < 0) {
        errors.push_back(f.at(
            is, std::string("issue '") + is.attribute("name").value() + "' is not in the domain"));
        continue;
      }
      const Issue& issue = s.issues[static_cast<std::size_t>(i)];
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
    double total = 0;
    for (const pugi::xml_node w : pobj.children("weight")) {
      auto it = by_index.find(w.attribute("index").value());
      if (it == by_index.end()) {
        errors.push_back(f.at(w, std::string("<weight> index ") + w.attribute("index").value() +
                                     " names no domain issue"));
        continue;
      }
      double v = 0;
      if (number_attr(f, w, "value", v, errors)) {
        if (v < 0) errors.push_back(f.at(w, "negative weight", "weights must be >= 0"));
        pref.weights[it->second] = v;
        total += v;
      }
    }
    if (total <= 0)
      errors.push_back(f.at(pobj, "all weights are zero or missing"));
    else
      for (auto& w : pref.weights) w /= total;
    if (const pugi::xml_node rv = f.doc.select_node("//utility_space/reservation").node()) {
      double v = 0;
      if (number_attr(f, rv, "value", v, errors)) pref.reservation = v;
    }
    if (const pugi::xml_node df = f.doc.select_node("//utility_space/discount_factor").node()) {
      double v = 1;
      if (number_attr(f, df, "value", v, errors)) {
        if (v <= 0 || v > 1) errors.push_back(f.at(df, "discount factor outside (0, 1]"));
        pref.discount = v;
      }
    }
    s.parties.push_back(std::move(party));
    s.preferences.emplace_back(std::move(pref));
  }
  if (!errors.empty()) throw ValidationError(errors);
  YamlReader defaults(folder);  // no process section: one table of every party
  read_process(defaults, YAML::Node(YAML::NodeType::Undefined), s);
  return s;
}

}  // namespace parley::io

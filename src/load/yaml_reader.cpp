#include "load/yaml_reader.hpp"

#include <cmath>
#include <set>

#include "load/yaml_guard.hpp"

namespace parley::load {

std::string describe_type(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "nothing (null)";
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

void YamlReader::error(const YAML::Mark& at, std::string message, std::string hint) {
  Diagnostic d;
  d.file = file_;
  if (!at.is_null()) {
    d.line = at.line + 1;
    d.column = at.column + 1;
  }
  d.message = std::move(message);
  d.hint = std::move(hint);
  diagnostics_.push_back(std::move(d));
}

void YamlReader::error(const YAML::Node& at, std::string message, std::string hint) {
  error(at.IsDefined() ? at.Mark() : YAML::Mark::null_mark(), std::move(message), std::move(hint));
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            const std::string& what) {
  if (!map.IsMap()) return;
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      error(key, "a key in " + what + " must be a plain name, not " + describe_type(key));
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) {
      error(key, "duplicate key '" + name + "' in " + what, "each key may appear once; merge them");
      continue;
    }
    bool known = false;
    for (const auto& a : allowed) known = known || a == name;
    if (!known) {
      std::string guess = closest_match(name, allowed);
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      error(key, "unknown key '" + name + "' in " + what,
            guess.empty() ? "allowed keys: " + list : "did you mean '" + guess + "'?");
    }
  }
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& what) {
  if (node.IsMap()) return true;
  error(node, what + " must be a mapping (key: value), found " + describe_type(node));
  return false;
}

bool YamlReader::expect_seq(const YAML::Node& node, const std::string& what) {
  if (node.IsSequence()) return true;
  error(node, what + " must be a list (items starting with '- '), found " + describe_type(node));
  return false;
}

std::optional<std::string> YamlReader::string_field(const YAML::Node& map, const std::string& key,
                                                    const std::string& what, bool required) {
  const YAML::Node v = map[key];
  if (!v.IsDefined()) {
    if (required) error(map, what + " is missing the required field '" + key + "'");
    return std::nullopt;
  }
  if (!v.IsScalar()) {
    error(v, "'" + key + "' of " + what + " must be text, found " + describe_type(v));
    return std::nullopt;
  }
  return v.Scalar();
}

std::optional<double> YamlReader::number(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) {
    error(node, what + " must be a number, found " + describe_type(node));
    return std::nullopt;
  }
  double value = 0;
  if (!YAML::convert<double>::decode(node, value)) {
    error(node, what + " must be a number, found '" + node.Scalar() + "'");
    return std::nullopt;
  }
  if (!std::isfinite(value)) {
    error(node, what + " must be a finite number, found '" + node.Scalar() + "'",
          "NaN and infinities are not allowed");
    return std::nullopt;
  }
  return value;
}

namespace {

// Fills `d` (kind, lo and hi already set to the field's range) from the
// arguments `x` of its form; returns what is wrong with them, or "".
std::string shape_distribution(Distribution& d, const std::vector<double>& x) {
  std::string problem;
  // normal and beta: [p1, p2] or [p1, p2, lo, hi]
  auto two_params_and_bounds = [&](const char* usage) {
    d.a = x[0];
    d.b = x[1];
    if (x.size() == 4) {
      d.lo = x[2];
      d.hi = x[3];
    } else if (x.size() == 3) {
      problem = usage;
    }
  };
  switch (d.kind) {
    case Distribution::Kind::uniform:
      d.lo = x[0];
      d.hi = x[1];
      if (!(d.lo < d.hi)) problem = "needs lo < hi";
      break;
    case Distribution::Kind::normal:
      two_params_and_bounds("takes [mean, sd] or [mean, sd, min, max]");
      if (!(d.b > 0)) problem = "needs sd > 0";
      if (!std::isfinite(d.lo) || !std::isfinite(d.hi))
        problem = "needs finite bounds here: give [mean, sd, min, max]";
      if (!(d.lo < d.hi)) problem = "needs min < max";
      if (problem.empty() && normal_cdf((d.hi - d.a) / d.b) - normal_cdf((d.lo - d.a) / d.b) < 1e-9)
        problem = "puts almost no mass inside its bounds";
      break;
    case Distribution::Kind::triangular:
      d.lo = x[0];
      d.a = x[1];
      d.hi = x[2];
      if (!(d.lo < d.hi) || d.a < d.lo || d.a > d.hi) problem = "needs lo <= mode <= hi, lo < hi";
      break;
    case Distribution::Kind::beta:
      two_params_and_bounds("takes [a, b] or [a, b, lo, hi]");
      if (!(d.a >= kMinBetaShape && d.b >= kMinBetaShape))
        problem = "needs shapes a, b of at least 0.05 (see the format's uncertainty rules)";
      if (!std::isfinite(d.lo) || !std::isfinite(d.hi))
        problem = "needs finite bounds here: give [a, b, lo, hi]";
      if (!(d.lo < d.hi)) problem = "needs lo < hi";
      break;
  }
  return problem;
}

}  // namespace

std::optional<double> YamlReader::distribution(const YAML::Node& node, const std::string& what,
                                               double lo, double hi) {
  // {kind: [args]} or {kind: [args], draw: name}
  auto it = node.begin();
  if (it->first.Scalar() == "draw") ++it;
  if (it == node.end() || node.size() > 2 || (node.size() == 2 && !node["draw"].IsDefined())) {
    error(node,
          what +
              ": a distribution is one of uniform, normal, triangular, beta, and "
              "optionally 'draw'",
          "e.g. {triangular: [0.1, 0.2, 0.4]} or {triangular: [0.1, 0.2, 0.4], draw: line}");
    return std::nullopt;
  }
  const auto key = it->first.Scalar();
  const YAML::Node args = it->second;
  const auto num = [](double x) { return YAML::convert<double>::encode(x).Scalar(); };
  static const std::vector<std::string> kinds{"uniform", "normal", "triangular", "beta"};
  const int kind = reference(it->first, kinds, "distribution", what);
  if (kind < 0) return std::nullopt;
  std::string draw;
  if (const YAML::Node dn = node["draw"]; dn.IsDefined()) {
    if (!dn.IsScalar() || dn.Scalar().empty()) {
      error(dn, what + ": 'draw' must be a name", "e.g. draw: line_of_contact");
      return std::nullopt;
    }
    draw = dn.Scalar();
  }
  const bool reversed = draw.size() > 1 && draw[0] == '-';
  if (reversed) draw.erase(0, 1);
  static const char* forms[] = {"{uniform: [lo, hi]}",
                                "{normal: [mean, sd]} or [mean, sd, min, max]",
                                "{triangular: [lo, mode, hi]}", "{beta: [a, b]} or [a, b, lo, hi]"};
  const std::size_t need[] = {2, 2, 3, 2}, most[] = {2, 4, 3, 4};
  if (!args.IsSequence() || args.size() < need[kind] || args.size() > most[kind]) {
    error(args, what + ": a " + key + " distribution takes " + forms[kind],
          "e.g. " + std::string(forms[kind]));
    return std::nullopt;
  }
  std::vector<double> x;
  for (const auto& a : args) {
    auto v = number(a, what + " (" + key + ")");
    if (!v) return std::nullopt;
    x.push_back(*v);
  }
  Distribution d;
  d.kind = static_cast<Distribution::Kind>(kind);
  d.lo = lo;
  d.hi = hi;
  std::string problem = shape_distribution(d, x);
  if (problem.empty() && (d.lo < lo || d.hi > hi))
    problem = "reaches outside [" + num(lo) + ", " + num(hi) + "]";
  if (!problem.empty()) {
    error(args, what + ": the " + key + " distribution " + problem,
          "its support must lie within [" + num(lo) + ", " + num(hi) + "]; e.g. " + forms[kind]);
    return std::nullopt;
  }
  Pending p;
  p.mark = node.Mark();
  p.what = what;
  p.u.dist = d;
  p.u.draw = std::move(draw);
  p.u.reversed = reversed;
  pending_.push_back(std::move(p));
  last_was_distribution_ = true;
  return d.mean();
}

void YamlReader::bind(std::string path, std::function<void(Scenario&, double)> set,
                      unsigned affects) {
  if (!last_was_distribution_ || pending_.empty()) return;
  last_was_distribution_ = false;
  pending_.back().u.path = std::move(path);
  pending_.back().u.set = std::move(set);
  pending_.back().u.affects = affects;
  pending_.back().bound = true;
}

std::vector<Uncertain> YamlReader::take_uncertain() {
  std::vector<Uncertain> out;
  for (auto& p : pending_) {
    if (!p.bound) {
      error(p.mark, p.what + " cannot be uncertain",
            "distributions are allowed for reservation values and discounts, the process's "
            "fatigue and trust numbers, and every number of the dynamics section");
      continue;
    }
    for (const auto& o : out)
      if (o.path == p.u.path) error(p.mark, "two distributions for " + p.u.path);
    out.push_back(std::move(p.u));
  }
  pending_.clear();
  return out;
}

std::optional<double> YamlReader::number_in(const YAML::Node& node, const std::string& what,
                                            double lo, double hi) {
  last_was_distribution_ = false;
  if (node.IsDefined() && node.IsMap() && node.size() >= 1) return distribution(node, what, lo, hi);
  auto v = number(node, what);
  if (v && (*v < lo || *v > hi)) {
    error(node,
          what + " is " + node.Scalar() + ", outside [" +
              YAML::convert<double>::encode(lo).Scalar() + ", " +
              YAML::convert<double>::encode(hi).Scalar() + "]",
          "use a value between " + YAML::convert<double>::encode(lo).Scalar() + " and " +
              YAML::convert<double>::encode(hi).Scalar());
    return std::nullopt;
  }
  return v;
}

std::optional<double> YamlReader::number_field(const YAML::Node& map, const std::string& key,
                                               const std::string& what, bool required) {
  const YAML::Node v = map[key];
  if (!v.IsDefined()) {
    if (required) error(map, what + " is missing the required field '" + key + "'");
    return std::nullopt;
  }
  return number(v, "'" + key + "' of " + what);
}

std::optional<long long> YamlReader::integer_field(const YAML::Node& map, const std::string& key,
                                                   const std::string& what, bool required) {
  const YAML::Node v = map[key];
  if (!v.IsDefined()) {
    if (required) error(map, what + " is missing the required field '" + key + "'");
    return std::nullopt;
  }
  long long value = 0;
  if (!v.IsScalar() || !YAML::convert<long long>::decode(v, value)) {
    error(v, "'" + key + "' of " + what + " must be a whole number, found " + describe_type(v));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlReader::bool_field(const YAML::Node& map, const std::string& key,
                                           const std::string& what) {
  const YAML::Node v = map[key];
  if (!v.IsDefined()) return std::nullopt;
  bool value = false;
  if (!v.IsScalar() || !YAML::convert<bool>::decode(v, value)) {
    error(v, "'" + key + "' of " + what + " must be true or false, found " + describe_type(v));
    return std::nullopt;
  }
  return value;
}

int YamlReader::reference(const YAML::Node& node, const std::vector<std::string>& names,
                          const std::string& kind, const std::string& context) {
  if (!node.IsScalar()) {
    error(node, kind + " in " + context + " must be a name, found " + describe_type(node));
    return -1;
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == node.Scalar()) return static_cast<int>(i);
  std::string guess = closest_match(node.Scalar(), names);
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) list += (i ? ", " : "") + names[i];
  if (names.size() > 12) list += ", ...";
  error(node, "unknown " + kind + " '" + node.Scalar() + "' in " + context,
        guess.empty() ? "defined: " + list : "did you mean '" + guess + "'?");
  return -1;
}

std::optional<YAML::Node> parse_yaml(const std::string& text, YamlReader& reader) {
  if (!check_yaml_events(text, reader)) return std::nullopt;
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    reader.error(e.mark, "YAML syntax error: " + e.msg,
                 "check indentation, quotes and ':' after keys near this point");
  }
  return std::nullopt;
}

}  // namespace parley::load

#pragma once
// What the readers of the process and dynamics sections share: references to parties,
// groups, issues and options, months, per-party tables, required keys — each reporting to
// the YamlReader with file:line:column and a hint. Private to load/.
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace parley::load {

inline constexpr int kMaxMonths = 1200;

class SectionReader {
 public:
  SectionReader(YamlReader& r, Scenario& s)
      : r_(r), s_(s), parties_(ids_of(s_.parties)), groups_(ids_of(s_.process.groups)) {}

 protected:
  YamlReader& r_;
  Scenario& s_;
  std::vector<std::string> parties_, groups_;

  /// A whole month in [0, kMaxMonths].
  std::optional<int> month(const YAML::Node& v, const std::string& what) {
    const auto x = r_.number_in(v, what, 0, kMaxMonths);
    if (!x) return std::nullopt;
    if (*x != std::floor(*x)) {
      r_.error(v, what + " is " + v.Scalar(), "a month is a whole number");
      return std::nullopt;
    }
    return static_cast<int>(*x);
  }

  int party(const YAML::Node& v, const std::string& context) {
    return r_.reference(v, parties_, "party", context);
  }

  /// Each entry of a map keyed by party ids: fn(party index, id, value). Keys that name no party
  /// are reported ("`what` (keys are party ids)") and skipped.
  template <class F>
  void each_party(const YAML::Node& m, const std::string& what, F&& fn) {
    r_.check_keys(m, parties_, what + " (keys are party ids)");
    for (auto it = m.begin(); it != m.end(); ++it) {
      const int p = it->first.IsScalar() ? s_.party_index(it->first.Scalar()) : -1;
      if (p >= 0) fn(p, it->first.Scalar(), it->second);
    }
  }

  using VectorOf = std::function<std::vector<double>&(Scenario&)>;

  /// {party-id: number in [lo, hi]} into a per-party vector (filled with `fill`);
  /// `path` names it for uncertainty, `vec` finds it in a scenario.
  void per_party(const YAML::Node& m, const std::string& what, double lo, double hi,
                 std::vector<double>& out, double fill, const std::string& path,
                 const VectorOf& vec) {
    out.assign(s_.parties.size(), fill);
    if (!r_.expect_map(m, what)) return;
    each_party(m, what, [&](int p, const std::string& id, const YAML::Node& value) {
      if (auto v = r_.number_in(value, what + " of '" + id + "'", lo, hi)) {
        out[static_cast<std::size_t>(p)] = *v;
        r_.bind(path + "." + id,
                [vec, p](Scenario& x, double u) { vec(x)[static_cast<std::size_t>(p)] = u; });
      }
    });
  }

  /// issue and option references of a map with keys `issue`, `option`.
  bool issue_option(const YAML::Node& n, const std::string& what, int& issue, int& option) {
    issue = r_.reference(n["issue"], ids_of(s_.issues), "issue", what);
    if (issue < 0) return false;
    const Issue& is = s_.issues[static_cast<std::size_t>(issue)];
    option = r_.reference(n["option"], ids_of(is.options), "option",
                          "issue '" + is.id + "' (" + what + ")");
    return option >= 0;
  }

  bool require(const YAML::Node& n, const std::vector<std::string>& keys, const std::string& what,
               const std::string& example) {
    std::string missing;
    for (const auto& k : keys)
      if (!n[k].IsDefined()) missing += (missing.empty() ? "'" : ", '") + k + "'";
    if (missing.empty()) return true;
    r_.error(n, what + " is missing " + missing, "e.g. " + example);
    return false;
  }

  /// {issue: option, ...}: conditions that must all hold. Unknown keys are reported with
  /// `keys_context`, unknown options with `context`.
  std::vector<Condition> conditions(const YAML::Node& w, const std::string& context,
                                    const std::string& keys_context) {
    std::vector<Condition> out;
    if (!r_.expect_map(w, "'when' of " + context)) return out;
    r_.check_keys(w, ids_of(s_.issues), keys_context);
    for (auto it = w.begin(); it != w.end(); ++it) {
      const int i = it->first.IsScalar() ? s_.issue_index(it->first.Scalar()) : -1;
      if (i < 0) continue;  // reported by check_keys
      const Issue& is = s_.issues[static_cast<std::size_t>(i)];
      const int o = r_.reference(it->second, ids_of(is.options), "option",
                                 "issue '" + is.id + "' (" + context + ")");
      if (o >= 0) out.push_back({i, o});
    }
    return out;
  }
  std::vector<Condition> when(const YAML::Node& w, const std::string& what) {
    return conditions(w, what, "'when' of " + what + " (keys are issue ids)");
  }
};

}  // namespace parley::load

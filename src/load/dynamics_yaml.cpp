#include "load/dynamics_yaml.hpp"

#include "load/leverage_yaml.hpp"
#include "load/section_reader.hpp"

#include <cmath>
#include <functional>

namespace parley::load {
namespace {

class DynamicsReader : SectionReader {
 public:
  DynamicsReader(YamlReader& r, Scenario& s) : SectionReader(r, s), d_(s.dynamics) {}

  void read(const YAML::Node& n) {
    const std::size_t P = s_.parties.size();
    d_.walkout_floor.assign(P, -1.0);
    d_.belief_expected.assign(P, 0.0);
    d_.belief_actual.assign(P, 0.0);
    d_.belief_weight.assign(P, 0.0);
    d_.audience_cost.assign(P, 0.0);
    if (!n.IsDefined()) return;
    d_.declared = true;
    if (!r_.expect_map(n, "'dynamics'")) return;
    r_.check_keys(n,
                  {"units", "costs", "beliefs", "delay_from", "trust", "walkout", "leaks", "drift",
                   "ceasefire", "leverage", "note"},
                  "'dynamics'");
    units(n["units"]);
    costs(n["costs"]);
    beliefs(n["beliefs"]);
    if (const YAML::Node v = n["delay_from"]; v.IsDefined())
      if (auto m = month(v, "'delay_from'")) d_.delay_from = *m;
    if (const YAML::Node t = n["trust"]; t.IsDefined() && r_.expect_map(t, "dynamics 'trust'")) {
      r_.check_keys(t, {"leak", "violation"}, "dynamics 'trust' (decrements)");
      scalar(t["leak"], "trust 'leak'", 0, 1, &DynamicsSpec::trust_leak, "dynamics.trust.leak");
      scalar(t["violation"], "trust 'violation'", 0, 1, &DynamicsSpec::trust_violation,
             "dynamics.trust.violation");
    }
    walkout(n["walkout"]);
    leaks(n["leaks"]);
    drift(n["drift"]);
    ceasefire(n["ceasefire"]);
    read_leverage(r_, n["leverage"], s_);
  }

 private:
  DynamicsSpec& d_;

  /// A number of the dynamics section at `node`, bound to `path` for uncertainty.
  void scalar(const YAML::Node& node, const std::string& what, double lo, double hi,
              double DynamicsSpec::*member, const std::string& path) {
    if (!node.IsDefined()) return;
    d_.*member = r_.number_in(node, what, lo, hi).value_or(d_.*member);
    r_.bind(path, [member](Scenario& x, double u) { x.dynamics.*member = u; });
  }

  /// A number of months from 1 to 1200 at `node`, if given, into `out`.
  void duration(const YAML::Node& node, const std::string& what, const std::string& hint,
                int& out) {
    if (!node.IsDefined()) return;
    if (auto v = month(node, what)) {
      if (*v < 1)
        r_.error(node, what + " is 0", hint);
      else
        out = *v;
    }
  }

  void units(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_seq(n, "'units'")) return;
    for (const auto& u : n) {
      if (!r_.expect_map(u, "a cost unit")) continue;
      r_.check_keys(u, {"id", "name", "note"}, "a cost unit");
      auto id = r_.string_field(u, "id", "a cost unit", true);
      if (!id || !r_.check_unique(u["id"], d_.units, *id, "unit")) continue;
      d_.units.push_back({*id, r_.string_field(u, "name", "a cost unit", false).value_or(*id)});
    }
  }

  void costs(const YAML::Node& n) {
    const std::size_t P = s_.parties.size(), U = d_.units.size();
    d_.war_cost.assign(P * U, 0.0);
    d_.ceasefire_cost.assign(P * U, 0.0);
    d_.cost_sensitivity.assign(P * U, 0.0);
    if (!n.IsDefined() || !r_.expect_map(n, "'costs'")) return;
    each_party(n, "'costs'", [&](int p, const std::string& id, const YAML::Node& c) {
      const std::string what = "the costs of '" + id + "'";
      if (!r_.expect_map(c, what)) return;
      r_.check_keys(c, {"war", "ceasefire", "sensitivity", "note"}, what);
      // An amount moves the reservation trajectory only through a sensitivity.
      const unsigned affects = c["sensitivity"].IsDefined() ? kTrajectory : 0u;
      for (const char* table : {"war", "ceasefire", "sensitivity"})
        cost_table(c[table], what + " '" + table + "'", p, table, affects);
    });
  }

  /// One table of a party's costs: {unit: amount}.
  void cost_table(const YAML::Node& m, const std::string& what, int p, const std::string& table,
                  unsigned affects) {
    if (!m.IsDefined() || !r_.expect_map(m, what)) return;
    const std::size_t U = d_.units.size();
    const std::vector<std::string> unit_ids = ids_of(d_.units);
    if (unit_ids.empty()) {
      r_.error(m, what + " names amounts in units, but no 'units' are declared",
               "declare them: units: [{id: casualties, name: killed and wounded}]");
      return;
    }
    r_.check_keys(m, unit_ids, what + " (keys are unit ids)");
    using Table = std::vector<double> DynamicsSpec::*;
    const Table field = table == "war"         ? &DynamicsSpec::war_cost
                        : table == "ceasefire" ? &DynamicsSpec::ceasefire_cost
                                               : &DynamicsSpec::cost_sensitivity;
    const bool felt = table == "sensitivity";
    for (auto u = m.begin(); u != m.end(); ++u) {
      if (!u->first.IsScalar()) continue;
      std::size_t k = 0;
      while (k < U && unit_ids[k] != u->first.Scalar()) ++k;
      if (k == U) continue;
      const std::string item = what + " in '" + unit_ids[k] + "'";
      if (auto v = r_.number_in(u->second, item, 0, felt ? 1.0 : 1e15)) {
        const std::size_t at = static_cast<std::size_t>(p) * U + k;
        (d_.*field)[at] = *v;
        r_.bind(
            "dynamics.costs." + s_.parties[static_cast<std::size_t>(p)].id + "." + table + "." +
                unit_ids[k],
            [field, at](Scenario& x, double amount) { (x.dynamics.*field)[at] = amount; }, affects);
      }
    }
  }

  /// {party: {expected, actual, weight}}.
  void beliefs(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_map(n, "'beliefs'")) return;
    each_party(n, "'beliefs'", [&](int p, const std::string& id, const YAML::Node& b) {
      const std::string what = "the beliefs of '" + id + "'";
      if (!r_.expect_map(b, what) || !require(b, {"expected", "actual", "weight"}, what,
                                              "{expected: 0.006, actual: 0.0025, weight: 12}"))
        return;
      r_.check_keys(b, {"expected", "actual", "weight", "note"}, what);
      const auto at = static_cast<std::size_t>(p);
      struct Field {
        const char* key;
        std::vector<double> DynamicsSpec::*vec;
        double lo, hi;
      };
      for (const Field& f : {Field{"expected", &DynamicsSpec::belief_expected, -1, 1},
                             Field{"actual", &DynamicsSpec::belief_actual, -1, 1},
                             Field{"weight", &DynamicsSpec::belief_weight, 0, 1200}})
        if (auto v = r_.number_in(b[f.key], what + " '" + f.key + "'", f.lo, f.hi)) {
          (d_.*f.vec)[at] = *v;
          r_.bind(
              "dynamics.beliefs." + id + "." + f.key,
              [vec = f.vec, at](Scenario& x, double u) { (x.dynamics.*vec)[at] = u; }, kTrajectory);
        }
    });
  }

  void walkout(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_map(n, "'walkout'")) return;
    r_.check_keys(n, {"floors", "months"}, "'walkout'");
    if (const YAML::Node f = n["floors"]; f.IsDefined()) {
      per_party(f, "walkout floor", 0, 1, d_.walkout_floor, -1.0, "dynamics.walkout.floors",
                [](Scenario& x) -> std::vector<double>& { return x.dynamics.walkout_floor; });
      if (s_.process.mediator < 0)
        r_.error(f,
                 "walkout floors are trust in the mediator, but the scenario has no mediator party",
                 "declare a party with role: mediator, or set process.mediator");
    }
    duration(n["months"], "walkout 'months'", "a walkout lasts 1 to 1200 months",
             d_.walkout_months);
  }

  void leaks(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_map(n, "'leaks'")) return;
    r_.check_keys(n, {"probability", "level_factor", "shuttle_factor", "audience_cost", "months"},
                  "'leaks'");
    scalar(n["probability"], "leak 'probability'", 0, 1, &DynamicsSpec::leak_probability,
           "dynamics.leaks.probability");
    if (const YAML::Node lf = n["level_factor"];
        lf.IsDefined() && r_.expect_map(lf, "leak 'level_factor'")) {
      r_.check_keys(lf, {"official", "aide", "leader"}, "leak 'level_factor'");
      const char* names[3] = {"official", "aide", "leader"};
      for (std::size_t l = 0; l < 3; ++l)
        if (auto v = lf[names[l]]; v.IsDefined()) {
          d_.leak_level_factor[l] =
              r_.number_in(v, std::string("leak factor of '") + names[l] + "'", 0, 1000)
                  .value_or(d_.leak_level_factor[l]);
          r_.bind(std::string("dynamics.leaks.level_factor.") + names[l],
                  [l](Scenario& x, double u) { x.dynamics.leak_level_factor[l] = u; });
        }
    }
    scalar(n["shuttle_factor"], "leak 'shuttle_factor'", 0, 1000,
           &DynamicsSpec::leak_shuttle_factor, "dynamics.leaks.shuttle_factor");
    if (const YAML::Node a = n["audience_cost"]; a.IsDefined())
      per_party(a, "audience cost", 0, 1, d_.audience_cost, 0.0, "dynamics.leaks.audience_cost",
                [](Scenario& x) -> std::vector<double>& { return x.dynamics.audience_cost; });
    duration(n["months"], "leak 'months'", "the hardening lasts 1 to 1200 months", d_.leak_months);
  }

  void drift(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_seq(n, "'drift'")) return;
    for (const auto& e : n) {
      if (!r_.expect_map(e, "a drift")) continue;
      r_.check_keys(e, {"party", "issue", "option", "per_month", "from", "until", "note"},
                    "a drift");
      if (!require(e, {"party", "issue", "option", "per_month"}, "a drift",
                   "{party: ua, issue: territory, option: loc_freeze, per_month: -0.002}"))
        continue;
      Drift d;
      d.party = party(e["party"], "a drift");
      const bool io = issue_option(e, "a drift", d.issue, d.option);
      auto pm = r_.number_in(e["per_month"], "'per_month' of a drift", -1, 1);
      const std::size_t at = d_.drift.size();
      r_.bind(
          "dynamics.drift." + std::to_string(at) + ".per_month",
          [at](Scenario& x, double u) { x.dynamics.drift[at].per_month = u; }, kTrajectory);
      if (auto v = e["from"]; v.IsDefined()) d.from = month(v, "'from' of a drift").value_or(0);
      if (auto v = e["until"]; v.IsDefined())
        d.until = month(v, "'until' of a drift").value_or(d.until);
      if (d.until < d.from)
        r_.error(e["until"],
                 "a drift ends (month " + std::to_string(d.until) + ") before it starts (month " +
                     std::to_string(d.from) + ")",
                 "make 'until' at least 'from'");
      if (d.party >= 0 && io && pm) {
        d.per_month = *pm;
        d_.drift.push_back(d);
      }
    }
  }

  void ceasefire(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_map(n, "'ceasefire'")) return;
    r_.check_keys(n, {"hazard", "factors", "trust_weight", "trust_reference", "note"},
                  "'ceasefire'");
    scalar(n["hazard"], "ceasefire 'hazard'", 0, 1, &DynamicsSpec::hazard,
           "dynamics.ceasefire.hazard");
    scalar(n["trust_weight"], "'trust_weight'", 0, 100, &DynamicsSpec::hazard_trust_weight,
           "dynamics.ceasefire.trust_weight");
    scalar(n["trust_reference"], "'trust_reference'", 0, 1, &DynamicsSpec::hazard_trust_reference,
           "dynamics.ceasefire.trust_reference");
    if (const YAML::Node f = n["factors"]; f.IsDefined() && r_.expect_seq(f, "ceasefire 'factors'"))
      for (const auto& e : f) {
        if (!r_.expect_map(e, "a ceasefire factor")) continue;
        r_.check_keys(e, {"when", "multiply", "note"}, "a ceasefire factor");
        if (!require(e, {"when", "multiply"}, "a ceasefire factor",
                     "{when: {monitoring: intl_mission}, multiply: 0.5}"))
          continue;
        CeasefireFactor cf;
        cf.when = when(e["when"], "a ceasefire factor");
        auto m = r_.number_in(e["multiply"], "'multiply' of a ceasefire factor", 0, 1000);
        const std::size_t at = d_.hazard_factors.size();
        r_.bind("dynamics.ceasefire.factors." + std::to_string(at) + ".multiply",
                [at](Scenario& x, double u) { x.dynamics.hazard_factors[at].multiply = u; });
        if (m && !cf.when.empty()) {
          cf.multiply = *m;
          d_.hazard_factors.push_back(cf);
        }
      }
  }
};

}  // namespace

void read_dynamics(YamlReader& r, const YAML::Node& node, Scenario& s) {
  DynamicsReader(r, s).read(node);
}

}  // namespace parley::load

#include "load/dynamics_yaml.hpp"

#include "load/cycles.hpp"

#include <cmath>
#include <functional>

namespace parley::load {
namespace {

constexpr int kMaxMonths = 1200;

class DynamicsReader {
 public:
  DynamicsReader(YamlReader& r, Scenario& s) : r_(r), s_(s), d_(s.dynamics) {
    for (const auto& p : s_.parties) parties_.push_back(p.id);
    for (const auto& g : s_.process.groups) groups_.push_back(g.id);
  }

  void read(const YAML::Node& n) {
    const std::size_t P = s_.parties.size();
    d_.walkout_floor.assign(P, -1.0);
    d_.audience_cost.assign(P, 0.0);
    if (!n.IsDefined()) return;
    d_.declared = true;
    if (!r_.expect_map(n, "'dynamics'")) return;
    r_.check_keys(n,
                  {"units", "costs", "delay_from", "trust", "walkout", "leaks", "drift",
                   "ceasefire", "leverage", "note"},
                  "'dynamics'");
    units(n["units"]);
    costs(n["costs"]);
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
    leverage(n["leverage"]);
  }

 private:
  YamlReader& r_;
  Scenario& s_;
  DynamicsSpec& d_;
  std::vector<std::string> parties_, groups_;

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

  using VectorOf = std::function<std::vector<double>&(Scenario&)>;

  /// {party-id: number in [lo, hi]} into a per-party vector (filled with `fill`);
  /// `path` names it for uncertainty, `vec` finds it in a scenario.
  void per_party(const YAML::Node& m, const std::string& what, double lo, double hi,
                 std::vector<double>& out, double fill, const std::string& path,
                 const VectorOf& vec) {
    out.assign(s_.parties.size(), fill);
    if (!r_.expect_map(m, what)) return;
    r_.check_keys(m, parties_, what + " (keys are party ids)");
    for (auto it = m.begin(); it != m.end(); ++it) {
      const int p = it->first.IsScalar() ? s_.party_index(it->first.Scalar()) : -1;
      if (p < 0) continue;
      if (auto v = r_.number_in(it->second, what + " of '" + it->first.Scalar() + "'", lo, hi)) {
        out[static_cast<std::size_t>(p)] = *v;
        r_.bind(path + "." + it->first.Scalar(),
                [vec, p](Scenario& x, double u) { vec(x)[static_cast<std::size_t>(p)] = u; });
      }
    }
  }

  /// A number of the dynamics section at `node`, bound to `path` for uncertainty.
  void scalar(const YAML::Node& node, const std::string& what, double lo, double hi,
              double DynamicsSpec::*member, const std::string& path) {
    if (!node.IsDefined()) return;
    d_.*member = r_.number_in(node, what, lo, hi).value_or(d_.*member);
    r_.bind(path, [member](Scenario& x, double u) { x.dynamics.*member = u; });
  }

  /// issue and option references of a map with keys `issue`, `option`.
  bool issue_option(const YAML::Node& n, const std::string& what, int& issue, int& option) {
    std::vector<std::string> issues;
    for (const auto& is : s_.issues) issues.push_back(is.id);
    issue = r_.reference(n["issue"], issues, "issue", what);
    if (issue < 0) return false;
    const Issue& is = s_.issues[static_cast<std::size_t>(issue)];
    std::vector<std::string> options;
    for (const auto& o : is.options) options.push_back(o.id);
    option = r_.reference(n["option"], options, "option", "issue '" + is.id + "' (" + what + ")");
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
    if (!n.IsDefined() || !r_.expect_map(n, "'costs'")) return;
    r_.check_keys(n, parties_, "'costs' (keys are party ids)");
    std::vector<std::string> unit_ids;
    for (const auto& u : d_.units) unit_ids.push_back(u.id);
    for (auto it = n.begin(); it != n.end(); ++it) {
      const int p = it->first.IsScalar() ? s_.party_index(it->first.Scalar()) : -1;
      if (p < 0) continue;
      const std::string what = "the costs of '" + it->first.Scalar() + "'";
      const YAML::Node c = it->second;
      if (!r_.expect_map(c, what)) continue;
      r_.check_keys(c, {"war", "ceasefire", "note"}, what);
      for (const char* phase : {"war", "ceasefire"}) {
        const YAML::Node m = c[phase];
        if (!m.IsDefined() || !r_.expect_map(m, what + " '" + phase + "'")) continue;
        if (unit_ids.empty()) {
          r_.error(m, what + " name amounts in units, but no 'units' are declared",
                   "declare them: units: [{id: casualties, name: killed and wounded}]");
          continue;
        }
        r_.check_keys(m, unit_ids, what + " '" + phase + "' (keys are unit ids)");
        const bool war = std::string(phase) == "war";
        auto& table = war ? d_.war_cost : d_.ceasefire_cost;
        for (auto u = m.begin(); u != m.end(); ++u) {
          if (!u->first.IsScalar()) continue;
          std::size_t k = 0;
          while (k < U && unit_ids[k] != u->first.Scalar()) ++k;
          if (k == U) continue;
          if (auto v = r_.number_in(u->second, what + " in '" + unit_ids[k] + "'", 0, 1e15)) {
            const std::size_t at = static_cast<std::size_t>(p) * U + k;
            table[at] = *v;
            r_.bind("dynamics.costs." + it->first.Scalar() + "." + phase + "." + unit_ids[k],
                    [war, at](Scenario& x, double amount) {
                      (war ? x.dynamics.war_cost : x.dynamics.ceasefire_cost)[at] = amount;
                    });
          }
        }
      }
    }
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
    if (const YAML::Node m = n["months"]; m.IsDefined())
      if (auto v = month(m, "walkout 'months'")) {
        if (*v < 1)
          r_.error(m, "walkout 'months' is 0", "a walkout lasts 1 to 1200 months");
        else
          d_.walkout_months = *v;
      }
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
    if (const YAML::Node m = n["months"]; m.IsDefined())
      if (auto v = month(m, "leak 'months'")) {
        if (*v < 1)
          r_.error(m, "leak 'months' is 0", "the hardening lasts 1 to 1200 months");
        else
          d_.leak_months = *v;
      }
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

  std::vector<OptionCondition> when(const YAML::Node& w, const std::string& what) {
    std::vector<OptionCondition> out;
    if (!r_.expect_map(w, "'when' of " + what)) return out;
    std::vector<std::string> issues;
    for (const auto& is : s_.issues) issues.push_back(is.id);
    r_.check_keys(w, issues, "'when' of " + what + " (keys are issue ids)");
    for (auto it = w.begin(); it != w.end(); ++it) {
      const int i = it->first.IsScalar() ? s_.issue_index(it->first.Scalar()) : -1;
      if (i < 0) continue;
      const Issue& is = s_.issues[static_cast<std::size_t>(i)];
      std::vector<std::string> options;
      for (const auto& o : is.options) options.push_back(o.id);
      const int o =
          r_.reference(it->second, options, "option", "issue '" + is.id + "' (" + what + ")");
      if (o >= 0) out.push_back({i, o});
    }
    return out;
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

  void leverage(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_seq(n, "'leverage'")) return;
    static const std::vector<std::string> kinds{
        "aid_cut_threat",      "intelligence_pause", "sanctions", "arms_supply",
        "normalization_offer", "status_recognition", "other"};
    std::vector<std::string> ids;
    for (const auto& e : n)
      if (e.IsMap() && e["id"].IsDefined() && e["id"].IsScalar()) ids.push_back(e["id"].Scalar());
    for (const auto& e : n) {
      if (!r_.expect_map(e, "a leverage instrument")) continue;
      r_.check_keys(e, {"id", "instrument", "by", "target", "when", "effects", "months", "note"},
                    "a leverage instrument");
      if (!require(e, {"id", "instrument", "by", "target"}, "a leverage instrument",
                   "{id: aid_pause, instrument: aid_cut_threat, by: us, target: ua}"))
        continue;
      Leverage lv;
      auto id = r_.string_field(e, "id", "a leverage instrument", true);
      if (!id || !r_.check_unique(e["id"], d_.leverage, *id, "leverage")) continue;
      lv.id = *id;
      const std::string what = "leverage '" + lv.id + "'";
      if (r_.reference(e["instrument"], kinds, "instrument", what) >= 0)
        lv.instrument = e["instrument"].Scalar();
      lv.by = party(e["by"], what);
      lv.target = party(e["target"], what);
      if (const YAML::Node w = e["when"]; w.IsDefined()) trigger(w, what, ids, lv.id, lv.when);
      if (const YAML::Node f = e["effects"]; f.IsDefined()) effects(f, what, lv);
      if (const YAML::Node m = e["months"]; m.IsDefined())
        lv.months = month(m, "'months' of " + what).value_or(0);
      if (lv.by >= 0 && lv.target >= 0) d_.leverage.push_back(std::move(lv));
    }
    // `after` may name an instrument listed later: resolve by id now.
    std::vector<YAML::Node> after(d_.leverage.size());  // where each `after` is written
    for (std::size_t i = 0; i < d_.leverage.size(); ++i) {
      Leverage& lv = d_.leverage[i];
      lv.when.after = -1;
      for (const auto& e : n) {
        if (!e.IsMap() || !e["id"].IsDefined() || !e["id"].IsScalar() || e["id"].Scalar() != lv.id)
          continue;
        const YAML::Node w = e["when"];
        if (!w.IsDefined() || !w.IsMap() || !w["after"].IsDefined() || !w["after"].IsScalar())
          break;
        after[i] = w["after"];
        for (std::size_t j = 0; j < d_.leverage.size(); ++j)
          if (d_.leverage[j].id == w["after"].Scalar()) lv.when.after = static_cast<int>(j);
        break;
      }
    }
    after_cycles(after);
  }

  /// Refuses instruments waiting for each other (`after`) in a cycle: none would ever fire.
  void after_cycles(const std::vector<YAML::Node>& after) {
    std::vector<std::vector<int>> next;
    std::vector<std::string> ids;
    for (const auto& lv : d_.leverage) {
      next.push_back(lv.when.after >= 0 ? std::vector<int>{lv.when.after} : std::vector<int>{});
      ids.push_back(lv.id);
    }
    for (const Cycle& c : find_cycles(next))
      if (c.path.size() > 2)  // an instrument waiting for itself is reported by trigger()
        r_.error(
            after[static_cast<std::size_t>(c.from)],
            "leverage instruments waiting for each other in a cycle: " + describe_cycle(c, ids),
            "none of them could ever fire; drop one of these 'after' entries");
  }

  void trigger(const YAML::Node& w, const std::string& what, const std::vector<std::string>& ids,
               const std::string& self, Trigger& t) {
    if (!r_.expect_map(w, "'when' of " + what)) return;
    r_.check_keys(w, {"from_month", "until_month", "stage", "deadlock", "trust", "after"},
                  "'when' of " + what);
    if (auto v = w["from_month"]; v.IsDefined())
      t.from_month = month(v, "'from_month' of " + what).value_or(0);
    if (auto v = w["until_month"]; v.IsDefined())
      t.until_month = month(v, "'until_month' of " + what).value_or(t.until_month);
    if (t.until_month < t.from_month)
      r_.error(w["until_month"], "'until_month' is before 'from_month' in " + what,
               "the trigger's window must not be empty");
    if (auto v = w["stage"]; v.IsDefined()) {
      const int k = r_.reference(v, {"elements", "framework"}, "stage", what);
      if (k >= 0) t.stage = k == 0 ? Stage::elements : Stage::final_text;
    }
    if (auto v = w["deadlock"]; v.IsDefined())
      t.deadlock_group = r_.reference(v, groups_, "process group", "'deadlock' of " + what);
    if (const YAML::Node tr = w["trust"];
        tr.IsDefined() && r_.expect_map(tr, "'trust' of " + what)) {
      r_.check_keys(tr, {"from", "to", "below", "above"}, "'trust' of " + what);
      if (require(tr, {"from", "to"}, "'trust' of " + what, "{from: ua, to: us, below: 0.4}")) {
        t.trust_from = party(tr["from"], "'trust' of " + what);
        t.trust_to = party(tr["to"], "'trust' of " + what);
      }
      if (!tr["below"].IsDefined() && !tr["above"].IsDefined())
        r_.error(tr, "'trust' of " + what + " needs 'below' or 'above'",
                 "e.g. {from: ua, to: us, below: 0.4}");
      if (auto v = tr["below"]; v.IsDefined())
        t.trust_below = r_.number_in(v, "'below'", 0, 1).value_or(2);
      if (auto v = tr["above"]; v.IsDefined())
        t.trust_above = r_.number_in(v, "'above'", 0, 1).value_or(-1);
    }
    if (auto v = w["after"]; v.IsDefined()) {
      if (r_.reference(v, ids, "leverage instrument", "'after' of " + what) >= 0 &&
          v.Scalar() == self)
        r_.error(v, what + " waits for itself", "name another instrument in 'after'");
    }
  }

  void effects(const YAML::Node& f, const std::string& what, Leverage& lv) {
    if (!r_.expect_map(f, "'effects' of " + what)) return;
    r_.check_keys(f, {"reservation", "fatigue", "trust", "options", "opens"},
                  "'effects' of " + what);
    const std::size_t at = d_.leverage.size();  // its index once added
    const std::string path = "dynamics.leverage." + lv.id + ".effects.";
    if (auto v = f["reservation"]; v.IsDefined())
      per_party(v, "reservation shift", -1, 1, lv.reservation, 0.0, path + "reservation",
                [at](Scenario& x) -> std::vector<double>& {
                  return x.dynamics.leverage[at].reservation;
                });
    if (auto v = f["fatigue"]; v.IsDefined())
      per_party(
          v, "fatigue change", -1, 1, lv.fatigue, 0.0, path + "fatigue",
          [at](Scenario& x) -> std::vector<double>& { return x.dynamics.leverage[at].fatigue; });
    if (const YAML::Node t = f["trust"]; t.IsDefined() && r_.expect_seq(t, "trust effects"))
      for (const auto& e : t) {
        if (!r_.expect_map(e, "a trust effect")) continue;
        r_.check_keys(e, {"from", "to", "change"}, "a trust effect");
        if (!require(e, {"from", "to", "change"}, "a trust effect",
                     "{from: ua, to: us, change: -0.1}"))
          continue;
        TrustChange tc;
        tc.from = party(e["from"], "a trust effect");
        tc.to = party(e["to"], "a trust effect");
        auto c = r_.number_in(e["change"], "trust 'change'", -1, 1);
        const std::size_t q = lv.trust.size();
        r_.bind(path + "trust." + std::to_string(q),
                [at, q](Scenario& x, double u) { x.dynamics.leverage[at].trust[q].change = u; });
        if (tc.from >= 0 && tc.to >= 0 && c) {
          tc.change = *c;
          lv.trust.push_back(tc);
        }
      }
    if (const YAML::Node o = f["options"]; o.IsDefined() && r_.expect_seq(o, "option effects"))
      for (const auto& e : o) {
        if (!r_.expect_map(e, "an option effect")) continue;
        r_.check_keys(e, {"party", "issue", "option", "shift"}, "an option effect");
        if (!require(e, {"party", "issue", "option", "shift"}, "an option effect",
                     "{party: ua, issue: territory, option: loc_freeze, shift: 0.02}"))
          continue;
        OptionShift os;
        os.party = party(e["party"], "an option effect");
        const bool io = issue_option(e, "an option effect", os.issue, os.option);
        auto sh = r_.number_in(e["shift"], "option 'shift'", -1, 1);
        const std::size_t q = lv.options.size();
        r_.bind(path + "options." + std::to_string(q),
                [at, q](Scenario& x, double u) { x.dynamics.leverage[at].options[q].shift = u; });
        if (os.party >= 0 && io && sh) {
          os.shift = *sh;
          lv.options.push_back(os);
        }
      }
    if (const YAML::Node g = f["opens"]; g.IsDefined() && r_.expect_seq(g, "'opens'"))
      for (const auto& e : g) {
        const int k = r_.reference(e, groups_, "process group", "'opens' of " + what);
        if (k >= 0) lv.opens.push_back(k);
      }
  }
};

}  // namespace

void read_dynamics(YamlReader& r, const YAML::Node& node, Scenario& s) {
  DynamicsReader(r, s).read(node);
}

}  // namespace parley::load

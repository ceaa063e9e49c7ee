#include "load/leverage_yaml.hpp"

#include "load/cycles.hpp"
#include "load/section_reader.hpp"

namespace parley::load {
namespace {

/// Leverage instruments (docs/scenario-format.md#leverage): who, on whom, when, with what
/// effects.
class LeverageReader : SectionReader {
 public:
  LeverageReader(YamlReader& r, Scenario& s) : SectionReader(r, s), d_(s.dynamics) {}

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
 private:
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
    r_.check_keys(w,
                  {"from_month", "until_month", "stage", "deadlock", "trust", "after", "stalled",
                   "leaked", "refusing"},
                  "'when' of " + what);
    if (auto v = w["stalled"]; v.IsDefined())
      t.stalled = month(v, "'stalled' of " + what).value_or(0);
    if (auto v = w["leaked"]; v.IsDefined()) t.leaked = party(v, "'leaked' of " + what);
    if (auto v = w["refusing"]; v.IsDefined()) t.refusing = party(v, "'refusing' of " + what);
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
    r_.check_keys(f, {"reservation", "fatigue", "beliefs", "trust", "options", "opens"},
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
    if (auto v = f["beliefs"]; v.IsDefined())
      per_party(
          v, "change of what the war delivers", -1, 1, lv.beliefs, 0.0, path + "beliefs",
          [at](Scenario& x) -> std::vector<double>& { return x.dynamics.leverage[at].beliefs; });
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
  DynamicsSpec& d_;
};

}  // namespace

void read_leverage(YamlReader& r, const YAML::Node& node, Scenario& s) {
  LeverageReader(r, s).leverage(node);
}

}  // namespace parley::load

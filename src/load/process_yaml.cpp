#include "load/process_yaml.hpp"

#include <algorithm>
#include <set>

#include "load/cycles.hpp"
#include "strategies/registry.hpp"

namespace parley::load {
namespace {

class ProcessReader {
 public:
  ProcessReader(YamlReader& r, Scenario& s) : r_(r), s_(s), p_(s.process) {}

  void read(const YAML::Node& n) {
    p_.fatigue.assign(s_.parties.size(), 0.0);
    p_.strategies.assign(s_.parties.size(), StrategySpec{"linear", {}});
    if (!n.IsDefined()) return;
    p_.declared = true;
    if (!r_.expect_map(n, "'process'")) return;
    r_.check_keys(
        n,
        {"horizon", "seed", "protocol", "mediator", "mediator_strategy", "levels", "escalate_after",
         "drafting", "trust", "fatigue", "strategies", "refusals", "groups", "designs", "note"},
        "'process'");
    settings(n);
    trust(n["trust"]);
    per_party(n);
    refusals(n["refusals"]);
    groups(n["groups"]);
    designs(n["designs"]);
    if (p_.protocol == Protocol::alternating_offers && s_.stakeholders().size() != 2)
      r_.error(n["protocol"],
               "alternating offers is a two-party protocol, but " +
                   std::to_string(s_.stakeholders().size()) + " parties have preferences",
               "use protocol: single_text, or keep preferences for exactly two parties");
  }

  /// Horizon, seed, protocol, mediator and its strategy, level cadences, escalation.
  void settings(const YAML::Node& n) {
    if (auto v = r_.integer_field(n, "horizon", "'process'", false)) {
      if (*v < 1 || *v > 1200)
        r_.error(n["horizon"], "'horizon' is " + std::to_string(*v) + " months",
                 "use 1 to 1200 months");
      else
        p_.horizon = static_cast<int>(*v);
    }
    if (auto v = r_.integer_field(n, "seed", "'process'", false)) {
      if (*v < 0)
        r_.error(n["seed"], "'seed' is negative", "use a whole number >= 0");
      else
        p_.seed = static_cast<std::uint64_t>(*v);
    }
    if (auto v = r_.string_field(n, "protocol", "'process'", false)) {
      if (*v == "single_text")
        p_.protocol = Protocol::single_text;
      else if (*v == "alternating_offers")
        p_.protocol = Protocol::alternating_offers;
      else
        unknown(n["protocol"], "protocol", *v, {"single_text", "alternating_offers"});
    }
    if (const YAML::Node m = n["mediator"]; m.IsDefined())
      p_.mediator = r_.reference(m, ids_of(s_.parties), "party", "'mediator'");
    if (const YAML::Node m = n["mediator_strategy"]; m.IsDefined())
      strategy(m, "'mediator_strategy'", false, p_.mediator_strategy);
    if (const YAML::Node lv = n["levels"]; lv.IsDefined() && r_.expect_map(lv, "'levels'")) {
      r_.check_keys(lv, {"official", "aide", "leader"}, "'levels' (meetings per month)");
      const char* names[3] = {"official", "aide", "leader"};
      for (std::size_t l = 0; l < 3; ++l)
        if (const YAML::Node c = lv[names[l]]; c.IsDefined())
          if (auto v = cadence(c, std::string("cadence of level '") + names[l] + "'"))
            p_.cadence[l] = *v;
    }
    if (auto v = r_.integer_field(n, "escalate_after", "'process'", false)) {
      if (*v < 1 || *v > 1000)
        r_.error(n["escalate_after"], "'escalate_after' is " + std::to_string(*v),
                 "rounds without an adopted change before a deadlock: 1 to 1000");
      else
        p_.escalate_after = static_cast<int>(*v);
    }
    if (const YAML::Node dr = n["drafting"]; dr.IsDefined()) {
      p_.drafting =
          r_.number_in(dr, "'drafting' (meetings per detail issue)", 0, 1000).value_or(p_.drafting);
      r_.bind("process.drafting", [](Scenario& x, double u) { x.process.drafting = u; });
    }
  }

  /// Each party's fatigue and strategy.
  void per_party(const YAML::Node& n) {
    if (const YAML::Node f = n["fatigue"]; f.IsDefined() && r_.expect_map(f, "'fatigue'")) {
      r_.check_keys(f, ids_of(s_.parties), "'fatigue' (keys are party ids)");
      for (auto it = f.begin(); it != f.end(); ++it) {
        const YAML::Node key = it->first, value = it->second;
        const int p = key.IsScalar() ? s_.party_index(key.Scalar()) : -1;
        if (p < 0) continue;
        if (auto v = r_.number_in(value, "fatigue of '" + key.Scalar() + "'", -1, 1)) {
          p_.fatigue[static_cast<std::size_t>(p)] = *v;
          r_.bind(
              "process.fatigue." + key.Scalar(),
              [p](Scenario& x, double u) { x.process.fatigue[static_cast<std::size_t>(p)] = u; },
              kTrajectory);
        }
      }
    }
    if (const YAML::Node st = n["strategies"];
        st.IsDefined() && r_.expect_map(st, "'strategies'")) {
      r_.check_keys(st, ids_of(s_.parties), "'strategies' (keys are party ids)");
      for (auto it = st.begin(); it != st.end(); ++it) {
        const YAML::Node key = it->first, value = it->second;
        const int p = key.IsScalar() ? s_.party_index(key.Scalar()) : -1;
        if (p >= 0)
          strategy(value, "the strategy of '" + key.Scalar() + "'", true,
                   p_.strategies[static_cast<std::size_t>(p)]);
      }
    }
  }

  void defaults() {
    if (p_.mediator < 0)
      for (std::size_t p = 0; p < s_.parties.size(); ++p)
        if (s_.parties[p].role == Role::mediator) {
          p_.mediator = static_cast<int>(p);
          break;
        }
    if (p_.groups.empty()) {
      GroupSpec g;
      g.id = "table";
      g.name = "One table for everything";
      for (const auto& is : s_.issues)
        if (std::find(g.topics.begin(), g.topics.end(), is.topic) == g.topics.end())
          g.topics.push_back(is.topic);
      for (std::size_t i = 0; i < s_.issues.size(); ++i) g.issues.push_back(static_cast<int>(i));
      for (std::size_t p = 0; p < s_.parties.size(); ++p) g.members.push_back(static_cast<int>(p));
      p_.groups.push_back(std::move(g));
    }
    if (p_.designs.empty()) {
      DesignSpec d;
      d.id = "default";
      d.name = "Every group declared";
      for (std::size_t g = 0; g < p_.groups.size(); ++g) d.groups.push_back(static_cast<int>(g));
      if (p_.groups.size() > 1)
        for (int k : s_.stakeholders())
          if (k != p_.mediator) d.leader_channels.push_back(k);
      p_.designs.push_back(std::move(d));
    }
  }

 private:
  YamlReader& r_;
  Scenario& s_;
  ProcessSpec& p_;

  void unknown(const YAML::Node& at, const std::string& kind, const std::string& value,
               const std::vector<std::string>& choices) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    const std::string guess = closest_match(value, choices);
    r_.error(
        at, "unknown " + kind + " '" + value + "'",
        guess.empty() ? "use one of: " + list : "did you mean '" + guess + "'? (" + list + ")");
  }

  std::optional<double> cadence(const YAML::Node& c, const std::string& what) {
    auto v = r_.number(c, what);
    if (v && (*v <= 0 || *v > 100)) {
      r_.error(c, what + " is " + c.Scalar(),
               "meetings per month: above 0, at most 100 (0.25 = one every four months)");
      return std::nullopt;
    }
    return v;
  }

  void strategy(const YAML::Node& n, const std::string& what, bool party, StrategySpec& out) {
    const auto& infos = party ? engine::party_strategies() : engine::mediator_strategies();
    std::vector<std::string> names;
    for (const auto& i : infos) names.push_back(i.name);
    // (never assign to a YAML::Node that aliases another: yaml-cpp would overwrite it)
    std::string type;
    if (n.IsScalar()) {  // shorthand: strategy: boulware
      type = n.Scalar();
    } else {
      if (!r_.expect_map(n, what)) return;
      auto t = r_.string_field(n, "type", what, true);
      if (!t) return;
      type = *t;
    }
    const YAML::Node type_node = n.IsScalar() ? n : n["type"];
    const engine::StrategyInfo* info =
        party ? engine::find_party_strategy(type) : engine::find_mediator_strategy(type);
    if (!info) {
      unknown(type_node, party ? "party strategy" : "mediator strategy", type, names);
      return;
    }
    out.type = type;
    out.params.clear();
    if (!n.IsMap()) return;
    std::vector<std::string> allowed{"type"};
    for (const auto& p : info->params) allowed.push_back(p.name);
    r_.check_keys(n, allowed, what + " (" + type + ")");
    for (const auto& p : info->params)
      if (const YAML::Node v = n[p.name]; v.IsDefined())
        if (auto x = r_.number(v, "'" + p.name + "' of " + what)) {
          if (const std::string why = engine::check_param(*info, p.name, *x); !why.empty())
            r_.error(v, "'" + p.name + "' of " + what + " is " + v.Scalar() + "; " + why,
                     "default " + (p.fallback_note.empty()
                                       ? YAML::convert<double>::encode(p.fallback).Scalar()
                                       : p.fallback_note));
          else
            out.params[p.name] = *x;
        }
  }

  void trust(const YAML::Node& t) {
    if (!t.IsDefined() || !r_.expect_map(t, "'trust'")) return;
    r_.check_keys(t, {"initial", "adopted", "consensus", "meeting", "pairs"}, "'trust'");
    const auto field = [&](const char* key, double ProcessSpec::*member) {
      if (auto v = t[key]; v.IsDefined()) {
        p_.*member = r_.number_in(v, std::string("trust '") + key + "'", 0, 1).value_or(p_.*member);
        r_.bind(std::string("process.trust.") + key,
                [member](Scenario& x, double u) { x.process.*member = u; });
      }
    };
    field("initial", &ProcessSpec::trust_initial);
    field("adopted", &ProcessSpec::trust_adopted);
    field("consensus", &ProcessSpec::trust_consensus);
    field("meeting", &ProcessSpec::trust_meeting);
    if (const YAML::Node pairs = t["pairs"];
        pairs.IsDefined() && r_.expect_seq(pairs, "trust 'pairs'"))
      for (const auto& pr : pairs) {
        if (!r_.expect_map(pr, "a trust pair")) continue;
        r_.check_keys(pr, {"from", "to", "value"}, "a trust pair");
        if (!pr["from"].IsDefined() || !pr["to"].IsDefined() || !pr["value"].IsDefined()) {
          r_.error(pr, "a trust pair needs 'from', 'to' and 'value'",
                   "e.g. {from: ua, to: ru, value: 0.1}");
          continue;
        }
        const int a = r_.reference(pr["from"], ids_of(s_.parties), "party", "a trust pair");
        const int b = r_.reference(pr["to"], ids_of(s_.parties), "party", "a trust pair");
        auto v = r_.number_in(pr["value"], "trust value", 0, 1);
        if (a >= 0 && b >= 0 && v) {
          const std::size_t at = p_.trust.size();
          p_.trust.push_back({a, b, *v});
          r_.bind("process.trust.pairs." + pr["from"].Scalar() + "." + pr["to"].Scalar(),
                  [at](Scenario& x, double u) { x.process.trust[at].value = u; });
        }
      }
  }

  void refusals(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_seq(n, "'refusals'")) return;
    for (const auto& rf : n) {
      if (!r_.expect_map(rf, "a refusal")) continue;
      r_.check_keys(rf, {"party", "refuses", "until", "note"}, "a refusal");
      if (!rf["party"].IsDefined() || !rf["refuses"].IsDefined()) {
        r_.error(rf, "a refusal needs 'party' and 'refuses'",
                 "e.g. {party: ua, refuses: ru, until: 0.4}");
        continue;
      }
      Refusal out;
      out.party = r_.reference(rf["party"], ids_of(s_.parties), "party", "a refusal");
      out.other = r_.reference(rf["refuses"], ids_of(s_.parties), "party", "a refusal");
      if (const YAML::Node u = rf["until"]; u.IsDefined()) {
        if (u.IsScalar() && u.Scalar() == "never")
          out.threshold = 2.0;
        else if (auto v = r_.number_in(u, "'until' of a refusal (a trust level, or never)", 0, 1))
          out.threshold = *v;
      }
      if (out.party >= 0 && out.other >= 0) {
        if (out.party == out.other)
          r_.error(rf["refuses"], "a party refusing itself", "name another party");
        else
          p_.refusals.push_back(out);
      }
    }
  }

  void groups(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_seq(n, "'groups'")) return;
    std::vector<std::string> topics;
    for (const auto& is : s_.issues)
      if (std::find(topics.begin(), topics.end(), is.topic) == topics.end())
        topics.push_back(is.topic);
    std::vector<YAML::Node> conditions;
    for (const auto& g : n) {
      if (!r_.expect_map(g, "a group")) continue;
      r_.check_keys(g,
                    {"id", "name", "topics", "members", "level", "cadence", "framework", "track",
                     "conditional_on", "note"},
                    "a group");
      auto id = r_.string_field(g, "id", "a group", true);
      if (!id || !r_.check_unique(g["id"], p_.groups, *id, "group")) continue;
      p_.groups.push_back(group(g, *id, topics));
      conditions.push_back(g["conditional_on"]);
    }
    conditional_on(conditions);
  }

  /// One working group: topics (and so issues), members, level, cadence, framework.
  GroupSpec group(const YAML::Node& g, const std::string& id,
                  const std::vector<std::string>& topics) {
    const std::string what = "group '" + id + "'";
    GroupSpec out;
    out.id = id;
    out.name = r_.string_field(g, "name", what, false).value_or(id);
    if (const YAML::Node t = g["topics"]; !t.IsDefined())
      r_.error(g, what + " is missing the required field 'topics'",
               "list the topics it owns, e.g. topics: [security]");
    else if (r_.expect_seq(t, "'topics' of " + what))
      for (const auto& tp : t) {
        const int i = r_.reference(tp, topics, "topic", what);
        if (i >= 0) out.topics.push_back(topics[static_cast<std::size_t>(i)]);
      }
    for (std::size_t i = 0; i < s_.issues.size(); ++i)
      if (std::find(out.topics.begin(), out.topics.end(), s_.issues[i].topic) != out.topics.end())
        out.issues.push_back(static_cast<int>(i));
    if (const YAML::Node m = g["members"]; !m.IsDefined())
      r_.error(g, what + " is missing the required field 'members'",
               "list the party ids at its table");
    else if (r_.expect_seq(m, "'members' of " + what))
      for (const auto& mb : m) {
        const int p = r_.reference(mb, ids_of(s_.parties), "party", what);
        if (p >= 0 && std::find(out.members.begin(), out.members.end(), p) == out.members.end())
          out.members.push_back(p);
      }
    if (auto lv = r_.string_field(g, "level", what, false)) level(g["level"], *lv, out.level);
    if (const YAML::Node c = g["cadence"]; c.IsDefined())
      out.cadence = cadence(c, "'cadence' of " + what);
    bool all_detail = !out.issues.empty();
    for (int i : out.issues)
      all_detail = all_detail && s_.issues[static_cast<std::size_t>(i)].detail;
    out.framework = r_.bool_field(g, "framework", what).value_or(!all_detail);
    if (auto t = r_.string_field(g, "track", what, false)) {
      if (*t == "normalisation") {
        out.normalisation = true;
        out.framework = false;  // neither the framework nor the final text waits for it
      } else if (*t != "war") {
        r_.error(g["track"], what + ": unknown track '" + *t + "'",
                 "a track is war (the default: part of the settlement) or normalisation "
                 "(follows the war's end; the war's end does not wait for it)");
      }
    }
    return out;
  }

  void level(const YAML::Node& at, const std::string& text, Level& out) {
    if (text == "official")
      out = Level::official;
    else if (text == "aide")
      out = Level::aide;
    else if (text == "leader")
      out = Level::leader;
    else
      unknown(at, "level", text, {"official", "aide", "leader"});
  }

  /// The groups' conditions (`conditions[g]`, as written), resolved once every group is
  /// known; cycles of any length are refused.
  void conditional_on(const std::vector<YAML::Node>& conditions) {
    const std::vector<std::string> ids = ids_of(p_.groups);
    std::vector<std::vector<YAML::Node>> at(p_.groups.size());  // where each condition is written
    for (std::size_t gi = 0; gi < p_.groups.size() && gi < conditions.size(); ++gi) {
      const YAML::Node c = conditions[gi];
      if (!c.IsDefined() || !r_.expect_seq(c, "'conditional_on' of group '" + ids[gi] + "'"))
        continue;
      for (const auto& x : c) {
        const int h = r_.reference(x, ids, "group", "'conditional_on' of group '" + ids[gi] + "'");
        if (h == static_cast<int>(gi)) {
          r_.error(x, "group '" + ids[gi] + "' is conditional on itself", "name other groups");
        } else if (h >= 0) {
          p_.groups[gi].conditional_on.push_back(h);
          at[gi].push_back(x);
        }
      }
    }
    std::vector<std::vector<int>> next;
    for (const auto& g : p_.groups) next.push_back(g.conditional_on);
    for (const Cycle& c : find_cycles(next))
      r_.error(at[static_cast<std::size_t>(c.from)][c.edge],
               "groups conditional on each other in a cycle: " + describe_cycle(c, ids),
               "none of them could ever conclude; drop one of these 'conditional_on' entries");
  }

  void designs(const YAML::Node& n) {
    if (!n.IsDefined() || !r_.expect_seq(n, "'designs'")) return;
    const std::vector<std::string> ids = ids_of(p_.groups);
    for (const auto& d : n) {
      if (!r_.expect_map(d, "a design")) continue;
      r_.check_keys(d, {"id", "name", "groups", "leader_channels", "note"}, "a design");
      auto id = r_.string_field(d, "id", "a design", true);
      if (!id) continue;
      const std::string what = "design '" + *id + "'";
      if (!r_.check_unique(d["id"], p_.designs, *id, "design")) continue;
      DesignSpec out;
      out.id = *id;
      out.name = r_.string_field(d, "name", what, false).value_or(*id);
      if (const YAML::Node g = d["groups"];
          g.IsDefined() && r_.expect_seq(g, "'groups' of " + what))
        for (const auto& x : g) {
          const int h = r_.reference(x, ids, "group", what);
          if (h >= 0) out.groups.push_back(h);
        }
      if (const YAML::Node c = d["leader_channels"];
          c.IsDefined() && r_.expect_seq(c, "'leader_channels' of " + what))
        for (const auto& x : c) {
          const int p =
              r_.reference(x, ids_of(s_.parties), "party", "'leader_channels' of " + what);
          if (p >= 0) out.leader_channels.push_back(p);
        }
      if (out.groups.empty() && d["groups"].IsDefined())
        r_.error(d["groups"], what + " has no groups", "a design needs at least one group");
      else if (!d["groups"].IsDefined())
        r_.error(d, what + " is missing the required field 'groups'", "list the group ids it runs");
      p_.designs.push_back(std::move(out));
    }
  }
};

}  // namespace

void read_process(YamlReader& r, const YAML::Node& node, Scenario& s) {
  ProcessReader pr(r, s);
  pr.read(node);
  pr.defaults();
}

}  // namespace parley::load

// parley run --json (field names in docs/cli.md).
#include "report/event_text.hpp"
#include "report/finite.hpp"
#include "report/json_out.hpp"
#include "report/run_out.hpp"

namespace parley::report {
namespace {

using engine::Event;
using engine::EventType;
using json = nlohmann::ordered_json;

json outcome_json(const Scenario& s, const engine::RunResult& res) {
  json o;
  o["type"] = engine::to_string(res.outcome);
  o["framework_month"] = res.framework_month >= 0 ? json(res.framework_month) : json(nullptr);
  o["final_month"] = res.final_month >= 0 ? json(res.final_month) : json(nullptr);
  o["package"] = package_json(s, res.package);
  o["index"] = s.space().encode(res.package);
  o["ceasefire_month"] =
      res.first_ceasefire_month >= 0 ? json(res.first_ceasefire_month) : json(nullptr);
  o["collapses"] = res.collapses;
  if (res.normalisation >= 0) o["normalisation"] = res.normalisation == 1 ? "agreed" : "open";
  o["months"] = res.months;
  return o;
}

/// Each stakeholder's standing, the welfare at signing and the reservation paths.
void add_parties(const RunReport& r, json& out) {
  const Scenario& s = *r.scenario;
  const engine::RunResult& res = *r.result;
  json parties = json::array();
  const auto holders = s.stakeholders();
  for (std::size_t k = 0; k < holders.size(); ++k)
    parties.push_back({{"party", s.parties[static_cast<std::size_t>(holders[k])].id},
                       {"utility", res.utility[k]},
                       {"reservation", res.reservation[k]},
                       {"meets_reservation", res.utility[k] >= res.reservation[k] - 1e-9},
                       {"victory", r.victory[k]},
                       {"claims_victory", res.utility[k] >= r.victory[k] - 1e-9}});
  out["parties"] = parties;
  if (!res.welfare.empty()) {
    json w;
    w["month"] = res.welfare_month;
    for (std::size_t k = 0; k < holders.size(); ++k)
      w[s.parties[static_cast<std::size_t>(holders[k])].id] = res.welfare[k];
    out["welfare"] = w;
  } else {
    out["welfare"] = nullptr;
  }
  json path = json::object();  // r_k at the start of every month
  for (std::size_t k = 0; k < holders.size(); ++k) {
    json row = json::array();
    for (std::size_t t = 0; t * holders.size() + k < res.reservation_path.size(); ++t)
      row.push_back(res.reservation_path[t * holders.size() + k]);
    path[s.parties[static_cast<std::size_t>(holders[k])].id] = row;
  }
  out["reservation_path"] = path;
}

/// The cost ledger and the cost of delay.
void add_costs(const RunReport& r, json& out) {
  const Scenario& s = *r.scenario;
  const engine::RunResult& res = *r.result;
  const std::size_t U = s.dynamics.units.size();
  json costs = json::object(), delay = json::object();
  for (std::size_t p = 0; p < s.parties.size() && U > 0; ++p) {
    json cp = json::object(), dp = json::object();
    for (std::size_t u = 0; u < U; ++u) {
      const double b = res.costs_before_ceasefire[p * U + u],
                   a = res.costs_after_ceasefire[p * U + u];
      cp[s.dynamics.units[u].id] = {
          {"before_ceasefire", b}, {"after_ceasefire", a}, {"total", a + b}};
      dp[s.dynamics.units[u].id] = res.cost_of_delay[p * U + u];
    }
    costs[s.parties[p].id] = cp;
    delay[s.parties[p].id] = dp;
  }
  out["costs"] = {{"months", res.months},
                  {"war_months", res.war_months},
                  {"ceasefire_months", res.ceasefire_months},
                  {"by_party", costs}};
  out["cost_of_delay"] = {
      {"from_month", res.delay_from >= 0 ? json(res.delay_from) : json(nullptr)},
      {"basis", s.dynamics.delay_from >= 0 ? "named" : "zopa_opens"},
      {"by_party", res.delay_from >= 0 ? delay : json(nullptr)}};
}

json event_json(const Scenario& s, const DesignSpec& d, const Event& e) {
  json ej;
  ej["type"] = engine::to_string(e.type);
  ej["month"] = e.month;
  ej["round"] = e.round;
  ej["group"] =
      e.group >= 0
          ? json(s.process
                     .groups[static_cast<std::size_t>(d.groups[static_cast<std::size_t>(e.group)])]
                     .id)
          : json(nullptr);
  ej["level"] = to_string(e.level);
  if (e.party >= 0) ej["party"] = s.parties[static_cast<std::size_t>(e.party)].id;
  if (e.type == EventType::meeting) ej["sides"] = e.sides;
  if (e.type == EventType::leverage) {
    const Leverage& lv = s.dynamics.leverage[static_cast<std::size_t>(e.instrument)];
    ej["instrument"] = lv.id;
    ej["kind"] = lv.instrument;
    ej["by"] = s.parties[static_cast<std::size_t>(lv.by)].id;
    ej["trigger"] = describe_trigger(s, lv.when);
  }
  if (e.type == EventType::principle_fixed || e.type == EventType::principle_revised ||
      e.type == EventType::position_yielded) {
    ej["issue"] = s.issues[static_cast<std::size_t>(e.issue)].id;
    ej["option"] =
        s.issues[static_cast<std::size_t>(e.issue)].options[static_cast<std::size_t>(e.option)].id;
  }
  if (e.type == EventType::principle_fixed || e.type == EventType::principle_revised)
    ej["allowed"] = allowed_options(s, e);
  if (e.type == EventType::proposal || e.type == EventType::adopted ||
      e.type == EventType::package_trade || e.type == EventType::consensus ||
      e.type == EventType::framework_signed || e.type == EventType::final_signed)
    ej["package"] = e.package;
  return ej;
}

}  // namespace

json run_json(const RunReport& r) {
  const Scenario& s = *r.scenario;
  const engine::RunResult& res = *r.result;
  const DesignSpec& d = s.process.designs[r.design];
  json out;
  out["scenario"] = s.name;
  out["source"] = s.source;
  out["design"] = d.id;
  out["seed"] = r.seed;
  if (!r.without.empty()) {
    auto& w = out["without"] = nlohmann::ordered_json::array();
    for (std::size_t m = 0; m < kMechanisms; ++m)
      if (r.without.has(static_cast<Mechanism>(m)))
        w.push_back(to_string(static_cast<Mechanism>(m)));
  }
  out["protocol"] = to_string(s.process.protocol);
  out["outcome"] = outcome_json(s, res);
  out["rounds"] = res.rounds;
  add_parties(r, out);
  add_costs(r, out);
  json events = json::array();
  for (const Event& e : res.events) events.push_back(event_json(s, d, e));
  out["events"] = events;
  return finite_json(std::move(out), "parley run --json");
}

}  // namespace parley::report

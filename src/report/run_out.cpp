#include "report/run_out.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/finite.hpp"
#include "report/json_out.hpp"
#include "report/package_text.hpp"
#include "report/text.hpp"

namespace parley::report {

using engine::Event;
using engine::EventType;
using json = nlohmann::ordered_json;

namespace {

std::string where(const RunReport& r, const Event& e) {
  const Scenario& s = *r.scenario;
  const DesignSpec& d = s.process.designs[r.design];
  if (e.group >= 0)
    return s.process.groups[static_cast<std::size_t>(d.groups[static_cast<std::size_t>(e.group)])]
        .id;
  if (e.party >= 0) {
    const std::string med = s.process.mediator >= 0
                                ? s.parties[static_cast<std::size_t>(s.process.mediator)].id
                                : "mediator";
    return "leader channel " + med + "–" + s.parties[static_cast<std::size_t>(e.party)].id;
  }
  return "";
}

std::string party_id(const Scenario& s, int p) {
  return p >= 0 ? s.parties[static_cast<std::size_t>(p)].id : std::string("?");
}

std::string fmt_amount(double v) {
  const double a = std::abs(finite(v, "a cost in the ledger"));
  if (a >= 10000) {  // whole, grouped by thousands: 924 000
    std::string digits = fmt::format("{:.0f}", a), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
      out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
  }
  if (a >= 100) return fmt::format("{:.0f}", v);
  if (a >= 1) return fmt::format("{:.1f}", v);
  return fmt::format("{:.3g}", v);
}

}  // namespace

std::string describe_trigger(const Scenario& s, const Trigger& w) {
  std::vector<std::string> parts;
  if (w.from_month > 0) parts.push_back(fmt::format("from month {}", w.from_month));
  if (w.until_month < (1 << 30)) parts.push_back(fmt::format("until month {}", w.until_month));
  if (w.stage == Stage::elements) parts.push_back("before the framework");
  if (w.stage == Stage::final_text) parts.push_back("after the framework");
  if (w.deadlock_group >= 0)
    parts.push_back(fmt::format("group {} deadlocked",
                                s.process.groups[static_cast<std::size_t>(w.deadlock_group)].id));
  if (w.trust_from >= 0) {
    std::string t = fmt::format("trust {}→{}", party_id(s, w.trust_from), party_id(s, w.trust_to));
    if (w.trust_below <= 1) t += fmt::format(" < {}", w.trust_below);
    if (w.trust_above >= 0) t += fmt::format(" > {}", w.trust_above);
    parts.push_back(t);
  }
  if (w.after >= 0)
    parts.push_back(
        fmt::format("after {}", s.dynamics.leverage[static_cast<std::size_t>(w.after)].id));
  if (parts.empty()) return "always (month 0)";
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string run_narrative(const RunReport& r) {
  const Scenario& s = *r.scenario;
  const auto& ev = r.result->events;
  std::string out;
  std::vector<int> text = s.default_package();
  std::size_t i = 0;
  while (i < ev.size()) {
    const int month = ev[i].month;
    // Per group: meetings, rounds, adopted changes; notable events in order.
    struct Tally {
      int meetings = 0, proposals = 0, adopted = 0, sides = 1;
      std::string level;
    };
    std::map<std::string, Tally> tally;
    std::vector<std::string> order, notes;
    for (; i < ev.size() && ev[i].month == month; ++i) {
      const Event& e = ev[i];
      const std::string w = where(r, e);
      if (e.type == EventType::meeting || e.type == EventType::proposal ||
          e.type == EventType::adopted) {
        if (!tally.count(w)) order.push_back(w);
        Tally& t = tally[w];
        t.level = to_string(e.level);
        if (e.type == EventType::meeting) {
          ++t.meetings;
          t.sides = e.sides;
        } else if (e.type == EventType::proposal) {
          ++t.proposals;
        } else {
          ++t.adopted;
          const auto next = s.package_at(e.package);
          notes.push_back(fmt::format("  {}: adopted {}", w, format_changes(s, text, next)));
          text = next;
        }
        continue;
      }
      switch (e.type) {
        case EventType::consensus:
          notes.push_back(
              fmt::format("  {}: CONSENSUS — every member endorses; its open items are agreed", w));
          break;
        case EventType::deadlock:
          notes.push_back(fmt::format("  {}: deadlock ({} {} without an adopted change){}", w,
                                      s.process.escalate_after,
                                      e.group >= 0 ? "rounds" : "channel meetings",
                                      e.group >= 0 ? "" : " — the waiting groups go back to work"));
          break;
        case EventType::escalation:
          notes.push_back(fmt::format("  {}: escalated to the {} level", w, to_string(e.level)));
          break;
        case EventType::merge:
          notes.push_back(fmt::format(
              "  {}: refusals lapsed — the shuttle groups merge; direct talks from now", w));
          break;
        case EventType::package_trade: {
          ++tally[w].adopted;
          const auto next = s.package_at(e.package);
          notes.push_back(fmt::format("  {}: PACKAGE TRADE {}", w, format_changes(s, text, next)));
          text = next;
          break;
        }
        case EventType::principle_fixed:
          notes.push_back(fmt::format("  {}: principle fixed for the groups: {}={}", w,
                                      s.issues[static_cast<std::size_t>(e.issue)].id,
                                      s.issues[static_cast<std::size_t>(e.issue)]
                                          .options[static_cast<std::size_t>(e.option)]
                                          .id));
          break;
        case EventType::framework_signed:
          notes.push_back("  ** FRAMEWORK AGREEMENT SIGNED **");
          break;
        case EventType::ceasefire_started:
          notes.push_back("  ** ceasefire starts **");
          break;
        case EventType::final_signed:
          notes.push_back("  ** FINAL AGREEMENT SIGNED **");
          break;
        case EventType::leak:
          notes.push_back(fmt::format(
              "  {}: LEAK — {}'s concessions exposed; its reservation hardens, its trust falls",
              w.empty() ? std::string("leader channel") : w, party_id(s, e.party)));
          break;
        case EventType::leverage: {
          const Leverage& lv = s.dynamics.leverage[static_cast<std::size_t>(e.instrument)];
          notes.push_back(fmt::format("  LEVERAGE {} ({}): {} on {} — trigger: {}", lv.id,
                                      lv.instrument, party_id(s, lv.by), party_id(s, lv.target),
                                      describe_trigger(s, lv.when)));
          break;
        }
        case EventType::walkout:
          notes.push_back(fmt::format(
              "  WALKOUT: {}'s trust in the mediator fell below its floor; it leaves the talks",
              party_id(s, e.party)));
          break;
        case EventType::returned:
          notes.push_back(fmt::format("  {} returns to the talks", party_id(s, e.party)));
          break;
        case EventType::ceasefire_collapsed:
          notes.push_back(
              "  ** CEASEFIRE COLLAPSED ** — war costs resume, trust falls, the framework is "
              "reopened");
          break;
        case EventType::rejected:
          if (e.group < 0 && e.party >= 0 && s.process.protocol == Protocol::alternating_offers)
            notes.push_back(fmt::format("  {} rejects the offer",
                                        s.parties[static_cast<std::size_t>(e.party)].id));
          break;
        default:
          break;
      }
    }
    out += fmt::format("Month {}\n", month);
    for (const auto& w : order) {
      const Tally& t = tally[w];
      out += fmt::format(
          "  {}: {} meeting{} ({}, {}), {} proposal{}, {} adopted\n", w.empty() ? "offers" : w,
          t.meetings, t.meetings == 1 ? "" : "s", t.level,
          t.sides > 1 ? fmt::format("shuttle between {} sides", t.sides) : std::string("direct"),
          t.proposals, t.proposals == 1 ? "" : "s", t.adopted);
    }
    for (const auto& n : notes) out += n + "\n";
  }
  return out;
}

std::string run_summary(const RunReport& r) {
  const Scenario& s = *r.scenario;
  const engine::RunResult& res = *r.result;
  std::string out;
  out += fmt::format("Outcome: {}\n", engine::to_string(res.outcome));
  out +=
      fmt::format("Framework agreement: {}\n",
                  res.framework_month >= 0 ? fmt::format("month {}", res.framework_month) : "none");
  out += fmt::format("Final agreement:     {}\n",
                     res.final_month >= 0 ? fmt::format("month {}", res.final_month) : "none");
  out += fmt::format("Rounds: {}; design {}; seed {}\n", res.rounds, s.process.designs[r.design].id,
                     r.seed);
  const std::string pk = format_changes(s, s.default_package(), res.package);
  out += fmt::format("Text: {}\n\n", pk.empty() ? "(all defaults)" : pk);
  out += fmt::format("  {:<10} {:>8} {:>12} {:>8}  {}\n", "party", "utility", "reservation",
                     "victory", "");
  const auto holders = s.stakeholders();
  for (std::size_t k = 0; k < holders.size(); ++k) {
    const double u = res.utility[k], rv = res.reservation[k];
    std::string verdict = u >= rv - 1e-9 ? "above reservation" : "BELOW reservation";
    if (u >= r.victory[k] - 1e-9) verdict += ", can claim victory";
    const std::string& id = s.parties[static_cast<std::size_t>(holders[k])].id;
    out += fmt::format("  {:<10} {:>8.4f} {:>12.4f} {:>8.4f}  {}\n", id,
                       finite(u, "utility of ", id), finite(rv, "reservation of ", id),
                       finite(r.victory[k], "victory threshold of ", id), verdict);
  }
  if (res.collapses > 0)
    out += fmt::format("\nThe ceasefire collapsed {} time{}.\n", res.collapses,
                       res.collapses == 1 ? "" : "s");
  if (!res.welfare.empty()) {
    out += fmt::format("\nDiscounted welfare at signing (month {}, δ^t·u):", res.welfare_month);
    for (std::size_t k = 0; k < holders.size(); ++k)
      out += fmt::format(" {} {:.4f}", party_id(s, holders[k]),
                         finite(res.welfare[k], "discounted welfare of ", party_id(s, holders[k])));
    out += "\n";
  }
  out += cost_ledger(r);
  return out;
}

std::string cost_ledger(const RunReport& r) {
  const Scenario& s = *r.scenario;
  const engine::RunResult& res = *r.result;
  const std::size_t U = s.dynamics.units.size();
  if (U == 0) return {};
  std::size_t width = 4;
  for (const auto& u : s.dynamics.units) width = std::max(width, display_width(u.name));
  std::string out =
      fmt::format("\nCosts of the war over {} month{} ({} of war, {} of ceasefire):\n", res.months,
                  res.months == 1 ? "" : "s", res.war_months, res.ceasefire_months);
  out += fmt::format("  {:<8} {}  {:>16} {:>16} {:>16}\n", "party", pad("unit", width),
                     "before ceasefire", "after", "total");
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    for (std::size_t u = 0; u < U; ++u) {
      const double b = res.costs_before_ceasefire[p * U + u],
                   a = res.costs_after_ceasefire[p * U + u];
      if (b == 0 && a == 0) continue;
      out += fmt::format("  {:<8} {}  {:>16} {:>16} {:>16}\n", s.parties[p].id,
                         pad(s.dynamics.units[u].name, width), fmt_amount(b), fmt_amount(a),
                         fmt_amount(b + a));
    }
  // The headline: what waiting cost beyond the reference month.
  if (res.delay_from < 0) {
    out +=
        "Cost of delay: the ZOPA never opened within the horizon (name a month with "
        "dynamics.delay_from)\n";
    return out;
  }
  const std::string basis = s.dynamics.delay_from >= 0
                                ? fmt::format("month {} (as named)", res.delay_from)
                                : fmt::format("month {} (when the ZOPA opened)", res.delay_from);
  std::string head =
      res.framework_month >= 0
          ? fmt::format("Cost of delay: signing the framework at month {} rather than at {}",
                        res.framework_month, basis)
          : fmt::format("Cost of delay: no framework by month {}; the war since {}", res.months - 1,
                        basis);
  std::vector<std::string> items;
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    for (std::size_t u = 0; u < U; ++u)
      if (const double c = res.cost_of_delay[p * U + u]; c != 0)
        items.push_back(fmt::format("    {:<8} {} {}", s.parties[p].id, fmt_amount(c),
                                    s.dynamics.units[u].name));
  if (items.empty()) return out + head + " cost nothing beyond ceasefire levels\n";
  out += head + " cost about\n";
  for (const auto& i : items) out += i + "\n";
  return out + "  (war costs of the months after it, beyond what a ceasefire would have cost)\n";
}

json run_json(const RunReport& r) {
  const Scenario& s = *r.scenario;
  const engine::RunResult& res = *r.result;
  const DesignSpec& d = s.process.designs[r.design];
  json out;
  out["scenario"] = s.name;
  out["source"] = s.source;
  out["design"] = d.id;
  out["seed"] = r.seed;
  out["protocol"] = to_string(s.process.protocol);
  json o;
  o["type"] = engine::to_string(res.outcome);
  o["framework_month"] = res.framework_month >= 0 ? json(res.framework_month) : json(nullptr);
  o["final_month"] = res.final_month >= 0 ? json(res.final_month) : json(nullptr);
  o["package"] = package_json(s, res.package);
  o["index"] = s.space().encode(res.package);
  o["ceasefire_month"] =
      res.first_ceasefire_month >= 0 ? json(res.first_ceasefire_month) : json(nullptr);
  o["collapses"] = res.collapses;
  o["months"] = res.months;
  out["outcome"] = o;
  out["rounds"] = res.rounds;
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
  json events = json::array();
  for (const Event& e : res.events) {
    json ej;
    ej["type"] = engine::to_string(e.type);
    ej["month"] = e.month;
    ej["round"] = e.round;
    ej["group"] =
        e.group >= 0
            ? json(
                  s.process
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
    if (e.type == EventType::principle_fixed) {
      ej["issue"] = s.issues[static_cast<std::size_t>(e.issue)].id;
      ej["option"] = s.issues[static_cast<std::size_t>(e.issue)]
                         .options[static_cast<std::size_t>(e.option)]
                         .id;
    }
    if (e.type == EventType::proposal || e.type == EventType::adopted ||
        e.type == EventType::package_trade || e.type == EventType::consensus ||
        e.type == EventType::framework_signed || e.type == EventType::final_signed)
      ej["package"] = e.package;
    events.push_back(ej);
  }
  out["events"] = events;
  return finite_json(std::move(out), "parley run --json");
}

}  // namespace parley::report

#include "io/run_out.hpp"

#include <fmt/format.h>

#include <map>

#include "io/json_out.hpp"
#include "io/package.hpp"

namespace parley::io {

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

}  // namespace

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
    out += fmt::format("  {:<10} {:>8.4f} {:>12.4f} {:>8.4f}  {}\n",
                       s.parties[static_cast<std::size_t>(holders[k])].id, u, rv, r.victory[k],
                       verdict);
  }
  return out;
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
  return out;
}

}  // namespace parley::io

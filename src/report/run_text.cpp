#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/event_text.hpp"
#include "report/finite.hpp"
#include "report/package_text.hpp"
#include "report/run_out.hpp"
#include "report/text.hpp"

namespace parley::report {

using engine::Event;
using engine::EventType;

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

/// Per table of one month: meetings, rounds, adopted changes.
struct Tally {
  int meetings = 0, proposals = 0, adopted = 0, sides = 1;
  std::string level;
};

/// One month of the narrative: a line per table, then the notable events in order. `text`
/// follows the adopted changes so each is told as what it changed.
class MonthStory {
 public:
  MonthStory(const RunReport& r, std::vector<int>& text) : r_(r), s_(*r.scenario), text_(text) {}
  void add(const Event& e) {
    const std::string w = where(r_, e);
    if (e.type == EventType::meeting || e.type == EventType::proposal ||
        e.type == EventType::adopted || e.type == EventType::package_trade) {
      if (!tally_.count(w) && e.type != EventType::package_trade) order_.push_back(w);
      Tally& t = tally_[w];
      if (e.type == EventType::meeting) {
        t.level = to_string(e.level);
        ++t.meetings;
        t.sides = e.sides;
      } else if (e.type == EventType::proposal) {
        t.level = to_string(e.level);
        ++t.proposals;
      } else {
        if (e.type == EventType::adopted) t.level = to_string(e.level);
        ++t.adopted;
        const auto next = s_.package_at(e.package);
        notes_.push_back(fmt::format("  {}: {} {}", w,
                                     e.type == EventType::adopted ? "adopted" : "PACKAGE TRADE",
                                     format_changes(s_, text_, next)));
        text_ = next;
      }
      return;
    }
    if (std::string note = event_note(s_, e, w); !note.empty()) notes_.push_back(std::move(note));
  }
  std::string text(int month) {
    std::string out = fmt::format("Month {}\n", month);
    for (const auto& w : order_) {
      const Tally& t = tally_[w];
      out += fmt::format(
          "  {}: {} meeting{} ({}, {}), {} proposal{}, {} adopted\n", w.empty() ? "offers" : w,
          t.meetings, t.meetings == 1 ? "" : "s", t.level,
          t.sides > 1 ? fmt::format("shuttle between {} sides", t.sides) : std::string("direct"),
          t.proposals, t.proposals == 1 ? "" : "s", t.adopted);
    }
    for (const auto& n : notes_) out += n + "\n";
    return out;
  }

 private:
  const RunReport& r_;
  const Scenario& s_;
  std::vector<int>& text_;
  std::map<std::string, Tally> tally_;
  std::vector<std::string> order_, notes_;
};

}  // namespace

std::string run_narrative(const RunReport& r) {
  const auto& ev = r.result->events;
  std::string out;
  std::vector<int> text = r.scenario->default_package();
  for (std::size_t i = 0; i < ev.size();) {
    const int month = ev[i].month;
    MonthStory story(r, text);
    for (; i < ev.size() && ev[i].month == month; ++i) story.add(ev[i]);
    out += story.text(month);
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
  if (res.normalisation >= 0)
    out += res.normalisation == 1
               ? "Normalisation tracks: agreed (a separate outcome from the war's end).\n"
               : "Normalisation tracks: still open (a separate outcome: the war's end does not "
                 "wait for them).\n";
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

}  // namespace parley::report

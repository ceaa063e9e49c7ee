#include "report/event_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace parley::report {

using engine::Event;
using engine::EventType;

std::string party_id(const Scenario& s, int p) {
  return p >= 0 ? s.parties[static_cast<std::size_t>(p)].id : std::string("?");
}

std::vector<std::string> allowed_options(const Scenario& s, const engine::Event& e) {
  std::vector<std::string> out;
  const auto& options = s.issues[static_cast<std::size_t>(e.issue)].options;
  for (std::size_t o = 0; o < options.size(); ++o)
    if (o >= 64 || ((e.package >> o) & 1u)) out.push_back(options[o].id);
  return out;
}

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
  if (w.stalled > 0) parts.push_back(fmt::format("{} months without progress", w.stalled));
  if (w.leaked >= 0) parts.push_back(fmt::format("after a leak exposed {}", party_id(s, w.leaked)));
  if (w.refusing >= 0)
    parts.push_back(fmt::format("while {} refuses a seat", party_id(s, w.refusing)));
  if (w.after >= 0)
    parts.push_back(
        fmt::format("after {}", s.dynamics.leverage[static_cast<std::size_t>(w.after)].id));
  if (parts.empty()) return "always (month 0)";
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string event_note(const Scenario& s, const Event& e, const std::string& w) {
  switch (e.type) {
    case EventType::consensus:
      return fmt::format("  {}: CONSENSUS — every member endorses; its open items are agreed", w);
    case EventType::deadlock:
      return fmt::format("  {}: deadlock ({} {} without an adopted change){}", w,
                         s.process.escalate_after, e.group >= 0 ? "rounds" : "channel meetings",
                         e.group >= 0 ? "" : " — the waiting groups go back to work");
    case EventType::escalation:
      return fmt::format("  {}: escalated to the {} level", w, to_string(e.level));
    case EventType::merge:
      return fmt::format("  {}: refusals lapsed — the shuttle groups merge; direct talks from now",
                         w);
    case EventType::principle_fixed:
    case EventType::principle_revised:
      return fmt::format(
          "  {}: principle {} for the groups: {} in {{{}}}", w,
          e.type == EventType::principle_fixed ? "fixed" : "revised (it left no acceptable text)",
          s.issues[static_cast<std::size_t>(e.issue)].id, fmt::join(allowed_options(s, e), ", "));
    case EventType::framework_signed:
      return "  ** FRAMEWORK AGREEMENT SIGNED **";
    case EventType::ceasefire_started:
      return "  ** ceasefire starts **";
    case EventType::final_signed:
      return "  ** FINAL AGREEMENT SIGNED **";
    case EventType::leak:
      return fmt::format(
          "  {}: LEAK — {}'s concessions exposed; its reservation hardens, its trust falls",
          w.empty() ? std::string("leader channel") : w, party_id(s, e.party));
    case EventType::leverage: {
      const Leverage& lv = s.dynamics.leverage[static_cast<std::size_t>(e.instrument)];
      return fmt::format("  LEVERAGE {} ({}): {} on {} — trigger: {}", lv.id, lv.instrument,
                         party_id(s, lv.by), party_id(s, lv.target), describe_trigger(s, lv.when));
    }
    case EventType::walkout:
      return fmt::format(
          "  WALKOUT: {}'s trust in the mediator fell below its floor; it leaves the talks",
          party_id(s, e.party));
    case EventType::returned:
      return fmt::format("  {} returns to the talks", party_id(s, e.party));
    case EventType::ceasefire_collapsed:
      return "  ** CEASEFIRE COLLAPSED ** — war costs resume, trust falls, the framework is "
             "reopened";
    case EventType::position_yielded:
      return fmt::format(
          "  {} yields its stated position {}={}: the text on the table, net of "
          "the audience cost, is now worth more to it than fighting on",
          party_id(s, e.party), s.issues[static_cast<std::size_t>(e.issue)].id,
          s.issues[static_cast<std::size_t>(e.issue)]
              .options[static_cast<std::size_t>(e.option)]
              .id);
    case EventType::rejected:
      if (e.group < 0 && e.party >= 0 && s.process.protocol == Protocol::alternating_offers)
        return fmt::format("  {} rejects the offer",
                           s.parties[static_cast<std::size_t>(e.party)].id);
      break;
    default:
      break;
  }
  return {};
}

}  // namespace parley::report

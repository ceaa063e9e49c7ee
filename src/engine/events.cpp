#include "engine/events.hpp"

namespace parley::engine {

const char* to_string(EventType type) {
  switch (type) {
    case EventType::meeting:
      return "meeting";
    case EventType::proposal:
      return "proposal";
    case EventType::adopted:
      return "adopted";
    case EventType::rejected:
      return "rejected";
    case EventType::consensus:
      return "consensus";
    case EventType::deadlock:
      return "deadlock";
    case EventType::escalation:
      return "escalation";
    case EventType::principle_fixed:
      return "principle_fixed";
    case EventType::package_trade:
      return "package_trade";
    case EventType::merge:
      return "merge";
    case EventType::framework_signed:
      return "framework_signed";
    case EventType::ceasefire_started:
      return "ceasefire_started";
    case EventType::final_signed:
      return "final_signed";
    case EventType::leak:
      return "leak";
    case EventType::leverage:
      return "leverage";
    case EventType::walkout:
      return "walkout";
    case EventType::returned:
      return "returned";
    case EventType::ceasefire_collapsed:
      return "ceasefire_collapsed";
    case EventType::position_yielded:
      return "position_yielded";
    case EventType::principle_revised:
      return "principle_revised";
  }
  return "?";
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::final_agreement:
      return "final_agreement";
    case Outcome::framework_only:
      return "framework_only";
    case Outcome::ceasefire_collapsed:
      return "ceasefire_collapsed";
    case Outcome::walkout:
      return "walkout";
    case Outcome::no_agreement:
      return "no_agreement";
  }
  return "?";
}

}  // namespace parley::engine

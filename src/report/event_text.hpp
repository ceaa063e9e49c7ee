#pragma once
// Events of a run in words (the narrative of `parley run`): one line per notable event, and a
// leverage trigger described as its conditions.
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "engine/events.hpp"

namespace parley::report {

/// "p" → its id ("?" for none).
std::string party_id(const Scenario& s, int p);

/// A trigger in words ("from month 3, group territory deadlocked").
std::string describe_trigger(const Scenario& s, const Trigger& w);

/// The ids of the options a principle event allows (its `package` bit set).
std::vector<std::string> allowed_options(const Scenario& s, const engine::Event& e);

/// The narrative's line for a notable event at table `where` (empty: the event is not one
/// the narrative lists on a line of its own: meetings, proposals, adoptions, most rejections).
std::string event_note(const Scenario& s, const engine::Event& e, const std::string& where);

}  // namespace parley::report

#pragma once
// One round of the single negotiating text (Raiffa 1982; mediated as in Klein et al. 2003;
// docs/model.md, "Single negotiating text"): the mediator proposes a change of the open issues;
// every voter judges the whole new text against the current one (privately to the mediator in
// shuttle format, visibly at a direct table); the change is adopted only if all accept.
#include <cstdint>
#include <span>

#include "core/process.hpp"

namespace parley::engine {

struct Run;

/// A round of design group `group` (-1: a leader channel with `party`) at `level` over the
/// `open` issues; `cross_topic`: the change may span groups (leader level). Returns true if
/// a change was adopted (the `adopted` event is the last logged).
bool negotiate_round(Run& run, int group, Level level, std::span<const int> open,
                     std::span<const int> voters, bool cross_topic, int party);

/// Stakeholder k's endorsement of the text as it stands (would it sign it now?).
bool endorses(Run& run, std::size_t k);

/// Stated positions of stakeholder k that the text crosses and did not cross `before` (its
/// red-line set then), not yet given up: logged as `position_yielded` (docs/model.md, "Red
/// lines and stated positions"). `before` = 0 at a signing: the party signs what it crosses.
void log_yielded_positions(Run& run, std::size_t k, std::uint64_t before);

}  // namespace parley::engine

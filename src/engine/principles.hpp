#pragma once
// Principles as the leader channel sets them (docs/model.md, "Principles"). An adopted
// cross-topic trade sets a principle on each issue it moved: the issue is restricted to the
// options with which a deal stays possible for everyone at the table — the projection on that
// issue of the ZOPA of the whole package, given the other principles and the issues already
// agreed, at today's reservations. When no deal is possible yet (or the check is too large to
// decide), the traded option is held on its own, provisionally. At every later leader-channel
// meeting a principle that leaves no acceptable text, while one exists without it, is revised to
// its projection (a `principle_revised` event).
#include <cstdint>

namespace parley::engine {

struct Run;

/// The options of issue i the principles allow, as a bit set (all bits: no principle).
inline constexpr std::uint64_t kAnyOption = ~std::uint64_t{0};

/// Sets the principles of the leader-channel trade just adopted (run.scratch.change).
void set_principles(Run& run, int partner);

/// Revises the first principle that leaves no acceptable text while one exists without it.
void revise_principles(Run& run, int partner);

/// Does the text stand within every principle on the issues of group g (g < 0: all issues)?
bool within_principles(const Run& run, int g);

}  // namespace parley::engine

#pragma once
// The forces at the start of a month (docs/model.md, "Dynamics"), in this order: walkouts that
// have run their time end; the fatigue of the month that ended is added (at the κ then in
// force); leverage triggers fire; the effects in force are gathered (κ, reservation shifts,
// leak hardening); reservations are recomputed; option values are updated; walkouts are
// checked; the ceasefire hazard is drawn; the month's costs are booked.
namespace parley::engine {

struct Run;

void start_month(Run& run);

}  // namespace parley::engine

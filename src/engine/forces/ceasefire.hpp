#pragma once
// The ceasefire and its hazard (docs/model.md, "Ceasefire hazard"; Fortna 2003, 2004): from the
// month after the framework is signed, while the ceasefire holds, it breaks down in a month
// with probability
//   h = min(1, h₀ · Π_{factors whose options the text has} m_f · exp(−w · (T̄ − T_ref)))
// T̄ the mean trust among the parties with preferences.
namespace parley::engine {

struct Run;

struct CeasefireState {
  bool in_force = false;
  int signed_month = -1;  // month of the framework that started it
};

/// Draws this month's breakdown; true if the ceasefire broke down (the caller reopens the
/// process: see stages.hpp).
bool ceasefire_breaks(Run& run);

}  // namespace parley::engine

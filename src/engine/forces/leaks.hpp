#pragma once
// Leaks and audience costs (docs/model.md, "Leaks and audience costs"; Fearon 1994): a meeting
// leaks with probability p = min(1, π · n · λ_level · (σ if shuttle)); the exposed party's
// reservation hardens by its audience cost for a while and its trust in the others at the
// table falls. This is the price of publicity that confidential talks avoid.
#include <span>
#include <vector>

#include "core/process.hpp"

namespace parley::engine {

struct Run;

struct LeakState {
  struct Hardening {
    int party, until;  // scenario party; first month it no longer holds
    double amount;
  };
  std::vector<Hardening> hardening;  // in force
};

/// A meeting of `participants` (scenario party indices) at `level` may leak. Returns true
/// if it did (the caller then checks walkouts: trust fell).
bool maybe_leak(Run& run, int group, Level level, std::span<const int> participants, bool shuttle);

/// Drops expired hardening and adds what is still in force to the reservation shifts.
void apply_hardening(Run& run);

}  // namespace parley::engine

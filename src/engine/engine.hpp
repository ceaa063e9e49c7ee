#pragma once
// One run of the negotiating process (docs/model.md, "The negotiating process") under one
// design: working groups on a single negotiating text (direct or shuttle), escalation to the
// leader channel, stages (elements -> framework + ceasefire -> final text), or bilateral
// alternating offers, with the forces of the dynamics section. A run is a pure function of
// (scenario, design, seed, its numbers): same inputs, same events, whatever runs alongside.
// Where each concept lives: docs/architecture.md.
#include <cstdint>
#include <memory>
#include <span>

#include "core/mechanisms.hpp"
#include "core/scenario.hpp"
#include "core/utility.hpp"
#include "engine/events.hpp"

namespace parley::engine {

/// What a run takes besides its seed: the numbers it uses — the scenario the engine was
/// built on, or a copy of it with the same structure and other numbers (a sweep's draw) —
/// and whether they moved the reservation trajectory since the last run (then the ZOPA's
/// opening month, the reference of the cost of delay, is recomputed).
struct RunInputs {
  const Scenario* numbers = nullptr;  // null: the engine's own scenario
  bool trajectory_changed = false;
};

class Engine {
 public:
  /// `design`: index into scenario.process.designs. The engine keeps a reference to
  /// `scenario` (its structure), which must outlive it.
  Engine(const Scenario& scenario, std::size_t design);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Leverage instruments available to the runs that follow (per instrument; empty: all).
  void set_enabled(std::span<const unsigned char> enabled);
  /// Switches mechanisms off for the following runs (docs/model.md, "Switching a mechanism off").
  void set_without(Without without);
  /// Equal effort: B proposals a month spread over the design's tables instead of their
  /// cadences (docs/model.md, "Equal effort"); 0 switches it off.
  void set_effort_budget(double proposals_per_month);
  /// Runs from scratch; reuses `out`'s storage (no allocation per meeting once warm).
  void run(std::uint64_t seed, RunResult& out, const RunInputs& inputs = {});
  RunResult run(std::uint64_t seed) {
    RunResult r;
    run(seed, r);
    return r;
  }
  [[nodiscard]] const UtilityModel& model() const;
  /// Design group index -> GroupSpec.
  [[nodiscard]] const GroupSpec& group(int g) const;
  /// The month the ZOPA first opens under the scenario's own trajectory (r(0) − κ·t
  /// and option drift, no run events); -1 if never within the horizon or unknown.
  [[nodiscard]] int zopa_month() const;
  /// trust(from -> to) as the last run left it (scenario party indices).
  [[nodiscard]] double trust(int from, int to) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::engine

// A complete example of adding a party strategy to parley (docs/strategies.md).
//
// "Reciprocator": accepts any improvement; otherwise accepts a concession of at
// most `slack` below the current text, but only while the others at the table
// have been accepting at least as often as it has (it watches their votes, which
// it may see only at a direct-format table). It endorses a text at or above its
// reservation value plus `margin`.
//
// Build: part of the normal build (target custom_strategy_example).
// Run:   build/examples/custom_strategy_example scenarios/logroll.yaml
#include <fmt/format.h>

#include <iostream>

#include "engine/engine.hpp"
#include "load/scenario_yaml.hpp"
#include "strategies/strategy.hpp"

namespace {

using namespace parley;

class Reciprocator final : public engine::PartyStrategy {
 public:
  Reciprocator(double slack, double margin) : slack_(slack), margin_(margin) {}

  // Everything a strategy may know comes through the PartyView: its own utility
  // of any package, its own reservation value, the time, and the proposal.
  bool accept(const engine::PartyView& view) override {
    if (const int rl = view.red_line_change(); rl != 0) return rl < 0;  // red lines first
    const bool improvement = view.utility_proposed() >= view.utility_current();
    const bool small = view.utility_proposed() >= view.utility_current() - slack_;
    const bool yes = improvement || (small && others_yes_ >= my_yes_);
    my_yes_ += yes ? 1 : 0;
    return yes;
  }

  bool endorse(const engine::PartyView& view) override {
    return view.red_lines_current() == 0 && view.utility_current() >= view.reservation() + margin_;
  }

  // Called at the start of every run (an engine reuses its strategies).
  void reset() override { my_yes_ = others_yes_ = 0; }

  // Called only at direct-format tables: the votes everyone cast there.
  void observe(std::span<const engine::TableVote> votes) override {
    for (const auto& v : votes) others_yes_ += v.accept ? 1 : 0;
    others_yes_ -= 1;  // minus (about) its own vote, which is in the list too
  }

 private:
  double slack_, margin_;
  long my_yes_ = 0, others_yes_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  // 1. Register the strategy under a name, with its parameters, before loading a
  //    scenario. Each parameter is declared once (name, default, range, meaning): the loader
  //    validates scenarios against it and the factory reads values (or defaults) through it.
  engine::register_party_strategy(
      {"reciprocator",
       "concedes a little while the others do",
       {{"slack", 0.05, 0, 1, "largest concession it accepts while the others reciprocate"},
        {"margin", 0.05, 0, 1, "utility above its reservation it needs to sign"}},
       false},
      [](const engine::StrategyParams& p) {
        return std::make_unique<Reciprocator>(p["slack"], p["margin"]);
      });
  // 2. Use it from a scenario (`strategies: {candidate: {type: reciprocator, slack: 0.1}}`)
  //    or, as here, by editing the loaded scenario.
  try {
    Scenario s = load::resolve_scenario(argc > 1 ? argv[1] : "scenarios/logroll.yaml");
    for (auto& st : s.process.strategies) st = StrategySpec{"reciprocator", {{"slack", 0.1}}};
    // 3. Run it.
    engine::Engine e(s, 0);
    const engine::RunResult r = e.run(s.process.seed);
    fmt::print("{}: {} (framework month {}, final month {}, {} rounds)\n", s.name,
               engine::to_string(r.outcome), r.framework_month, r.final_month, r.rounds);
    for (std::size_t k = 0; k < r.utility.size(); ++k)
      fmt::print("  {}: utility {:.4f}, reservation {:.4f}\n",
                 s.parties[static_cast<std::size_t>(e.model().party_index(k))].id, r.utility[k],
                 r.reservation[k]);
  } catch (const std::exception& ex) {
    std::cerr << "error: " << ex.what() << "\n";
    return 1;
  }
  return 0;
}

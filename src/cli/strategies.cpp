// parley strategies: the registered party and mediator strategies with their parameters.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "strategies/registry.hpp"

namespace parley::cli {
namespace {

void print_kind(const char* title, const std::vector<engine::StrategyInfo>& infos) {
  fmt::print("{}\n", title);
  for (const auto& s : infos) {
    fmt::print("  {}{}\n      {}\n", s.name, s.full_information ? "  (full information)" : "",
               s.description);
    for (const auto& p : s.params)
      fmt::print("      {}: default {}; {}{:g} to {:g}; {}\n", p.name,
                 p.fallback_note.empty() ? fmt::format("{:g}", p.fallback) : p.fallback_note,
                 p.whole ? "a whole number, " : "", p.lo, p.hi, p.meaning);
  }
}

}  // namespace

void add_strategies_command(CLI::App& app) {
  auto markdown = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("strategies",
                                 "List the party and mediator strategies with their parameters");
  cmd->add_flag("--markdown", *markdown,
                "the tables of docs/strategies.md and docs/scenario-format.md");
  cmd->callback([markdown] {
    if (*markdown) {
      fmt::print("{}\n{}", engine::strategies_markdown(true), engine::strategies_markdown(false));
      return;
    }
    print_kind("Party strategies (process.strategies)", engine::party_strategies());
    fmt::print("\n");
    print_kind("Mediator strategies (process.mediator_strategy)", engine::mediator_strategies());
  });
}

}  // namespace parley::cli

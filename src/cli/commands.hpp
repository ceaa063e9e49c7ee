#pragma once
// Each file under cli/ registers its subcommands here. Commands throw
// parley::ValidationError (exit 2) or other exceptions (exit 1); main maps them.
#include <CLI/CLI.hpp>
#include <string>

namespace parley::cli {

/// Help text of every command's FILE argument (load::resolve_scenario accepts all three).
std::string file_help();

void add_basic_commands(CLI::App& app);      // validate, info, eval, scenarios, show
void add_analyze_command(CLI::App& app);     // analyze
void add_run_command(CLI::App& app);         // run
void add_sweep_commands(CLI::App& app);      // sweep, compare, sensitivity
void add_strategies_command(CLI::App& app);  // strategies

}  // namespace parley::cli

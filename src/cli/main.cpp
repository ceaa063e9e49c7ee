// parley: command-line entry point. Thin: parses arguments, calls the library,
// maps errors to exit codes (0 ok, 1 failure, 2 invalid input or usage).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "parley/version.hpp"
#include "sim/mpi.hpp"

int main(int argc, char** argv) {
  // With the MPI build, every rank runs this; without, a single rank.
  parley::sim::Mpi::instance().init(&argc, &argv);
  struct Finalize {
    ~Finalize() { parley::sim::Mpi::instance().finalize(); }
  } finalize;
  CLI::App app{"parley: model, simulate and analyse multi-party mediated negotiations"};
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);
  parley::cli::add_basic_commands(app);
  parley::cli::add_analyze_command(app);
  parley::cli::add_run_command(app);
  parley::cli::add_sweep_commands(app);
  parley::cli::add_strategies_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const parley::ValidationError& e) {
    std::fflush(stdout);
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    std::cerr << e.diagnostics().size() << (e.diagnostics().size() == 1 ? " error\n" : " errors\n");
    return 2;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::cerr << "parley: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

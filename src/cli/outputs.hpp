#pragma once
// The files a command writes, checked before any work and written after its report is
// printed (docs/cli.md#outputs).
#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/scenario.hpp"

namespace parley::cli {

struct Output {
  std::string option;  // "--json", "--csv", "--store", ...
  std::string path;    // "-": standard output; empty: not asked for
  bool store = false;  // a results store: opened in place, and may already exist
};

/// Before any work. Refuses (ValidationError, exit 2) an output given as an empty path,
/// one that is a file the scenario is read from, one that is the same file as another
/// output (compared by filesystem identity, so "./s.yaml", hard links and symbolic links
/// count), and two outputs on standard output. Then checks that each output can be
/// written (report::check_output: its folder exists and is writable, ...; Error, exit 1).
void check_outputs(const CLI::App& cmd, const std::vector<Output>& outputs, const Scenario& s);

/// Whether one of the outputs is standard output (then the command prints no report).
bool takes_standard_output(const std::vector<Output>& outputs);

/// Writes each (path, text), all of them even when one fails, after `failures` already
/// met; then throws one Error listing every failure.
void write_outputs(const std::vector<std::pair<std::string, std::string>>& files,
                   std::vector<std::string> failures = {});

}  // namespace parley::cli

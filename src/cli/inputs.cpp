#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "load/builtin.hpp"
#include "load/scenario_yaml.hpp"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

Scenario load(const std::string& file, const std::string& variant) {
  try {
    return load::resolve_scenario(file, variant);
  } catch (const fs::filesystem_error& e) {
    throw Error(file + ": cannot read: " + e.code().message());
  }
}

}  // namespace

Scenario load_scenario_argument(const std::string& file, bool given, const std::string& variant) {
  if (given && file.empty())
    throw ValidationError(
        {Diagnostic{"FILE", 0, 0, "the scenario path is empty",
                    "name a scenario file, a GENIUS domain folder or a built-in scenario (parley "
                    "scenarios), or leave the argument out for the default, " +
                        std::string(kDefaultScenario)}});
  if (!file.empty()) {
    std::error_code ec;
    (void)fs::status(file, ec);  // a loop of links, a path through a file, ...
    if (ec && ec != std::errc::no_such_file_or_directory)
      throw Error(file + ": cannot read: " + ec.message());
  }
  Scenario s = load(file, variant);
  try {
    (void)s.space();
  } catch (const ValidationError&) {
    throw;
  } catch (const Error& e) {
    throw Error(s.source + ": " + e.what());
  }
  return s;
}

void add_variant_option(CLI::App& cmd, std::string& variant) {
  cmd.add_option("--variant", variant,
                 "a variant of the scenario, named in its 'variants' section (parley validate "
                 "lists them)");
}

}  // namespace parley::cli

#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "io/builtin.hpp"
#include "io/scenario_yaml.hpp"
#include "sim/digest.hpp"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

const BuiltinScenario* builtin_of(const Scenario& s) {
  const std::string prefix = "builtin:";
  return s.source.rfind(prefix, 0) == 0 ? find_builtin(s.source.substr(prefix.size())) : nullptr;
}

bool is_folder(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

Scenario load(const std::string& file) {
  try {
    return io::resolve_scenario(file);
  } catch (const fs::filesystem_error& e) {
    throw Error(file + ": cannot read: " + e.code().message());
  }
}

}  // namespace

Scenario load_scenario_argument(const std::string& file, bool given) {
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
  Scenario s = load(file);
  try {
    (void)s.space();
  } catch (const ValidationError&) {
    throw;
  } catch (const Error& e) {
    throw Error(s.source + ": " + e.what());
  }
  return s;
}

std::vector<std::string> input_files(const Scenario& s) {
  if (builtin_of(s)) return {};
  if (!is_folder(s.source)) return {s.source};
  std::vector<std::string> xmls;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(s.source, ec))
    if (e.is_regular_file(ec) && e.path().extension() == ".xml") xmls.push_back(e.path().string());
  std::sort(xmls.begin(), xmls.end());
  return xmls;
}

std::string inputs_digest(const Scenario& s) {
  sim::Sha256 h;
  if (const BuiltinScenario* b = builtin_of(s)) {
    h.field("builtin").field(b->name).field(b->yaml);
  } else if (!is_folder(s.source)) {
    std::error_code ec;
    if (!fs::is_regular_file(s.source, ec))
      throw Error(s.source +
                  ": a results store signs the scenario's contents, which needs a regular "
                  "file; save the scenario to a file first");
    h.field("file").field(io::read_file(s.source));
  } else {
    h.field("genius");
    for (const auto& f : input_files(s))
      h.field(fs::path(f).filename().string()).field(io::read_file(f));
  }
  return h.hex();
}

}  // namespace parley::cli

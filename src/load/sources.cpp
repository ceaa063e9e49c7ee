#include "load/sources.hpp"

#include <algorithm>
#include <filesystem>

#include "core/digest.hpp"
#include "core/errors.hpp"
#include "load/builtin.hpp"
#include "load/scenario_yaml.hpp"

namespace parley::load {
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

}  // namespace

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
  Sha256 h;
  if (const BuiltinScenario* b = builtin_of(s)) {
    h.field("builtin").field(b->name).field(b->yaml);
  } else if (!is_folder(s.source)) {
    std::error_code ec;
    if (!fs::is_regular_file(s.source, ec))
      throw Error(s.source +
                  ": a results store signs the scenario's contents, which needs a regular "
                  "file; save the scenario to a file first");
    h.field("file").field(load::read_file(s.source));
  } else {
    h.field("genius");
    for (const auto& f : input_files(s))
      h.field(fs::path(f).filename().string()).field(load::read_file(f));
  }
  if (!s.variant.empty()) h.field("variant").field(s.variant);
  return h.hex();
}

}  // namespace parley::load

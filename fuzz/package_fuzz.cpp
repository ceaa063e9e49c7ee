// Fuzzes package strings ("issue=option,...", or a named package) against a fixed
// scenario: any input must either parse to a valid package, which formats and parses
// back to itself, or raise parley::ValidationError.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.hpp"
#include "load/package.hpp"
#include "load/scenario_yaml.hpp"
#include "report/package_text.hpp"

namespace {

// Three issues, a named package and an option id with multibyte UTF-8.
const char* kScenario = R"(parley: 1
name: fuzz
parties: [{id: a}, {id: b}]
issues:
  - {id: salary, options: [low, mid, high], default: mid}
  - {id: remote, options: [none, some, all]}
  - {id: 地点, options: [北京, remote]}
preferences:
  a: {weights: {salary: 2, remote: 1, 地点: 1}, values: {salary: [1, 0.5, 0], remote: [1, 0.5, 0], 地点: [1, 0]}}
  b: {weights: {salary: 1, remote: 2}, values: {salary: [0, 0.5, 1], remote: [0, 0.5, 1]}}
packages:
  - {id: logroll, options: {salary: low, remote: all}}
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parley::Scenario s = parley::load::load_scenario_text(kScenario, "fuzz.yaml");
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto x = parley::load::parse_package(s, text);
    if (x.size() != s.issues.size()) std::abort();
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i] < 0 || static_cast<std::size_t>(x[i]) >= s.issues[i].options.size()) std::abort();
    if (parley::load::parse_package(s, parley::report::format_package(s, x)) != x) std::abort();
  } catch (const parley::ValidationError&) {
  }
  return 0;
}

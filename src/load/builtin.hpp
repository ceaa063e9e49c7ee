#pragma once
// Scenarios compiled into the binary from scenarios/*.yaml.
#include <string_view>
#include <vector>

namespace parley {

struct BuiltinScenario {
  std::string_view name;  // file name without .yaml
  std::string_view yaml;
};

const std::vector<BuiltinScenario>& builtin_scenarios();

/// The scenario used when a command is given no file.
inline constexpr std::string_view kDefaultScenario = "ukraine-2025";

inline const BuiltinScenario* find_builtin(std::string_view name) {
  for (const auto& b : builtin_scenarios())
    if (b.name == name) return &b;
  return nullptr;
}

}  // namespace parley

#pragma once
// Loading and validating scenario files (docs/scenario-format.md).
#include <cstddef>
#include <string>

#include "core/scenario.hpp"

namespace parley::load {

/// Parses and validates a scenario. Throws parley::ValidationError carrying every
/// problem found (file:line:col, what is wrong, what would be right). Text that breaks the
/// encoding rules (io/encoding.hpp) or YAML that io/yaml_guard.hpp refuses is reported alone;
/// a problem reached through several aliases is reported once. Every variant of the file
/// (`variants:`) is loaded too, so an error in any of them is reported; a non-empty `variant`
/// returns that variant (its name marked "[variant: ID]"), and a ValidationError listing the
/// variants if the file has none of that name.
Scenario load_scenario_text(const std::string& text, const std::string& file,
                            const std::string& variant = {});

/// Reads a file, then load_scenario_text. Throws parley::Error if it cannot be read.
Scenario load_scenario_file(const std::string& path, const std::string& variant = {});

/// A file path, or a built-in scenario name, or (empty) the default built-in; with `variant`,
/// that variant of it (a GENIUS domain has none).
Scenario resolve_scenario(const std::string& path_or_name, const std::string& variant = {});

/// The largest scenario or domain file parley reads.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;  // 64 MiB

/// The bytes of a file. Throws parley::Error for a directory, a loop of symbolic links or a
/// file that cannot be read, and ValidationError for more than kMaxInputBytes (so endless
/// inputs such as /dev/zero stop there).
std::string read_file(const std::string& path);

}  // namespace parley::load

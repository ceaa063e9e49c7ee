#pragma once
// Checks on yaml-cpp's event stream before a document is loaded, for what yaml-cpp would
// otherwise accept silently or fail on obscurely (docs/scenario-format.md#encoding-and-limits).
#include <cstddef>
#include <string>

#include "load/yaml_reader.hpp"

namespace parley::load {

/// The deepest nesting of lists and mappings a file may have.
inline constexpr int kMaxYamlDepth = 64;
/// How many nodes the aliases (*name) of a file may stand for in total, counted expanded.
inline constexpr std::size_t kMaxAliasNodes = 10000;

/// Reports to `reader` and returns false for: a YAML syntax error (with the line where a
/// quoted text spanning lines opened, if one did before the error); a quoted text that is
/// never closed (at the line where it opened); a second document (after `---` or `...`);
/// an explicit tag such as `!!binary`; nesting deeper than kMaxYamlDepth; an alias inside
/// the node it names; aliases expanding to more than kMaxAliasNodes nodes.
bool check_yaml_events(const std::string& text, YamlReader& reader);

}  // namespace parley::load

#pragma once
// What a scenario was read from: its file, the .xml files of its GENIUS folder, or a built-in
// scenario's text. Outputs may not name these files, and a results store signs their contents.
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::load {

/// The files a scenario was read from: its file, or every .xml file of its GENIUS
/// folder (name order); none for a built-in scenario.
std::vector<std::string> input_files(const Scenario& s);

/// SHA-256 of what the scenario was read from: the built-in's text, the file's bytes,
/// or each .xml file's name and bytes of a GENIUS folder; then the variant applied, if any.
std::string inputs_digest(const Scenario& s);

}  // namespace parley::load

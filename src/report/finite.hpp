#pragma once
// No NaN or infinity reaches an output: the numbers of every table, CSV and JSON record pass
// through here, and a non-finite one is an internal error naming its field, never "nan".
#include <nlohmann/json.hpp>

#include <string_view>

namespace parley::report {

/// `v`, or throws parley::Error("... <field><detail> is nan ...") if it is not finite.
double finite(double v, std::string_view field, std::string_view detail = {});

/// `j` unchanged, or throws parley::Error naming the path of its first non-finite number
/// ("parley analyze --json: solutions[0].utilities.a is nan").
nlohmann::ordered_json finite_json(nlohmann::ordered_json j, std::string_view what);

}  // namespace parley::report

#include "report/finite.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"

namespace parley::report {
namespace {

[[noreturn]] void refuse(double v, const std::string& field) {
  throw Error("internal error: " + field + " is " + (std::isnan(v) ? "nan" : "infinite") +
              "; refusing to write it (please report this with the input that caused it)");
}

/// The path of the first non-finite number below `j` ("" if none), appended to `path`.
bool find_non_finite(const nlohmann::ordered_json& j, std::string& path, double& bad) {
  if (j.is_number_float()) {
    bad = j.get<double>();
    return !std::isfinite(bad);
  }
  const std::size_t keep = path.size();
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      path += (path.empty() ? "" : ".") + it.key();
      if (find_non_finite(it.value(), path, bad)) return true;
      path.resize(keep);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      path.append("[").append(std::to_string(i)).append("]");
      if (find_non_finite(j[i], path, bad)) return true;
      path.resize(keep);
    }
  }
  return false;
}

}  // namespace

double finite(double v, std::string_view field, std::string_view detail) {
  if (!std::isfinite(v)) refuse(v, std::string(field) + std::string(detail));
  return v;
}

nlohmann::ordered_json finite_json(nlohmann::ordered_json j, std::string_view what) {
  std::string path;
  double bad = 0;
  if (find_non_finite(j, path, bad)) refuse(bad, std::string(what) + ": " + path);
  return j;
}

}  // namespace parley::report

#pragma once
// A small layer over yaml-cpp that turns every problem into a Diagnostic with
// file:line:column and keeps going, so one pass reports all errors of a file.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/uncertain.hpp"

namespace parley::load {

/// The smallest shape of a beta distribution (docs/scenario-format.md#uncertainty). Below
/// it most of the mass lies within rounding of the two ends: beta(0.02, 0.02) draws exactly
/// lo or hi a quarter of the time, and shapes near 0.001 make the gamma sampler's ratio 0/0
/// (NaN). No one means that as a belief about a number: give the number, or a wider shape.
inline constexpr double kMinBetaShape = 0.05;

/// The ids of a list of parties, issues, options, groups, units... (for references and hints).
std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  [[nodiscard]] bool ok() const { return diagnostics_.empty(); }

  void error(const YAML::Node& at, std::string message, std::string hint = {});
  void error(const YAML::Mark& at, std::string message, std::string hint = {});

  /// Reports keys of `map` not in `allowed` (with a "did you mean") and duplicated keys.
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                  const std::string& what);
  /// Type checks that report and return false on mismatch.
  bool expect_map(const YAML::Node& node, const std::string& what);
  bool expect_seq(const YAML::Node& node, const std::string& what);

  /// Field accessors: report a missing required field at `map`, a wrong type at the value.
  std::optional<std::string> string_field(const YAML::Node& map, const std::string& key,
                                          const std::string& what, bool required);
  std::optional<double> number_field(const YAML::Node& map, const std::string& key,
                                     const std::string& what, bool required);
  std::optional<bool> bool_field(const YAML::Node& map, const std::string& key,
                                 const std::string& what);
  /// A scalar read as a finite number; reports NaN/inf and non-numbers.
  std::optional<double> number(const YAML::Node& node, const std::string& what);
  std::optional<long long> integer_field(const YAML::Node& map, const std::string& key,
                                         const std::string& what, bool required);
  /// A number that must lie in [lo, hi]. It may also be a distribution
  /// ({uniform: [lo, hi]}, {normal: [mean, sd]} or [mean, sd, min, max],
  /// {triangular: [lo, mode, hi]}, {beta: [a, b]} or [a, b, lo, hi]) within
  /// [lo, hi]: then the distribution's mean is returned and the caller must
  /// bind() it to the field, or loading reports that the field cannot be uncertain.
  std::optional<double> number_in(const YAML::Node& node, const std::string& what, double lo,
                                  double hi);
  /// Binds the distribution just read by number_in (if it was one) to a field.
  /// `affects`: what the value changes besides the run (Affects flags).
  void bind(std::string path, std::function<void(Scenario&, double)> set,
            unsigned affects = kRunOnly);
  /// Reports distributions nobody bound; returns the bound ones.
  std::vector<Uncertain> take_uncertain();

  /// Reports `id` if an item of `so_far` already has it; returns false for a
  /// duplicate (which the caller then skips).
  template <class T>
  bool check_unique(const YAML::Node& at, const std::vector<T>& so_far, const std::string& id,
                    const std::string& kind) {
    for (const auto& x : so_far)
      if (x.id == id) {
        error(at, "duplicate " + kind + " id '" + id + "'", "ids must be unique");
        return false;
      }
    return true;
  }

  /// Reference to a named thing: reports an unknown name with the closest candidate.
  /// Returns the index in `names` or -1.
  int reference(const YAML::Node& node, const std::vector<std::string>& names,
                const std::string& kind, const std::string& context);

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  struct Pending {
    YAML::Mark mark;
    std::string what;
    Uncertain u;
    bool bound = false;
  };
  std::vector<Pending> pending_;
  bool last_was_distribution_ = false;
  std::optional<double> distribution(const YAML::Node& node, const std::string& what, double lo,
                                     double hi);
};

/// Parses YAML text after check_yaml_events (io/yaml_guard.hpp); a syntax error or a refused
/// construct becomes a diagnostic and returns nullopt.
std::optional<YAML::Node> parse_yaml(const std::string& text, YamlReader& reader);

std::string describe_type(const YAML::Node& node);

}  // namespace parley::load

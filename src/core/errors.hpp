#pragma once
// Typed errors. The library never exits; the CLI maps these to exit codes
// (ValidationError -> 2, everything else -> 1).
#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

/// One problem found in an input file, anchored at a 1-based line and column.
struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  std::string message;
  std::string hint;  // what would be right; may be empty

  /// "file:line:col: error: message" plus an indented hint line.
  [[nodiscard]] std::string format() const;
};

/// Input that is not a valid scenario (or domain, or package). Holds every
/// problem found in one pass.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// A request the library cannot carry out (too large a space, a missing file, ...).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Levenshtein distance with transpositions (optimal string alignment), for "did you mean"
/// hints. Time O(|a|·|b|), memory O(min(|a|, |b|)).
std::size_t edit_distance(const std::string& a, const std::string& b);

/// Names longer than this are not compared for "did you mean" hints.
inline constexpr std::size_t kMaxMatchLength = 64;

/// The candidate closest to `word` if it is close enough to be a plausible typo, else "".
/// Words and candidates longer than kMaxMatchLength are skipped.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace parley

#include "core/errors.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace parley {

std::string Diagnostic::format() const {
  std::string out = line > 0 ? fmt::format("{}:{}:{}: error: {}", file, line, column, message)
                             : fmt::format("{}: error: {}", file, message);
  if (!hint.empty()) out.append("\n  hint: ").append(hint);
  return out;
}

static std::string join_diagnostics(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += d.format() + "\n";
  return out;
}

ValidationError::ValidationError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // Optimal string alignment: insertions, deletions, substitutions and
  // transpositions of neighbours ("mdi" -> "mid") each cost one. Three rows of
  // the shorter string's length: memory O(min(|a|, |b|)).
  const std::string& s = a.size() < b.size() ? a : b;  // columns
  const std::string& t = a.size() < b.size() ? b : a;  // rows
  const std::size_t m = s.size();
  std::vector<std::size_t> two_up(m + 1), up(m + 1), row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) up[j] = j;
  for (std::size_t i = 1; i <= t.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = t[i - 1] == s[j - 1] ? 0 : 1;
      row[j] = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && t[i - 1] == s[j - 2] && t[i - 2] == s[j - 1])
        row[j] = std::min(row[j], two_up[j - 2] + 1);
    }
    std::swap(two_up, up);
    std::swap(up, row);
  }
  return up[m];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // Typos are guessed for names only: a longer word (or candidate) is not compared, so a
  // hostile key of megabytes costs nothing.
  if (word.size() > kMaxMatchLength) return {};
  // Plausible typo: at most a third of the word changed (and at least one edit allowed).
  const std::size_t limit = std::max<std::size_t>(1, (word.size() + 2) / 3);
  std::string best;
  std::size_t best_d = static_cast<std::size_t>(-1);
  for (const auto& c : candidates) {
    // The distance is at least the difference in length: such a candidate cannot qualify.
    const std::size_t gap =
        c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (c.size() > kMaxMatchLength || gap > limit) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best_d <= limit ? best : std::string{};
}

}  // namespace parley

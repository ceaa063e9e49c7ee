#include "cli/arguments.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace parley::cli {

ValidationError option_error(const std::string& option, const std::string& message,
                             const std::string& hint) {
  return ValidationError({Diagnostic{option, 1, 1, message, hint}});
}

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        const std::string range =
            "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
          return "'" + text + "' is not " + range;
        errno = 0;
        const unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
        if (errno == ERANGE || v < low || v > high) return "'" + text + "' is not " + range;
        return {};
      },
      "UINT64");
}

CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const char* begin = text.c_str();
        char* end = nullptr;
        const double v = std::strtod(begin, &end);
        if (text.empty() || end != begin + text.size()) return "'" + text + "' is not a number";
        if (!std::isfinite(v)) return "'" + text + "' is not a finite number";
        return {};
      },
      "NUMBER");
}

std::vector<std::string> split_list(const std::string& text, const std::string& option,
                                    const std::string& example) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    if (end == start)
      throw option_error(option,
                         text.empty() ? std::string("the list is empty")
                                      : "the list '" + text + "' has an empty item",
                         "e.g. " + option + " " + example);
    out.push_back(text.substr(start, end - start));
    if (end == text.size()) return out;
    start = end + 1;
  }
}

double finite_value(const std::string& text, const std::string& option,
                    const std::string& example) {
  std::string copy = text;
  if (const std::string problem = finite_number()(copy); !problem.empty())
    throw option_error(option, problem, "e.g. " + option + " " + example);
  return std::strtod(text.c_str(), nullptr);
}

Without without_of(const std::string& text) {
  (void)split_list(text, "--without", "leaks,merge");
  return parse_without(text);
}

}  // namespace parley::cli

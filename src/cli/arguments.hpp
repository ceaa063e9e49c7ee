#pragma once
// Command-line values checked at the door: numbers that would wrap or are not finite,
// lists that are empty. A wrong value is a ValidationError (exit 2) naming the option.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/mechanisms.hpp"

namespace parley::cli {

/// A command-line problem, reported as "OPTION:1:1: error: MESSAGE" with a hint.
ValidationError option_error(const std::string& option, const std::string& message,
                             const std::string& hint);

/// CLI11 check: a whole number written in decimal digits, from `low` to `high` (refuses
/// "-1", which would wrap, and values that do not fit).
CLI::Validator whole_number(std::uint64_t low = 0,
                            std::uint64_t high = std::numeric_limits<std::uint64_t>::max());

/// CLI11 check: a finite decimal number (refuses nan and inf).
CLI::Validator finite_number();

/// The comma-separated items of `text`; an empty list or an empty item is an error
/// naming `option` (`example` shows a right one).
std::vector<std::string> split_list(const std::string& text, const std::string& option,
                                    const std::string& example);

/// --without: the comma-separated mechanisms to switch off (core/mechanisms.hpp).
Without without_of(const std::string& text);

/// `text` as a finite number (all of it), else an error naming `option`.
double finite_value(const std::string& text, const std::string& option, const std::string& example);

}  // namespace parley::cli

#pragma once
// Terminal text helpers: column widths that count East Asian wide characters as two.
#include <string>
#include <string_view>

namespace parley::report {

std::size_t display_width(std::string_view utf8);
/// Pads (or leaves) `s` to `width` display columns.
std::string pad(std::string_view s, std::size_t width);
std::string rpad_num(double v, int decimals, std::size_t width);

}  // namespace parley::report

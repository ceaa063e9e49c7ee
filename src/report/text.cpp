#include "report/text.hpp"

#include <fmt/format.h>

namespace parley::report {

static bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    char32_t c = b;
    std::size_t len = 1;
    if (b >= 0xF0) {
      c = b & 0x07u;
      len = 4;
    } else if (b >= 0xE0) {
      c = b & 0x0Fu;
      len = 3;
    } else if (b >= 0xC0) {
      c = b & 0x1Fu;
      len = 2;
    }
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    width += is_wide(c) ? 2 : 1;
    i += len;
  }
  return width;
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  for (std::size_t w = display_width(s); w < width; ++w) out += ' ';
  return out;
}

std::string rpad_num(double v, int decimals, std::size_t width) {
  return fmt::format("{:>{}.{}f}", v, width, decimals);
}

}  // namespace parley::report

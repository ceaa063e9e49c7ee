#include "load/encoding.hpp"

#include <cstdio>

namespace parley::load {
namespace {

/// The length of the valid UTF-8 sequence starting at text[i], or 0 if it is not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // no overlong forms
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;  // a continuation byte, an overlong lead (C0, C1) or F5..FF
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::size_t utf8_bom_length(std::string_view text) {
  return starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
}

bool is_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::optional<Diagnostic> check_encoding(std::string_view text, const std::string& file) {
  using namespace std::string_view_literals;
  const char* save = "save the file as UTF-8 (without a byte-order mark, or with the UTF-8 one)";
  if (starts_with(text, "\x00\x00\xFE\xFF"sv) || starts_with(text, "\xFF\xFE\x00\x00"sv))
    return Diagnostic{file, 1, 1, "the file is UTF-32 (it starts with a UTF-32 byte-order mark)",
                      save};
  if (starts_with(text, "\xFE\xFF"sv) || starts_with(text, "\xFF\xFE"sv))
    return Diagnostic{file, 1, 1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
                      save};
  int line = 1;
  std::size_t line_start = utf8_bom_length(text);  // columns count bytes after the mark
  for (std::size_t i = line_start; i < text.size();) {
    const auto column = [&] { return static_cast<int>(i - line_start + 1); };
    const char c = text[i];
    if (c == '\0')
      return Diagnostic{
          file, line, column(), "a NUL byte (0x00) in the text",
          "text files hold no NUL bytes; is this a binary or UTF-16 file? " + std::string(save)};
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
      return Diagnostic{file, line, column(), "a carriage return (CR) without a line feed",
                        "end lines with LF or CR LF, not CR alone (old Mac line ends)"};
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    const std::size_t n = sequence_length(text, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
      return Diagnostic{file, line, column(),
                        std::string("invalid UTF-8: the byte ") + hex +
                            " does not start a valid "
                            "UTF-8 character here",
                        save};
    }
    i += n;
  }
  return std::nullopt;
}

}  // namespace parley::load

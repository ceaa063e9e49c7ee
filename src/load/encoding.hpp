#pragma once
// Byte-level checks of an input file before any parser sees it: the encoding rules of
// docs/scenario-format.md#encoding-and-limits (UTF-8 only).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.hpp"

namespace parley::load {

/// The length of a UTF-8 byte-order mark at the start of `text`: 3, or 0 if there is none.
std::size_t utf8_bom_length(std::string_view text);

/// The first reason `text` is not UTF-8 text parley reads, at its 1-based line and byte
/// column: a UTF-16 or UTF-32 byte-order mark, a byte sequence that is not UTF-8 (overlong
/// forms, surrogates and code points above U+10FFFF included), a NUL byte, or a carriage
/// return not followed by a line feed. A UTF-8 byte-order mark is allowed (columns count
/// the bytes after it, as the YAML parser does). nullopt when the text is fine.
std::optional<Diagnostic> check_encoding(std::string_view text, const std::string& file);

/// Whether `s` is valid UTF-8 (as check_encoding's byte rules, without the NUL and CR rules).
bool is_utf8(std::string_view s);

}  // namespace parley::load

#pragma once
#include <string>

namespace parley::io {

/// Writes `text` to `path` through `path.tmp` and a rename, so a failure never
/// leaves a half-written file or destroys what was there. Throws parley::Error.
void write_file_atomic(const std::string& path, const std::string& text);

}  // namespace parley::io

#pragma once
// Writing an output file (every --json, --csv and --frontier-csv goes through here).
//
//   "-"                     standard output
//   a character or block device, a FIFO (also through a link: /dev/stdout)
//                           written in place: opened for writing, never created or replaced
//   a regular file, or nothing yet
//                           written to a new temporary file in the same folder (an
//                           unpredictable name, created exclusively, never through a link),
//                           flushed to disk, then renamed onto the path: a failure leaves
//                           the path as it was and removes the temporary file
//   a symbolic link to anything else, a folder
//                           refused: parley does not write through a link to a file
#include <string>

namespace parley::report {

/// Writes `text` to the output `path` as above. Throws parley::Error naming the path and
/// the reason (the system's message, e.g. "No space left on device").
void write_output(const std::string& path, const std::string& text);

/// The same as write_output (the name of the first version).
inline void write_file_atomic(const std::string& path, const std::string& text) {
  write_output(path, text);
}

/// Checks, before any work, that write_output(path, ...) can succeed as far as can be told
/// without writing: the path is "-", a writable device or FIFO, or a regular file or a new
/// name in an existing, writable folder. Throws parley::Error with the reason.
void check_output(const std::string& path);

}  // namespace parley::report

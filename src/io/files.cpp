#include "io/files.hpp"

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"

namespace parley::io {

void write_file_atomic(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw Error("cannot write '" + tmp + "'");
    f << text;
    f.flush();
    if (!f) throw Error("writing '" + tmp + "' failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw Error("cannot replace '" + path + "'");
  }
}

}  // namespace parley::io

#include "report/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/errors.hpp"

namespace parley::report {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw Error("cannot write '" + path + "': " + why);
}

std::string reason(int err) {
  return std::strerror(err);
}

enum class Kind { standard_output, in_place, replace };

/// How `path` is written, or an Error saying why it cannot be.
Kind classify(const std::string& path) {
  if (path == "-") return Kind::standard_output;
  if (path.empty()) fail(path, "the path is empty");
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Kind::replace;  // the folder is checked
    fail(path, reason(errno));
  }
  if (S_ISLNK(st.st_mode)) {
    struct stat target {};
    if (::stat(path.c_str(), &target) == 0 && (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)))
      return Kind::in_place;  // /dev/stdout, /dev/fd/N, a link to a FIFO
    std::error_code ec;
    const fs::path to = fs::read_symlink(path, ec);
    fail(path, "it is a symbolic link" + (ec ? std::string() : " to '" + to.string() + "'") +
                   ", and parley does not write through a link to a file (it replaces output "
                   "files): name the file itself, or '-' for standard output");
  }
  if (S_ISDIR(st.st_mode)) fail(path, "it is a folder");
  return S_ISREG(st.st_mode) ? Kind::replace : Kind::in_place;  // devices, FIFOs
}

/// The folder a regular output is created in, and the file's name in it.
std::pair<std::string, std::string> folder_and_name(const std::string& path) {
  const fs::path p(path);
  if (!p.has_filename()) fail(path, "it names a folder, not a file");
  return {p.has_parent_path() ? p.parent_path().string() : std::string("."), p.filename().string()};
}

/// Writes every byte of `text` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

void write_standard_output(const std::string& text) {
  if (const int err = write_all(STDOUT_FILENO, text))
    throw Error("cannot write to standard output: " + reason(err));
}

/// A device or FIFO: opened for writing (never created or truncated) and written.
void write_in_place(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(path, reason(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISREG(st.st_mode)) {  // replaced since it was looked at
    ::close(fd);
    fail(path, "it changed while being opened (now a regular file); try again");
  }
  int err = write_all(fd, text);
  if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
  if (err) fail(path, reason(err));
}

/// A new file with an unpredictable name in `folder`, created exclusively (O_EXCL also
/// refuses a symbolic link planted at that name). Returns its descriptor and sets `tmp`.
int create_temporary(const std::string& path, const std::string& folder, const std::string& name,
                     std::string& tmp) {
  std::random_device random;
  for (int attempt = 0; attempt < 64; ++attempt) {
    char tag[24];
    std::snprintf(tag, sizeof tag, "%08x%08x", random(), random());
    tmp = (fs::path(folder) / ("." + name + "." + tag + ".tmp")).string();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    if (errno != EEXIST)
      fail(path, "cannot create a temporary file in the folder '" + folder + "': " + reason(errno));
  }
  fail(path, "cannot find a free temporary file name in the folder '" + folder + "'");
}

/// A regular file: a temporary file in the same folder, written, flushed to disk and
/// renamed onto `path`. On failure the temporary file is removed and `path` is unchanged.
void write_replacing(const std::string& path, const std::string& text) {
  const auto [folder, name] = folder_and_name(path);
  std::string tmp;
  const int fd = create_temporary(path, folder, name, tmp);
  int err = write_all(fd, text);
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    fail(path, reason(err) + " (the file was left as it was)");
  }
  // The rename itself is durable once the folder is flushed (best effort).
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace

void write_output(const std::string& path, const std::string& text) {
  std::fflush(stdout);  // what was printed before comes first (also through /dev/stdout)
  switch (classify(path)) {
    case Kind::standard_output:
      return write_standard_output(text);
    case Kind::in_place:
      return write_in_place(path, text);
    case Kind::replace:
      return write_replacing(path, text);
  }
}

void check_output(const std::string& path) {
  switch (classify(path)) {
    case Kind::standard_output:
      return;
    case Kind::in_place:
      if (::access(path.c_str(), W_OK) != 0) fail(path, reason(errno));
      return;
    case Kind::replace:
      break;
  }
  const std::string folder = folder_and_name(path).first;
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0)
    fail(path, errno == ENOENT ? "the folder '" + folder + "' does not exist"
                               : "the folder '" + folder + "': " + reason(errno));
  if (!S_ISDIR(st.st_mode)) fail(path, "'" + folder + "' is not a folder");
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    fail(path, "the folder '" + folder + "' is not writable: " + reason(errno));
}

}  // namespace parley::report

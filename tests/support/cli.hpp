#pragma once
// Running the parley binary from a test: its exit status, standard output and error, and
// a fresh temporary folder per test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parley::testing {

struct CliResult {
  int status = -1;  // exit status, -1 if killed by a signal
  std::string out, err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

/// A new empty folder, removed when the object goes.
class TempFolder {
 public:
  TempFolder() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::path(::testing::TempDir()) /
            (std::string("parley_") + info->test_suite_name() + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  [[nodiscard]] std::string operator/(const std::string& name) const {
    return (path_ / name).string();
  }
  [[nodiscard]] std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

/// Runs `parley ARGS` through the shell (ARGS is shell text) in `folder`, after the shell
/// commands `prefix` (e.g. "ulimit -f 20;").
inline CliResult run_parley(const std::string& args, const TempFolder& folder,
                            const std::string& prefix = "") {
  const std::string out = folder.str() + ".stdout", err = folder.str() + ".stderr";
  const std::string cmd = "cd '" + folder.str() + "' && " + prefix + " " +
                          std::string(PARLEY_BINARY) + " " + args + " >'" + out + "' 2>'" + err +
                          "'";
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

}  // namespace parley::testing

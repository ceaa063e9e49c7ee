// Output files (docs/cli.md#outputs): devices and FIFOs are written in place, regular files
// through an unpredictable temporary file and a rename, links to files are refused, '-' is
// standard output; outputs that name an input or each other are refused before any work,
// output folders are checked before any work, and the report is printed even when a
// write fails.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::run_parley;
using parley::testing::slurp;
using parley::testing::TempFolder;

const std::string kLogroll = PARLEY_SOURCE_DIR "/scenarios/logroll.yaml";
const std::string kUncertain = PARLEY_DATA_DIR "/uncertain-split.yaml";

bool is_char_device(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

bool is_regular(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/// A character device node with the numbers of /dev/null (1, 3) or /dev/full (1, 7).
void make_device(const std::string& path, unsigned minor) {
  ASSERT_EQ(::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, minor)), 0) << path;
}

/// The files of a folder, by name.
std::vector<std::string> names_in(const TempFolder& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder.str())) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Outputs, ADeviceStaysADevice) {
  if (::geteuid() != 0) GTEST_SKIP() << "creating a device node needs root (CI runs as root)";
  TempFolder dir;
  make_device(dir / "null", 3);
  EXPECT_EQ(run_parley("run " + kLogroll + " -q --json null", dir).status, 0);
  EXPECT_EQ(run_parley("analyze " + kLogroll + " --frontier-csv null", dir).status, 0);
  // Two outputs may name the same device.
  EXPECT_EQ(run_parley("sweep " + kUncertain + " -n 20 --json null --csv null", dir).status, 0);
  EXPECT_TRUE(is_char_device(dir / "null"));
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"null"});
}

TEST(Outputs, AFullDeviceIsReportedWithTheReasonAfterTheReport) {
  if (::geteuid() != 0) GTEST_SKIP() << "creating a device node needs root (CI runs as root)";
  TempFolder dir;
  make_device(dir / "full", 7);
  const auto r = run_parley("sweep " + kUncertain + " -n 20 --no-progress --json full", dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot write 'full': No space left on device"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("20 runs per variant"), std::string::npos) << r.out;
  EXPECT_TRUE(is_char_device(dir / "full"));
}

TEST(Outputs, APlantedTemporaryLinkChangesNothingOutsideTheOutput) {
  TempFolder dir;
  std::ofstream(dir / "victim") << "precious\n";
  fs::create_symlink(dir / "victim", dir / "o.json.tmp");
  ASSERT_EQ(run_parley("run " + kLogroll + " -q --json o.json", dir).status, 0);
  EXPECT_EQ(slurp(dir / "victim"), "precious\n");
  EXPECT_TRUE(is_regular(dir / "o.json"));
  EXPECT_NE(slurp(dir / "o.json").find("\"outcome\""), std::string::npos);
  EXPECT_TRUE(fs::is_symlink(dir / "o.json.tmp"));
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"o.json", "o.json.tmp", "victim"}));
}

TEST(Outputs, AnOutputThatIsALinkToAFileIsRefused) {
  TempFolder dir;
  std::ofstream(dir / "victim") << "precious\n";
  fs::create_symlink(dir / "victim", dir / "o.json");
  const auto r = run_parley("run " + kLogroll + " -q --json o.json", dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("'o.json': it is a symbolic link"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");  // refused before the run
  EXPECT_EQ(slurp(dir / "victim"), "precious\n");
  EXPECT_TRUE(fs::is_symlink(dir / "o.json"));
}

TEST(Outputs, DashIsStandardOutputAlone) {
  TempFolder dir;
  ASSERT_EQ(run_parley("run " + kLogroll + " --seed 4 --json file.json", dir).status, 0);
  const auto r = run_parley("run " + kLogroll + " --seed 4 --json -", dir);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, slurp(dir / "file.json"));  // the JSON, without the narrative
  ASSERT_EQ(run_parley("sweep " + kUncertain + " -n 30 --csv file.csv", dir).status, 0);
  EXPECT_EQ(run_parley("sweep " + kUncertain + " -n 30 --csv -", dir).out, slurp(dir / "file.csv"));
  ASSERT_EQ(run_parley("analyze " + kLogroll + " --frontier-csv f.csv", dir).status, 0);
  EXPECT_EQ(run_parley("analyze " + kLogroll + " --frontier-csv -", dir).out, slurp(dir / "f.csv"));
  EXPECT_FALSE(fs::exists(dir / "-"));
  // Standard output carries one output.
  const auto two = run_parley("sweep " + kUncertain + " -n 30 --json - --csv -", dir);
  EXPECT_EQ(two.status, 2);
  EXPECT_NE(two.err.find("--csv:1:1: error: standard output ('-') is already taken by --json"),
            std::string::npos)
      << two.err;
  EXPECT_EQ(run_parley("analyze " + kLogroll + " --json --frontier-csv -", dir).status, 2);
}

TEST(Outputs, AFailedWriteKeepsTheReportAndTheOldFileAndLeavesNoTemporaryFile) {
  TempFolder dir;
  std::ofstream(dir / "big.json") << "old\n";
  // Files may grow to 10 kB (20 blocks of 512 bytes; 20 kB where a block is 1 kB): the
  // summary fits, the run's JSON (about 180 kB) does not. SIGXFSZ is ignored, so the
  // write fails with EFBIG.
  const auto r = run_parley("run -q --json big.json", dir, "trap '' XFSZ; ulimit -f 20;");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot write 'big.json': File too large"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Outcome: "), std::string::npos) << r.out;
  EXPECT_EQ(slurp(dir / "big.json"), "old\n");
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"big.json"});
}

TEST(Outputs, AnOutputThatIsAnInputIsRefusedBeforeAnyWork) {
  TempFolder dir;
  fs::copy_file(kUncertain, dir / "s.yaml");
  fs::create_symlink(dir / "s.yaml", dir / "link.yaml");
  fs::copy(PARLEY_DATA_DIR "/genius/Laptop", dir / "Laptop");
  const std::string text = slurp(dir / "s.yaml");
  const std::string domain = slurp(dir / "Laptop/laptop_domain.xml");
  const std::pair<std::string, std::string> cases[] = {
      {"run s.yaml -q --json s.yaml", "--json:1:1: error: 's.yaml' is a file the scenario"},
      {"run ./s.yaml -q --json s.yaml", "'s.yaml' is the same file as './s.yaml'"},
      {"run s.yaml -q --json link.yaml", "'link.yaml' is the same file as 's.yaml'"},
      {"sweep s.yaml -n 10 --csv ./s.yaml", "--csv:1:1: error: './s.yaml' is the same file"},
      {"sweep s.yaml -n 10 --store s.yaml", "--store:1:1: error: 's.yaml' is a file"},
      {"sensitivity s.yaml -n 10 --tornado --json s.yaml", "--json:1:1: error: 's.yaml'"},
      {"analyze s.yaml --frontier-csv s.yaml", "--frontier-csv:1:1: error: 's.yaml'"},
      {"run Laptop -q --json Laptop/laptop_domain.xml", "'Laptop/laptop_domain.xml' is"},
      {"sweep s.yaml -n 10 --json a.json --csv ./a.json",
       "--csv:1:1: error: './a.json' is also the file of --json ('a.json')"},
      {"sweep s.yaml -n 10 --json o.db --store o.db", "'o.db' is also the file of --json"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = run_parley(args, dir);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
  EXPECT_EQ(slurp(dir / "s.yaml"), text);
  EXPECT_EQ(slurp(dir / "Laptop/laptop_domain.xml"), domain);
  EXPECT_FALSE(fs::exists(dir / "a.json"));
  EXPECT_FALSE(fs::exists(dir / "o.db"));
}

TEST(Outputs, OutputFoldersAreCheckedBeforeTheWork) {
  TempFolder dir;
  std::ofstream(dir / "file") << "x\n";
  const std::pair<std::string, std::string> cases[] = {
      {"sweep " + kUncertain + " --runs 30000 --json /nonexistent/x",
       "--json: cannot write '/nonexistent/x': the folder '/nonexistent' does not exist"},
      {"compare " + kUncertain + " --runs 30000 --csv file/x.csv",
       "--csv: cannot write 'file/x.csv': 'file' is not a folder"},
      {"sensitivity " + kUncertain + " --tornado --runs 30000 --json /nonexistent/x",
       "the folder '/nonexistent' does not exist"},
      {"sweep " + kUncertain + " --runs 30000 --store /nonexistent/x.db",
       "--store: cannot write '/nonexistent/x.db': the folder"},
      {"run " + kLogroll + " --json /nonexistent/x", "the folder '/nonexistent' does not exist"},
      {"analyze " + kLogroll + " --frontier-csv /nonexistent/x",
       "the folder '/nonexistent' does not exist"},
      {"run " + kLogroll + " --json .", "cannot write '.': it is a folder"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = run_parley(args, dir);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << args;  // nothing was run
  }
}

TEST(Outputs, AFolderThatCannotBeWrittenIsReportedBeforeTheWork) {
  TempFolder dir;
  fs::create_directory(dir / "ro");
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec |
                                  fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  // Root writes anywhere: run as nobody then (CI runs as root).
  const std::string as_user =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
  const auto r = run_parley("run " + kLogroll + " --json ro/x.json", dir, as_user);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--json: cannot write 'ro/x.json': the folder 'ro' is not writable: "
                       "Permission denied"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace

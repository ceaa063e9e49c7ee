#include "cli/outputs.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <optional>

#include "cli/arguments.hpp"
#include "cli/inputs.hpp"
#include "core/errors.hpp"
#include "load/sources.hpp"
#include "report/files.hpp"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

/// What an output or input path is, to compare two: the (device, inode) of an existing
/// regular file, else the absolute normalised path of a name still to be created.
struct Identity {
  dev_t dev = 0;
  ino_t ino = 0;
  std::string name;     // when the file does not exist yet
  bool shared = false;  // standard output, a device or a FIFO: several outputs may name it
};

Identity identify(const std::string& path) {
  Identity id;
  struct stat st {};
  if (path == "-") {
    id.shared = true;
  } else if (::stat(path.c_str(), &st) == 0) {
    id.shared = !S_ISREG(st.st_mode);
    id.dev = st.st_dev;
    id.ino = st.st_ino;
  } else {
    std::error_code ec;
    const fs::path full = fs::weakly_canonical(fs::absolute(path, ec), ec);
    id.name = ec ? path : full.string();
  }
  return id;
}

bool same(const Identity& a, const Identity& b) {
  if (a.shared || b.shared) return false;
  if (!a.name.empty() || !b.name.empty()) return a.name == b.name;
  return a.dev == b.dev && a.ino == b.ino;
}

}  // namespace

void check_outputs(const CLI::App& cmd, const std::vector<Output>& outputs, const Scenario& s) {
  std::vector<std::pair<std::string, Identity>> inputs;
  for (const auto& f : load::input_files(s)) inputs.emplace_back(f, identify(f));
  std::vector<const Output*> seen;
  std::vector<Identity> seen_ids;
  for (const Output& out : outputs) {
    if (out.path.empty()) {
      if (cmd.count(out.option) > 0)
        throw option_error(out.option, "the file name is empty",
                           out.store ? "name the results store's file"
                                     : "name a file, or '-' for standard output");
      continue;
    }
    if (out.store && out.path == "-")
      throw option_error(out.option, "the results store cannot be standard output",
                         "name the store's file");
    const Identity id = identify(out.path);
    for (const auto& [file, input] : inputs)
      if (same(id, input))
        throw option_error(out.option,
                           "'" + out.path + "' is " +
                               (file == out.path ? "" : "the same file as '" + file + "', ") +
                               "a file the scenario is read from: writing it would destroy "
                               "the input",
                           "name another file for " + out.option);
    for (std::size_t k = 0; k < seen.size(); ++k) {
      if (out.path == "-" && seen[k]->path == "-")
        throw option_error(out.option,
                           "standard output ('-') is already taken by " + seen[k]->option,
                           "write one of them to a file");
      if (same(id, seen_ids[k]))
        throw option_error(out.option,
                           "'" + out.path + "' is also the file of " + seen[k]->option + " ('" +
                               seen[k]->path + "'): one would overwrite the other",
                           "give each output its own file");
    }
    seen.push_back(&out);
    seen_ids.push_back(id);
  }
  for (const Output* out : seen) {
    struct stat st {};
    // An existing store is opened in place and checked by the store itself (a completed
    // one may be read back from a read-only folder).
    if (out->store && ::lstat(out->path.c_str(), &st) == 0) continue;
    try {
      report::check_output(out->path);
    } catch (const Error& e) {
      throw Error(out->option + ": " + e.what());
    }
  }
}

bool takes_standard_output(const std::vector<Output>& outputs) {
  for (const Output& out : outputs)
    if (out.path == "-") return true;
  return false;
}

void write_outputs(const std::vector<std::pair<std::string, std::string>>& files,
                   std::vector<std::string> failures) {
  for (const auto& [path, text] : files) {
    if (path.empty()) continue;
    try {
      report::write_output(path, text);
    } catch (const Error& e) {
      failures.emplace_back(e.what());
    }
  }
  if (failures.empty()) return;
  std::string message;
  for (const auto& f : failures) message += (message.empty() ? "" : "\nparley: error: ") + f;
  throw Error(message);
}

}  // namespace parley::cli

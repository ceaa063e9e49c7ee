#pragma once
// The results store of a sweep (--store FILE): SQLite, written chunk by chunk in
// one transaction each, so an interrupted sweep (even kill -9) loses at most the
// chunks in flight and --resume completes it with the same aggregates as an
// uninterrupted sweep. Schema in docs/cli.md#results-store.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/sweep.hpp"

struct sqlite3;

namespace parley::sim {

class Store {
 public:
  /// Opens or creates `path`. `signature` identifies the sweep (scenario text hash,
  /// options); resuming a store written by a different sweep is an error.
  Store(const std::string& path, const std::string& signature, bool resume);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Chunks already stored (for resume), with their aggregates.
  [[nodiscard]] std::vector<ChunkResult> load(const Scenario& s, const SweepOptions& o) const;
  /// One chunk: its runs and aggregates, atomically.
  void write(const Scenario& s, const SweepOptions& o, const ChunkResult& c);
  /// The final aggregates as JSON text (once the sweep is complete).
  void finish(const std::string& aggregates_json);

 private:
  sqlite3* db_ = nullptr;
  void exec(const char* sql);
  void open_tables(const std::string& path, const std::string& signature, bool resume);
};

}  // namespace parley::sim

#pragma once
// The results store of a sweep (--store FILE): SQLite, written chunk by chunk in
// one transaction each, so an interrupted sweep (even kill -9) loses at most the
// chunks in flight and --resume completes it with the same aggregates as an
// uninterrupted sweep. Schema and guarantees in docs/cli.md#results-store.
//
// Integrity: the file is marked as a parley store (PRAGMA application_id and a
// 'format' key) and an existing file without the marks is never modified; the
// sweep's signature covers the contents of its inputs, its options and the parley
// version; every chunk carries a SHA-256 checksum verified when it is loaded. An
// existing store is opened read-only until open_for_writing(), so a completed store
// on read-only media can still be read back.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/sweep.hpp"

struct sqlite3;

namespace parley::sim {

/// What a stored sweep is; resuming needs all three to match.
struct StoreSignature {
  std::string
      inputs;  // SHA-256 of the scenario's contents (every file read, or the built-in's text)
  std::string options;  // the sweep's options in words: runs, seed, designs, policies, fixed values
  std::string version;  // the parley version
  /// SHA-256 of the three.
  [[nodiscard]] std::string digest() const;
};

class Store {
 public:
  /// `application_id` of a parley store (the bytes "PRLY").
  static constexpr std::int32_t kApplicationId = 0x50524c59;
  /// The layout this version reads and writes (the 'format' key).
  static constexpr const char* kFormat = "3";

  /// Opens `path`. No file (or an empty one): a new store is created with `signature`.
  /// An existing file must be a parley store holding the same sweep, and is accepted
  /// only with `resume`; it is checked before anything is written and stays open
  /// read-only until open_for_writing(). Throws parley::Error naming the file.
  Store(const std::string& path, const StoreSignature& signature, bool resume);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Chunks already stored (for resume), with their aggregates; each chunk's checksum
  /// is verified (a mismatch is an Error naming the file and the chunk).
  [[nodiscard]] std::vector<ChunkResult> load(const Scenario& s, const SweepOptions& o) const;
  /// Makes the store writable (WAL journal) before chunks are written; an Error naming
  /// the file when it or its folder is read-only.
  void open_for_writing();
  /// One chunk: its runs, aggregates and checksum, atomically.
  void write(const Scenario& s, const SweepOptions& o, const ChunkResult& c);
  /// Records the final aggregates (JSON text) and leaves the file in rollback-journal
  /// mode (one file, readable on read-only media). A read-only store that already holds
  /// them is not touched. Returns false when they could not be recorded because the
  /// store is read-only.
  bool finish(const std::string& aggregates_json);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] bool writable() const { return writable_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  bool writable_ = false;
  [[noreturn]] void fail(const std::string& message) const;
  void exec(const char* sql);
  void open(int flags);
  void close();
  void create(const StoreSignature& signature);
  void check_existing(const StoreSignature& signature, bool resume);
  [[nodiscard]] std::string value(const char* key) const;
};

/// The signature of a sweep: `inputs` (the scenario's contents, load/sources.hpp), the
/// options in words (runs, seed, designs, policies, fixed values) and `version`.
StoreSignature store_signature(const Scenario& s, const SweepOptions& o, std::string inputs,
                               std::string version);

/// Number of chunks of a sweep of `runs` runs.
std::uint64_t chunk_count(std::uint64_t runs);

/// The SHA-256 checksum a stored chunk carries: over its index and its two blobs.
std::string chunk_checksum(std::uint64_t chunk, const std::string& aggregates,
                           const std::string& paired);

}  // namespace parley::sim

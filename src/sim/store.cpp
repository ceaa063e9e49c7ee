#include "sim/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/digest.hpp"
#include "core/errors.hpp"

namespace parley::sim {
namespace {

struct Statement {
  sqlite3_stmt* st = nullptr;
  Statement(sqlite3* db, const char* sql, const std::string& path) {
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
      throw Error("results store '" + path + "': " + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(st); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
};

constexpr const char* kSchema =
    "CREATE TABLE sweep (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE chunks (chunk INTEGER PRIMARY KEY, aggregates BLOB NOT NULL,"
    " paired BLOB NOT NULL, checksum TEXT NOT NULL);"
    "CREATE TABLE runs (run INTEGER NOT NULL, variant INTEGER NOT NULL,"
    " design TEXT NOT NULL, policy TEXT, outcome TEXT NOT NULL, framework_month INTEGER,"
    " final_month INTEGER, ceasefire_month INTEGER, months INTEGER NOT NULL,"
    " collapses INTEGER NOT NULL, leaks INTEGER NOT NULL, escalations INTEGER NOT NULL,"
    " walkouts INTEGER NOT NULL, leverage INTEGER NOT NULL, utilities TEXT NOT NULL,"
    " package INTEGER NOT NULL, costs TEXT NOT NULL, params TEXT NOT NULL,"
    " PRIMARY KEY (run, variant));";

std::string blob_of(sqlite3_stmt* st, int column) {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(st, column));
  return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(st, column)))
              : std::string();
}

std::string text_of(sqlite3_stmt* st, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
  return text ? std::string(text) : std::string();
}

}  // namespace

std::string StoreSignature::digest() const {
  Sha256 h;
  h.field("parley results store signature").field(inputs).field(options).field(version);
  return h.hex();
}

StoreSignature store_signature(const Scenario& s, const SweepOptions& o, std::string inputs,
                               std::string version) {
  std::string options = fmt::format("runs={} seed={} designs=", o.runs, o.seed);
  for (std::size_t k = 0; k < o.designs.size(); ++k)
    options += (k ? "," : "") + s.process.designs[static_cast<std::size_t>(o.designs[k])].id;
  options += " policies=";
  for (std::size_t k = 0; k < o.policies.size(); ++k)
    options += (k ? "," : "") + o.policies[k].name;
  for (const auto& f : o.fixed)
    options += fmt::format(" {}={}", s.uncertain[f.first].path, f.second);
  if (!o.without.empty()) options += " without=" + o.without.name();
  if (o.effort_budget > 0) options += fmt::format(" equal_effort={}", o.effort_budget);
  return {std::move(inputs), options, std::move(version)};
}

std::uint64_t chunk_count(std::uint64_t runs) {
  return (runs + kChunk - 1) / kChunk;
}

std::string chunk_checksum(std::uint64_t chunk, const std::string& aggregates,
                           const std::string& paired) {
  Sha256 h;
  h.field("parley results store chunk")
      .field(std::to_string(chunk))
      .field(aggregates)
      .field(paired);
  return h.hex();
}

void Store::fail(const std::string& message) const {
  throw Error("results store '" + path_ + "': " + message);
}

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string m = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    fail(m);
  }
}

void Store::open(int flags) {
  // NOFOLLOW: a store is written in place, so it is never reached through a link.
  if (sqlite3_open_v2(path_.c_str(), &db_, flags | SQLITE_OPEN_NOFOLLOW, nullptr) != SQLITE_OK) {
    const std::string m = db_ ? sqlite3_errmsg(db_) : "out of memory";
    close();
    fail("cannot open: " + m);
  }
  sqlite3_busy_timeout(db_, 5000);
  writable_ = sqlite3_db_readonly(db_, "main") == 0;
}

void Store::close() {
  sqlite3_close_v2(db_);
  db_ = nullptr;
  writable_ = false;
}

Store::Store(const std::string& path, const StoreSignature& signature, bool resume) : path_(path) {
  struct stat st {};
  bool fresh = false;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) fail(std::strerror(errno));
    fresh = true;
  } else if (S_ISLNK(st.st_mode)) {
    fail("it is a symbolic link; name the store file itself");
  } else if (!S_ISREG(st.st_mode)) {
    fail("not a regular file");
  } else {
    // An empty file (e.g. from mktemp) becomes a new store, unless a write-ahead log
    // beside it holds a database's pages (then it is checked like any existing file).
    struct stat wal {};
    fresh = st.st_size == 0 && (::stat((path + "-wal").c_str(), &wal) != 0 || wal.st_size == 0);
  }
  try {
    if (fresh) {
      open(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      create(signature);
    } else {
      open(SQLITE_OPEN_READONLY);
      check_existing(signature, resume);
    }
  } catch (...) {  // a throwing constructor runs no destructor: close the database here
    close();
    throw;
  }
}

Store::~Store() {
  close();
}

void Store::create(const StoreSignature& signature) {
  // The marks and the tables in one transaction, in rollback-journal mode (so the
  // application_id reaches the file itself); then the WAL journal for the chunks.
  exec(fmt::format("BEGIN; PRAGMA application_id = {}; {}", kApplicationId, kSchema).c_str());
  Statement put(db_, "INSERT INTO sweep (key, value) VALUES (?, ?)", path_);
  const std::pair<const char*, std::string> keys[] = {{"format", kFormat},
                                                      {"signature", signature.digest()},
                                                      {"inputs", signature.inputs},
                                                      {"options", signature.options},
                                                      {"parley_version", signature.version}};
  for (const auto& [key, text] : keys) {
    sqlite3_reset(put.st);
    sqlite3_bind_text(put.st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(put.st, 2, text.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(put.st) != SQLITE_DONE) fail(sqlite3_errmsg(db_));
  }
  exec("COMMIT; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
}

std::string Store::value(const char* key) const {
  Statement get(db_, "SELECT value FROM sweep WHERE key = ?", path_);
  sqlite3_bind_text(get.st, 1, key, -1, SQLITE_STATIC);
  const int rc = sqlite3_step(get.st);
  if (rc == SQLITE_ROW) return text_of(get.st, 0);
  if (rc != SQLITE_DONE) fail(sqlite3_errmsg(db_));
  return {};
}

void Store::check_existing(const StoreSignature& signature, bool resume) {
  // Only reads until the file is known to be a parley store holding this sweep.
  std::int64_t app = 0;
  {
    sqlite3_stmt* st = nullptr;
    const int rc = sqlite3_prepare_v2(db_, "PRAGMA application_id", -1, &st, nullptr);
    const int step = rc == SQLITE_OK ? sqlite3_step(st) : rc;
    if (step == SQLITE_ROW) app = sqlite3_column_int64(st, 0);
    const std::string m = sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    if (step != SQLITE_ROW)
      fail("not an SQLite database (" + m + "); parley will not modify it: name a new file");
  }
  if (app != kApplicationId) {
    Statement t(db_, "SELECT count(*) FROM sqlite_master WHERE name IN ('sweep', 'chunks')", path_);
    const bool older = sqlite3_step(t.st) == SQLITE_ROW && sqlite3_column_int(t.st, 0) == 2;
    if (app == 0 && older)
      fail(
          "written by an earlier version of parley, without integrity marks; it cannot be "
          "resumed: run the sweep into a new store (this file was not modified)");
    fail("an SQLite database that is not a parley results store (" +
         (app == 0 ? std::string("no application_id") : fmt::format("application_id {:#x}", app)) +
         "); parley will not modify it: name a new file");
  }
  if (const std::string format = value("format"); format != kFormat)
    fail("store format '" + format + "' is not the one this parley reads (" + kFormat + ")");
  if (!resume) fail("already holds a sweep; use --resume to finish it, or name a new file");
  if (value("signature") == signature.digest()) return;
  std::vector<std::string> why;
  if (value("inputs") != signature.inputs)
    why.emplace_back("the scenario's contents are not those of the stored sweep");
  if (const std::string o = value("options"); o != signature.options)
    why.push_back("its options are '" + o + "', these are '" + signature.options + "'");
  if (const std::string v = value("parley_version"); v != signature.version)
    why.push_back("it was written by parley " + v + ", this is parley " + signature.version);
  if (why.empty()) why.emplace_back("its signature does not match its records (damaged)");
  std::string text;
  for (const auto& w : why) text += (text.empty() ? "" : "; ") + w;
  fail("holds a different sweep, which cannot be resumed with these: " + text);
}

void Store::open_for_writing() {
  if (writable_) return;
  const std::filesystem::path p(path_);
  const std::string folder = p.has_parent_path() ? p.parent_path().string() : ".";
  if (::access(path_.c_str(), W_OK) != 0)
    fail(std::string("the sweep is not complete and the file cannot be written: ") +
         std::strerror(errno));
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    fail("the sweep is not complete and its folder '" + folder +
         "' cannot be written (SQLite keeps its journal there): " + std::strerror(errno));
  close();
  open(SQLITE_OPEN_READWRITE);
  if (!writable_) fail("the sweep is not complete and the file opens read-only");
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
}

std::vector<ChunkResult> Store::load(const Scenario& s, const SweepOptions& o) const {
  std::vector<ChunkResult> out;
  Statement q(db_, "SELECT chunk, aggregates, paired, checksum FROM chunks ORDER BY chunk", path_);
  const std::uint64_t chunks = chunk_count(o.runs);
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
    ChunkResult c;
    const sqlite3_int64 index = sqlite3_column_int64(q.st, 0);
    const std::string blob = blob_of(q.st, 1), pblob = blob_of(q.st, 2);
    if (index < 0 || static_cast<std::uint64_t>(index) >= chunks)
      fail(fmt::format("chunk {} is outside the sweep's {} chunks (damaged)", index, chunks));
    c.chunk = static_cast<std::uint64_t>(index);
    if (text_of(q.st, 3) != chunk_checksum(c.chunk, blob, pblob))
      fail(fmt::format(
          "chunk {} is corrupted (its checksum does not match its contents); delete it "
          "(DELETE FROM chunks WHERE chunk = {}) and resume to recompute it, or start a new store",
          c.chunk, c.chunk));
    try {
      c = decode_chunk(s, o, c.chunk, blob, pblob);
    } catch (const std::exception& e) {
      fail(fmt::format("chunk {}: {}", index, e.what()));
    }
    out.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) fail(sqlite3_errmsg(db_));
  return out;
}

void Store::write(const Scenario& s, const SweepOptions& o, const ChunkResult& c) {
  if (!writable_) fail("opened read-only");
  exec("BEGIN");
  try {
    Statement ins(
        db_,
        "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        path_);
    const Space space = s.space();
    const std::size_t P = std::max<std::size_t>(1, o.policies.size());
    for (const RunSummary& r : c.runs) {
      auto list = [](const auto& v) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i) out += ',';
          out += fmt::format("{}", static_cast<double>(v[i]));
        }
        return out + "]";
      };
      std::size_t di = 0;
      while (di < o.designs.size() && o.designs[di] != r.design) ++di;
      const std::size_t variant = di * P + static_cast<std::size_t>(r.policy);
      sqlite3_reset(ins.st);
      sqlite3_bind_int64(ins.st, 1, static_cast<sqlite3_int64>(r.index));
      sqlite3_bind_int64(ins.st, 2, static_cast<sqlite3_int64>(variant));
      const std::string design = s.process.designs[static_cast<std::size_t>(r.design)].id;
      sqlite3_bind_text(ins.st, 3, design.c_str(), -1, SQLITE_TRANSIENT);
      if (o.policies.empty())
        sqlite3_bind_null(ins.st, 4);
      else
        sqlite3_bind_text(ins.st, 4, o.policies[static_cast<std::size_t>(r.policy)].name.c_str(),
                          -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins.st, 5, engine::to_string(r.outcome), -1, SQLITE_STATIC);
      auto month = [&](int col, int m) {
        if (m >= 0)
          sqlite3_bind_int(ins.st, col, m);
        else
          sqlite3_bind_null(ins.st, col);
      };
      month(6, r.framework_month);
      month(7, r.final_month);
      month(8, r.ceasefire_month);
      sqlite3_bind_int(ins.st, 9, r.months);
      sqlite3_bind_int(ins.st, 10, r.collapses);
      sqlite3_bind_int(ins.st, 11, r.leaks);
      sqlite3_bind_int(ins.st, 12, r.escalations);
      sqlite3_bind_int(ins.st, 13, r.walkouts);
      sqlite3_bind_int(ins.st, 14, r.leverage);
      const std::string u = list(r.utility), costs = list(r.costs), params = list(r.params);
      sqlite3_bind_text(ins.st, 15, u.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(ins.st, 16, static_cast<sqlite3_int64>(space.encode(r.package)));
      sqlite3_bind_text(ins.st, 17, costs.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins.st, 18, params.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(ins.st) != SQLITE_DONE) fail(sqlite3_errmsg(db_));
    }
    const std::string blob = encode_aggregates(c), pblob = encode_paired(c);
    const std::string sum = chunk_checksum(c.chunk, blob, pblob);
    Statement put(db_,
                  "INSERT OR REPLACE INTO chunks (chunk, aggregates, paired, checksum) "
                  "VALUES (?, ?, ?, ?)",
                  path_);
    sqlite3_bind_int64(put.st, 1, static_cast<sqlite3_int64>(c.chunk));
    sqlite3_bind_blob(put.st, 2, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(put.st, 3, pblob.data(), static_cast<int>(pblob.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(put.st, 4, sum.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(put.st) != SQLITE_DONE) fail(sqlite3_errmsg(db_));
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

bool Store::finish(const std::string& aggregates_json) {
  if (!writable_) {
    if (!value("aggregates").empty()) return true;  // a completed store: only read
    try {
      open_for_writing();
    } catch (const Error&) {
      return false;
    }
  }
  Statement put(db_, "INSERT OR REPLACE INTO sweep (key, value) VALUES ('aggregates', ?)", path_);
  sqlite3_bind_text(put.st, 1, aggregates_json.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(put.st) != SQLITE_DONE) fail(sqlite3_errmsg(db_));
  // Complete: back to one file (the WAL checkpointed and removed).
  exec("PRAGMA journal_mode=DELETE;");
  return true;
}

}  // namespace parley::sim

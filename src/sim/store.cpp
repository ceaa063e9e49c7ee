#include "sim/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/errors.hpp"

namespace parley::sim {
namespace {

struct Statement {
  sqlite3_stmt* st = nullptr;
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
      throw Error(std::string("results store: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(st); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
};

}  // namespace

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error("results store: " + m);
  }
}

Store::Store(const std::string& path, const std::string& signature, bool resume) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    const std::string m = db_ ? sqlite3_errmsg(db_) : "cannot open";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(path + ": cannot open the results store: " + m);
  }
  try {
    open_tables(path, signature, resume);
  } catch (...) {  // a throwing constructor runs no destructor: close the database here
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

void Store::open_tables(const std::string& path, const std::string& signature, bool resume) {
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  exec(
      "CREATE TABLE IF NOT EXISTS sweep (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE IF NOT EXISTS chunks (chunk INTEGER PRIMARY KEY, aggregates BLOB NOT NULL,"
      " paired BLOB NOT NULL);"
      "CREATE TABLE IF NOT EXISTS runs (run INTEGER NOT NULL, variant INTEGER NOT NULL,"
      " design TEXT NOT NULL, policy TEXT, outcome TEXT NOT NULL, framework_month INTEGER,"
      " final_month INTEGER, ceasefire_month INTEGER, months INTEGER NOT NULL,"
      " collapses INTEGER NOT NULL, leaks INTEGER NOT NULL, escalations INTEGER NOT NULL,"
      " walkouts INTEGER NOT NULL, leverage INTEGER NOT NULL, utilities TEXT NOT NULL,"
      " package INTEGER NOT NULL, costs TEXT NOT NULL, params TEXT NOT NULL,"
      " PRIMARY KEY (run, variant));");
  Statement get(db_, "SELECT value FROM sweep WHERE key = 'signature'");
  if (sqlite3_step(get.st) == SQLITE_ROW) {
    const std::string stored = reinterpret_cast<const char*>(sqlite3_column_text(get.st, 0));
    if (!resume)
      throw Error(path +
                  ": the results store already holds a sweep; use --resume to finish it "
                  "or name a new file");
    if (stored != signature)
      throw Error(path +
                  ": the results store holds a different sweep (scenario or options "
                  "differ); it cannot be resumed with these");
  } else {
    Statement put(db_, "INSERT INTO sweep (key, value) VALUES ('signature', ?)");
    sqlite3_bind_text(put.st, 1, signature.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(put.st) != SQLITE_DONE)
      throw Error(std::string("results store: ") + sqlite3_errmsg(db_));
  }
}

Store::~Store() {
  sqlite3_close_v2(db_);
}

std::vector<ChunkResult> Store::load(const Scenario& s, const SweepOptions& o) const {
  std::vector<ChunkResult> out;
  Statement q(db_, "SELECT chunk, aggregates, paired FROM chunks ORDER BY chunk");
  const std::size_t V = variants(o);
  while (sqlite3_step(q.st) == SQLITE_ROW) {
    ChunkResult c;
    c.chunk = static_cast<std::uint64_t>(sqlite3_column_int64(q.st, 0));
    const auto* a = static_cast<const char*>(sqlite3_column_blob(q.st, 1));
    const std::string blob(a, static_cast<std::size_t>(sqlite3_column_bytes(q.st, 1)));
    const auto* p = static_cast<const char*>(sqlite3_column_blob(q.st, 2));
    const std::string pblob(p, static_cast<std::size_t>(sqlite3_column_bytes(q.st, 2)));
    c.aggregates.assign(V, Aggregate(s));
    // Aggregates of the variants, concatenated.
    const std::size_t each = blob.size() / (V ? V : 1);
    for (std::size_t v = 0; v < V; ++v) c.aggregates[v].deserialize(blob.substr(v * each, each));
    c.paired.init(V, paired_metric_names(s));
    c.paired.deserialize(pblob);
    out.push_back(std::move(c));
  }
  return out;
}

void Store::write(const Scenario& s, const SweepOptions& o, const ChunkResult& c) {
  exec("BEGIN");
  try {
    Statement ins(
        db_,
        "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)");
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
      if (sqlite3_step(ins.st) != SQLITE_DONE)
        throw Error(std::string("results store: ") + sqlite3_errmsg(db_));
    }
    std::string blob;
    for (const auto& a : c.aggregates) blob += a.serialize();
    const std::string pblob = c.paired.serialize();
    Statement put(db_,
                  "INSERT OR REPLACE INTO chunks (chunk, aggregates, paired) VALUES (?, ?, ?)");
    sqlite3_bind_int64(put.st, 1, static_cast<sqlite3_int64>(c.chunk));
    sqlite3_bind_blob(put.st, 2, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(put.st, 3, pblob.data(), static_cast<int>(pblob.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(put.st) != SQLITE_DONE)
      throw Error(std::string("results store: ") + sqlite3_errmsg(db_));
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::finish(const std::string& aggregates_json) {
  Statement put(db_, "INSERT OR REPLACE INTO sweep (key, value) VALUES ('aggregates', ?)");
  sqlite3_bind_text(put.st, 1, aggregates_json.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(put.st) != SQLITE_DONE)
    throw Error(std::string("results store: ") + sqlite3_errmsg(db_));
}

}  // namespace parley::sim

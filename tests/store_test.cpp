// The results store's signature and checksums (tests/store_integrity.sh runs the CLI).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>

#include "core/digest.hpp"
#include "core/errors.hpp"
#include "sim/store.hpp"

namespace parley::sim {
namespace {

std::string fresh_path(const std::string& name) {
  const std::string path = testing::TempDir() + name;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix);
  return path;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Digest, Sha256MatchesTheStandardsExamples) {
  // FIPS 180-4 examples.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Digest, FieldsAreLengthPrefixed) {
  Sha256 a, b;
  a.field("ab").field("c");
  b.field("a").field("bc");
  EXPECT_NE(a.hex(), b.hex());
}

TEST(Store, TheSignatureCoversInputsOptionsAndVersion) {
  const StoreSignature base{"inputs", "runs=10 seed=1", "0.1.0"};
  EXPECT_NE(base.digest(), (StoreSignature{"inputs2", "runs=10 seed=1", "0.1.0"}).digest());
  EXPECT_NE(base.digest(), (StoreSignature{"inputs", "runs=11 seed=1", "0.1.0"}).digest());
  EXPECT_NE(base.digest(), (StoreSignature{"inputs", "runs=10 seed=1", "0.1.1"}).digest());
  EXPECT_EQ(base.digest(), (StoreSignature{"inputs", "runs=10 seed=1", "0.1.0"}).digest());
}

TEST(Store, ResumingSaysWhatDiffersAndNamesTheFile) {
  const std::string path = fresh_path("parley_store_signature.db");
  { Store created(path, {"inputs", "runs=10 seed=1", "0.1.0"}, false); }
  EXPECT_EQ(error_of([&] {
              Store s(path, {"inputs", "runs=10 seed=1", "0.2.0"}, true);
            }),
            "results store '" + path +
                "': holds a different sweep, which cannot be resumed with these: it was written "
                "by parley 0.1.0, this is parley 0.2.0");
  EXPECT_EQ(error_of([&] {
              Store s(path, {"edited", "runs=10 seed=1", "0.1.0"}, true);
            }),
            "results store '" + path +
                "': holds a different sweep, which cannot be resumed with these: the "
                "scenario's contents are not those of the stored sweep");
  EXPECT_EQ(error_of([&] {
              Store s(path, {"inputs", "runs=10 seed=1", "0.1.0"}, false);
            }),
            "results store '" + path +
                "': already holds a sweep; use --resume to finish it, or name a new file");
  EXPECT_EQ(error_of([&] {
              Store s(path, {"inputs", "runs=10 seed=1", "0.1.0"}, true);
            }),
            "(no error)");
}

TEST(Store, AChunksChecksumCoversItsIndexAndBothBlobs) {
  const std::string sum = chunk_checksum(3, "aggregates", "paired");
  EXPECT_EQ(sum.size(), 64u);
  EXPECT_NE(sum, chunk_checksum(4, "aggregates", "paired"));
  EXPECT_NE(sum, chunk_checksum(3, "aggregateS", "paired"));
  EXPECT_NE(sum, chunk_checksum(3, "aggregates", "paireD"));
  EXPECT_NE(sum, chunk_checksum(3, "aggregatesp", "aired"));
}

}  // namespace
}  // namespace parley::sim

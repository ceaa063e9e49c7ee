#pragma once
// SHA-256 (FIPS 180-4, from OpenSSL's libcrypto): the results store signs its inputs
// and checksums its chunks with it.
#include <memory>
#include <string>
#include <string_view>

namespace parley {

/// An incremental SHA-256. `field` adds a length-prefixed piece, so that a sequence of
/// fields has one encoding ("ab","c" and "a","bc" hash differently).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256& update(std::string_view bytes);
  Sha256& field(std::string_view bytes);
  /// The digest as 64 lowercase hex digits; the object cannot be updated afterwards.
  [[nodiscard]] std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

/// SHA-256 of `bytes`, 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace parley

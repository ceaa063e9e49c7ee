#include "core/digest.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <cstdint>

#include "core/errors.hpp"

namespace parley {

struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
  ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : ctx_(std::make_unique<Context>()) {
  ctx_->md = EVP_MD_CTX_new();
  if (!ctx_->md || EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1)
    throw Error("SHA-256: cannot initialise the digest (libcrypto)");
}

Sha256::~Sha256() = default;

Sha256& Sha256::update(std::string_view bytes) {
  if (EVP_DigestUpdate(ctx_->md, bytes.data(), bytes.size()) != 1)
    throw Error("SHA-256: digest update failed (libcrypto)");
  return *this;
}

Sha256& Sha256::field(std::string_view bytes) {
  // The length as 8 little-endian bytes, then the bytes.
  char len[8];
  auto n = static_cast<std::uint64_t>(bytes.size());
  for (char& c : len) {
    c = static_cast<char>(n & 0xffU);
    n >>= 8;
  }
  update(std::string_view(len, sizeof len));
  return update(bytes);
}

std::string Sha256::hex() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(ctx_->md, out, &size) != 1)
    throw Error("SHA-256: digest finalisation failed (libcrypto)");
  std::string text;
  text.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) text += fmt::format("{:02x}", out[i]);
  return text;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex();
}

}  // namespace parley

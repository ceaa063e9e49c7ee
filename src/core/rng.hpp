#pragma once
// xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64: a small, fast,
// well-tested generator with a fixed algorithm, so runs are reproducible across
// compilers and standard libraries (unlike std::uniform_int_distribution).
#include <cstdint>
#include <limits>

namespace parley {

class Rng {
 public:
  using result_type = std::uint64_t;
  explicit Rng(std::uint64_t seed = 1) { this->seed(seed); }
  void seed(std::uint64_t seed) {
    for (auto& s : s_) {  // splitmix64
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      s = z ^ (z >> 31);
    }
  }
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform in [0, n) by Lemire's multiply-shift (bias below 2^-32 for n < 2^32).
  int below(int n) {
    return static_cast<int>((((*this)() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace parley

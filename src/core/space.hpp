#pragma once
// The settlement space (docs/model.md, "Settlement space"): a package picks one option per issue;
// the space is indexed in mixed radix, so a package is one integer and enumeration is a counter.
#include <cstdint>
#include <span>
#include <vector>

namespace parley {

using Index = std::uint64_t;

class Space {
 public:
  Space() = default;
  /// radix[i] = number of options of issue i (each >= 1). Throws parley::Error if the
  /// product does not fit in 64 bits.
  explicit Space(std::vector<std::uint32_t> radix);

  [[nodiscard]] std::size_t issues() const { return radix_.size(); }
  [[nodiscard]] std::uint32_t radix(std::size_t issue) const { return radix_[issue]; }
  [[nodiscard]] Index stride(std::size_t issue) const { return stride_[issue]; }
  [[nodiscard]] Index size() const { return size_; }
  /// Total number of options over all issues.
  [[nodiscard]] std::size_t total_options() const { return total_options_; }

  /// Issue 0 is the least significant digit.
  [[nodiscard]] Index encode(std::span<const int> digits) const;
  void decode(Index index, std::span<int> digits) const;
  [[nodiscard]] std::vector<int> decode(Index index) const;

 private:
  std::vector<std::uint32_t> radix_;
  std::vector<Index> stride_;
  Index size_ = 1;
  std::size_t total_options_ = 0;
};

/// An odometer over the space: next() advances by one and reports the highest
/// issue whose digit changed (all lower issues wrapped to 0), which is what
/// incremental evaluation needs.
class Odometer {
 public:
  explicit Odometer(const Space& space) : space_(&space), digits_(space.issues(), 0) {}
  [[nodiscard]] std::span<const int> digits() const { return digits_; }
  /// Advances; returns the highest changed issue, or -1 after the last package.
  int next();

 private:
  const Space* space_;
  std::vector<int> digits_;
};

}  // namespace parley

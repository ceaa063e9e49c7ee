#include "core/space.hpp"

#include <limits>

#include "core/errors.hpp"

namespace parley {

Space::Space(std::vector<std::uint32_t> radix) : radix_(std::move(radix)) {
  stride_.resize(radix_.size());
  size_ = 1;
  for (std::size_t i = 0; i < radix_.size(); ++i) {
    if (radix_[i] == 0) throw Error("issue " + std::to_string(i) + " has no options");
    stride_[i] = size_;
    if (size_ > std::numeric_limits<Index>::max() / radix_[i])
      throw Error(
          "the settlement space has 2^64 packages or more (the product of the issues' option "
          "counts); split the scenario into smaller ones");
    size_ *= radix_[i];
    total_options_ += radix_[i];
  }
}

Index Space::encode(std::span<const int> digits) const {
  Index index = 0;
  for (std::size_t i = 0; i < radix_.size(); ++i)
    index += static_cast<Index>(digits[i]) * stride_[i];
  return index;
}

void Space::decode(Index index, std::span<int> digits) const {
  for (std::size_t i = 0; i < radix_.size(); ++i) {
    digits[i] = static_cast<int>(index % radix_[i]);
    index /= radix_[i];
  }
}

std::vector<int> Space::decode(Index index) const {
  std::vector<int> digits(radix_.size());
  decode(index, digits);
  return digits;
}

int Odometer::next() {
  for (std::size_t i = 0; i < digits_.size(); ++i) {
    if (++digits_[i] < static_cast<int>(space_->radix(i))) return static_cast<int>(i);
    digits_[i] = 0;
  }
  return -1;
}

}  // namespace parley

#include "core/space.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/errors.hpp"

namespace parley {
namespace {

TEST(Space, SizeIsProductOfRadices) {
  Space s({3, 4, 5});
  EXPECT_EQ(s.size(), 60u);
  EXPECT_EQ(s.stride(0), 1u);
  EXPECT_EQ(s.stride(1), 3u);
  EXPECT_EQ(s.stride(2), 12u);
  EXPECT_EQ(s.total_options(), 12u);
}

TEST(Space, EncodeDecodeRoundTripsEveryIndex) {
  Space s({2, 3, 1, 4});
  for (Index i = 0; i < s.size(); ++i) EXPECT_EQ(s.encode(s.decode(i)), i);
}

TEST(Space, RoundTripsRandomIndicesInLargeSpace) {
  Space s(std::vector<std::uint32_t>(16, 5));  // 5^16 = 1.5e11
  std::mt19937_64 rng(7);
  for (int t = 0; t < 1000; ++t) {
    Index i = rng() % s.size();
    EXPECT_EQ(s.encode(s.decode(i)), i);
  }
  EXPECT_EQ(s.decode(s.size() - 1), std::vector<int>(16, 4));
}

TEST(Space, OdometerVisitsIndicesInOrderAndReportsHighestChange) {
  Space s({2, 3, 2});
  Odometer odo(s);
  Index expected = 0;
  do {
    EXPECT_EQ(s.encode(odo.digits()), expected);
    ++expected;
    auto before = std::vector<int>(odo.digits().begin(), odo.digits().end());
    int changed = odo.next();
    if (changed < 0) break;
    for (std::size_t i = static_cast<std::size_t>(changed) + 1; i < before.size(); ++i)
      EXPECT_EQ(before[i], odo.digits()[i]);
    EXPECT_NE(before[static_cast<std::size_t>(changed)],
              odo.digits()[static_cast<std::size_t>(changed)]);
  } while (true);
  EXPECT_EQ(expected, s.size());
}

TEST(Space, RejectsOverflowAndEmptyIssues) {
  EXPECT_THROW(Space(std::vector<std::uint32_t>(70, 2)), Error);
  EXPECT_THROW(Space({3, 0}), Error);
}

}  // namespace
}  // namespace parley

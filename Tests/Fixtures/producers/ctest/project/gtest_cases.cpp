// GoogleTest cases for the CTest --output-junit fixture: two pass, one fails, one is skipped.
#include <gtest/gtest.h>

TEST(Arithmetic, Adds) { EXPECT_EQ(2 + 2, 4); }

TEST(Arithmetic, Multiplies) { EXPECT_EQ(3 * 4, 12); }

TEST(Arithmetic, FailsOnPurpose) { EXPECT_EQ(2 + 2, 5) << "known bug #123"; }

TEST(Arithmetic, SkippedOnPurpose) {
  GTEST_SKIP() << "no frobnicator attached";
  FAIL() << "not reached";
}

// GoogleTest XML output under a decimal-comma locale.
//
// googletest formats the XML time attributes (and the timestamp's year) with a std::stringstream,
// which takes the program's global C++ locale. Stock gtest_main never changes that locale, so its
// reports always use a decimal point whatever LC_ALL says. A test program that adopts the
// environment's locale (as many applications do at start-up) makes googletest write decimal
// commas when run under, for example, LC_ALL=de_DE.UTF-8. This main() does exactly that.
#include <gtest/gtest.h>

#include <chrono>
#include <locale>
#include <thread>

TEST(Locale, SlowPass) {
  // Long enough that the elapsed time has a fractional part in seconds (about 1.1 s).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(2 + 2, 4);
}

TEST(Locale, SlowFail) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_EQ(2 + 2, 5) << "known bug #123";
}

TEST(Locale, Skipped) { GTEST_SKIP() << "no frobnicator attached"; }

int main(int argc, char** argv) {
  std::locale::global(std::locale(""));  // adopt LC_ALL / LANG from the environment
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}

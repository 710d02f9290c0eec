// Catch2 v2 fixture test binary (Debian's catch2 2.13.x is header-only: the main comes from
// CATCH_CONFIG_MAIN, no library to link). Catch2 v2 has no SKIP() (added in v3.3.0).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

TEST_CASE("passes", "[arith]") {
    REQUIRE(2 + 2 == 4);
}

TEST_CASE("fails on purpose", "[arith]") {
    CHECK(2 + 2 == 5);
}

TEST_CASE("mayfail and fails", "[arith][!mayfail]") {
    REQUIRE(2 + 2 == 5);
}

TEST_CASE("shouldfail and fails", "[arith][!shouldfail]") {
    REQUIRE(2 + 2 == 5);
}

TEST_CASE("mayfail and passes", "[arith][!mayfail]") {
    REQUIRE(2 + 2 == 4);
}

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "clientscore/numbers.hpp"

using namespace clientscore;

TEST_CASE("common::round_half_away", "[common]") {
    SECTION("halves go away from zero") {
        CHECK(round_half_away(0.5, 0) == 1);
        CHECK(round_half_away(-0.5, 0) == -1);
        CHECK(round_half_away(1.25, 1) == 1.3);
        CHECK(round_half_away(-1.25, 1) == -1.3);
    }
    SECTION("a value stored just below the half still rounds up (the 1e-9 rule)") {
        CHECK(round_half_away(2.675, 2) == 2.68);
        CHECK(round_half_away(1.005, 2) == 1.01);
        CHECK(round_half_away(-2.675, 2) == -2.68);
    }
    SECTION("minus zero becomes zero") {
        const double r = round_half_away(-0.004, 2);
        CHECK(r == 0);
        CHECK_FALSE(std::signbit(r));
        CHECK_FALSE(std::signbit(round_half_away(-0.0, 1)));
    }
    SECTION("plain rounding") {
        CHECK(round_half_away(0.41666666, 4) == 0.4167);
        CHECK(round_half_away(38.333333, 2) == 38.33);
        CHECK(round_half_away(72.45, 1) == 72.5);
        CHECK(round_half_away(123456.789, 0) == 123457);
    }
}

TEST_CASE("common::format_money", "[common]") {
    CHECK(format_money(0) == "0.00");
    CHECK(format_money(1234567.891) == "1,234,567.89");
    CHECK(format_money(-1234.5) == "-1,234.50");
    CHECK(format_money(999.995) == "1,000.00");
    CHECK(format_money(-0.001) == "0.00");
    CHECK(format_money(std::numeric_limits<double>::infinity()).empty());
}

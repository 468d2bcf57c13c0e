#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "clientscore/render.hpp"
#include "render/number_format.hpp"

using namespace clientscore;
using namespace clientscore::render;

TEST_CASE("render::format_money", "[render]") {
    CHECK(format_money(1234567.891) == "1,234,567.89");
    CHECK(format_money(-1234.5) == "-1,234.50");
    CHECK(format_money(0) == "0.00");
    CHECK(format_money(-0.004) == "0.00");
    CHECK(format_money(999.995) == "1,000.00");
    CHECK(format_money(100) == "100.00");
    CHECK(format_money(123456) == "123,456.00");
    CHECK(format_money(2.675) == "2.68");
}

TEST_CASE("render::format_number", "[render]") {
    SECTION("integral values print as integers") {
        CHECK(format_number(100.0) == "100");
        CHECK(format_number(-12.0) == "-12");
        CHECK(format_number(-0.0) == "0");
    }
    SECTION("others in the shortest form that reads back") {
        CHECK(format_number(0.1) == "0.1");
        CHECK(format_number(0.3) == "0.3");
        CHECK(format_number(-12.5) == "-12.5");
        CHECK(format_number(0.0001) == "0.0001");
        CHECK(format_number(123456789.12) == "123456789.12");
    }
    SECTION("rounded first") {
        CHECK(format_rounded(0.41666666, 4) == "0.4167");
        CHECK(format_rounded(2.675, 2) == "2.68");
        CHECK(format_rounded(-0.004, 2) == "0");
        CHECK(format_rounded(99.999, 2) == "100");
    }
    SECTION("not finite: empty") { CHECK(format_number(std::nan("")).empty()); }
    SECTION("fixed and percent") {
        CHECK(format_fixed(3.5, 2) == "3.50");
        CHECK(format_fixed(-0.001, 2) == "0.00");
        CHECK(format_percent(0.2745) == "27.5%");
        CHECK(format_percent(-0.125) == "-12.5%");
    }
}

TEST_CASE("render::one_line", "[render]") {
    CHECK(one_line("a\r\nb\nc\rd") == "a b c d");
    CHECK(one_line("a\nb", "⏎") == "a⏎b");
    CHECK(one_line("tab\there") == "tab here");
    // Other controls are shown, not dropped: the table says what the export holds.
    CHECK(one_line("bell\x07 esc\x1b[31m") == "bell\\x07 esc\\x1b[31m");
    CHECK(one_line("c1 \xC2\x9B[2J bad \xFF") == "c1 \\u009b[2J bad \\xff");
}

TEST_CASE("render::append_rounded writes what format_rounded returns", "[render]") {
    // append_rounded prints most values from their integer digits; format_rounded goes through
    // fmt's shortest-digits search. Every magnitude, sign and number of decimals must agree.
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> mantissa(-10, 10);
    std::uniform_int_distribution<int> exponent(-8, 17);
    std::vector<double> values = {0.0,
                                  -0.0,
                                  0.5,
                                  -0.5,
                                  2.675,
                                  1e-4,
                                  5e-5,
                                  4.9999e-5,
                                  0.00015,
                                  999.995,
                                  1e15,
                                  999999999999999.9,
                                  1e16,
                                  -1e16,
                                  9007199254740993.0,
                                  123456789012.3456,
                                  std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::denorm_min()};
    for (int i = 0; i < 100000; ++i) {
        values.push_back(mantissa(rng) * std::pow(10.0, exponent(rng)));
    }
    std::size_t disagreements = 0;
    for (const double value : values) {
        for (int decimals = 0; decimals <= 4; ++decimals) {
            std::string appended = "x";
            // Not finite once rounded (the largest doubles times 10^decimals): both print nothing.
            const bool finite = append_rounded(appended, value, decimals);
            const std::string expected = format_rounded(value, decimals);
            if (finite == expected.empty() || appended != "x" + expected) {
                ++disagreements;
                FAIL_CHECK(value << " at " << decimals << ": " << appended << " vs " << expected);
            }
        }
    }
    CHECK(disagreements == 0);
    std::string text;
    CHECK_FALSE(append_rounded(text, std::numeric_limits<double>::infinity(), 2));
    CHECK_FALSE(append_rounded(text, std::nan(""), 2));
    CHECK(text.empty());
}

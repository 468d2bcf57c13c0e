#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"

using namespace clientscore;

TEST_CASE("normalize::days_from_civil", "[normalize]") {
    SECTION("known days") {
        struct Row {
            int y;
            unsigned m;
            unsigned d;
            Days days;
        };
        const Row rows[] = {
            {1970, 1, 1, 0},      {1969, 12, 31, -1},    {2000, 1, 1, 10957},
            {2000, 2, 29, 11016}, {2024, 2, 29, 19782},  {2026, 3, 5, 20517},
            {2026, 3, 29, 20541}, {2026, 10, 25, 20751}, {2100, 12, 31, 47846},
        };
        for (const Row& r : rows) {
            INFO(r.y << "-" << r.m << "-" << r.d);
            CHECK(days_from_civil(r.y, r.m, r.d) == r.days);
            const CivilDate c = civil_from_days(r.days);
            CHECK(c.year == r.y);
            CHECK(c.month == r.m);
            CHECK(c.day == r.d);
        }
    }
    SECTION("every day from 1900 to 2200 round-trips and follows the previous one") {
        Days expected = days_from_civil(1900, 1, 1);
        for (int y = 1900; y <= 2200; ++y) {
            const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            const unsigned lengths[] = {31, leap ? 29u : 28u, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            for (unsigned m = 1; m <= 12; ++m) {
                for (unsigned d = 1; d <= lengths[m - 1]; ++d) {
                    const Days days = days_from_civil(y, m, d);
                    REQUIRE(days == expected);
                    const CivilDate c = civil_from_days(days);
                    REQUIRE((c.year == y && c.month == m && c.day == d));
                    ++expected;
                }
            }
        }
    }
}

TEST_CASE("normalize::weekday_of", "[normalize]") {
    CHECK(weekday_of(0) == 3);   // 1970-01-01, a Thursday
    CHECK(weekday_of(-1) == 2);  // 1969-12-31, a Wednesday
    CHECK(weekday_of(-7) == 3);
    CHECK(weekday_of(days_from_civil(2026, 3, 29)) == 6);   // a Sunday
    CHECK(weekday_of(days_from_civil(2026, 3, 30)) == 0);   // a Monday
    CHECK(weekday_of(days_from_civil(2000, 2, 29)) == 1);   // a Tuesday
    CHECK(weekday_of(days_from_civil(2100, 12, 31)) == 4);  // a Friday
    for (Days d = -30; d < 30; ++d) {
        CHECK(weekday_of(d + 1) == (weekday_of(d) + 1) % 7);
    }
}

TEST_CASE("normalize::format_date", "[normalize]") {
    CHECK(format_date(0) == "1970-01-01");
    CHECK(format_date(-1) == "1969-12-31");
    CHECK(format_date(20541) == "2026-03-29");
    CHECK(format_date(days_from_civil(2100, 12, 31)) == "2100-12-31");
    CHECK(format_date(days_from_civil(999, 5, 7)) == "0999-05-07");
    CHECK(format_date(days_from_civil(12345, 1, 2)) == "12345-01-02");
}

TEST_CASE("normalize::parse_iso_date", "[normalize]") {
    SECTION("valid dates round-trip through format_date") {
        for (const std::string_view s :
             {"1970-01-01", "2000-02-29", "2024-02-29", "2026-03-05", "2026-12-31", "2100-12-31"}) {
            INFO(s);
            const Result<Days> r = parse_iso_date(s);
            REQUIRE(r.ok());
            CHECK(format_date(*r) == s);
        }
    }
    SECTION("malformed") {
        for (const std::string_view s :
             {"", "2026", "2026-03", "2026-3-05", "2026-03-5", "26-03-05", "2026/03/05", "05.03.2026",
              "2026-03-05 ", " 2026-03-05", "2026-03-05T10:00", "2026-03-05Z", "20260305", "2026-03-0a",
              "+026-03-05", "2026--3-05", "02026-03-05"}) {
            INFO("[" << s << "]");
            const Result<Days> r = parse_iso_date(s);
            CHECK_FALSE(r.ok());
            CHECK(r.error().rfind("is not a date", 0) == 0);
        }
    }
    SECTION("no such day") {
        for (const std::string_view s : {"2026-02-29", "2100-02-29", "2026-02-30", "2026-04-31", "2026-13-01",
                                         "2026-00-10", "2026-01-00", "2026-01-32"}) {
            INFO(s);
            const Result<Days> r = parse_iso_date(s);
            CHECK_FALSE(r.ok());
            CHECK(r.error().rfind("is not a date", 0) == 0);
        }
    }
    SECTION("years outside 1970-2100") {
        for (const std::string_view s : {"1969-12-31", "2101-01-01", "0000-01-01", "9999-12-31"}) {
            INFO(s);
            const Result<Days> r = parse_iso_date(s);
            CHECK_FALSE(r.ok());
            CHECK(r.error() == "is outside the years 1970-2100");
        }
    }
}

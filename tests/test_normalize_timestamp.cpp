#include <catch2/catch.hpp>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"

using namespace clientscore;

namespace {

constexpr std::int32_t k_no_time = -1;
constexpr std::int32_t hms(int h, int m, int s = 0) { return h * 3600 + m * 60 + s; }

struct Good {
    std::string_view text;
    DateOrder order;
    int y;
    unsigned m;
    unsigned d;
    std::int32_t seconds;
    std::optional<std::int32_t> offset;
};

void check_good(const Good& g) {
    INFO("[" << g.text << "] order " << static_cast<int>(g.order));
    const Result<ParsedTimestamp> r = parse_timestamp(g.text, g.order);
    REQUIRE(r.ok());
    CHECK(format_date(r->date) == format_date(days_from_civil(g.y, g.m, g.d)));
    CHECK(r->seconds == g.seconds);
    CHECK(r->offset_minutes == g.offset);
}

void check_bad(std::string_view text, DateOrder order, std::string_view error_start) {
    INFO("[" << text << "] order " << static_cast<int>(order));
    const Result<ParsedTimestamp> r = parse_timestamp(text, order);
    REQUIRE_FALSE(r.ok());
    INFO("error: " << r.error());
    CHECK(r.error().rfind(error_start, 0) == 0);
}

constexpr DateOrder k_auto = DateOrder::automatic;
constexpr DateOrder k_dmy = DateOrder::dmy;
constexpr DateOrder k_mdy = DateOrder::mdy;
const std::optional<std::int32_t> k_none;

}  // namespace

TEST_CASE("normalize::parse_timestamp", "[normalize]") {
    SECTION("ISO dates and date-times") {
        const Good rows[] = {
            {"2026-03-05", k_auto, 2026, 3, 5, k_no_time, k_none},
            {"1970-01-01", k_auto, 1970, 1, 1, k_no_time, k_none},
            {"2100-12-31", k_auto, 2100, 12, 31, k_no_time, k_none},
            {"2024-02-29", k_auto, 2024, 2, 29, k_no_time, k_none},
            {"2026-03-05 10:07", k_auto, 2026, 3, 5, hms(10, 7), k_none},
            {"2026-03-05T10:07", k_auto, 2026, 3, 5, hms(10, 7), k_none},
            {"2026-03-05 10:07:09", k_auto, 2026, 3, 5, hms(10, 7, 9), k_none},
            {"2026-03-05T23:59:59", k_auto, 2026, 3, 5, hms(23, 59, 59), k_none},
            {"2026-03-05 00:00:00", k_auto, 2026, 3, 5, 0, k_none},
            {"2026-03-05 9:30", k_auto, 2026, 3, 5, hms(9, 30), k_none},
            {"2026-03-05 10:07:09.5", k_auto, 2026, 3, 5, hms(10, 7, 9), k_none},
            {"2026-03-05T23:59:59.999999", k_auto, 2026, 3, 5, hms(23, 59, 59),
             k_none},  // truncated, not rounded
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("ISO offsets") {
        const Good rows[] = {
            {"2026-03-05T10:07:09Z", k_auto, 2026, 3, 5, hms(10, 7, 9), 0},
            {"2026-03-05T10:07:09z", k_auto, 2026, 3, 5, hms(10, 7, 9), 0},
            {"2026-03-05 10:07Z", k_auto, 2026, 3, 5, hms(10, 7), 0},
            {"2026-03-05T10:07:09+02:00", k_auto, 2026, 3, 5, hms(10, 7, 9), 120},
            {"2026-03-05T10:07:09-05:30", k_auto, 2026, 3, 5, hms(10, 7, 9), -330},
            {"2026-03-05T10:07:09+0200", k_auto, 2026, 3, 5, hms(10, 7, 9), 120},
            {"2026-03-05T10:07:09-0800", k_auto, 2026, 3, 5, hms(10, 7, 9), -480},
            {"2026-03-05T10:07:09.123+01:00", k_auto, 2026, 3, 5, hms(10, 7, 9), 60},
            {"2026-03-05 10:07 +01:00", k_auto, 2026, 3, 5, hms(10, 7), 60},
            {"2026-03-05T10:07:09+00:00", k_auto, 2026, 3, 5, hms(10, 7, 9), 0},
            {"2026-03-05T10:07:09-00:00", k_auto, 2026, 3, 5, hms(10, 7, 9), 0},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("a bare date keeps its date whatever offset follows") {
        const Good rows[] = {
            {"2026-03-05Z", k_auto, 2026, 3, 5, k_no_time, k_none},
            {"2026-03-05+02:00", k_auto, 2026, 3, 5, k_no_time, k_none},
            {"2026-03-05-0800", k_auto, 2026, 3, 5, k_no_time, k_none},
            {"2026-03-05 +14:00", k_auto, 2026, 3, 5, k_no_time, k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("dotted dates are day first whatever the order") {
        const Good rows[] = {
            {"5.3.2026", k_auto, 2026, 3, 5, k_no_time, k_none},
            {"05.03.2026", k_mdy, 2026, 3, 5, k_no_time, k_none},
            {"31.12.2026", k_dmy, 2026, 12, 31, k_no_time, k_none},
            {"5.3.2026 9:05", k_auto, 2026, 3, 5, hms(9, 5), k_none},
            {"05.03.2026 23:59:58", k_auto, 2026, 3, 5, hms(23, 59, 58), k_none},
            {"29.02.2024 00:00", k_auto, 2024, 2, 29, 0, k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("slash dates in the order given") {
        const Good rows[] = {
            {"5/3/2026", k_dmy, 2026, 3, 5, k_no_time, k_none},
            {"5/3/2026", k_mdy, 2026, 5, 3, k_no_time, k_none},
            {"05/03/2026", k_dmy, 2026, 3, 5, k_no_time, k_none},
            {"25/12/2026", k_auto, 2026, 12, 25, k_no_time, k_none},
            {"12/25/2026", k_auto, 2026, 12, 25, k_no_time, k_none},
            {"25/12/2026", k_dmy, 2026, 12, 25, k_no_time, k_none},
            {"12/25/2026", k_mdy, 2026, 12, 25, k_no_time, k_none},
            {"7/7/2026", k_auto, 2026, 7, 7, k_no_time, k_none},  // equal parts need no order
            {"5/3/2026 14:30", k_dmy, 2026, 3, 5, hms(14, 30), k_none},
            {"5/3/2026 14:30:15", k_mdy, 2026, 5, 3, hms(14, 30, 15), k_none},
            {"13/3/2026 0:00", k_auto, 2026, 3, 13, 0, k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("AM and PM") {
        const Good rows[] = {
            {"3/15/2026 2:30 PM", k_auto, 2026, 3, 15, hms(14, 30), k_none},
            {"3/15/2026 2:30PM", k_auto, 2026, 3, 15, hms(14, 30), k_none},
            {"3/15/2026 2:30 pm", k_auto, 2026, 3, 15, hms(14, 30), k_none},
            {"3/15/2026 2:30:45 Pm", k_auto, 2026, 3, 15, hms(14, 30, 45), k_none},
            {"3/15/2026 2:30 AM", k_auto, 2026, 3, 15, hms(2, 30), k_none},
            {"3/15/2026 12:00 AM", k_auto, 2026, 3, 15, 0, k_none},
            {"3/15/2026 12:59:59 am", k_auto, 2026, 3, 15, hms(0, 59, 59), k_none},
            {"3/15/2026 12:00 PM", k_auto, 2026, 3, 15, hms(12, 0), k_none},
            {"3/15/2026 11:59 PM", k_auto, 2026, 3, 15, hms(23, 59), k_none},
            {"3/15/2026 1:00 am", k_auto, 2026, 3, 15, hms(1, 0), k_none},
            {"3/15/2026, 4:05:06 PM", k_auto, 2026, 3, 15, hms(16, 5, 6), k_none},
            {"15/3/2026 4:05 PM", k_dmy, 2026, 3, 15, hms(16, 5), k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("Unix seconds and milliseconds are UTC instants") {
        const Good rows[] = {
            {"1772704800", k_auto, 2026, 3, 5, hms(10, 0), 0},
            {"1772704800123", k_auto, 2026, 3, 5, hms(10, 0), 0},
            {"1772704859999", k_auto, 2026, 3, 5, hms(10, 0, 59), 0},  // milliseconds are truncated
            {"999999999", k_auto, 2001, 9, 9, hms(1, 46, 39), 0},
            {"999999999000", k_auto, 2001, 9, 9, hms(1, 46, 39), 0},
            {"4102444800", k_auto, 2100, 1, 1, 0, 0},
            {"4133980799", k_auto, 2100, 12, 31, hms(23, 59, 59), 0},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("malformed") {
        for (const std::string_view s : {"",
                                         " ",
                                         "x",
                                         "today",
                                         "2026",
                                         "202603",
                                         "20260305",
                                         "2026-03",
                                         "2026-3-5",
                                         "2026-03-5",
                                         "2026-03-05T",
                                         "2026-03-05 ",
                                         "2026-03-05T10",
                                         "2026-03-05T10:7",
                                         "2026-03-05T10:07:",
                                         "2026-03-05T10:07:9",
                                         "2026-03-05T10:07:09.",
                                         "2026-03-05T10:070",
                                         "2026-03-05T100:07",
                                         "2026-03-05T10:07+2",
                                         "2026-03-05T10:07+02",
                                         "2026-03-05T10:07+02:0",
                                         "2026-03-05T10:07+0200x",
                                         "2026-03-05T10:07 UTC",
                                         "2026-03-05T10:07ZZ",
                                         "2026-03-05 10:07 PM",
                                         "2026-03-05x",
                                         "2026-03-05+25:00",
                                         "2026-03-05T10:07+02:60",
                                         "2026-03-05T10:07:09.5.5",
                                         "2026-03-05  10:07",
                                         "5.3.2026T10:00",
                                         "5.3.2026 10",
                                         "5.3.2026 10:00 PM",
                                         "5.3.2026 10:00:00.5",
                                         "5..2026",
                                         "123.3.2026",
                                         "5.3.20260",
                                         "5/3/20260",
                                         "5/3/202",
                                         "5.3.202",
                                         "5/3/2",
                                         "2026/03/05T10:00",
                                         "2026/03/05 10:00 +0100",
                                         "2026/3/055",
                                         "Foo 15 2026",
                                         "15 Jly 2026",
                                         "Jly 15 2026",
                                         "Sept 15 2026",
                                         "15 Sept 2026",
                                         "Tues Jul 15 2026",
                                         "Julyy 15 2026",
                                         "Ju 15 2026",
                                         "Jul 15 26",
                                         "15 Jul 26",
                                         "15-Jul-26",
                                         "15 Jul-2026",
                                         "15-Jul 2026",
                                         "Jul-15-2026",
                                         "Jul 15",
                                         "Jul 2026",
                                         "15 Jul",
                                         "Jul 152 2026",
                                         "Jul 15 20266",
                                         "Jul 15 2026 10",
                                         "Jul 15 2026 10:00 XM",
                                         "Jul 15 2026 10:00 +02",
                                         "Jul 15 2026 10:00 UTC",
                                         "Oct 31 22:10:47 +0000",
                                         "Oct 31 22:10:47 +0000 17",
                                         "Oct 31 22:10:47 +0000 2017 x",
                                         "Tue",
                                         "Tue,",
                                         "Tue 2026-07-15",
                                         "15 Jul 2026T10:00",
                                         "5-3-2026",
                                         "5/3/2026T10:00",
                                         "5/3/2026 10",
                                         "5/3/2026 PM",
                                         "5/3/2026 10:00 XM",
                                         "5/3/2026 10:00 P.M.",
                                         "5/3/2026 10:00 AMX",
                                         "5 /3/2026",
                                         "/3/2026",
                                         "5//2026",
                                         "12345678",
                                         "12345678901",
                                         "12345678901234",
                                         "-1772704800",
                                         "1772704800.5",
                                         "1e9",
                                         "１２/３/2026"}) {
            check_bad(s, k_dmy, "is not a date");
        }
    }
    SECTION("impossible days and times") {
        for (const std::string_view s : {"2026-02-29",
                                         "2026-02-30",
                                         "2026-13-01",
                                         "2026-00-01",
                                         "2026-04-31",
                                         "2026-01-00",
                                         "2026-03-05 24:00",
                                         "2026-03-05 10:60",
                                         "2026-03-05 10:00:60",
                                         "2026-03-05T25:00:00Z",
                                         "30.2.2026",
                                         "1.13.2026",
                                         "0.1.2026",
                                         "5.3.2026 24:00",
                                         "31/4/2026",
                                         "0/4/2026",
                                         "29/2/2026",
                                         "5/3/2026 24:00",
                                         "5/3/2026 23:60",
                                         "5/3/2026 0:00 AM",
                                         "5/3/2026 13:00 PM",
                                         "5/3/2026 00:30 am"}) {
            check_bad(s, k_dmy, "is not a date");
        }
    }
    SECTION("years outside 1970-2100") {
        for (const std::string_view s :
             {"31 Dec 1969", "Jan 1, 2101", "Tue Oct 31 22:10:47 +0000 1969", "1969/12/31",
              "1969-12-31", "2101-01-01", "1969-12-31T23:59:59Z", "31.12.1969", "1/1/2101",
              "1/1/1900 10:00 AM", "0001-01-01", "9999-12-31", "4133980800", "9999999999", "9999999999999"}) {
            check_bad(s, k_dmy, "is outside the years 1970-2100");
        }
    }
    SECTION("slash dates that the order cannot read") {
        check_bad("13/3/2026", k_mdy, "is not a date in month/day/year order");
        check_bad("3/13/2026", k_dmy, "is not a date in day/month/year order");
        check_bad("13/13/2026", k_auto, "is not a date");
        check_bad("13/13/2026", k_dmy, "is not a date");
    }
    SECTION("ambiguous slash dates under auto ask for --date-order") {
        for (const std::string_view s :
             {"5/3/2026", "05/03/2026", "1/12/2026", "12/1/2026 10:00", "3/4/2026 1:00 PM"}) {
            INFO(s);
            const Result<ParsedTimestamp> r = parse_timestamp(s, k_auto);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().find("--date-order") != std::string::npos);
        }
    }
}

TEST_CASE("normalize::slash_hint", "[normalize]") {
    struct Row {
        std::string_view text;
        SlashHint hint;
    };
    const Row rows[] = {
        {"13/3/2026", SlashHint::day_first},
        {"31/12/2026 10:00", SlashHint::day_first},
        {"3/13/2026", SlashHint::month_first},
        {"12/31/2026 11:59 PM", SlashHint::month_first},
        {"5/5/2026", SlashHint::same},
        {"05/5/2026", SlashHint::same},
        {"12/12/2026 1:00 PM", SlashHint::same},
        {"5/3/2026", SlashHint::ambiguous},
        {"1/12/2026", SlashHint::ambiguous},
        {"2026-03-05", SlashHint::not_slash},
        {"5.3.2026", SlashHint::not_slash},
        {"1772704800", SlashHint::not_slash},
        {"", SlashHint::not_slash},
        {"hello", SlashHint::not_slash},
        {"5/3/26", SlashHint::ambiguous},  // two-digit years settle like the others (SPEC §2 ◆7)
        {"13/3/26 8:26", SlashHint::day_first},
        {"3/13/69", SlashHint::month_first},
        {"29/2/24", SlashHint::day_first},
        {"2/29/25", SlashHint::not_slash},  // 2025 is no leap year
        {"5/3/202", SlashHint::not_slash},
        {"2026/03/05", SlashHint::not_slash},
        {"15 Jul 2026", SlashHint::not_slash},
        {"13/13/2026", SlashHint::not_slash},  // no order gives a real day
        {"31/4/2026", SlashHint::not_slash},   // April 31 and month 31 are both no day
        {"30/2/2026", SlashHint::not_slash},
        {"0/3/2026", SlashHint::not_slash},
        {"29/2/2024", SlashHint::day_first},  // only day-first is real in a leap year
        {"2/29/2024", SlashHint::month_first},
    };
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        CHECK(slash_hint(r.text) == r.hint);
    }
}

TEST_CASE("normalize::parse_timestamp reads back every day in every form", "[normalize]") {
    std::mt19937 rng(42);
    const Days first = days_from_civil(1970, 1, 1);
    const Days last = days_from_civil(2100, 12, 31);
    char buf[64];
    for (Days day = first; day <= last; ++day) {
        const CivilDate c = civil_from_days(day);
        const int h = static_cast<int>(rng() % 24);
        const int m = static_cast<int>(rng() % 60);
        const int s = static_cast<int>(rng() % 60);
        const int h12 = h % 12 == 0 ? 12 : h % 12;
        const char* ampm = h < 12 ? "AM" : "PM";
        const auto expect = [&](std::string_view text, DateOrder order, std::int32_t seconds,
                                std::optional<std::int32_t> offset) {
            const Result<ParsedTimestamp> r = parse_timestamp(text, order);
            if (!r.ok() || r->date != day || r->seconds != seconds || r->offset_minutes != offset) {
                FAIL("[" << text << "] read as " << (r.ok() ? format_date(r->date) : r.error()));
            }
        };
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
        expect(buf, DateOrder::automatic, -1, std::nullopt);
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+05:30", c.year, c.month, c.day, h, m,
                      s);
        expect(buf, DateOrder::automatic, hms(h, m, s), 330);
        std::snprintf(buf, sizeof buf, "%u.%u.%04d %d:%02d", c.day, c.month, c.year, h, m);
        expect(buf, DateOrder::mdy, hms(h, m), std::nullopt);
        std::snprintf(buf, sizeof buf, "%u/%u/%04d %d:%02d:%02d %s", c.month, c.day, c.year, h12, m, s, ampm);
        expect(buf, DateOrder::mdy, hms(h, m, s), std::nullopt);
        std::snprintf(buf, sizeof buf, "%02u/%02u/%04d %02d:%02d", c.day, c.month, c.year, h, m);
        expect(buf, DateOrder::dmy, hms(h, m), std::nullopt);
        static constexpr const char* k_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        static constexpr const char* k_long[] = {"JANUARY", "february", "March",     "april",   "MAY",      "June",
                                                 "july",    "AUGUST",   "september", "October", "november", "December"};
        std::snprintf(buf, sizeof buf, "%u-%s-%04d", c.day, k_short[c.month - 1], c.year);
        expect(buf, DateOrder::automatic, -1, std::nullopt);
        std::snprintf(buf, sizeof buf, "%s %u, %04d %d:%02d %s", k_long[c.month - 1], c.day, c.year, h12, m, ampm);
        expect(buf, DateOrder::automatic, hms(h, m), std::nullopt);
        std::snprintf(buf, sizeof buf, "Fri %s %02u %02d:%02d:%02d -0130 %04d", k_short[c.month - 1], c.day, h, m, s,
                      c.year);
        expect(buf, DateOrder::automatic, hms(h, m, s), -90);
        std::snprintf(buf, sizeof buf, "%04d/%02u/%02u %02d:%02d", c.year, c.month, c.day, h, m);
        expect(buf, DateOrder::dmy, hms(h, m), std::nullopt);
        if (c.year <= 2069) {
            std::snprintf(buf, sizeof buf, "%u/%u/%02d %d:%02d", c.month, c.day, c.year % 100, h, m);
            expect(buf, DateOrder::mdy, hms(h, m), std::nullopt);
            std::snprintf(buf, sizeof buf, "%02u.%02u.%02d", c.day, c.month, c.year % 100);
            expect(buf, DateOrder::mdy, -1, std::nullopt);
        }
        const long long unix_seconds = static_cast<long long>(day) * 86400 + hms(h, m, s);
        if (unix_seconds >= 100000000) {
            std::snprintf(buf, sizeof buf, "%lld", unix_seconds);
            expect(buf, DateOrder::automatic, hms(h, m, s), 0);
            std::snprintf(buf, sizeof buf, "%lld%03d", unix_seconds, static_cast<int>(rng() % 1000));
            expect(buf, DateOrder::automatic, hms(h, m, s), 0);
        }
    }
    SUCCEED("every day from 1970 to 2100 read back");
}

TEST_CASE("normalize::parse_timestamp month names (SPEC §2 ◆7)", "[normalize]") {
    SECTION("the forms SPEC lists") {
        const Good rows[] = {
            {"15 Jul 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"15-Jul-2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"Jul 15 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"Jul 15, 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"20 Apr, 2021 07:49:50", k_auto, 2021, 4, 20, hms(7, 49, 50), k_none},
            {"July 15, 2026 3:05 PM", k_auto, 2026, 7, 15, hms(15, 5), k_none},
            {"Tue Oct 31 22:10:47 +0000 2017", k_auto, 2017, 10, 31, hms(22, 10, 47), 0},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("any case, three letters or in full, an optional dot") {
        const Good rows[] = {
            {"15 JUL 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"15 july 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"15 jUlY 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"1 january 2026", k_auto, 2026, 1, 1, k_no_time, k_none},
            {"29-FEB-2028", k_auto, 2028, 2, 29, k_no_time, k_none},
            {"Sep. 3, 2026", k_auto, 2026, 9, 3, k_no_time, k_none},
            {"3 Sep. 2026", k_auto, 2026, 9, 3, k_no_time, k_none},
            {"May 3 2026", k_auto, 2026, 5, 3, k_no_time, k_none},
            {"December 31, 2026 11:59:59 pm", k_auto, 2026, 12, 31, hms(23, 59, 59), k_none},
            {"SEPTEMBER 30 2026", k_auto, 2026, 9, 30, k_no_time, k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("a leading weekday is read and never checked") {
        const Good rows[] = {
            {"Tue 15 Jul 2026", k_auto, 2026, 7, 15, k_no_time, k_none},  // 15 July 2026 is a Wednesday
            {"Tuesday, 15 July 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"wed. Jul 15, 2026", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"SUNDAY Jul 15 2026 10:00", k_auto, 2026, 7, 15, hms(10, 0), k_none},
            {"Wed, 15 Jul 2026 10:00:00 +0200", k_auto, 2026, 7, 15, hms(10, 0), 120},  // RFC 5322 mail dates
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("a time and an offset after the date or before the year") {
        const Good rows[] = {
            {"15 Jul 2026 14:05", k_auto, 2026, 7, 15, hms(14, 5), k_none},
            {"15 Jul 2026, 14:05:09", k_auto, 2026, 7, 15, hms(14, 5, 9), k_none},
            {"Jul 15, 2026 2:05PM", k_auto, 2026, 7, 15, hms(14, 5), k_none},
            {"Jul 15 2026 10:00 -05:30", k_auto, 2026, 7, 15, hms(10, 0), -330},
            {"Jul 15 2026 10:00Z", k_auto, 2026, 7, 15, hms(10, 0), 0},
            {"Oct 31 22:10:47 -0800 2017", k_auto, 2017, 10, 31, hms(22, 10, 47), -480},
            {"Oct 31 22:10:47 2017", k_auto, 2017, 10, 31, hms(22, 10, 47), k_none},
            {"Oct 31 10:10 PM 2017", k_auto, 2017, 10, 31, hms(22, 10), k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("12 AM is midnight, 12 PM noon") {
        const Good rows[] = {
            {"July 15, 2026 12:00 AM", k_auto, 2026, 7, 15, 0, k_none},
            {"July 15, 2026 12:59 am", k_auto, 2026, 7, 15, hms(0, 59), k_none},
            {"July 15, 2026 12:00 PM", k_auto, 2026, 7, 15, hms(12, 0), k_none},
            {"July 15, 2026 1:00 AM", k_auto, 2026, 7, 15, hms(1, 0), k_none},
            {"July 15, 2026 11:59 PM", k_auto, 2026, 7, 15, hms(23, 59), k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
        for (const std::string_view s : {"July 15, 2026 0:30 AM", "July 15, 2026 13:00 PM", "Jul 15 2026 24:00",
                                         "31 Apr 2026", "29 Feb 2026", "Feb 30, 2028"}) {
            check_bad(s, k_auto, "is not a date (");
        }
    }
}

TEST_CASE("normalize::parse_timestamp YYYY/MM/DD and two-digit years (SPEC §2 ◆7)", "[normalize]") {
    SECTION("year first with slashes") {
        const Good rows[] = {
            {"2026/07/15", k_auto, 2026, 7, 15, k_no_time, k_none},
            {"2026/7/5", k_mdy, 2026, 7, 5, k_no_time, k_none},  // year first: no order to apply
            {"2026/07/15 9:05", k_auto, 2026, 7, 15, hms(9, 5), k_none},
            {"2026/07/15 09:05:59", k_auto, 2026, 7, 15, hms(9, 5, 59), k_none},
            {"2026/07/15 3:05 PM", k_auto, 2026, 7, 15, hms(15, 5), k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
        check_bad("2026/13/01", k_auto, "is not a date (no such day)");
        check_bad("2026/02/29", k_auto, "is not a date (no such day)");
    }
    SECTION("00-69 are 2000-2069, 70-99 are 1970-1999") {
        const Good rows[] = {
            {"12/1/10 8:26", k_mdy, 2010, 12, 1, hms(8, 26), k_none},
            {"12/1/10 8:26", k_dmy, 2010, 1, 12, hms(8, 26), k_none},
            {"1.12.10", k_auto, 2010, 12, 1, k_no_time, k_none},
            {"1/1/00", k_dmy, 2000, 1, 1, k_no_time, k_none},
            {"31/12/69", k_auto, 2069, 12, 31, k_no_time, k_none},
            {"1/1/70", k_dmy, 1970, 1, 1, k_no_time, k_none},
            {"31.12.99", k_auto, 1999, 12, 31, k_no_time, k_none},
            {"1.1.69 23:59", k_auto, 2069, 1, 1, hms(23, 59), k_none},
            {"1.1.70 0:00", k_auto, 1970, 1, 1, 0, k_none},
            {"12/31/99 11:00 PM", k_auto, 1999, 12, 31, hms(23, 0), k_none},
            {"29/2/24", k_auto, 2024, 2, 29, k_no_time, k_none},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
        check_bad("29/2/25", k_auto, "is not a date (no such day)");
        check_bad("5/3/26", k_auto, "is an ambiguous date");  // settles like a four-digit year
        check_bad("13/3/26", k_mdy, "is not a date in month/day/year order");
    }
}

TEST_CASE("normalize::parse_timestamp names the form a bad value came closest to", "[normalize]") {
    struct Row {
        std::string_view text;
        std::string_view form;
    };
    const Row rows[] = {
        {"2026-03-05T10:7", "YYYY-MM-DD [HH:MM[:SS]]"},
        {"2026-3-5", "YYYY-MM-DD [HH:MM[:SS]]"},
        {"today", "Mon D, YYYY"},
        {"Foo 15 2026", "Mon D, YYYY"},
        {"Jul 15 26", "Mon D, YYYY"},
        {"Tue Oct 31 22:10:47 +0000", "Mon D, YYYY"},
        {"15 Jly 2026", "D Mon YYYY"},
        {"15-Jul-26", "D Mon YYYY"},
        {"Tue 15 Jul 26", "D Mon YYYY"},
        {"5.3.202", "D.M.YYYY"},
        {"5.3.2026 10:00 PM", "D.M.YYYY"},
        {"5/3/202", "D/M/YYYY or M/D/YYYY"},
        {"5/3/2026 10:00 XM", "D/M/YYYY or M/D/YYYY"},
        {"2026/03/05T10:00", "YYYY/MM/DD"},
        {"12345678901", "Unix seconds"},
        {"20260305", "YYYY-MM-DD"},
        {"", "YYYY-MM-DD"},
    };
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        const Result<ParsedTimestamp> parsed = parse_timestamp(r.text, k_dmy);
        REQUIRE_FALSE(parsed.ok());
        INFO(parsed.error());
        CHECK(parsed.error().rfind("is not a date (closest form: ", 0) == 0);
        CHECK(parsed.error().find(r.form) != std::string::npos);
        CHECK(parsed.error().find("--date-format reads any other") != std::string::npos);
    }
}

TEST_CASE("normalize::parse_time_of_day", "[normalize]") {
    CHECK(*parse_time_of_day("07:30") == 7 * 3600 + 30 * 60);
    CHECK(*parse_time_of_day("7:30:15") == 7 * 3600 + 30 * 60 + 15);
    CHECK(*parse_time_of_day("12:00 AM") == 0);
    CHECK(*parse_time_of_day("7:45 PM") == 19 * 3600 + 45 * 60);
    for (const char* bad : {"24:00", "7", "7:5", "13:00 PM", "07:30 XM", "2026-07-06"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_time_of_day(bad));
    }
}

TEST_CASE("normalize::parse_timestamp fixed-position ISO forms read as the general reader reads them",
          "[normalize]") {
    // `YYYY-MM-DD[T ]HH:MM[:SS]` with nothing, Z or an offset after it is read at fixed
    // positions. Writing the same value in a form only the general reader takes (a fraction
    // after the seconds, a space before the offset, an offset after a bare date) must give the
    // same timestamp, and for out-of-range fields the same error.
    std::mt19937 rng(7);
    auto pick = [&rng](int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); };
    const char* offsets[] = {"", "Z", "z", "+02:00", "-05:30", "+0200", "-0800", "+23:59", "+24:00", "-00:60"};
    int compared = 0;
    for (int i = 0; i < 20000; ++i) {
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", pick(1965, 2105), pick(0, 13), pick(0, 32));
        const std::string offset = offsets[pick(0, 9)];
        std::string fast;
        std::string general;
        if (pick(0, 4) == 0) {
            // A bare date keeps its date whatever valid offset follows.
            fast = date;
            general = std::string(date) + offsets[pick(1, 7)];
        } else {
            char time[16];
            const bool with_seconds = pick(0, 3) != 0;
            if (with_seconds) {
                std::snprintf(time, sizeof time, "%02d:%02d:%02d", pick(0, 24), pick(0, 60), pick(0, 60));
            } else {
                std::snprintf(time, sizeof time, "%02d:%02d", pick(0, 24), pick(0, 60));
            }
            const std::string sep = pick(0, 1) ? "T" : " ";
            fast = std::string(date) + sep + time + offset;
            general = with_seconds ? std::string(date) + sep + time + ".0" + offset
                                   : std::string(date) + sep + time + (offset.empty() ? "" : " " + offset);
        }
        INFO(fast << " / " << general);
        const Result<ParsedTimestamp> a = parse_timestamp(fast, DateOrder::automatic);
        const Result<ParsedTimestamp> b = parse_timestamp(general, DateOrder::automatic);
        REQUIRE(a.ok() == b.ok());
        if (a.ok()) {
            CHECK(a->date == b->date);
            CHECK(a->seconds == b->seconds);
            CHECK(a->offset_minutes == b->offset_minutes);
            ++compared;
        } else {
            CHECK(a.error() == b.error());
        }
    }
    CHECK(compared > 5000);  // most of them are real timestamps
}

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"

using namespace clientscore;

TEST_CASE("normalize::duration_unit_from_header", "[normalize]") {
    struct Row {
        std::string_view header;
        DurationUnit unit;
    };
    const Row rows[] = {
        {"duration", DurationUnit::seconds},
        {"Duration (ms)", DurationUnit::milliseconds},
        {"duration_ms", DurationUnit::milliseconds},
        {"DURATION_MS", DurationUnit::milliseconds},
        {"Call Duration (milliseconds)", DurationUnit::milliseconds},
        {"ms", DurationUnit::milliseconds},
        {"duration-ms", DurationUnit::milliseconds},
        {"duration_minutes", DurationUnit::minutes},
        {"Duration (min)", DurationUnit::minutes},
        {"Duration [mins]", DurationUnit::minutes},
        {"minutes", DurationUnit::minutes},
        {"Talk Time Minutes", DurationUnit::minutes},
        {"Call Duration (mm:ss)", DurationUnit::seconds},
        {"hs_call_duration", DurationUnit::seconds},
        {"duration_seconds", DurationUnit::seconds},
        {"Duration (s)", DurationUnit::seconds},
        {"talk_time", DurationUnit::seconds},
        {"terms", DurationUnit::seconds},        // "ms" inside a word is no unit
        {"admin_notes", DurationUnit::seconds},  // nor "min"
        {"minimum", DurationUnit::seconds},
        {"", DurationUnit::seconds},
        {"minutes (ms)", DurationUnit::milliseconds},
    };
    for (const Row& r : rows) {
        INFO("[" << r.header << "]");
        CHECK(duration_unit_from_header(r.header) == r.unit);
    }
}

TEST_CASE("normalize::parse_duration_ms", "[normalize]") {
    constexpr DurationUnit k_s = DurationUnit::seconds;
    constexpr DurationUnit k_min = DurationUnit::minutes;
    constexpr DurationUnit k_ms = DurationUnit::milliseconds;
    struct Row {
        std::string_view text;
        DurationUnit unit;
        std::int64_t ms;
    };
    SECTION("plain numbers in the header's unit") {
        const Row rows[] = {
            {"", k_s, 0},
            {"   ", k_min, 0},
            {"0", k_s, 0},
            {"90", k_s, 90000},
            {"90", k_min, 5400000},
            {"90", k_ms, 90},
            {"90.5", k_s, 90500},
            {"1.5", k_min, 90000},
            {"0.001", k_s, 1},
            {"0.0005", k_s, 1},
            {"0.0004", k_s, 0},
            {"0.4", k_ms, 0},
            {"0.5", k_ms, 1},
            {"2.5", k_ms, 3},
            {".5", k_s, 500},
            {"+12", k_s, 12000},
            {" 12 ", k_s, 12000},
            {"007", k_s, 7000},
            {"0.00001", k_min, 1},
            {"1.23456789", k_s, 1235},
            {"1.000000000999", k_min, 60000},  // digits past the ninth are dropped
            {"2562047788015", k_s, 2562047788015000},
        };
        for (const Row& r : rows) {
            INFO("[" << r.text << "] unit " << static_cast<int>(r.unit));
            const Result<std::int64_t> d = parse_duration_ms(r.text, r.unit);
            REQUIRE(d.ok());
            CHECK(*d == r.ms);
        }
    }
    SECTION("clock forms whatever the unit") {
        const Row rows[] = {
            {"0:00", k_ms, 0},
            {"1:30", k_min, 90000},
            {"01:30", k_ms, 90000},
            {"75:05", k_s, 4505000},
            {"1:02:03", k_s, 3723000},
            {"1:02:03", k_min, 3723000},
            {"100:00:00", k_ms, 360000000},
            {"0:59:59", k_s, 3599000},
            {"1:30.25", k_s, 90250},
            {"1:02:03.5", k_s, 3723500},
            {"0:00.0005", k_s, 1},
        };
        for (const Row& r : rows) {
            INFO("[" << r.text << "] unit " << static_cast<int>(r.unit));
            const Result<std::int64_t> d = parse_duration_ms(r.text, r.unit);
            REQUIRE(d.ok());
            CHECK(*d == r.ms);
        }
    }
    SECTION("malformed") {
        for (const std::string_view s :
             {"abc",   "1,5",     "1.5.5",   "1.",         ".",       "+",     "++1",   "1e3",
              "90s",   "5 min",   "1 000",   ":30",        "1:",      "1:5",   "1:60",  "1:030",
              "1:2:3", "1:02:60", "1:60:00", "1:02:03:04", "1::02",   "1:02:", "1:02.", "1:02.x",
              "0x10",  "1h",      "PT1M",    "١٢",         "1:02 PM", "--1"}) {
            INFO("[" << s << "]");
            const Result<std::int64_t> d = parse_duration_ms(s, k_s);
            REQUIRE_FALSE(d.ok());
            CHECK(d.error() == "is not a duration");
        }
    }
    SECTION("negative and too large") {
        for (const std::string_view s : {"-1", "-0.5", "-1:30"}) {
            INFO("[" << s << "]");
            const Result<std::int64_t> d = parse_duration_ms(s, k_s);
            REQUIRE_FALSE(d.ok());
            CHECK(d.error() == "is a negative duration");
        }
        for (const std::string_view s : {"99999999999999999999", "2562047788016", "99999999999999:00:00"}) {
            INFO("[" << s << "]");
            const Result<std::int64_t> d = parse_duration_ms(s, k_s);
            REQUIRE_FALSE(d.ok());
            CHECK(d.error() == "is too large");
        }
    }
}

TEST_CASE("normalize::parse_duration_ms fuzz regressions", "[normalize][fuzz]") {
    // fuzz_duration: hours at the limit plus minutes and seconds overflowed int64 milliseconds
    // (UBSan: signed integer overflow in duration.cpp).
    for (const std::string_view s : {"2562047788015:59:59", "2562047788015:00:00.9999", "153722867281:00"}) {
        INFO("[" << s << "]");
        for (const DurationUnit unit : {DurationUnit::seconds, DurationUnit::minutes, DurationUnit::milliseconds}) {
            const Result<std::int64_t> d = parse_duration_ms(s, unit);
            if (d.ok()) {
                CHECK(*d >= 0);
            } else {
                CHECK(d.error() == "is too large");
            }
        }
    }
    const Result<std::int64_t> edge = parse_duration_ms("2562047788015:00:00", DurationUnit::seconds);
    REQUIRE(edge.ok());
    CHECK(*edge == std::int64_t{2562047788015} * 3600 * 1000);
}

TEST_CASE("normalize::duration_unit_from_header: hours (SPEC ◆9)", "[normalize][time]") {
    for (const char* header : {"Hours", "hours", "Time (h)", "duration_hours", "Duration (hrs)", "hr", "Billable hours"}) {
        INFO(header);
        CHECK(duration_unit_from_header(header) == DurationUnit::hours);
    }
    // A header naming minutes or milliseconds wins over hours; `hour_of_day` is no unit word.
    CHECK(duration_unit_from_header("hours_minutes") == DurationUnit::minutes);
    CHECK(duration_unit_from_header("hours_ms") == DurationUnit::milliseconds);
    CHECK(duration_unit_from_header("hour_of_day") == DurationUnit::seconds);
    CHECK(duration_unit_from_header("threshold") == DurationUnit::seconds);
    CHECK(parse_duration_ms("1.25", DurationUnit::hours).value() == 4'500'000);
    CHECK(parse_duration_ms("0.01", DurationUnit::hours).value() == 36'000);
    CHECK(parse_duration_ms("1:30:00", DurationUnit::hours).value() == 5'400'000);  // H:MM:SS whatever the unit
    CHECK_FALSE(parse_duration_ms("1,25", DurationUnit::hours).ok());  // the reader turns `,` into `.` per file
}

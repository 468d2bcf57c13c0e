#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/normalize.hpp"

using namespace clientscore;

namespace {

constexpr std::int32_t hms(int h, int m, int s = 0) { return h * 3600 + m * 60 + s; }

DateFormat compiled(std::string_view pattern) {
    Result<DateFormat> f = DateFormat::compile(pattern);
    INFO(pattern << ": " << f.error());
    REQUIRE(f.ok());
    return f.value();
}

struct Row {
    std::string_view pattern;
    std::string_view text;
    int y;
    unsigned m;
    unsigned d;
    std::int32_t seconds;
    std::optional<std::int32_t> offset;
};

}  // namespace

TEST_CASE("normalize::DateFormat reads each directive", "[normalize]") {
    const std::optional<std::int32_t> none;
    const Row rows[] = {
        {"%Y-%m-%d", "2026-07-15", 2026, 7, 15, -1, none},
        {"%d/%m/%Y", "5/7/2026", 2026, 7, 5, -1, none},  // one digit is enough, as in strptime
        {"%m/%d/%Y", "07/05/2026", 2026, 7, 5, -1, none},
        {"%Y%m%d", "20260715", 2026, 7, 15, -1, none},
        {"%d.%m.%y", "15.07.26", 2026, 7, 15, -1, none},
        {"%d.%m.%y", "15.07.69", 2069, 7, 15, -1, none},  // SPEC §2: 00-69 are 2000-2069
        {"%d.%m.%y", "15.07.70", 1970, 7, 15, -1, none},  // 70-99 are 1970-1999
        {"%d.%m.%y", "1.1.00", 2000, 1, 1, -1, none},
        {"%e %b %Y", "5 Jul 2026", 2026, 7, 5, -1, none},
        {"%b %e %Y", "Jul  5 2026", 2026, 7, 5, -1, none},  // ctime pads the day with a space
        {"%d %b %Y", "15 JULY 2026", 2026, 7, 15, -1, none},
        {"%d %B %Y", "15 jul. 2026", 2026, 7, 15, -1, none},
        {"%B %d, %Y", "september 3, 2026", 2026, 9, 3, -1, none},
        {"%a %d %b %Y", "Mon 15 Jul 2026", 2026, 7, 15, -1, none},  // the weekday is not checked
        {"%A, %d %B %Y", "wednesday, 15 July 2026", 2026, 7, 15, -1, none},
        {"%Y-%m-%d %H:%M", "2026-07-15 9:05", 2026, 7, 15, hms(9, 5), none},
        {"%Y-%m-%d %H:%M:%S", "2026-07-15 23:59:59", 2026, 7, 15, hms(23, 59, 59), none},
        {"%d/%m/%Y %I:%M %p", "15/07/2026 12:00 AM", 2026, 7, 15, 0, none},
        {"%d/%m/%Y %I:%M %p", "15/07/2026 12:30 pm", 2026, 7, 15, hms(12, 30), none},
        {"%d/%m/%Y %I:%M:%S%p", "15/07/2026 3:05:09PM", 2026, 7, 15, hms(15, 5, 9), none},
        {"%d/%m/%Y %I:%M %p", "15/07/2026 1:00 am", 2026, 7, 15, hms(1, 0), none},
        {"%Y-%m-%dT%H:%M:%S%z", "2026-07-15T10:00:00+0200", 2026, 7, 15, hms(10, 0), 120},
        {"%Y-%m-%dT%H:%M:%S%z", "2026-07-15t10:00:00-05:30", 2026, 7, 15, hms(10, 0), -330},
        {"%Y-%m-%d %H:%M %z", "2026-07-15 10:00 Z", 2026, 7, 15, hms(10, 0), 0},
        {"%Y-%m-%d %z", "2026-07-15 +0200", 2026, 7, 15, -1, none},  // a bare date keeps its date
        {"%d%%%m%%%Y", "15%07%2026", 2026, 7, 15, -1, none},
        {"%d.%m.%Y %H:%M %%I", "15.07.2026 10:00 %i", 2026, 7, 15, hms(10, 0), none},  // %%I is no %I
        {"Week of %d %b %Y", "week of 15 Jul 2026", 2026, 7, 15, -1, none},
        {"%d %m %Y", "15   07 2026", 2026, 7, 15, -1, none},  // a space stands for a run of them
    };
    for (const Row& r : rows) {
        INFO(r.pattern << " / " << r.text);
        const DateFormat f = compiled(r.pattern);
        ParsedTimestamp ts;
        REQUIRE(f.parse(r.text, ts) == DateFormat::Fit::yes);
        CHECK(ts.date == days_from_civil(r.y, r.m, r.d));
        CHECK(ts.seconds == r.seconds);
        CHECK(ts.offset_minutes == r.offset);
    }
}

TEST_CASE("normalize::DateFormat refuses what is not in its form", "[normalize]") {
    struct Miss {
        std::string_view pattern;
        std::string_view text;
        DateFormat::Fit fit;
    };
    const Miss rows[] = {
        {"%d/%m/%Y", "2026-07-15", DateFormat::Fit::no},
        {"%d/%m/%Y", "15/07/26", DateFormat::Fit::no},       // %Y is four digits
        {"%d/%m/%y", "15/07/2026", DateFormat::Fit::no},     // %y is two
        {"%d/%m/%Y", "15/07/2026 10:00", DateFormat::Fit::no},  // the whole text
        {"%d/%m/%Y", "15/07/", DateFormat::Fit::no},
        {"%d %b %Y", "15 Jly 2026", DateFormat::Fit::no},
        {"%d %b %Y", "15 Sept 2026", DateFormat::Fit::no},
        {"%d %b %Y", "15Jul2026", DateFormat::Fit::no},       // a space in the pattern needs one
        {"%a %d %b %Y", "Foo 15 Jul 2026", DateFormat::Fit::no},
        {"%d/%m/%Y %I:%M %p", "15/07/2026 10:00 XM", DateFormat::Fit::no},
        {"%Y-%m-%d %H:%M %z", "2026-07-15 10:00 +2", DateFormat::Fit::no},
        {"%d/%m/%Y", "31/02/2026", DateFormat::Fit::no_such_day},
        {"%m/%d/%Y", "13/01/2026", DateFormat::Fit::no_such_day},
        {"%d/%m/%Y", "00/01/2026", DateFormat::Fit::no_such_day},
        {"%d/%m/%Y %H:%M", "15/07/2026 24:00", DateFormat::Fit::no_such_time},
        {"%d/%m/%Y %H:%M", "15/07/2026 10:60", DateFormat::Fit::no_such_time},
        {"%d/%m/%Y %H:%M:%S", "15/07/2026 10:00:60", DateFormat::Fit::no_such_time},
        {"%d/%m/%Y %I:%M %p", "15/07/2026 13:00 PM", DateFormat::Fit::no_such_time},
        {"%d/%m/%Y %I:%M %p", "15/07/2026 0:30 AM", DateFormat::Fit::no_such_time},
        {"%d/%m/%Y", "15/07/1969", DateFormat::Fit::year_range},
        {"%d/%m/%Y", "15/07/2101", DateFormat::Fit::year_range},
    };
    for (const Miss& r : rows) {
        INFO(r.pattern << " / " << r.text);
        ParsedTimestamp ts;
        CHECK(compiled(r.pattern).parse(r.text, ts) == r.fit);
    }
    CHECK(fit_error(DateFormat::Fit::no_such_day) == "is not a date (no such day)");
    CHECK(fit_error(DateFormat::Fit::year_range) == "is outside the years 1970-2100");
    CHECK(fit_error(DateFormat::Fit::yes).empty());
}

TEST_CASE("normalize::DateFormat::compile names what is wrong with a pattern", "[normalize]") {
    struct Bad {
        std::string_view pattern;
        std::string_view why;
    };
    const Bad rows[] = {
        {"%d/%q/%Y", "unknown directive %q"},
        {"%d/%m/%Y %T", "unknown directive %T"},
        {"%F", "unknown directive %F"},
        {"%d/%m/%Y %", "lone %"},
        {"%d/%m", "needs a year"},
        {"%m/%Y", "needs a year (%Y or %y), a month (%m, %b or %B) and a day"},
        {"%d/%Y", "needs a year"},
        {"", "needs a year"},
        {"%d/%m/%Y %I:%M", "%I (hour 1-12) and %p"},
        {"%d/%m/%Y %H:%M %p", "%I (hour 1-12) and %p"},
        {"%d/%m/%Y %H", "an hour (%H or %I) and minutes (%M) together"},
        {"%d/%m/%Y %M", "an hour (%H or %I) and minutes (%M) together"},
        {"%d/%m/%Y %d", "a field twice (%d)"},
        {"%d %e %m %Y", "a field twice (%e)"},
        {"%b %m %d %Y", "a field twice (%m)"},
        {"%Y %y %m %d", "a field twice (%y)"},
    };
    for (const Bad& r : rows) {
        INFO(r.pattern);
        const Result<DateFormat> f = DateFormat::compile(r.pattern);
        REQUIRE_FALSE(f.ok());
        INFO(f.error());
        CHECK(f.error().find(r.why) != std::string::npos);
    }
    CHECK(compiled("%d/%m/%Y").pattern() == "%d/%m/%Y");
}

TEST_CASE("normalize::parse_with_formats tries the formats in order", "[normalize]") {
    const std::vector<DateFormat> formats = {compiled("%d/%m/%y"), compiled("%m-%d-%Y"), compiled("%Y.%m.%d")};
    ParsedTimestamp ts;
    REQUIRE(parse_with_formats(formats, "15/07/26", ts) == DateFormat::Fit::yes);
    CHECK(ts.date == days_from_civil(2026, 7, 15));
    REQUIRE(parse_with_formats(formats, "07-15-2026", ts) == DateFormat::Fit::yes);
    CHECK(ts.date == days_from_civil(2026, 7, 15));
    REQUIRE(parse_with_formats(formats, "2026.07.15", ts) == DateFormat::Fit::yes);
    CHECK(parse_with_formats(formats, "2026-07-15", ts) == DateFormat::Fit::no);
    // In the second one's form but no real day: that is what the value is, not "no form".
    CHECK(parse_with_formats(formats, "02-30-2026", ts) == DateFormat::Fit::no_such_day);
    // A later format that reads it wins over an earlier one in whose form it names no day.
    const std::vector<DateFormat> both = {compiled("%m/%d/%Y"), compiled("%d/%m/%Y")};
    REQUIRE(parse_with_formats(both, "15/07/2026", ts) == DateFormat::Fit::yes);
    CHECK(ts.date == days_from_civil(2026, 7, 15));
    REQUIRE(parse_with_formats(both, "07/15/2026", ts) == DateFormat::Fit::yes);
    CHECK(ts.date == days_from_civil(2026, 7, 15));
    CHECK(parse_with_formats(both, "31/31/2026", ts) == DateFormat::Fit::no_such_day);
    CHECK(parse_with_formats({}, "15/07/2026", ts) == DateFormat::Fit::no);
}

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;

namespace {

ParsedTimestamp ts(int y, unsigned m, unsigned d, std::int32_t seconds, std::optional<std::int32_t> offset) {
    return ParsedTimestamp{days_from_civil(y, m, d), seconds, offset};
}

constexpr std::int32_t hms(int h, int m, int s = 0) { return h * 3600 + m * 60 + s; }

std::string show(const LocalDateTime& t) { return format_date(t.date) + " " + std::to_string(t.seconds); }

LocalDateTime local(int y, unsigned m, unsigned d, std::int32_t seconds) {
    return LocalDateTime{days_from_civil(y, m, d), seconds};
}

}  // namespace

TEST_CASE("normalize::LocalTimeConverter", "[normalize]") {
    SECTION("without a zone the wall time is kept as written") {
        const LocalTimeConverter none;
        CHECK(none.zone_name().empty());
        CHECK(none.to_local(ts(2026, 3, 5, hms(10, 0), 120)) == local(2026, 3, 5, hms(10, 0)));
        CHECK(none.to_local(ts(2026, 3, 5, hms(23, 30), -300)) == local(2026, 3, 5, hms(23, 30)));
        CHECK(none.to_local(ts(2026, 3, 5, hms(10, 0), std::nullopt)) == local(2026, 3, 5, hms(10, 0)));
        CHECK(none.to_local(ts(2026, 3, 5, -1, std::nullopt)) == local(2026, 3, 5, -1));
        // A Unix time parses with offset 0 and stays in UTC.
        const Result<ParsedTimestamp> unix_time = parse_timestamp("1772704800", DateOrder::automatic);
        REQUIRE(unix_time.ok());
        CHECK(none.to_local(*unix_time) == local(2026, 3, 5, hms(10, 0)));
    }

    SECTION("Europe/Berlin across both DST changes of 2026") {
        const LocalTimeConverter berlin("Europe/Berlin");
        CHECK(berlin.zone_name() == "Europe/Berlin");
        struct Row {
            ParsedTimestamp in;
            LocalDateTime out;
        };
        const Row rows[] = {
            // Winter: UTC+1.
            {ts(2026, 3, 5, hms(10, 0), 0), local(2026, 3, 5, hms(11, 0))},
            {ts(2026, 3, 5, hms(23, 30), 0), local(2026, 3, 6, hms(0, 30))},    // crosses midnight
            {ts(2026, 3, 5, hms(0, 30), 120), local(2026, 3, 4, hms(23, 30))},  // and back
            // 2026-03-29 01:00 UTC the clocks jump from 02:00 to 03:00.
            {ts(2026, 3, 29, hms(0, 59, 59), 0), local(2026, 3, 29, hms(1, 59, 59))},
            {ts(2026, 3, 29, hms(1, 0), 0), local(2026, 3, 29, hms(3, 0))},
            {ts(2026, 3, 29, hms(12, 0), 0), local(2026, 3, 29, hms(14, 0))},
            // 2026-10-25 01:00 UTC the clocks fall back from 03:00 to 02:00.
            {ts(2026, 10, 25, hms(0, 30), 0), local(2026, 10, 25, hms(2, 30))},
            {ts(2026, 10, 25, hms(1, 30), 0), local(2026, 10, 25, hms(2, 30))},
            {ts(2026, 10, 25, hms(12, 0), 0), local(2026, 10, 25, hms(13, 0))},
            // An offset other than UTC: 09:00 in New York (EST) is 15:00 in Berlin.
            {ts(2026, 1, 15, hms(9, 0), -300), local(2026, 1, 15, hms(15, 0))},
            // Without an offset, or as a bare date: as written.
            {ts(2026, 3, 29, hms(2, 30), std::nullopt), local(2026, 3, 29, hms(2, 30))},
            {ts(2026, 3, 29, -1, 0), local(2026, 3, 29, -1)},
            {ts(2026, 3, 29, -1, std::nullopt), local(2026, 3, 29, -1)},
        };
        for (const Row& r : rows) {
            INFO(show(LocalDateTime{r.in.date, r.in.seconds})
                 << " offset " << r.in.offset_minutes.value_or(9999));
            CHECK(show(berlin.to_local(r.in)) == show(r.out));
        }
        const Result<ParsedTimestamp> unix_time = parse_timestamp("1772704800000", DateOrder::automatic);
        REQUIRE(unix_time.ok());
        CHECK(berlin.to_local(*unix_time) == local(2026, 3, 5, hms(11, 0)));
    }

    SECTION("America/New_York across its DST changes of 2026") {
        const LocalTimeConverter ny("America/New_York");
        // 2026-03-08 07:00 UTC: 02:00 EST becomes 03:00 EDT; 2026-11-01 06:00 UTC: back to 01:00.
        CHECK(ny.to_local(ts(2026, 3, 8, hms(6, 59), 0)) == local(2026, 3, 8, hms(1, 59)));
        CHECK(ny.to_local(ts(2026, 3, 8, hms(7, 0), 0)) == local(2026, 3, 8, hms(3, 0)));
        CHECK(ny.to_local(ts(2026, 11, 1, hms(5, 30), 0)) == local(2026, 11, 1, hms(1, 30)));
        CHECK(ny.to_local(ts(2026, 11, 1, hms(6, 30), 0)) == local(2026, 11, 1, hms(1, 30)));
        CHECK(ny.to_local(ts(2026, 3, 5, hms(2, 0), 60)) == local(2026, 3, 4, hms(20, 0)));
        CHECK(ny.to_local(ts(1970, 1, 1, 0, 0)) == local(1969, 12, 31, hms(19, 0)));
    }

    SECTION("UTC and Asia/Kolkata") {
        CHECK(LocalTimeConverter("UTC").to_local(ts(2026, 3, 5, hms(1, 0), 120)) ==
              local(2026, 3, 4, hms(23, 0)));
        CHECK(LocalTimeConverter("Asia/Kolkata").to_local(ts(2026, 3, 5, hms(20, 0), 0)) ==
              local(2026, 3, 6, hms(1, 30)));
    }

    SECTION("an unknown zone is a usage error with a hint") {
        for (const std::string name : {"Mars/Olympus", "", "europe/berlin_", "CEST+1"}) {
            INFO("[" << name << "]");
            try {
                const LocalTimeConverter c(name);
                FAIL("no exception");
            } catch (const UsageError& e) {
                CHECK(std::string(e.what()).find("unknown time zone") != std::string::npos);
                CHECK(std::string(e.what()).find("\"" + name + "\"") != std::string::npos);
                CHECK_FALSE(e.hint().empty());
            }
        }
    }
}

TEST_CASE("normalize::time_zone_problem: without a tz database the hint says to install tzdata", "[normalize]") {
    // This machine has the database: a wrong name is a wrong name.
    const ZoneProblem unknown = time_zone_problem("Mars/Olympus", true);
    CHECK(unknown.message == "unknown time zone \"Mars/Olympus\"");
    CHECK(unknown.hint.find("IANA") != std::string::npos);
    CHECK(unknown.hint.find("tzdata") == std::string::npos);
    // A system without one fails on every name, the right ones too: fixing the name cannot help.
    const ZoneProblem missing = time_zone_problem("Europe/Berlin", false);
    CHECK(missing.message.find("no time zone database") != std::string::npos);
    CHECK(missing.message.find("\"Europe/Berlin\"") != std::string::npos);
    CHECK(missing.hint.find("apt-get install tzdata") != std::string::npos);
}

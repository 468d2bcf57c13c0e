// The business time zone (SPEC §3 "Local time"), through Howard Hinnant's date library on the
// system tz database (USE_OS_TZDB, set by the date::date-tz target).

#include <date/tz.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore {
namespace {

constexpr std::int64_t k_seconds_per_day = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

ZoneProblem time_zone_problem(const std::string& zone_name, bool database_found) {
    if (!database_found) {
        return {"cannot read time zone \"" + zone_name + "\": this system has no time zone database",
                "install it (Debian and Ubuntu: apt-get install tzdata), or leave --timezone out to read "
                "timestamps in their own offsets"};
    }
    return {"unknown time zone \"" + zone_name + "\"",
            "use an IANA zone name such as Europe/Berlin, America/New_York or UTC"};
}

LocalTimeConverter::LocalTimeConverter(const std::string& zone_name) : m_zone_name(zone_name) {
    try {
        m_zone = date::locate_zone(zone_name);
    } catch (const std::runtime_error&) {
        // The database is there when UTC, which every tzdata holds, is found.
        bool database_found = true;
        try {
            date::locate_zone("UTC");
        } catch (const std::runtime_error&) {
            database_found = false;
        }
        const ZoneProblem problem = time_zone_problem(zone_name, database_found);
        throw UsageError(problem.message, problem.hint);
    }
}

LocalDateTime LocalTimeConverter::to_local(const ParsedTimestamp& ts) const {
    // A bare date has no instant to convert, and a timestamp without an offset is already
    // local time; with an offset but no zone, the wall time as written is the best we know.
    if (ts.seconds < 0 || !ts.offset_minutes || m_zone == nullptr) {
        return LocalDateTime{ts.date, ts.seconds};
    }
    const std::int64_t utc = static_cast<std::int64_t>(ts.date) * k_seconds_per_day + ts.seconds -
                             static_cast<std::int64_t>(*ts.offset_minutes) * 60;
    const auto* zone = static_cast<const date::time_zone*>(m_zone);
    const date::sys_seconds instant{std::chrono::seconds{utc}};
    const std::int64_t local = zone->to_local(instant).time_since_epoch().count();
    const std::int64_t day = floor_div(local, k_seconds_per_day);
    return LocalDateTime{static_cast<Days>(day), static_cast<std::int32_t>(local - day * k_seconds_per_day)};
}

}  // namespace clientscore

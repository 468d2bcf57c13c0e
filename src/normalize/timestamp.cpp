// Timestamps of SPEC §2, read by hand: this runs once or twice per row of every export, so it
// must not allocate on success (Result's error string stays empty) nor touch the locale.

#include <cstdint>
#include <optional>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"
#include "normalize/civil_date.hpp"

namespace clientscore {
namespace {

using detail::is_digit;
using detail::read_digits;

constexpr char k_not_a_date[] = "is not a date";
constexpr char k_no_such_day[] = "is not a date (no such day)";
constexpr char k_no_such_time[] = "is not a date (no such time of day)";
constexpr std::int64_t k_seconds_per_day = 86400;

Result<ParsedTimestamp> fail(const char* why) { return Result<ParsedTimestamp>::failure(why); }

/// A time of day as read, before its ranges are checked (they depend on AM/PM).
struct TimeOfDay {
    int hour = 0;
    int minute = 0;
    int second = 0;
};

/// `H:MM[:SS[.fff]]` at `pos` (one or two hour digits; the fraction only when allowed, and
/// truncated: a timestamp keeps whole seconds, and rounding could cross midnight).
bool read_time(std::string_view s, std::size_t& pos, bool allow_fraction, TimeOfDay& t) {
    std::size_t i = pos;
    if (!read_digits(s, i, 1, 2, t.hour) || i >= s.size() || s[i] != ':') {
        return false;
    }
    ++i;
    if (!read_digits(s, i, 2, 2, t.minute)) {
        return false;
    }
    t.second = 0;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!read_digits(s, i, 2, 2, t.second)) {
            return false;
        }
        if (allow_fraction && i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
            ++i;
            while (i < s.size() && is_digit(s[i])) {
                ++i;
            }
        }
    }
    // A digit right after the last field means a field was too long (`10:000`).
    if (i < s.size() && is_digit(s[i])) {
        return false;
    }
    pos = i;
    return true;
}

/// The UTC offset that may end an ISO timestamp: an optional space, then `Z`, `±HH:MM` or
/// `±HHMM`, then the end of the text. False when anything else follows.
bool read_offset_to_end(std::string_view s, std::size_t pos, std::int32_t& offset_minutes) {
    if (pos < s.size() && s[pos] == ' ') {
        ++pos;
    }
    if (pos >= s.size()) {
        return false;
    }
    if (s[pos] == 'Z' || s[pos] == 'z') {
        offset_minutes = 0;
        return pos + 1 == s.size();
    }
    if (s[pos] != '+' && s[pos] != '-') {
        return false;
    }
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0;
    int minutes = 0;
    if (!read_digits(s, pos, 2, 2, hours)) {
        return false;
    }
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
    }
    if (!read_digits(s, pos, 2, 2, minutes) || pos != s.size()) {
        return false;
    }
    if (hours > 23 || minutes > 59) {
        return false;
    }
    offset_minutes = sign * (hours * 60 + minutes);
    return true;
}

/// Between a dotted or slash date and its time: one or more spaces, optionally after a comma
/// (`3/5/2026, 10:00 AM` is how many US tools print a date and time).
bool skip_date_time_separator(std::string_view s, std::size_t& pos) {
    std::size_t i = pos;
    if (i < s.size() && s[i] == ',') {
        ++i;
    }
    const std::size_t spaces_start = i;
    while (i < s.size() && s[i] == ' ') {
        ++i;
    }
    if (i == spaces_start) {
        return false;
    }
    pos = i;
    return true;
}

bool year_in_range(int year) { return year >= detail::k_min_year && year <= detail::k_max_year; }

Result<ParsedTimestamp> make(int year, int month, int day, const TimeOfDay* time) {
    if (!year_in_range(year)) {
        return fail(detail::k_year_range_error);
    }
    if (!detail::is_valid_date(year, month, day)) {
        return fail(k_no_such_day);
    }
    ParsedTimestamp ts;
    ts.date = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    if (time != nullptr) {
        if (time->hour > 23 || time->minute > 59 || time->second > 59) {
            return fail(k_no_such_time);
        }
        ts.seconds = time->hour * 3600 + time->minute * 60 + time->second;
    }
    return ts;
}

/// `YYYY-MM-DD[(T| )H:MM[:SS[.fff]]][ ][Z|±HH:MM|±HHMM]`; `pos` is just past the year.
Result<ParsedTimestamp> parse_iso(std::string_view s, int year, std::size_t pos) {
    int month = 0;
    int day = 0;
    if (pos >= s.size() || s[pos++] != '-' || !read_digits(s, pos, 2, 2, month) || pos >= s.size() ||
        s[pos++] != '-' || !read_digits(s, pos, 2, 2, day)) {
        return fail(k_not_a_date);
    }
    if (pos == s.size()) {
        return make(year, month, day, nullptr);
    }
    std::int32_t offset = 0;
    const bool time_follows = (s[pos] == 'T' || s[pos] == ' ') && pos + 1 < s.size() && is_digit(s[pos + 1]);
    if (!time_follows) {
        // A bare date keeps its date whatever offset follows (SPEC §2), but the offset must
        // still be one: anything else after the date is not a timestamp.
        if (!read_offset_to_end(s, pos, offset)) {
            return fail(k_not_a_date);
        }
        return make(year, month, day, nullptr);
    }
    ++pos;
    TimeOfDay time;
    if (!read_time(s, pos, true, time)) {
        return fail(k_not_a_date);
    }
    const bool has_offset = pos < s.size();
    if (has_offset && !read_offset_to_end(s, pos, offset)) {
        return fail(k_not_a_date);
    }
    Result<ParsedTimestamp> r = make(year, month, day, &time);
    if (r && has_offset) {
        r.value().offset_minutes = offset;
    }
    return r;
}

/// `D.M.YYYY [H:MM[:SS]]`, always day first; `pos` is at the start.
Result<ParsedTimestamp> parse_dotted(std::string_view s) {
    std::size_t pos = 0;
    int day = 0;
    int month = 0;
    int year = 0;
    if (!read_digits(s, pos, 1, 2, day) || pos >= s.size() || s[pos++] != '.' ||
        !read_digits(s, pos, 1, 2, month) || pos >= s.size() || s[pos++] != '.' ||
        !read_digits(s, pos, 4, 4, year)) {
        return fail(k_not_a_date);
    }
    if (pos == s.size()) {
        return make(year, month, day, nullptr);
    }
    TimeOfDay time;
    if (!skip_date_time_separator(s, pos) || !read_time(s, pos, false, time) || pos != s.size()) {
        return fail(k_not_a_date);
    }
    return make(year, month, day, &time);
}

/// The date part of a slash date: two parts of one or two digits and a four-digit year.
struct SlashDate {
    int first = 0;
    int second = 0;
    int year = 0;
    std::size_t end = 0;  // just past the year
};

bool read_slash_date(std::string_view s, SlashDate& d) {
    std::size_t pos = 0;
    if (!read_digits(s, pos, 1, 2, d.first) || pos >= s.size() || s[pos++] != '/' ||
        !read_digits(s, pos, 1, 2, d.second) || pos >= s.size() || s[pos++] != '/' ||
        !read_digits(s, pos, 4, 4, d.year)) {
        return false;
    }
    if (pos < s.size() && is_digit(s[pos])) {
        return false;  // a year of five or more digits
    }
    d.end = pos;
    return true;
}

SlashHint hint_of(const SlashDate& d) {
    // Judged on real dates, so that 31/4 (no April 31, no month 31) settles nothing.
    const bool as_dmy = detail::is_valid_date(d.year, d.second, d.first);
    const bool as_mdy = detail::is_valid_date(d.year, d.first, d.second);
    if (!as_dmy && !as_mdy) {
        return SlashHint::not_slash;
    }
    if (d.first == d.second) {
        return SlashHint::same;
    }
    if (as_dmy && as_mdy) {
        return SlashHint::ambiguous;
    }
    return as_dmy ? SlashHint::day_first : SlashHint::month_first;
}

/// `D/M/YYYY` or `M/D/YYYY` `[H:MM[:SS]] [AM|PM]`.
Result<ParsedTimestamp> parse_slash(std::string_view s, DateOrder order) {
    SlashDate d;
    if (!read_slash_date(s, d)) {
        return fail(k_not_a_date);
    }
    std::size_t pos = d.end;
    TimeOfDay time;
    bool has_time = false;
    if (pos < s.size()) {
        if (!skip_date_time_separator(s, pos) || !read_time(s, pos, false, time)) {
            return fail(k_not_a_date);
        }
        has_time = true;
        if (pos < s.size()) {
            while (pos < s.size() && s[pos] == ' ') {
                ++pos;
            }
            const std::string_view marker = s.substr(pos);
            const bool am = detail::iequals(marker, "am");
            const bool pm = detail::iequals(marker, "pm");
            if (!am && !pm) {
                return fail(k_not_a_date);
            }
            if (time.hour < 1 || time.hour > 12) {
                return fail("is not a date (AM/PM needs an hour from 1 to 12)");
            }
            // 12 AM is the midnight hour, 12 PM the noon hour.
            time.hour = (time.hour % 12) + (pm ? 12 : 0);
        }
    }
    int month = 0;
    int day = 0;
    switch (order) {
        case DateOrder::dmy:
            day = d.first;
            month = d.second;
            if (d.second > 12) {
                return fail("is not a date in day/month/year order (--date-order dmy)");
            }
            break;
        case DateOrder::mdy:
            month = d.first;
            day = d.second;
            if (d.first > 12) {
                return fail("is not a date in month/day/year order (--date-order mdy)");
            }
            break;
        case DateOrder::automatic:
            switch (hint_of(d)) {
                case SlashHint::ambiguous:
                    return fail(
                        "is an ambiguous date (day/month or month/day): set --date-order dmy or "
                        "--date-order mdy");
                case SlashHint::month_first:
                    month = d.first;
                    day = d.second;
                    break;
                case SlashHint::day_first:
                case SlashHint::same:
                    day = d.first;
                    month = d.second;
                    break;
                case SlashHint::not_slash:
                    // Neither order gives a real day; let make() say which check fails.
                    day = d.first;
                    month = d.second;
                    break;
            }
            break;
    }
    return make(d.year, month, day, has_time ? &time : nullptr);
}

/// Unix seconds (9-10 digits) or milliseconds (12-13 digits): UTC instants.
Result<ParsedTimestamp> parse_unix(std::string_view s) {
    std::int64_t value = 0;
    for (const char c : s) {
        value = value * 10 + (c - '0');
    }
    const std::int64_t seconds = s.size() >= 12 ? value / 1000 : value;
    const std::int64_t days = seconds / k_seconds_per_day;
    const CivilDate civil = civil_from_days(static_cast<Days>(days));
    if (!year_in_range(civil.year)) {
        return fail(detail::k_year_range_error);
    }
    ParsedTimestamp ts;
    ts.date = static_cast<Days>(days);
    ts.seconds = static_cast<std::int32_t>(seconds % k_seconds_per_day);
    ts.offset_minutes = 0;
    return ts;
}

/// Two ASCII digits at `p` as a number, or -1.
inline int two_digits(const char* p) {
    const unsigned a = static_cast<unsigned char>(p[0]) - '0';
    const unsigned b = static_cast<unsigned char>(p[1]) - '0';
    return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
}

/// The forms nearly every export writes, at fixed positions: `YYYY-MM-DD`, and
/// `YYYY-MM-DD[T ]HH:MM[:SS]` with nothing, `Z`, `±HH:MM` or `±HHMM` after it. None when the
/// text is anything else or out of range: parse_iso then reads it, or says what is wrong.
std::optional<ParsedTimestamp> parse_iso_fast(std::string_view s) {
    const char* p = s.data();
    const int century = two_digits(p);
    const int year_low = two_digits(p + 2);
    const int month = two_digits(p + 5);
    const int day = two_digits(p + 8);
    if ((century | year_low | month | day) < 0) {
        return std::nullopt;
    }
    const int year = century * 100 + year_low;
    if (!year_in_range(year) || !detail::is_valid_date(year, month, day)) {
        return std::nullopt;
    }
    ParsedTimestamp ts;
    ts.date = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    if (s.size() == 10) {
        return ts;
    }
    if (s.size() < 16 || (p[10] != 'T' && p[10] != ' ') || p[13] != ':') {
        return std::nullopt;
    }
    const int hour = two_digits(p + 11);
    const int minute = two_digits(p + 14);
    int second = 0;
    std::size_t pos = 16;
    if (s.size() >= 19 && p[16] == ':') {
        second = two_digits(p + 17);
        pos = 19;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return std::nullopt;
    }
    ts.seconds = hour * 3600 + minute * 60 + second;
    const std::size_t rest = s.size() - pos;
    if (rest == 0) {
        return ts;
    }
    if (rest == 1 && (p[pos] == 'Z' || p[pos] == 'z')) {
        ts.offset_minutes = 0;
        return ts;
    }
    if ((rest != 6 && rest != 5) || (p[pos] != '+' && p[pos] != '-')) {
        return std::nullopt;
    }
    const int offset_hours = two_digits(p + pos + 1);
    if (rest == 6 && p[pos + 3] != ':') {
        return std::nullopt;
    }
    const int offset_minutes = two_digits(p + pos + (rest == 6 ? 4 : 3));
    if (offset_hours < 0 || offset_hours > 23 || offset_minutes < 0 || offset_minutes > 59) {
        return std::nullopt;
    }
    ts.offset_minutes = (p[pos] == '-' ? -1 : 1) * (offset_hours * 60 + offset_minutes);
    return ts;
}

}  // namespace

SlashHint slash_hint(std::string_view text) {
    SlashDate d;
    if (!read_slash_date(text, d)) {
        return SlashHint::not_slash;
    }
    return hint_of(d);
}

Result<ParsedTimestamp> parse_timestamp(std::string_view text, DateOrder order) {
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
        if (const std::optional<ParsedTimestamp> fast = parse_iso_fast(text)) {
            return *fast;
        }
    }
    std::size_t lead = 0;
    while (lead < text.size() && is_digit(text[lead])) {
        ++lead;
    }
    if (lead == text.size()) {
        if (lead == 9 || lead == 10 || lead == 12 || lead == 13) {
            return parse_unix(text);
        }
        return fail(k_not_a_date);
    }
    const char next = text[lead];
    if (lead == 4 && next == '-') {
        int year = 0;
        std::size_t pos = 0;
        read_digits(text, pos, 4, 4, year);
        return parse_iso(text, year, pos);
    }
    if ((lead == 1 || lead == 2) && next == '.') {
        return parse_dotted(text);
    }
    if ((lead == 1 || lead == 2) && next == '/') {
        return parse_slash(text, order);
    }
    return fail(k_not_a_date);
}

Result<ParsedTimestamp> parse_day_month_name_date(std::string_view text) {
    // Three-letter prefixes; a full name must continue the prefix with its own letters.
    static constexpr std::string_view k_months[] = {"january",   "february", "march",    "april",
                                                    "may",       "june",     "july",     "august",
                                                    "september", "october",  "november", "december"};
    std::size_t pos = 0;
    int day = 0;
    if (!read_digits(text, pos, 1, 2, day) || pos >= text.size() || (text[pos] != ' ' && text[pos] != '-')) {
        return fail(k_not_a_date);
    }
    const char separator = text[pos];
    ++pos;
    const std::size_t name_start = pos;
    while (pos < text.size() &&
           ((text[pos] >= 'a' && text[pos] <= 'z') || (text[pos] >= 'A' && text[pos] <= 'Z'))) {
        ++pos;
    }
    const std::string_view name = text.substr(name_start, pos - name_start);
    int month = 0;
    for (int m = 0; m < 12 && month == 0; ++m) {
        const std::string_view full = k_months[m];
        if (name.size() >= 3 && name.size() <= full.size() &&
            detail::iequals(name, full.substr(0, name.size())) &&
            (name.size() == 3 || name.size() == full.size())) {
            month = m + 1;
        }
    }
    if (month == 0 || pos >= text.size() || text[pos] != separator) {
        return fail(k_not_a_date);
    }
    ++pos;
    int year = 0;
    if (!read_digits(text, pos, 4, 4, year) || (pos < text.size() && is_digit(text[pos]))) {
        return fail(k_not_a_date);
    }
    if (pos == text.size()) {
        return make(year, month, day, nullptr);
    }
    TimeOfDay time;
    if (!skip_date_time_separator(text, pos) || !read_time(text, pos, false, time) || pos != text.size()) {
        return fail(k_not_a_date);
    }
    return make(year, month, day, &time);
}

Result<std::int32_t> parse_time_of_day(std::string_view text) {
    constexpr char k_not_a_time[] = "is not a time of day (H:MM[:SS])";
    std::size_t pos = 0;
    TimeOfDay time;
    if (!read_time(text, pos, false, time)) {
        return Result<std::int32_t>::failure(k_not_a_time);
    }
    while (pos < text.size() && text[pos] == ' ') {
        ++pos;
    }
    if (pos < text.size()) {
        const std::string_view marker = text.substr(pos);
        const bool pm = detail::iequals(marker, "pm");
        if ((!pm && !detail::iequals(marker, "am")) || time.hour < 1 || time.hour > 12) {
            return Result<std::int32_t>::failure(k_not_a_time);
        }
        time.hour = (time.hour % 12) + (pm ? 12 : 0);
    }
    if (time.hour > 23 || time.minute > 59 || time.second > 59) {
        return Result<std::int32_t>::failure(k_not_a_time);
    }
    return time.hour * 3600 + time.minute * 60 + time.second;
}

}  // namespace clientscore

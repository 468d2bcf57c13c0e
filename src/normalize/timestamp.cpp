// Timestamps of SPEC §2, read by hand: this runs once or twice per row of every export, so it
// must not allocate on success (Result's error string stays empty) nor touch the locale.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"
#include "normalize/civil_date.hpp"
#include "normalize/month_names.hpp"

namespace clientscore {
namespace {

using detail::is_digit;
using detail::read_digits;

constexpr char k_no_such_day[] = "is not a date (no such day)";
constexpr char k_no_such_time[] = "is not a date (no such time of day)";
constexpr char k_am_pm_hour[] = "is not a date (AM/PM needs an hour from 1 to 12)";
constexpr std::int64_t k_seconds_per_day = 86400;

// The forms of SPEC §2 as a bad-value warning names them (the one the value came closest to).
constexpr std::string_view k_form_iso = "YYYY-MM-DD [HH:MM[:SS]]";
constexpr std::string_view k_form_year_slash = "YYYY/MM/DD [H:MM[:SS]]";
constexpr std::string_view k_form_dotted = "D.M.YYYY [H:MM[:SS]]";
constexpr std::string_view k_form_slash = "D/M/YYYY or M/D/YYYY [H:MM[:SS]] [AM|PM]";
constexpr std::string_view k_form_day_month = "D Mon YYYY [H:MM[:SS]]";
constexpr std::string_view k_form_month_day = "Mon D, YYYY [H:MM[:SS]] [AM|PM]";
constexpr std::string_view k_form_unix = "Unix seconds (9-10 digits) or milliseconds (12-13)";

Result<ParsedTimestamp> fail(const char* why) { return Result<ParsedTimestamp>::failure(why); }

/// A value that fits no form (SPEC §2 ◆7): the warning names the form it came closest to, the
/// one whose start it matched, and the option that reads any other.
Result<ParsedTimestamp> miss(std::string_view form) {
    std::string why = "is not a date (closest form: ";
    why += form;
    why += "; --date-format reads any other)";
    return Result<ParsedTimestamp>::failure(std::move(why));
}

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

/// `Z`, `±HH:MM` or `±HHMM` at `pos`; `pos` just past it. False when there is none.
bool read_offset(std::string_view s, std::size_t& pos, std::int32_t& offset_minutes) {
    std::size_t i = pos;
    if (i >= s.size()) {
        return false;
    }
    if (s[i] == 'Z' || s[i] == 'z') {
        offset_minutes = 0;
        pos = i + 1;
        return true;
    }
    if (s[i] != '+' && s[i] != '-') {
        return false;
    }
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    int hours = 0;
    int minutes = 0;
    if (!read_digits(s, i, 2, 2, hours)) {
        return false;
    }
    if (i < s.size() && s[i] == ':') {
        ++i;
    }
    if (!read_digits(s, i, 2, 2, minutes) || (i < s.size() && is_digit(s[i]))) {
        return false;
    }
    if (hours > 23 || minutes > 59) {
        return false;
    }
    offset_minutes = sign * (hours * 60 + minutes);
    pos = i;
    return true;
}

/// The UTC offset that may end an ISO timestamp: an optional space, then `Z`, `±HH:MM` or
/// `±HHMM`, then the end of the text. False when anything else follows.
bool read_offset_to_end(std::string_view s, std::size_t pos, std::int32_t& offset_minutes) {
    if (pos < s.size() && s[pos] == ' ') {
        ++pos;
    }
    return read_offset(s, pos, offset_minutes) && pos == s.size();
}

/// One or more spaces at `pos`; false (nothing read) when there is none.
bool skip_spaces(std::string_view s, std::size_t& pos) {
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] == ' ') {
        ++pos;
    }
    return pos > start;
}

/// Between a date and its time: one or more spaces, optionally after a comma (`3/5/2026,
/// 10:00 AM` is how many US tools print a date and time).
bool skip_date_time_separator(std::string_view s, std::size_t& pos) {
    std::size_t i = pos;
    if (i < s.size() && s[i] == ',') {
        ++i;
    }
    if (!skip_spaces(s, i)) {
        return false;
    }
    pos = i;
    return true;
}

/// Between the parts of a month-name date: a comma, spaces, or both (`Jul 15, 2026`,
/// `20 Apr, 2021`, `Jul 15 2026`).
bool skip_comma_or_spaces(std::string_view s, std::size_t& pos) {
    bool comma = false;
    if (pos < s.size() && s[pos] == ',') {
        ++pos;
        comma = true;
    }
    return skip_spaces(s, pos) || comma;
}

/// A year of exactly four digits, or (when allowed) two (SPEC §2 ◆7: 00-69 → 20xx, 70-99 → 19xx).
bool read_year(std::string_view s, std::size_t& pos, bool two_digits_allowed, int& year) {
    std::size_t i = pos;
    int value = 0;
    if (!read_digits(s, i, 2, 4, value) || (i < s.size() && is_digit(s[i]))) {
        return false;
    }
    const std::size_t digits = i - pos;
    if (digits == 2 && two_digits_allowed) {
        value = detail::expand_two_digit_year(value);
    } else if (digits != 4) {
        return false;
    }
    year = value;
    pos = i;
    return true;
}

bool year_in_range(int year) { return year >= detail::k_min_year && year <= detail::k_max_year; }

/// A time and what may follow it in the slash, year-first and month-name forms.
struct Clock {
    TimeOfDay time;
    std::optional<std::int32_t> offset;
};

enum class ClockRead : std::uint8_t { ok, no, bad_am_pm };

/// `H:MM[:SS]` at `pos`, then (after optional spaces) an optional `AM`/`PM` (AM/PM takes an
/// hour 1-12; 12 AM is 00) and, when `allow_offset`, an optional `Z`/`±HH:MM`/`±HHMM`; `pos`
/// ends just past what was read.
ClockRead read_clock(std::string_view s, std::size_t& pos, bool allow_offset, Clock& clock) {
    std::size_t i = pos;
    if (!read_time(s, i, false, clock.time)) {
        return ClockRead::no;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') {
        ++j;
    }
    if (j + 1 < s.size() && (detail::lower(s[j]) == 'a' || detail::lower(s[j]) == 'p') &&
        detail::lower(s[j + 1]) == 'm' && (j + 2 == s.size() || !detail::is_alpha(s[j + 2]))) {
        if (clock.time.hour < 1 || clock.time.hour > 12) {
            return ClockRead::bad_am_pm;
        }
        // 12 AM is the midnight hour, 12 PM the noon hour.
        clock.time.hour = (clock.time.hour % 12) + (detail::lower(s[j]) == 'p' ? 12 : 0);
        i = j + 2;
    }
    clock.offset.reset();
    if (allow_offset) {
        j = i;
        while (j < s.size() && s[j] == ' ') {
            ++j;
        }
        std::int32_t offset = 0;
        if (j < s.size() && (s[j] == '+' || s[j] == '-' || s[j] == 'Z' || s[j] == 'z')) {
            if (!read_offset(s, j, offset)) {
                return ClockRead::no;
            }
            clock.offset = offset;
            i = j;
        }
    }
    pos = i;
    return ClockRead::ok;
}

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

Result<ParsedTimestamp> make(int year, int month, int day, const Clock& clock) {
    Result<ParsedTimestamp> r = make(year, month, day, &clock.time);
    if (r) {
        r.value().offset_minutes = clock.offset;
    }
    return r;
}

/// The date of `year`, `month`, `day` with what follows it from `pos`: nothing, or a clock
/// after a separator (`form` names the form for a miss).
Result<ParsedTimestamp> date_then_clock(std::string_view s, std::size_t pos, int year, int month, int day,
                                        bool allow_offset, std::string_view form) {
    if (pos == s.size()) {
        return make(year, month, day, nullptr);
    }
    Clock clock;
    if (!skip_date_time_separator(s, pos)) {
        return miss(form);
    }
    switch (read_clock(s, pos, allow_offset, clock)) {
        case ClockRead::ok:
            break;
        case ClockRead::no:
            return miss(form);
        case ClockRead::bad_am_pm:
            return fail(k_am_pm_hour);
    }
    if (pos != s.size()) {
        return miss(form);
    }
    return make(year, month, day, clock);
}

/// `YYYY-MM-DD[(T| )H:MM[:SS[.fff]]][ ][Z|±HH:MM|±HHMM]`; `pos` is just past the year.
Result<ParsedTimestamp> parse_iso(std::string_view s, int year, std::size_t pos) {
    int month = 0;
    int day = 0;
    if (pos >= s.size() || s[pos++] != '-' || !read_digits(s, pos, 2, 2, month) || pos >= s.size() ||
        s[pos++] != '-' || !read_digits(s, pos, 2, 2, day)) {
        return miss(k_form_iso);
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
            return miss(k_form_iso);
        }
        return make(year, month, day, nullptr);
    }
    ++pos;
    TimeOfDay time;
    if (!read_time(s, pos, true, time)) {
        return miss(k_form_iso);
    }
    const bool has_offset = pos < s.size();
    if (has_offset && !read_offset_to_end(s, pos, offset)) {
        return miss(k_form_iso);
    }
    Result<ParsedTimestamp> r = make(year, month, day, &time);
    if (r && has_offset) {
        r.value().offset_minutes = offset;
    }
    return r;
}

/// `YYYY/MM/DD [H:MM[:SS]] [AM|PM]` (SPEC §2 ◆7): year first, so never a matter of order.
Result<ParsedTimestamp> parse_year_slash(std::string_view s) {
    std::size_t pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!read_digits(s, pos, 4, 4, year) || pos >= s.size() || s[pos++] != '/' ||
        !read_digits(s, pos, 1, 2, month) || pos >= s.size() || s[pos++] != '/' ||
        !read_digits(s, pos, 1, 2, day) || (pos < s.size() && is_digit(s[pos]))) {
        return miss(k_form_year_slash);
    }
    return date_then_clock(s, pos, year, month, day, false, k_form_year_slash);
}

/// `D.M.YYYY [H:MM[:SS]]` or `D.M.YY …`, always day first.
Result<ParsedTimestamp> parse_dotted(std::string_view s) {
    std::size_t pos = 0;
    int day = 0;
    int month = 0;
    int year = 0;
    if (!read_digits(s, pos, 1, 2, day) || pos >= s.size() || s[pos++] != '.' ||
        !read_digits(s, pos, 1, 2, month) || pos >= s.size() || s[pos++] != '.' ||
        !read_year(s, pos, true, year)) {
        return miss(k_form_dotted);
    }
    if (pos == s.size()) {
        return make(year, month, day, nullptr);
    }
    TimeOfDay time;
    if (!skip_date_time_separator(s, pos) || !read_time(s, pos, false, time) || pos != s.size()) {
        return miss(k_form_dotted);
    }
    return make(year, month, day, &time);
}

/// The date part of a slash date: two parts of one or two digits and a year of four digits or
/// two (SPEC §2 ◆7), the year already expanded.
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
        !read_year(s, pos, true, d.year)) {
        return false;
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

/// `D/M/YYYY` or `M/D/YYYY` (or a two-digit year) `[H:MM[:SS]] [AM|PM]`.
Result<ParsedTimestamp> parse_slash(std::string_view s, DateOrder order) {
    SlashDate d;
    if (!read_slash_date(s, d)) {
        return miss(k_form_slash);
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
                case SlashHint::not_slash:
                    // not_slash: neither order gives a real day; make() says which check fails.
                    day = d.first;
                    month = d.second;
                    break;
            }
            break;
    }
    return date_then_clock(s, d.end, d.year, month, day, false, k_form_slash);
}

/// `D Mon YYYY`, `D-Mon-YYYY` or `D Mon, YYYY`, then optionally a clock (`20 Apr, 2021
/// 07:49:50`); `pos` is at the day.
Result<ParsedTimestamp> parse_day_month(std::string_view s, std::size_t pos) {
    int day = 0;
    int year = 0;
    if (!read_digits(s, pos, 1, 2, day) || pos >= s.size()) {
        return miss(k_form_day_month);
    }
    const bool dashes = s[pos] == '-';
    if (dashes) {
        ++pos;
    } else if (!skip_spaces(s, pos)) {
        return miss(k_form_day_month);
    }
    const int month = detail::read_month_name(s, pos);
    if (month == 0) {
        return miss(k_form_day_month);
    }
    if (dashes ? (pos >= s.size() || s[pos++] != '-') : !skip_comma_or_spaces(s, pos)) {
        return miss(k_form_day_month);
    }
    if (!read_year(s, pos, false, year)) {
        return miss(k_form_day_month);
    }
    return date_then_clock(s, pos, year, month, day, true, k_form_day_month);
}

/// `Mon D YYYY` or `Mon D, YYYY`, then optionally a clock; or a clock and offset standing
/// before the year (`Oct 31 22:10:47 +0000 2017`, as Twitter and `date` print it); `pos` is
/// at the month name.
Result<ParsedTimestamp> parse_month_day(std::string_view s, std::size_t pos) {
    int day = 0;
    int year = 0;
    const int month = detail::read_month_name(s, pos);
    if (month == 0 || !skip_spaces(s, pos) || !read_digits(s, pos, 1, 2, day) ||
        (pos < s.size() && is_digit(s[pos])) || !skip_comma_or_spaces(s, pos)) {
        return miss(k_form_month_day);
    }
    std::size_t digits_end = pos;
    while (digits_end < s.size() && is_digit(s[digits_end])) {
        ++digits_end;
    }
    if (digits_end < s.size() && s[digits_end] == ':') {
        Clock clock;
        switch (read_clock(s, pos, true, clock)) {
            case ClockRead::ok:
                break;
            case ClockRead::no:
                return miss(k_form_month_day);
            case ClockRead::bad_am_pm:
                return fail(k_am_pm_hour);
        }
        if (!skip_spaces(s, pos) || !read_year(s, pos, false, year) || pos != s.size()) {
            return miss(k_form_month_day);
        }
        return make(year, month, day, clock);
    }
    if (!read_year(s, pos, false, year)) {
        return miss(k_form_month_day);
    }
    return date_then_clock(s, pos, year, month, day, true, k_form_month_day);
}

/// The month-name forms that start with a letter: an optional weekday (`Tue`, `Tuesday,`),
/// never checked against the date, then `D Mon YYYY …` or `Mon D, YYYY …`.
Result<ParsedTimestamp> parse_named(std::string_view s) {
    std::size_t pos = 0;
    if (detail::read_weekday_name(s, pos) != 0) {
        if (pos < s.size() && s[pos] == ',') {
            ++pos;
        }
        if (!skip_spaces(s, pos)) {
            return miss(k_form_month_day);
        }
        if (pos < s.size() && is_digit(s[pos])) {
            return parse_day_month(s, pos);
        }
    }
    return parse_month_day(s, pos);
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
    // The ISO forms first and at fixed positions: nearly every export writes them, and this
    // runs on every timestamp of tens of millions of rows. The others are told apart by the
    // digits they start with and the byte after them.
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
        // `20260305` is nearer an ISO date than a Unix time.
        return miss(lead <= 8 ? k_form_iso : k_form_unix);
    }
    const char next = text[lead];
    if (lead == 4) {
        if (next == '-') {
            int year = 0;
            std::size_t pos = 0;
            read_digits(text, pos, 4, 4, year);
            return parse_iso(text, year, pos);
        }
        if (next == '/') {
            return parse_year_slash(text);
        }
    }
    if (lead == 1 || lead == 2) {
        if (next == '.') {
            return parse_dotted(text);
        }
        if (next == '/') {
            return parse_slash(text, order);
        }
        if (next == ' ' || next == '-') {
            std::size_t after = lead + 1;
            while (next == ' ' && after < text.size() && text[after] == ' ') {
                ++after;
            }
            if (after < text.size() && detail::is_alpha(text[after])) {
                return parse_day_month(text, 0);
            }
        }
    }
    if (lead == 0 && detail::is_alpha(text[0])) {
        return parse_named(text);
    }
    return miss(k_form_iso);
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

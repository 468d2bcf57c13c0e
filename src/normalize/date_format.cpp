// --date-format (SPEC §1 ◆7): a strftime-style pattern, compiled once and matched by hand.
//
// Why not date::parse (Howard Hinnant's date library, already a dependency for time zones): it
// was tried and measured, and differs from SPEC where it matters —
//  - `%y` maps 69 to 1969 (the POSIX pivot); SPEC §2 makes 00-69 2000-2069;
//  - `%a` fails when the weekday does not match the date; SPEC leaves weekdays unchecked;
//  - `%z` stops at the colon of `+02:00` (that needs `%Ez`), so one pattern cannot take both;
//  - a space in its pattern matches zero or more white space, so `%d %b %Y` reads `15Jul2026`;
//  - it reads from a std::istream: about 1.4 µs per value even with one reused istringstream
//    (and a copy of every value into it), against tens of nanoseconds here. Formats are tried
//    before the built-in forms on every date and timestamp cell, tens of millions of them.
// Its month names are case-insensitive, which this matcher is too.

#include <string>
#include <string_view>
#include <vector>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"
#include "normalize/civil_date.hpp"
#include "normalize/month_names.hpp"

namespace clientscore {

namespace {

using detail::is_digit;
using detail::read_digits;

constexpr std::string_view k_directives = "YymdebBaAHIMSpz";

// The field each directive sets, to refuse one given twice (`%d %e`).
enum Field : unsigned { year = 1, month = 2, day = 4, weekday = 8, hour = 16, minute = 32, second = 64, am_pm = 128, offset = 256 };

unsigned field_of(char directive) {
    switch (directive) {
        case 'Y':
        case 'y':
            return year;
        case 'm':
        case 'b':
        case 'B':
            return month;
        case 'd':
        case 'e':
            return day;
        case 'a':
        case 'A':
            return weekday;
        case 'H':
        case 'I':
            return hour;
        case 'M':
            return minute;
        case 'S':
            return second;
        case 'p':
            return am_pm;
        default:
            return offset;
    }
}

/// One or two digits, as strptime reads `%d`, `%m`, `%H`, `%I`, `%M`, `%S`.
bool read_number(std::string_view s, std::size_t& pos, int& out) { return read_digits(s, pos, 1, 2, out); }

/// `Z`, `±HHMM` or `±HH:MM` at `pos`.
bool read_offset(std::string_view s, std::size_t& pos, int& minutes) {
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
        minutes = 0;
        return true;
    }
    if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) {
        return false;
    }
    const int sign = s[pos] == '-' ? -1 : 1;
    std::size_t i = pos + 1;
    int hh = 0;
    int mm = 0;
    if (!read_digits(s, i, 2, 2, hh)) {
        return false;
    }
    if (i < s.size() && s[i] == ':') {
        ++i;
    }
    if (!read_digits(s, i, 2, 2, mm) || hh > 23 || mm > 59) {
        return false;
    }
    minutes = sign * (hh * 60 + mm);
    pos = i;
    return true;
}

}  // namespace

Result<DateFormat> DateFormat::compile(std::string_view pattern) {
    unsigned seen = 0;
    bool twelve_hour = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            continue;
        }
        if (i + 1 == pattern.size()) {
            return Result<DateFormat>::failure("ends with a lone %: write %% for a percent sign");
        }
        const char d = pattern[++i];
        if (d == '%') {
            continue;
        }
        if (k_directives.find(d) == std::string_view::npos) {
            std::string why = "has an unknown directive %";
            why += d;
            return Result<DateFormat>::failure(std::move(why));
        }
        const unsigned field = field_of(d);
        if ((seen & field) != 0) {
            std::string why = "gives a field twice (%";
            why += d;
            why += ")";
            return Result<DateFormat>::failure(std::move(why));
        }
        seen |= field;
        twelve_hour = twelve_hour || d == 'I';
    }
    if ((seen & (year | month | day)) != (year | month | day)) {
        return Result<DateFormat>::failure("needs a year (%Y or %y), a month (%m, %b or %B) and a day (%d or %e)");
    }
    if (((seen & am_pm) != 0) != twelve_hour) {
        return Result<DateFormat>::failure("needs %I (hour 1-12) and %p (AM/PM) together");
    }
    if (((seen & hour) != 0) != ((seen & minute) != 0) || ((seen & second) != 0 && (seen & minute) == 0)) {
        return Result<DateFormat>::failure("needs an hour (%H or %I) and minutes (%M) together, and %S only with them");
    }
    DateFormat f;
    f.m_pattern = std::string(pattern);
    return f;
}

DateFormat::Fit DateFormat::parse(std::string_view s, ParsedTimestamp& out) const {
    const std::string_view p = m_pattern;
    std::size_t pos = 0;
    int y = 0;
    int mon = 0;
    int d = 0;
    int h = -1;
    int min = 0;
    int sec = 0;
    int pm = -1;  // -1: no %p
    int off = 0;
    bool has_offset = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c == ' ') {
            // A space stands for a run of them: exports pad `%e` and align columns.
            if (pos >= s.size() || s[pos] != ' ') {
                return Fit::no;
            }
            while (pos < s.size() && s[pos] == ' ') {
                ++pos;
            }
            continue;
        }
        if (c != '%' || p[i + 1] == '%') {
            i += c == '%' ? 1 : 0;
            if (pos >= s.size() || detail::lower(s[pos]) != detail::lower(c)) {
                return Fit::no;
            }
            ++pos;
            continue;
        }
        bool ok = true;
        switch (p[++i]) {
            case 'Y':
                ok = read_digits(s, pos, 4, 4, y);
                break;
            case 'y':
                ok = read_digits(s, pos, 2, 2, y);
                y = detail::expand_two_digit_year(y);
                break;
            case 'm':
                ok = read_number(s, pos, mon);
                break;
            case 'e':
                if (pos < s.size() && s[pos] == ' ') {
                    ++pos;
                }
                ok = read_number(s, pos, d);
                break;
            case 'd':
                ok = read_number(s, pos, d);
                break;
            case 'b':
            case 'B':
                // As in strptime, either directive reads the short or the full name.
                mon = detail::read_month_name(s, pos);
                ok = mon != 0;
                break;
            case 'a':
            case 'A':
                ok = detail::read_weekday_name(s, pos) != 0;  // read, never checked (SPEC §2)
                break;
            case 'H':
            case 'I':
                ok = read_number(s, pos, h);
                break;
            case 'M':
                ok = read_number(s, pos, min);
                break;
            case 'S':
                ok = read_number(s, pos, sec);
                break;
            case 'p':
                ok = pos + 1 < s.size() && (detail::lower(s[pos]) == 'a' || detail::lower(s[pos]) == 'p') &&
                     detail::lower(s[pos + 1]) == 'm';
                if (ok) {
                    pm = detail::lower(s[pos]) == 'p' ? 1 : 0;
                    pos += 2;
                }
                break;
            default:  // 'z'
                ok = read_offset(s, pos, off);
                has_offset = ok;
                break;
        }
        if (!ok) {
            return Fit::no;
        }
    }
    if (pos != s.size()) {
        return Fit::no;
    }
    if (y < detail::k_min_year || y > detail::k_max_year) {
        return Fit::year_range;
    }
    if (!detail::is_valid_date(y, mon, d)) {
        return Fit::no_such_day;
    }
    if (pm >= 0) {
        if (h < 1 || h > 12) {
            return Fit::no_such_time;
        }
        h = h % 12 + (pm == 1 ? 12 : 0);
    }
    if (h > 23 || min > 59 || sec > 59) {
        return Fit::no_such_time;
    }
    out = ParsedTimestamp{};
    out.date = days_from_civil(y, static_cast<unsigned>(mon), static_cast<unsigned>(d));
    if (h >= 0) {
        out.seconds = h * 3600 + min * 60 + sec;
        // A bare date keeps its date whatever offset follows, as in the ISO form.
        if (has_offset) {
            out.offset_minutes = off;
        }
    }
    return Fit::yes;
}

DateFormat::Fit parse_with_formats(const std::vector<DateFormat>& formats, std::string_view text,
                                   ParsedTimestamp& out) {
    DateFormat::Fit first_miss = DateFormat::Fit::no;
    for (const DateFormat& format : formats) {
        const DateFormat::Fit fit = format.parse(text, out);
        if (fit == DateFormat::Fit::yes) {
            return fit;
        }
        if (first_miss == DateFormat::Fit::no) {
            first_miss = fit;
        }
    }
    return first_miss;
}

std::string_view fit_error(DateFormat::Fit fit) {
    switch (fit) {
        case DateFormat::Fit::no_such_day:
            return "is not a date (no such day)";
        case DateFormat::Fit::no_such_time:
            return "is not a date (no such time of day)";
        case DateFormat::Fit::year_range:
            return detail::k_year_range_error;
        case DateFormat::Fit::yes:
        case DateFormat::Fit::no:
            break;
    }
    return {};
}

}  // namespace clientscore

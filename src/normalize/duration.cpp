// Call durations of SPEC §2, in milliseconds. Arithmetic stays in integers so that `90.5`
// seconds is exactly 90500 ms on every machine.

#include <algorithm>
#include <cstdint>
#include <string>
#include <limits>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {
namespace {

using detail::is_digit;

constexpr char k_not_a_duration[] = "is not a duration";
constexpr std::int64_t k_max_whole = std::numeric_limits<std::int64_t>::max() / 1000 / 3600;
// Fraction digits past the ninth are a billionth of a unit: dropped before rounding.
constexpr std::size_t k_max_fraction_digits = 9;

Result<std::int64_t> fail(const char* why) { return Result<std::int64_t>::failure(why); }

/// A run of digits at `pos` as a number (capped: anything above k_max_whole is too large).
bool read_whole(std::string_view s, std::size_t& pos, std::int64_t& out, bool& too_large) {
    const std::size_t start = pos;
    std::int64_t value = 0;
    while (pos < s.size() && is_digit(s[pos])) {
        if (value <= k_max_whole) {
            value = value * 10 + (s[pos] - '0');
        }
        ++pos;
    }
    if (value > k_max_whole) {
        too_large = true;
    }
    out = value;
    return pos > start;
}

/// `.ddd` at `pos` (if any) as `unit_ms` × fraction, rounded half up (durations are never
/// negative, so that is half away from zero). False for a dot without digits.
bool read_fraction_ms(std::string_view s, std::size_t& pos, std::int64_t unit_ms, std::int64_t& out) {
    out = 0;
    if (pos >= s.size() || s[pos] != '.') {
        return true;
    }
    ++pos;
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
    const std::size_t start = pos;
    while (pos < s.size() && is_digit(s[pos])) {
        if (pos - start < k_max_fraction_digits) {
            numerator = numerator * 10 + (s[pos] - '0');
            denominator *= 10;
        }
        ++pos;
    }
    if (pos == start) {
        return false;
    }
    out = (numerator * unit_ms * 2 + denominator) / (denominator * 2);
    return true;
}

std::int64_t unit_ms(DurationUnit unit) {
    switch (unit) {
        case DurationUnit::milliseconds:
            return 1;
        case DurationUnit::minutes:
            return 60 * 1000;
        case DurationUnit::hours:
            return 3600 * 1000;
        case DurationUnit::seconds:
            break;
    }
    return 1000;
}

}  // namespace

DurationUnit duration_unit_from_header(std::string_view header) {
    bool minutes = false;
    bool hours = false;
    std::size_t i = 0;
    while (i < header.size()) {
        while (i < header.size() && !detail::is_alnum(header[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < header.size() && detail::is_alnum(header[i])) {
            ++i;
        }
        const std::string_view word = header.substr(start, i - start);
        // Milliseconds win over minutes: a header naming both (`minutes_ms`) is in ms.
        if (detail::iequals(word, "ms") || detail::iequals(word, "milliseconds")) {
            return DurationUnit::milliseconds;
        }
        if (detail::iequals(word, "min") || detail::iequals(word, "mins") ||
            detail::iequals(word, "minutes")) {
            minutes = true;
        }
        // SPEC ◆9: time trackers export `Hours`, `Time (h)` or `duration_hours`.
        if (detail::iequals(word, "h") || detail::iequals(word, "hr") || detail::iequals(word, "hrs") ||
            detail::iequals(word, "hours")) {
            hours = true;
        }
    }
    if (detail::iends_with(header, "_ms")) {
        return DurationUnit::milliseconds;
    }
    if (minutes || detail::iends_with(header, "_minutes")) {
        return DurationUnit::minutes;
    }
    if (hours) {
        return DurationUnit::hours;
    }
    return DurationUnit::seconds;
}

Result<std::int64_t> parse_duration_ms(std::string_view text, DurationUnit unit) {
    const std::string_view s = trim(text);
    if (s.empty()) {
        return std::int64_t{0};
    }
    if (s[0] == '-') {
        // Only a duration with a minus sign is "negative"; other junk is just not a duration.
        const bool rest_ok =
            s.size() > 1 && s[1] != '-' && s[1] != '+' && parse_duration_ms(s.substr(1), unit).ok();
        return fail(rest_ok ? "is a negative duration" : k_not_a_duration);
    }
    std::size_t pos = (s[0] == '+') ? 1 : 0;
    bool too_large = false;
    std::int64_t first = 0;
    const bool has_first = read_whole(s, pos, first, too_large);

    if (pos < s.size() && s[pos] == ':') {
        // `M:SS` or `H:MM:SS`: the first field is unbounded, the others two digits below 60.
        if (!has_first) {
            return fail(k_not_a_duration);
        }
        int fields[2] = {0, 0};
        int count = 0;
        while (pos < s.size() && s[pos] == ':' && count < 2) {
            ++pos;
            if (!detail::read_digits(s, pos, 2, 2, fields[count]) || fields[count] > 59) {
                return fail(k_not_a_duration);
            }
            ++count;
        }
        std::int64_t fraction = 0;
        if (!read_fraction_ms(s, pos, 1000, fraction) || pos != s.size()) {
            return fail(k_not_a_duration);
        }
        if (too_large) {
            return fail("is too large");
        }
        // first <= k_max_whole keeps the seconds in range, but not the minutes and seconds
        // added to them once they are milliseconds (`2562047788015:59:59`).
        const std::int64_t seconds =
            count == 2 ? (first * 60 + fields[0]) * 60 + fields[1] : first * 60 + fields[0];
        if (seconds > (std::numeric_limits<std::int64_t>::max() - fraction) / 1000) {
            return fail("is too large");
        }
        return seconds * 1000 + fraction;
    }

    const std::int64_t per_unit = unit_ms(unit);
    const std::size_t fraction_start = pos;
    std::int64_t fraction = 0;
    if (!read_fraction_ms(s, pos, per_unit, fraction) || pos != s.size()) {
        return fail(k_not_a_duration);
    }
    if (!has_first && pos == fraction_start) {
        return fail(k_not_a_duration);  // a lone sign
    }
    if (too_large) {
        return fail("is too large");
    }
    return first * per_unit + fraction;
}

Result<std::int64_t> parse_duration_cell(std::string_view text, DurationUnit unit, bool hours_minutes,
                                         DecimalMode decimal) {
    const std::string_view v = trim(text);
    const auto colons = std::count(v.begin(), v.end(), ':');
    if (hours_minutes && colons == 1) {
        return parse_duration_ms(std::string(v) + ":00", unit);
    }
    if (decimal == DecimalMode::comma && colons == 0 && std::count(v.begin(), v.end(), ',') == 1 &&
        v.find('.') == std::string_view::npos) {
        std::string dotted(v);
        dotted[dotted.find(',')] = '.';
        return parse_duration_ms(dotted, unit);
    }
    return parse_duration_ms(v, unit);
}

}  // namespace clientscore

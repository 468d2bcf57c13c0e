// The options that describe the business week (SPEC §1 --business-hours, --business-days,
// --holidays) and the off-day / after-hours tests of SPEC §3 "Local time".

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {
namespace {

constexpr int k_minutes_per_day = 24 * 60;
constexpr std::array<std::string_view, 7> k_short_days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> k_full_days = {"monday", "tuesday",  "wednesday", "thursday",
                                                         "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> k_day_labels = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/// `H:MM` or `HH:MM` as minutes since midnight; -1 when malformed or out of range (24:00 is
/// allowed here, the caller decides whether it may stand).
int read_clock(std::string_view s) {
    std::size_t pos = 0;
    int hour = 0;
    int minute = 0;
    if (!detail::read_digits(s, pos, 1, 2, hour) || pos >= s.size() || s[pos++] != ':' ||
        !detail::read_digits(s, pos, 2, 2, minute) || pos != s.size()) {
        return -1;
    }
    if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) {
        return -1;
    }
    return hour * 60 + minute;
}

/// A day name as 0 (Monday) .. 6 (Sunday), -1 when it is none.
int day_index(std::string_view word) {
    for (std::size_t i = 0; i < k_short_days.size(); ++i) {
        if (detail::iequals(word, k_short_days[i]) || detail::iequals(word, k_full_days[i])) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void append_two_digits(std::string& out, int v) {
    out.push_back(static_cast<char>('0' + v / 10));
    out.push_back(static_cast<char>('0' + v % 10));
}

void append_clock(std::string& out, int minutes) {
    append_two_digits(out, minutes / 60);
    out.push_back(':');
    append_two_digits(out, minutes % 60);
}

}  // namespace

Result<BusinessHours> parse_business_hours(std::string_view text) {
    const std::string_view s = trim(text);
    const std::size_t dash = s.find('-');
    const int start = dash == std::string_view::npos ? -1 : read_clock(trim(s.substr(0, dash)));
    const int end = dash == std::string_view::npos ? -1 : read_clock(trim(s.substr(dash + 1)));
    if (start < 0 || end < 0 || start == k_minutes_per_day) {
        return Result<BusinessHours>::failure(
            "is not a range of business hours (HH:MM-HH:MM, such as 09:00-18:00)");
    }
    // Equal ends could mean an empty day or a full one; 00:00-24:00 says "full" unambiguously.
    if (start == end) {
        return Result<BusinessHours>::failure(
            "is an empty range of business hours (the start equals the end)");
    }
    return BusinessHours{start, end};
}

std::string format_business_hours(const BusinessHours& hours) {
    std::string out;
    out.reserve(11);
    append_clock(out, hours.start_minute);
    out.push_back('-');
    append_clock(out, hours.end_minute);
    return out;
}

Result<WeekdaySet> parse_business_days(std::string_view text) {
    const auto fail = [] {
        return Result<WeekdaySet>::failure(
            "is not a list of business days (day names or ranges such as Mon-Fri, Sun-Thu or Mon-Wed,Fri)");
    };
    const std::string_view s = trim(text);
    if (s.empty()) {
        return fail();
    }
    WeekdaySet days = 0;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t comma = s.find(',', start);
        if (comma == std::string_view::npos) {
            comma = s.size();
        }
        const std::string_view item = trim(s.substr(start, comma - start));
        const std::size_t dash = item.find('-');
        const int first = day_index(trim(item.substr(0, dash)));
        const int last = dash == std::string_view::npos ? first : day_index(trim(item.substr(dash + 1)));
        if (first < 0 || last < 0) {
            return fail();
        }
        // A range runs forward and may wrap past Sunday: Sun-Thu is Sunday to Thursday.
        for (int d = first;; d = (d + 1) % 7) {
            days = static_cast<WeekdaySet>(days | (1u << d));
            if (d == last) {
                break;
            }
        }
        start = comma + 1;
    }
    return days;
}

std::string format_business_days(WeekdaySet days) {
    std::string out;
    for (std::size_t i = 0; i < k_day_labels.size(); ++i) {
        if ((days & (1u << i)) != 0) {
            if (!out.empty()) {
                out.push_back(',');
            }
            out += k_day_labels[i];
        }
    }
    return out;
}

BusinessCalendar::BusinessCalendar(BusinessHours hours, WeekdaySet days, std::vector<Days> holidays)
    : m_hours(hours), m_days(days), m_holidays(std::move(holidays)) {
    std::sort(m_holidays.begin(), m_holidays.end());
    m_holidays.erase(std::unique(m_holidays.begin(), m_holidays.end()), m_holidays.end());
}

bool BusinessCalendar::off_day(Days date) const {
    if ((m_days & (1u << weekday_of(date))) == 0) {
        return true;
    }
    return std::binary_search(m_holidays.begin(), m_holidays.end(), date);
}

bool BusinessCalendar::after_hours(const LocalDateTime& when) const {
    if (off_day(when.date)) {
        return true;
    }
    if (!when.has_time()) {
        return false;  // a date alone can be off-day but never after hours (SPEC §3)
    }
    const int start = m_hours.start_minute * 60;
    const int end = m_hours.end_minute * 60;
    const int t = when.seconds;
    const bool inside = start < end ? (t >= start && t < end) : (t >= start || t < end);
    return !inside;
}

}  // namespace clientscore

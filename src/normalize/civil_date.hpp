#pragma once
// Calendar facts shared by the date parsers (internal to normalize/).

namespace clientscore::detail {

/// The years a timestamp may carry (SPEC §2); anything else is a typo or a wrong column.
inline constexpr int k_min_year = 1970;
inline constexpr int k_max_year = 2100;
inline constexpr char k_year_range_error[] = "is outside the years 1970-2100";

constexpr bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned days_in_month(int year, unsigned month) {
    constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (month == 2 && is_leap_year(year)) ? 29u : k_days[month - 1];
}

constexpr bool is_valid_date(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 &&
           static_cast<unsigned>(day) <= days_in_month(year, static_cast<unsigned>(month));
}

}  // namespace clientscore::detail

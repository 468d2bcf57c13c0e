#pragma once
// English month and weekday names (SPEC §2 ◆7), shared by the built-in timestamp forms and
// --date-format: three letters or in full, any case, an optional `.` after the name.

#include <cstddef>
#include <string_view>

#include "normalize/ascii.hpp"

namespace clientscore::detail {

inline constexpr std::string_view k_month_names[] = {"january", "february", "march",     "april",
                                                     "may",     "june",     "july",      "august",
                                                     "september", "october", "november", "december"};
inline constexpr std::string_view k_weekday_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

/// The 1-based index in `names` of the word at `pos` (a run of ASCII letters that is the
/// three-letter prefix or the whole of a name, then an optional `.`), advancing `pos` past it;
/// 0 with `pos` unchanged when the word there is no such name.
template <std::size_t N>
constexpr int read_name(std::string_view s, std::size_t& pos, const std::string_view (&names)[N]) {
    std::size_t end = pos;
    while (end < s.size() && is_alpha(s[end])) {
        ++end;
    }
    const std::string_view word = s.substr(pos, end - pos);
    if (word.size() < 3) {
        return 0;
    }
    for (std::size_t i = 0; i < N; ++i) {
        // `Sept` and `Tues` are neither three letters nor the full name (SPEC lists no others).
        if ((word.size() == 3 || word.size() == names[i].size()) && word.size() <= names[i].size() &&
            iequals(word, names[i].substr(0, word.size()))) {
            pos = end < s.size() && s[end] == '.' ? end + 1 : end;
            return static_cast<int>(i + 1);
        }
    }
    return 0;
}

/// The month (1-12) named at `pos`, or 0.
constexpr int read_month_name(std::string_view s, std::size_t& pos) { return read_name(s, pos, k_month_names); }

/// The weekday (1 = Monday ... 7 = Sunday) named at `pos`, or 0.
constexpr int read_weekday_name(std::string_view s, std::size_t& pos) {
    return read_name(s, pos, k_weekday_names);
}

/// A two-digit year as SPEC §2 reads it: 00-69 are 2000-2069, 70-99 are 1970-1999.
constexpr int expand_two_digit_year(int yy) { return yy < 70 ? 2000 + yy : 1900 + yy; }

}  // namespace clientscore::detail

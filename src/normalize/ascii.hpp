#pragma once
// Byte-level helpers shared by the normalize parsers. Everything here works on ASCII only, so
// that the parsers never depend on the C locale and never allocate.

#include <cstddef>
#include <string_view>

namespace clientscore::detail {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// True when `s` equals `lower_word` ignoring ASCII case; `lower_word` must be lower case.
constexpr bool iequals(std::string_view s, std::string_view lower_word) {
    if (s.size() != lower_word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (lower(s[i]) != lower_word[i]) {
            return false;
        }
    }
    return true;
}

/// True when `s` ends with `lower_suffix` ignoring ASCII case.
constexpr bool iends_with(std::string_view s, std::string_view lower_suffix) {
    return s.size() >= lower_suffix.size() && iequals(s.substr(s.size() - lower_suffix.size()), lower_suffix);
}

/// Trims spaces and tabs (the same rule as clientscore::trim, usable in constexpr code).
constexpr std::string_view trim_blanks(std::string_view s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && is_blank(s[b])) {
        ++b;
    }
    while (e > b && is_blank(s[e - 1])) {
        --e;
    }
    return s.substr(b, e - b);
}

/// Reads between `min_digits` and `max_digits` decimal digits at `pos` into `out` and advances
/// `pos`; false (with `pos` unchanged) when there are fewer than `min_digits`. More digits than
/// `max_digits` are left for the caller to reject.
constexpr bool read_digits(std::string_view s, std::size_t& pos, std::size_t min_digits,
                           std::size_t max_digits, int& out) {
    std::size_t i = pos;
    int value = 0;
    while (i < s.size() && i - pos < max_digits && is_digit(s[i])) {
        value = value * 10 + (s[i] - '0');
        ++i;
    }
    if (i - pos < min_digits) {
        return false;
    }
    out = value;
    pos = i;
    return true;
}

}  // namespace clientscore::detail

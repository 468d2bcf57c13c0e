// Amounts of SPEC §2. The rule that matters most: a separator is read as a thousands
// separator only when exactly three digits follow it, so that no value is ever read a thousand
// times too large or too small; everything doubtful is a failure the user gets to see.

#include <cstdint>
#include <limits>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {
namespace {

using detail::is_alpha;
using detail::is_digit;

constexpr char k_not_an_amount[] = "is not an amount";
constexpr char k_bad_grouping[] =
    "is not an amount (a thousands separator must be followed by exactly three digits; see --decimal)";
constexpr char k_too_large[] = "is too large";
constexpr std::size_t k_npos = std::string_view::npos;

Result<ParsedAmount> fail(const char* why) { return Result<ParsedAmount>::failure(why); }

enum class Sep : std::uint8_t { none, dot, comma, space, apostrophe };

/// The byte length of the no-break space (U+00A0) or narrow no-break space (U+202F) at `i`,
/// 0 for anything else.
std::size_t wide_space_at(std::string_view s, std::size_t i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
        return 2;
    }
    if (s[i] == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\xAF') {
        return 3;
    }
    return 0;
}

/// The separator at `i` and its byte length (0 when there is none). The spaces are one kind:
/// exports mix the plain and no-break forms depending on the tool that wrote them.
std::size_t separator_at(std::string_view s, std::size_t i, Sep& kind) {
    switch (s[i]) {
        case '.':
            kind = Sep::dot;
            return 1;
        case ',':
            kind = Sep::comma;
            return 1;
        case ' ':
            kind = Sep::space;
            return 1;
        case '\'':
            kind = Sep::apostrophe;
            return 1;
        default:
            kind = Sep::space;
            return wide_space_at(s, i);
    }
}

/// The code point of the UTF-8 character at `i` and its byte length (0 when the bytes there
/// are not a well-formed non-ASCII character).
std::size_t utf8_at(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned lead = byte(i);
    std::size_t len = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    return len;
}

/// Characters that may make up a currency symbol: the currency signs of Unicode and the
/// letters of the scripts whose currency abbreviations appear in exports (`zł`, `Kč`, `лв`,
/// `руб`). Deliberately not: dashes and the minus sign (U+2012..U+2015, U+2212), which would
/// otherwise turn `−5` into 5, nor fractions, super- and subscripts and other digits.
bool is_currency_char(char32_t cp) {
    struct Range {
        char32_t first;
        char32_t last;
    };
    static constexpr Range k_ranges[] = {
        {0x00A2, 0x00A5},                                      // ¢ £ ¤ ¥
        {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x024F},  // Latin letters without × and ÷
        {0x0370, 0x03FF}, {0x0400, 0x052F},                    // Greek, Cyrillic
        {0x058F, 0x058F}, {0x05D0, 0x05EA}, {0x060B, 0x060B},  // ֏, Hebrew letters, ؋
        {0x0620, 0x064A}, {0x09F2, 0x09F3}, {0x0AF1, 0x0AF1},  // Arabic letters, ৲ ৳, ૱
        {0x0BF9, 0x0BF9}, {0x0E3F, 0x0E3F}, {0x17DB, 0x17DB},  // ௹, ฿, ៛
        {0x20A0, 0x20CF},                                      // ₠ .. € .. ₹ .. ₿
        {0xA838, 0xA838}, {0xFDFC, 0xFDFC}, {0xFE69, 0xFE69},  // ꠸, ﷼, ﹩
        {0xFF04, 0xFF04}, {0xFFE0, 0xFFE1}, {0xFFE5, 0xFFE6},  // ＄, ￠ ￡, ￥ ￦
    };
    for (const Range& r : k_ranges) {
        if (cp >= r.first && cp <= r.last) {
            return true;
        }
    }
    return false;
}

/// The byte length of one symbol character at `i` (`$` or a currency character), else 0.
std::size_t symbol_at(std::string_view s, std::size_t i) {
    if (s[i] == '$') {
        return 1;
    }
    char32_t cp = 0;
    const std::size_t len = utf8_at(s, i, cp);
    return (len > 0 && is_currency_char(cp)) ? len : 0;
}

/// The byte length of a currency marker at `i`, 0 when there is none: a three-letter code
/// (`EUR`, any case), or a symbol (`$`, `€`, `£`, `¥`, see is_currency_char) with up to two
/// ASCII letters before it (`US$`, `R$`, `HK$`).
std::size_t currency_at(std::string_view s, std::size_t i) {
    std::size_t letters = 0;
    while (i + letters < s.size() && is_alpha(s[i + letters])) {
        ++letters;
    }
    std::size_t j = i + letters;
    while (j < s.size()) {
        const std::size_t len = symbol_at(s, j);
        if (len == 0) {
            break;
        }
        j += len;
    }
    const std::size_t symbol_bytes = j - (i + letters);
    if (symbol_bytes > 0 && letters <= 2) {
        return j - i;
    }
    if (symbol_bytes == 0 && letters == 3) {
        return 3;
    }
    return 0;
}

/// Skips plain and no-break spaces.
void skip_spaces(std::string_view s, std::size_t& pos) {
    while (pos < s.size()) {
        if (s[pos] == ' ' || s[pos] == '\t') {
            ++pos;
        } else if (const std::size_t n = wide_space_at(s, pos); n > 0) {
            pos += n;
        } else {
            return;
        }
    }
}

/// The end of the number that starts at `pos`: digits, and separators that a digit follows.
std::size_t number_end(std::string_view s, std::size_t pos) {
    std::size_t i = pos;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            ++i;
            continue;
        }
        Sep kind = Sep::none;
        const std::size_t len = separator_at(s, i, kind);
        if (len > 0 && i + len < s.size() && is_digit(s[i + len])) {
            i += len;
            continue;
        }
        break;
    }
    return i;
}

}  // namespace

Result<ParsedAmount> parse_amount(std::string_view text, DecimalMode decimal) {
    const std::string_view s = trim(text);
    std::size_t pos = 0;

    // Before the number: a sign or an opening parenthesis (not both), and a currency marker,
    // in any order and with spaces between them.
    bool negative = false;
    bool signed_or_paren = false;
    bool paren_open = false;
    bool currency_before = false;
    for (;;) {
        skip_spaces(s, pos);
        if (pos >= s.size()) {
            return fail(k_not_an_amount);
        }
        const char c = s[pos];
        if (c == '-' || c == '+' || c == '(') {
            if (signed_or_paren) {
                return fail(k_not_an_amount);
            }
            signed_or_paren = true;
            paren_open = c == '(';
            negative = c != '+';
            ++pos;
            continue;
        }
        if (!currency_before) {
            if (const std::size_t n = currency_at(s, pos); n > 0) {
                currency_before = true;
                pos += n;
                continue;
            }
        }
        break;
    }

    const std::size_t begin = pos;
    const std::size_t end = number_end(s, pos);
    if (end == begin) {
        return fail(k_not_an_amount);
    }
    pos = end;

    // After the number: the closing parenthesis and a currency marker, in either order.
    bool paren_closed = false;
    bool currency_after = false;
    for (;;) {
        skip_spaces(s, pos);
        if (pos >= s.size()) {
            break;
        }
        if (s[pos] == ')' && paren_open && !paren_closed) {
            paren_closed = true;
            ++pos;
            continue;
        }
        if (!currency_after) {
            if (const std::size_t n = currency_at(s, pos); n > 0) {
                currency_after = true;
                pos += n;
                continue;
            }
        }
        return fail(k_not_an_amount);
    }
    if (paren_open != paren_closed) {
        return fail(k_not_an_amount);
    }

    // Which separator is the decimal one: the last of `.` and `,` when both occur, else the
    // one `decimal` names (automatic is resolved per file before this is called; read as dot).
    std::size_t dots = 0;
    std::size_t commas = 0;
    std::size_t last_mark = k_npos;
    for (std::size_t i = begin; i < end; ++i) {
        if (s[i] == '.' || s[i] == ',') {
            (s[i] == '.' ? dots : commas) += 1;
            last_mark = i;
        }
    }
    std::size_t decimal_pos = k_npos;
    if (dots > 0 && commas > 0) {
        decimal_pos = last_mark;
    } else if (dots + commas > 0) {
        const char mode_char = decimal == DecimalMode::comma ? ',' : '.';
        if (s[last_mark] == mode_char) {
            if (dots + commas > 1) {
                return fail(k_not_an_amount);  // two decimal separators
            }
            decimal_pos = last_mark;
        }
    }
    const Sep decimal_kind =
        decimal_pos == k_npos ? Sep::none : (s[decimal_pos] == '.' ? Sep::dot : Sep::comma);
    const std::size_t int_end = decimal_pos == k_npos ? end : decimal_pos;

    // Integer part: groups of exactly three digits after each thousands separator, all of one
    // kind, and a first group of one to three digits that does not start with 0 (`0,500` and
    // `1234,567` are decimals written in the other convention, not thousands).
    constexpr std::uint64_t k_max_units = static_cast<std::uint64_t>(std::numeric_limits<Money>::max());
    std::uint64_t units = 0;
    bool too_large = false;
    Sep thousands = Sep::none;
    std::size_t group_digits = 0;
    std::size_t group_start = begin;
    for (std::size_t i = begin; i < int_end;) {
        if (is_digit(s[i])) {
            if (units > (k_max_units - 9) / 10) {
                too_large = true;
            } else {
                units = units * 10 + static_cast<std::uint64_t>(s[i] - '0');
            }
            ++group_digits;
            ++i;
            continue;
        }
        Sep kind = Sep::none;
        const std::size_t len = separator_at(s, i, kind);
        if (kind == decimal_kind) {
            return fail(k_not_an_amount);  // the decimal separator twice
        }
        if (thousands == Sep::none) {
            if (group_digits == 0 || group_digits > 3 || s[group_start] == '0') {
                return fail(k_bad_grouping);
            }
            thousands = kind;
        } else if (kind != thousands) {
            return fail(k_not_an_amount);  // thousands separators of two kinds
        } else if (group_digits != 3) {
            return fail(k_bad_grouping);
        }
        group_digits = 0;
        i += len;
        group_start = i;
    }
    if (thousands != Sep::none && group_digits != 3) {
        return fail(k_bad_grouping);
    }

    // Fraction: four digits are exact; the fifth rounds half away from zero (on the magnitude,
    // the sign comes last); the rest cannot change that rounding.
    std::uint64_t fraction = 0;
    bool round_up = false;
    if (decimal_pos != k_npos) {
        std::size_t digits = 0;
        for (std::size_t i = decimal_pos + 1; i < end; ++i) {
            if (!is_digit(s[i])) {
                return fail(k_not_an_amount);  // a separator after the decimal one
            }
            if (digits < 4) {
                fraction = fraction * 10 + static_cast<std::uint64_t>(s[i] - '0');
            } else if (digits == 4) {
                round_up = s[i] >= '5';
            }
            ++digits;
        }
        for (; digits < 4; ++digits) {
            fraction *= 10;
        }
    }
    if (too_large || units > k_max_units / static_cast<std::uint64_t>(k_money_scale)) {
        return fail(k_too_large);
    }
    const std::uint64_t magnitude =
        units * static_cast<std::uint64_t>(k_money_scale) + fraction + (round_up ? 1 : 0);
    if (magnitude > k_max_units) {
        return fail(k_too_large);
    }
    ParsedAmount out;
    out.value = negative ? -static_cast<Money>(magnitude) : static_cast<Money>(magnitude);
    out.decimal_used = decimal_pos == k_npos ? '\0' : s[decimal_pos];
    return out;
}

}  // namespace clientscore

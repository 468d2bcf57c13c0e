#include "ingest/xlsx/cell_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "clientscore/normalize.hpp"

namespace clientscore::ingest {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The letters of a format code that say what it shows, with everything that is shown as
// written (quoted text, `\x` escapes, `_x` spacing, `*x` fill) and the [colour]/[$locale]
// brackets left out; an elapsed-time bracket ([h], [mm], [ss]) is kept as `E`.
std::string format_letters(std::string_view code) {
    std::string letters;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') {
            break;  // the first section is the one for positive numbers: dates are positive
        }
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            const std::string_view inside = code.substr(i + 1, close == std::string_view::npos ? std::string_view::npos
                                                                                              : close - i - 1);
            bool elapsed = !inside.empty();
            for (const char b : inside) {
                const char l = lower(b);
                elapsed = elapsed && (l == 'h' || l == 'm' || l == 's');
            }
            if (elapsed) {
                letters += 'E';
            }
            i = close == std::string_view::npos ? code.size() : close;
        } else {
            letters += lower(c);
        }
    }
    return letters;
}

NumberShow classify_code(std::string_view code) {
    const std::string letters = format_letters(code);
    if (letters.find('E') != std::string::npos) {
        return NumberShow::elapsed;
    }
    const bool has_time = letters.find_first_of("hs") != std::string::npos;
    // `m` is a month unless the format has hours or seconds (then it is, or may be, minutes).
    const bool has_date = letters.find_first_of("yd") != std::string::npos ||
                          (!has_time && letters.find('m') != std::string::npos);
    if (has_date) {
        return has_time ? NumberShow::date_time : NumberShow::date;
    }
    return has_time ? NumberShow::time : NumberShow::general;
}

void append_two(unsigned value, std::string& out) {
    out += static_cast<char>('0' + value / 10 % 10);
    out += static_cast<char>('0' + value % 10);
}

void append_unsigned(std::uint64_t value, std::string& out) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void append_clock(std::int64_t seconds_of_day, std::string& out) {
    append_two(static_cast<unsigned>(seconds_of_day / 3600), out);
    out += ':';
    append_two(static_cast<unsigned>(seconds_of_day / 60 % 60), out);
    out += ':';
    append_two(static_cast<unsigned>(seconds_of_day % 60), out);
}

void append_day(std::int64_t day_serial, bool date1904, std::string& out) {
    if (!date1904 && day_serial == 60) {
        out += "1900-02-29";  // Excel's own day that never was (Lotus 1-2-3's leap year bug)
        return;
    }
    if (!date1904 && day_serial == 0) {
        out += "1900-01-00";  // how Excel shows serial 0
        return;
    }
    // Serials before the fictitious day count from one day later.
    const Days epoch = date1904 ? days_from_civil(1904, 1, 1)
                                : days_from_civil(1899, 12, day_serial < 60 ? 31 : 30);
    const CivilDate date = civil_from_days(static_cast<Days>(epoch + day_serial));
    append_unsigned(static_cast<std::uint64_t>(date.year), out);
    out += '-';
    append_two(date.month, out);
    out += '-';
    append_two(date.day, out);
}

}  // namespace

NumberShow classify_number_format(int id, std::string_view code) {
    switch (id) {
        case 14: case 15: case 16: case 17:
        case 27: case 28: case 29: case 30: case 31: case 34: case 35: case 36:
        case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57: case 58:
            return NumberShow::date;
        case 22:
            return NumberShow::date_time;
        case 18: case 19: case 20: case 21: case 32: case 33: case 45:
            return NumberShow::time;
        case 46: case 47:
            return NumberShow::elapsed;
        default:
            break;
    }
    // Ids below 164 are built in: their codes are not in the file, and those not named above
    // are numbers, percentages, fractions and text.
    if (id < 164 && code.empty()) {
        return NumberShow::general;
    }
    return classify_code(code);
}

void append_general_number(double value, std::string& out) {
    if (!std::isfinite(value)) {
        out += "#NUM!";  // what Excel shows for a value it cannot hold
        return;
    }
    if (value == 0) {
        out += '0';
        return;
    }
    if (std::abs(value) < 1e15 && value == std::trunc(value)) {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value));
        out.append(buffer, result.ptr);
        return;
    }
    // 15 significant digits, rounded as Excel rounds what it shows: d.dddddddddddddde±XX.
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, 14);
    const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    const bool negative = text.front() == '-';
    const std::size_t e = text.find('e');
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
        if (text[i] != '.') {
            digits += text[i];
        }
    }
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
    }
    int exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    if (negative) {
        out += '-';
    }
    if (exponent >= 15 || exponent < -9) {
        out += digits.front();
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += exponent < 0 ? "E-" : "E+";
        const int magnitude = std::abs(exponent);
        if (magnitude < 10) {
            out += '0';
        }
        append_unsigned(static_cast<std::uint64_t>(magnitude), out);
        return;
    }
    if (exponent < 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out += digits;
        return;
    }
    const auto whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= whole) {
        out += digits;
        out.append(whole - digits.size(), '0');
        return;
    }
    out.append(digits, 0, whole);
    out += '.';
    out.append(digits, whole);
}

bool append_date_serial(double serial, NumberShow show, bool date1904, std::string& out) {
    // 9999-12-31 is the last day Excel shows: serial 2958465 (2957003 in the 1904 system).
    const double last = date1904 ? 2957004.0 : 2958466.0;
    if (!(serial >= 0) || serial >= last) {
        return false;
    }
    auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0));
    if (show == NumberShow::elapsed) {
        append_unsigned(static_cast<std::uint64_t>(seconds / 3600), out);
        out += ':';
        append_two(static_cast<unsigned>(seconds / 60 % 60), out);
        out += ':';
        append_two(static_cast<unsigned>(seconds % 60), out);
        return true;
    }
    if (seconds >= static_cast<std::int64_t>(last) * 86400) {
        seconds = static_cast<std::int64_t>(last) * 86400 - 1;  // rounded past the last day's end
    }
    const std::int64_t day = seconds / 86400;
    const std::int64_t second_of_day = seconds % 86400;
    if (show == NumberShow::time && day == 0) {
        append_clock(second_of_day, out);
        return true;
    }
    append_day(day, date1904, out);
    if (show == NumberShow::date && second_of_day == 0) {
        return true;
    }
    out += ' ';
    append_clock(second_of_day, out);
    return true;
}

void append_ooxml_text(std::string_view text, std::string& out) {
    std::size_t from = 0;
    for (std::size_t at = text.find('_'); at != std::string_view::npos; at = text.find('_', at + 1)) {
        // _xHHHH_: seven bytes, four hex digits.
        if (at + 7 > text.size() || text[at + 1] != 'x' || text[at + 6] != '_') {
            continue;
        }
        unsigned code = 0;
        const auto parsed = std::from_chars(text.data() + at + 2, text.data() + at + 6, code, 16);
        if (parsed.ptr != text.data() + at + 6) {
            continue;
        }
        out.append(text, from, at - from);
        if (code >= 0xD800 && code <= 0xDFFF) {
            out += "\xEF\xBF\xBD";  // half of a surrogate pair is no character: U+FFFD
        } else if (code >= 0x800) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code >= 0x80) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code != 0) {
            out += static_cast<char>(code);
        }
        from = at + 7;
        at += 6;
    }
    out.append(text, from);
}

}  // namespace clientscore::ingest

#include "render/number_format.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdint>

#include "clientscore/normalize.hpp"
#include "clientscore/render.hpp"
#include "clientscore/visible_text.hpp"

namespace clientscore::render {

bool append_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        return false;
    }
    // Below 2^53 every integral double is an exact integer; print it without a fraction (and
    // -0 as 0).
    constexpr double exact_integer_limit = 9007199254740992.0;
    if (std::fabs(value) < exact_integer_limit && value == std::trunc(value)) {
        const fmt::format_int text(static_cast<std::int64_t>(value));
        out.append(text.data(), text.size());
        return true;
    }
    // fmt's default for a double is the shortest text that reads back as the same double.
    char buffer[32];
    const auto end = fmt::format_to_n(buffer, sizeof buffer, FMT_COMPILE("{}"), value).out;
    out.append(buffer, static_cast<std::size_t>(end - buffer));
    return true;
}

std::string format_number(double value) {
    std::string text;
    append_number(text, value);
    return text;
}

std::string format_rounded(double value, int decimals) {
    return format_number(round_half_away(value, decimals));
}

bool append_rounded(std::string& out, double value, int decimals) {
    const double rounded = round_half_away(value, decimals);
    if (!std::isfinite(rounded)) {
        return false;
    }
    // A value rounded to d decimals is the double nearest to N / 10^d. When |N| < 10^15 that
    // decimal has at most 15 significant digits, which no other such decimal shares a double
    // with: it is the shortest text that reads back as the value, the text format_number
    // prints (fixed notation: from 10^-4 up, fmt writes no exponent below 10^16).
    static constexpr std::int64_t k_powers[] = {1, 10, 100, 1000, 10000};
    if (decimals >= 0 && decimals <= 4) {
        const std::int64_t power = k_powers[decimals];
        const double magnitude = std::fabs(rounded);
        const double scaled = magnitude * static_cast<double>(power);
        if (scaled < 1e15) {
            const std::int64_t n = std::llround(scaled);
            if (static_cast<double>(n) / static_cast<double>(power) == magnitude) {
                if (rounded < 0 && n != 0) {
                    out += '-';
                }
                const fmt::format_int whole(n / power);
                out.append(whole.data(), whole.size());
                std::int64_t fraction = n % power;
                if (fraction != 0) {
                    int digits = decimals;
                    while (fraction % 10 == 0) {
                        fraction /= 10;
                        --digits;
                    }
                    char text[8];
                    for (int i = digits - 1; i >= 0; --i) {
                        text[i] = static_cast<char>('0' + fraction % 10);
                        fraction /= 10;
                    }
                    out += '.';
                    out.append(text, static_cast<std::size_t>(digits));
                }
                return true;
            }
        }
    }
    return append_number(out, rounded);
}

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) {
        return {};
    }
    return fmt::format("{:.{}f}", round_half_away(value, decimals), decimals);
}

std::string format_percent(double share) {
    if (!std::isfinite(share)) {
        return {};
    }
    return format_fixed(share * 100, 1) + "%";
}

std::string format_day(Days day) { return format_date(day); }

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += " | ";
        }
        out += items[i];
    }
    return out;
}

std::string cell_plain_text(const Cell& cell, int decimals) {
    struct Visitor {
        int decimals;
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
        std::string operator()(double v) const { return format_rounded(v, decimals); }
        std::string operator()(const std::string& v) const { return v; }
        std::string operator()(const std::vector<std::string>& v) const { return join_list(v); }
    };
    return std::visit(Visitor{decimals}, cell);
}

std::string one_line(std::string_view text, std::string_view line_break) {
    std::string flat;
    flat.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            flat += line_break;
        } else if (c == '\t') {
            flat += ' ';  // whitespace the cell can show as a space without hiding anything
        } else {
            flat += c;
        }
    }
    // Every other control character is shown, as on standard error: a note with ESC [ 2 J
    // reads `\x1b[2J` in the table rather than clearing the screen or vanishing.
    return visible_text(flat);
}

std::string period_line(const Period& period) {
    if (period.undated) {
        return "Period unknown: nothing in the exports is dated";
    }
    return fmt::format("Period {} to {} ({} day{}), as of {}", format_day(period.from), format_day(period.to),
                       period.days(), period.days() == 1 ? "" : "s", format_day(period.as_of));
}

}  // namespace clientscore::render

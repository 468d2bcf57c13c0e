#include "render/number_format.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
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

namespace {

// N / Power in decimal, without trailing zeros in the fraction, into `text` (at least 24
// bytes); returns the end. Power is a constant so that the divisions are multiplications: a
// million clients' JSON prints some 25 million of these.
template <std::int64_t Power, int Decimals>
char* write_scaled(char* text, std::int64_t n) {
    const fmt::format_int whole(n / Power);
    text = std::copy(whole.data(), whole.data() + whole.size(), text);
    if constexpr (Decimals > 0) {
        std::int64_t fraction = n % Power;
        if (fraction != 0) {
            int digits = Decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                --digits;
            }
            *text++ = '.';
            for (int i = digits - 1; i >= 0; --i) {
                text[i] = static_cast<char>('0' + fraction % 10);
                fraction /= 10;
            }
            text += digits;
        }
    }
    return text;
}

}  // namespace

bool append_rounded(std::string& out, double value, int decimals) {
    if (!std::isfinite(value)) {
        return false;
    }
    // round_half_away's integer of 10^-d steps, N. The value it returns is the double nearest
    // to N / 10^d; when N < 10^15 that decimal has at most 15 significant digits, which no
    // other such decimal shares a double with: it is the shortest text that reads back as the
    // value, the text format_number prints (fixed notation: from 10^-4 up, fmt writes no
    // exponent below 10^16). So N's digits are printed without making the double.
    static constexpr double k_powers[] = {1e0, 1e1, 1e2, 1e3, 1e4};
    if (decimals >= 0 && decimals <= 4) {
        const double n = std::floor(std::fabs(value) * k_powers[decimals] + 0.5 + 1e-9);  // as round_half_away
        if (n < 1e15) {
            char text[32];
            char* end = text;
            const auto digits = static_cast<std::int64_t>(n);
            if (value < 0 && digits != 0) {
                *end++ = '-';
            }
            switch (decimals) {
                case 0: end = write_scaled<1, 0>(end, digits); break;
                case 1: end = write_scaled<10, 1>(end, digits); break;
                case 2: end = write_scaled<100, 2>(end, digits); break;
                case 3: end = write_scaled<1000, 3>(end, digits); break;
                default: end = write_scaled<10000, 4>(end, digits); break;
            }
            out.append(text, static_cast<std::size_t>(end - text));
            return true;
        }
    }
    const double rounded = round_half_away(value, decimals);
    if (!std::isfinite(rounded)) {
        return false;
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

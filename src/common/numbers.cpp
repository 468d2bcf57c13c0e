#include "clientscore/numbers.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace clientscore {

double round_half_away(double x, int decimals) {
    static constexpr std::array<double, 10> powers = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (!std::isfinite(x)) {
        return x;
    }
    if (decimals < 0 || decimals >= static_cast<int>(powers.size())) {
        throw std::invalid_argument("round_half_away: decimals out of range");
    }
    const double scale = powers[static_cast<std::size_t>(decimals)];
    // The 1e-9 lifts values such as 2.675, stored just below the half, to the side a person
    // expects (SPEC §3).
    const double magnitude = std::floor(std::fabs(x) * scale + 0.5 + 1e-9) / scale;
    if (magnitude == 0) {
        return 0.0;  // never -0
    }
    return x < 0 ? -magnitude : magnitude;
}

std::string format_money(double value) {
    if (!std::isfinite(value)) {
        return {};
    }
    const double rounded = round_half_away(value, 2);
    const bool negative = rounded < 0;
    // Group the digits of the fixed text, which is exact for any magnitude.
    const std::string fixed = fmt::format("{:.2f}", std::fabs(rounded));
    const std::string_view whole = std::string_view(fixed).substr(0, fixed.size() - 3);
    std::string grouped;
    grouped.reserve(whole.size() + whole.size() / 3 + 4);
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += whole[i];
    }
    return fmt::format("{}{}{}", negative ? "-" : "", grouped, std::string_view(fixed).substr(fixed.size() - 3));
}

}  // namespace clientscore

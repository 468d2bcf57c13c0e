// Civil-date arithmetic after Howard Hinnant's public-domain algorithms
// (https://howardhinnant.github.io/date_algorithms.html): exact for every Days value.

#include "normalize/civil_date.hpp"

#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {

Days days_from_civil(int year, unsigned month, unsigned day) {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<Days>(era * 146097 + static_cast<int>(doe) - 719468);
}

CivilDate civil_from_days(Days d) {
    const long long z = static_cast<long long>(d) + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(year), month, day};
}

unsigned weekday_of(Days d) {
    // 1970-01-01 was a Thursday (3 when Monday is 0); the double modulo keeps negatives right.
    const long long w = (static_cast<long long>(d) + 3) % 7;
    return static_cast<unsigned>(w < 0 ? w + 7 : w);
}

std::string format_date(Days d) {
    const CivilDate c = civil_from_days(d);
    std::string out;
    out.reserve(10);
    int year = c.year;
    if (year < 0) {
        out.push_back('-');
        year = -year;
    }
    // At least four year digits; Days reaches years beyond 9999, which then print in full.
    char digits[12];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + year % 10);
        year /= 10;
    } while (year > 0);
    for (int pad = n; pad < 4; ++pad) {
        out.push_back('0');
    }
    while (n > 0) {
        out.push_back(digits[--n]);
    }
    out.push_back('-');
    out.push_back(static_cast<char>('0' + c.month / 10));
    out.push_back(static_cast<char>('0' + c.month % 10));
    out.push_back('-');
    out.push_back(static_cast<char>('0' + c.day / 10));
    out.push_back(static_cast<char>('0' + c.day % 10));
    return out;
}

Result<Days> parse_iso_date(std::string_view text) {
    std::size_t pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    const bool shaped = text.size() == 10 && detail::read_digits(text, pos, 4, 4, year) &&
                        text[pos++] == '-' && detail::read_digits(text, pos, 2, 2, month) &&
                        text[pos++] == '-' && detail::read_digits(text, pos, 2, 2, day);
    if (!shaped) {
        return Result<Days>::failure("is not a date in the form YYYY-MM-DD");
    }
    if (year < detail::k_min_year || year > detail::k_max_year) {
        return Result<Days>::failure(detail::k_year_range_error);
    }
    if (!detail::is_valid_date(year, month, day)) {
        return Result<Days>::failure("is not a date (no such day)");
    }
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

}  // namespace clientscore

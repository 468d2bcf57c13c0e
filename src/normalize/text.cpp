#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = detail::lower(c);
    }
    return out;
}

namespace {

// Levenshtein's rows, stopped as soon as every cell of one is past `limit` (then limit + 1).
template <class Change>
std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t limit, Change change) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + change(a[i - 1], b[j - 1])});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > limit) {
            return limit + 1;
        }
    }
    return row[b.size()] > limit ? limit + 1 : row[b.size()];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    return levenshtein(a, b, SIZE_MAX - 1, [](char x, char y) -> std::size_t {
        return detail::lower(x) == detail::lower(y) ? 0 : 1;
    });
}

std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t apart = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (apart > limit) {
        return limit + 1;
    }
    return levenshtein(a, b, limit, [limit](char x, char y) -> std::size_t {
        return x == y ? 0 : is_digit(x) && is_digit(y) ? limit + 1 : 1;
    });
}

}  // namespace clientscore

#include <algorithm>
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

std::size_t edit_distance(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const bool same = lower(a[i - 1]) == lower(b[j - 1]);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace clientscore

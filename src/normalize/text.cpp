#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {

std::string_view trim(std::string_view s) { return detail::trim_blanks(s); }

bool is_missing(std::string_view cell) {
    const std::string_view t = trim(cell);
    // Checked by length first: this runs on every cell of every row.
    switch (t.size()) {
        case 0:
            return true;
        case 1:
            return t[0] == '?';
        case 2:
            return detail::iequals(t, "na");
        case 3:
            return detail::iequals(t, "n/a");
        case 4:
            return detail::iequals(t, "null");
        default:
            return false;
    }
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = detail::lower(c);
    }
    return out;
}

}  // namespace clientscore

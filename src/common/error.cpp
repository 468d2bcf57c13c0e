#include "clientscore/error.hpp"

#include <fmt/format.h>

namespace clientscore {

std::string format_location_message(const Location& where, const std::string& message) {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) {
            out += fmt::format(":{}", where.line);
        }
        out += ": ";
    }
    if (!where.column.empty()) {
        out += fmt::format("column \"{}\": ", where.column);
    }
    out += message;
    return out;
}

}  // namespace clientscore

#include "render/html_text.hpp"

#include <cmath>

#include "render/number_format.hpp"

namespace clientscore::render {

void append_html(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
}

std::string html_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_html(out, text);
    return out;
}

void append_coordinate(std::string& out, double value) {
    // Rounded to tenths and printed through the one number formatter: -0 prints as 0.
    const double tenths = std::round(value * 10) / 10;
    if (!append_number(out, tenths == 0 ? 0.0 : tenths)) {
        out += '0';
    }
}

}  // namespace clientscore::render

#include "render/text_width.hpp"

#include "clientscore/render.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace clientscore::render {

namespace {

struct Cluster {
    std::size_t end = 0;    ///< one past its last byte
    std::size_t width = 0;  ///< display columns
};

bool is_regional_indicator(utf8proc_int32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

utf8proc_ssize_t next_code_point(std::string_view text, std::size_t at, utf8proc_int32_t& c) {
    return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                            static_cast<utf8proc_ssize_t>(text.size() - at), &c);
}

// The grapheme cluster that starts at `at` (UAX #29 through utf8proc). A terminal draws a
// cluster in the cells of its base: the marks, joiners, skin tones and the rest of a ZWJ
// sequence after it take none of their own, which is why only the base's width counts.
Cluster cluster_at(std::string_view text, std::size_t at) {
    utf8proc_int32_t first = 0;
    const utf8proc_ssize_t length = next_code_point(text, at, first);
    if (length <= 0) {
        // Not UTF-8 (ingest lets no such text through; a caller might): one byte, one column,
        // so the cut never lands inside whatever sequence it was meant to be.
        return {at + 1, 1};
    }
    Cluster cluster{at + static_cast<std::size_t>(length),
                    static_cast<std::size_t>(std::max(utf8proc_charwidth(first), 0))};
    if (is_regional_indicator(first)) {
        cluster.width = 2;  // a flag is two indicators drawn as one wide picture
    }
    utf8proc_int32_t previous = first;
    utf8proc_int32_t state = 0;
    while (cluster.end < text.size()) {
        utf8proc_int32_t next = 0;
        const utf8proc_ssize_t next_length = next_code_point(text, cluster.end, next);
        if (next_length <= 0 || utf8proc_grapheme_break_stateful(previous, next, &state)) {
            break;
        }
        if (next == 0xFE0F && cluster.width == 1) {
            cluster.width = 2;  // VARIATION SELECTOR-16: ❤️ is drawn as an emoji, two columns
        }
        cluster.end += static_cast<std::size_t>(next_length);
        previous = next;
    }
    return cluster;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        // ASCII without a following combining mark is the common case by far; it is one column.
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte >= 0x20 && byte < 0x7F &&
            (at + 1 == text.size() || static_cast<unsigned char>(text[at + 1]) < 0x80)) {
            ++width;
            ++at;
            continue;
        }
        const Cluster cluster = cluster_at(text, at);
        width += cluster.width;
        at = cluster.end;
    }
    return width;
}

std::string shorten_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return {};
    }
    // Keep whole clusters within width - 1 columns and let the ellipsis take the last one.
    std::size_t used = 0;
    std::size_t end = 0;
    while (end < text.size()) {
        const Cluster cluster = cluster_at(text, end);
        if (used + cluster.width > width - 1) {
            break;
        }
        used += cluster.width;
        end = cluster.end;
    }
    return std::string(text.substr(0, end)) + "…";
}

std::string wrap_words(std::string_view text, std::size_t width) {
    width = std::max<std::size_t>(width, 1);
    std::string out;
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view word = text.substr(start, end - start);
        const std::size_t w = display_width(word);
        if (line > 0 && line + 1 + w > width) {
            out += '\n';
            line = 0;
        } else if (line > 0) {
            out += ' ';
            ++line;
        }
        if (line + w <= width) {
            out += word;
            line += w;
        } else {
            // A word wider than a whole line (a long id, a name in a script without spaces):
            // broken between clusters, so that no line passes the width. It always starts a
            // line, as it is wider than the rest of any line.
            for (std::size_t at = 0; at < word.size();) {
                const Cluster cluster = cluster_at(word, at);
                if (line > 0 && line + cluster.width > width) {
                    out += '\n';
                    line = 0;
                }
                out.append(word.substr(at, cluster.end - at));
                line += cluster.width;
                at = cluster.end;
            }
        }
        start = end + 1;
    }
    return out;
}

}  // namespace clientscore::render

namespace clientscore {

std::string wrap_message(std::string_view message, std::size_t width) {
    const std::string wrapped = render::wrap_words(message, width > 4 ? width - 2 : width);
    std::string out;
    out.reserve(wrapped.size() + 16);
    for (const char c : wrapped) {
        out += c;
        if (c == '\n') {
            out += "  ";
        }
    }
    return out;
}

}  // namespace clientscore

#include "clientscore/visible_text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace clientscore {

namespace {

// The length of the valid UTF-8 sequence starting at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0 when the byte there does not start one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;   // overlong below U+0800
        high = lead == 0xED ? 0x9F : 0xBF;  // surrogates U+D800–U+DFFF
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;   // overlong below U+10000
        high = lead == 0xF4 ? 0x8F : 0xBF;  // past U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size()) {
        return 0;
    }
    if (byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

std::string visible(std::string_view text, bool keep_layout) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte >= 0x20 && byte < 0x7F) {
            out += static_cast<char>(byte);
            ++at;
            continue;
        }
        if (keep_layout && (byte == '\n' || byte == '\t')) {
            out += static_cast<char>(byte);
            ++at;
            continue;
        }
        if (byte < 0x80) {
            out += fmt::format("\\x{:02x}", byte);  // C0 and DEL
            ++at;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) {
            out += fmt::format("\\x{:02x}", byte);
            ++at;
            continue;
        }
        // U+0080–U+009F are C2 80 – C2 9F.
        if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[at + 1]) <= 0x9F) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[at + 1]));
        } else {
            out.append(text.substr(at, length));
        }
        at += length;
    }
    return out;
}

}  // namespace

std::string visible_text(std::string_view text) { return visible(text, false); }

std::string visible_lines(std::string_view text) { return visible(text, true); }

}  // namespace clientscore

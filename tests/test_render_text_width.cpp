#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "render/text_width.hpp"

#include "clientscore/render.hpp"

using namespace clientscore::render;

namespace {

// The lines of `text` (a last line without a line feed included).
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// True when `text` is valid UTF-8 (a cut inside a sequence would leave it invalid).
bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80           ? 1
                                   : (byte >> 5) == 0x6  ? 2
                                   : (byte >> 4) == 0xE  ? 3
                                   : (byte >> 3) == 0x1E ? 4
                                                         : 0;
        if (length == 0 || i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

}  // namespace

TEST_CASE("render::display_width counts terminal columns", "[render]") {
    SECTION("ASCII and Latin letters: one column each") {
        CHECK(display_width("") == 0);
        CHECK(display_width("abc") == 3);
        CHECK(display_width("Müller — ok") == 11);
        CHECK(display_width("…") == 1);
    }
    SECTION("East Asian wide characters: two columns") {
        CHECK(display_width("株式会社") == 8);
        CHECK(display_width("東京 Ltd") == 8);
        CHECK(display_width("한국") == 4);
        CHECK(display_width("ＡＢ") == 4);  // fullwidth Latin
    }
    SECTION("combining marks and zero-width joiners: none") {
        CHECK(display_width("e\u0301") == 1);        // e + COMBINING ACUTE ACCENT
        CHECK(display_width("Zoe\u0308 Ltd") == 7);  // ë written decomposed
        CHECK(display_width("a\u200Db") == 2);       // ZERO WIDTH JOINER between letters
        CHECK(display_width("\u0301") == 0);         // a mark with nothing to sit on
    }
    SECTION("emoji and emoji sequences: two columns per picture") {
        CHECK(display_width("😀") == 2);
        CHECK(display_width("👍🏽") == 2);         // skin tone modifier
        CHECK(display_width("👨\u200D👩\u200D👧") == 2);  // family: one ZWJ sequence
        CHECK(display_width("❤\uFE0F") == 2);          // text heart as emoji (VS16)
        CHECK(display_width("❤") == 1);
        CHECK(display_width("🇩🇪") == 2);  // a flag: two regional indicators
        CHECK(display_width("🇩🇪🇫🇷") == 4);
    }
    SECTION("a byte that is not UTF-8 is one column") {
        CHECK(display_width("a\xff"
                            "b") == 3);
        CHECK(display_width("\xe6\x97") == 2);  // a sequence cut short
    }
}

TEST_CASE("render::shorten_to_width cuts between grapheme clusters", "[render]") {
    SECTION("narrow text is unchanged; wider text ends in …") {
        CHECK(shorten_to_width("Müller GmbH", 20) == "Müller GmbH");
        CHECK(shorten_to_width("Müller GmbH", 5) == "Müll…");
        CHECK(shorten_to_width("abcdef", 1) == "…");
        CHECK(shorten_to_width("abcdef", 6) == "abcdef");
        CHECK(shorten_to_width("abcdef", 0).empty());
    }
    SECTION("a wide character that would straddle the edge is dropped whole") {
        CHECK(shorten_to_width("株式会社", 7) == "株式会…");
        CHECK(shorten_to_width("株式会社", 6) == "株式…");  // 4 + 1: one column to spare
        CHECK(display_width(shorten_to_width("株式会社", 6)) == 5);
    }
    SECTION("a letter keeps its combining marks; an emoji sequence stays whole") {
        CHECK(shorten_to_width("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
        CHECK(shorten_to_width("👨\u200D👩\u200D👧 family", 4) == "👨\u200D👩\u200D👧 …");
        CHECK(shorten_to_width("👨\u200D👩\u200D👧👨\u200D👩\u200D👧", 3) == "👨\u200D👩\u200D👧…");
        CHECK(shorten_to_width("👨\u200D👩\u200D👧 family", 2) == "…");
        CHECK(shorten_to_width("🇩🇪🇫🇷🇮🇹", 5) == "🇩🇪🇫🇷…");
    }
    SECTION("every cut of mixed text is valid UTF-8 and within the width") {
        const std::string text = "Café 東京 👍🏽 Zoe\u0308 🇩🇪 ❤\uFE0F 株式会社";
        for (std::size_t width = 0; width <= display_width(text) + 1; ++width) {
            INFO(width);
            const std::string cut = shorten_to_width(text, width);
            CHECK(valid_utf8(cut));
            CHECK(display_width(cut) <= width);
        }
    }
}

TEST_CASE("render::wrap_words", "[render]") {
    SECTION("spaces become line breaks where a line would pass the width") {
        CHECK(wrap_words("one two three four", 9) == "one two\nthree\nfour");
        CHECK(wrap_words("one two", 7) == "one two");
    }
    SECTION("widths are display widths") { CHECK(wrap_words("東京 大阪 名古屋", 10) == "東京 大阪\n名古屋"); }
    SECTION("a word wider than the line is broken between clusters") {
        CHECK(wrap_words("a abcdefghij b", 4) == "a\nabcd\nefgh\nij b");
        const std::string text =
            "株式会社スターライト・プロモーション 👨\u200D👩\u200D👧👨\u200D👩\u200D👧👨\u200D👩\u200D👧";
        for (std::size_t width : {3u, 4u, 7u, 10u}) {
            INFO(width);
            const std::string wrapped = wrap_words(text, width);
            CHECK(valid_utf8(wrapped));
            for (const std::string& line : lines_of(wrapped)) {
                CHECK(display_width(line) <= width);
            }
        }
    }
}

TEST_CASE("render::wrap_message wraps between words with a hanging indent", "[render]") {
    using clientscore::wrap_message;
    CHECK(wrap_message("clientscore: warning: short", 80) == "clientscore: warning: short");
    // 20 columns: lines of at most 18 plus the two-space indent
    CHECK(wrap_message("clientscore: warning: 1 client \"Café Ø\" is not listed", 20) ==
          "clientscore:\n  warning: 1 client\n  \"Café Ø\" is not\n  listed");
    // every line fits, by display width
    const std::string long_line = wrap_message(std::string(10, 'x') + " 東京の会社 " + std::string(30, 'y'), 16);
    std::size_t start = 0;
    while (start <= long_line.size()) {
        std::size_t end = long_line.find('\n', start);
        if (end == std::string::npos) {
            end = long_line.size();
        }
        CHECK(clientscore::render::display_width(std::string_view(long_line).substr(start, end - start)) <= 16);
        start = end + 1;
    }
}

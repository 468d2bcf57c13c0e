// visible_text (src/common/visible_text.cpp): what a terminal would act on, shown as escapes.

#include <catch2/catch.hpp>

#include <string>

#include "clientscore/visible_text.hpp"

using clientscore::visible_text;

TEST_CASE("common::visible_text leaves printable text alone", "[common][escape]") {
    CHECK(visible_text("Acme GmbH \"north\" C:\\exports") == "Acme GmbH \"north\" C:\\exports");
    CHECK(visible_text("Müller · 東京 ⏎ 👍🏽") == "Müller · 東京 ⏎ 👍🏽");
    CHECK(visible_text("") == "");
    // U+00A0 is the first code point after the C1 block; U+10FFFF is the last one.
    CHECK(visible_text("\xC2\xA0") == "\xC2\xA0");
    CHECK(visible_text("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");
}

TEST_CASE("common::visible_text escapes C0, DEL and C1 controls", "[common][escape]") {
    CHECK(visible_text("\x1b]0;title\x07\x1b[2J") == "\\x1b]0;title\\x07\\x1b[2J");
    CHECK(visible_text("a\tb\nc\rd") == "a\\x09b\\x0ac\\x0dd");
    CHECK(visible_text(std::string("nul\0end", 7)) == "nul\\x00end");
    CHECK(visible_text("\x7f") == "\\x7f");
    CHECK(visible_text("\xC2\x80|\xC2\x9B[2J|\xC2\x9F") == "\\u0080|\\u009b[2J|\\u009f");
}

TEST_CASE("common::visible_text escapes each byte that is not valid UTF-8", "[common][escape]") {
    CHECK(visible_text("\x9b[2J") == "\\x9b[2J");  // a bare 8-bit CSI
    CHECK(visible_text("caf\xE9") == "caf\\xe9");  // windows-1252 read as UTF-8
    CHECK(visible_text("\xff\xfe") == "\\xff\\xfe");
    CHECK(visible_text("\xC0\xAF") == "\\xc0\\xaf");          // overlong `/`
    CHECK(visible_text("\xE0\x80\xAF") == "\\xe0\\x80\\xaf");  // overlong, three bytes
    CHECK(visible_text("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(visible_text("\xF4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
    CHECK(visible_text("\xE6\x9D") == "\\xe6\\x9d");                    // cut short at the end
    CHECK(visible_text("\xE6\x9Dx") == "\\xe6\\x9dx");                  // cut short before ASCII
}

TEST_CASE("common::visible_lines keeps line feeds and tabs", "[common][escape]") {
    CHECK(clientscore::visible_lines("a\tb\nc\r\n\x1b[2J\xff") == "a\tb\nc\\x0d\n\\x1b[2J\\xff");
}

// append_html and append_coordinate (src/render/html_text.cpp).

#include <catch2/catch.hpp>

#include "render/html_text.hpp"

using namespace clientscore::render;

TEST_CASE("render::html_escaped escapes markup and quotes", "[render][html]") {
    CHECK(html_escaped("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(html_escaped("\"><img src=x onerror='y'>") == "&quot;&gt;&lt;img src=x onerror=&#39;y&#39;&gt;");
    CHECK(html_escaped("Müller & Söhne") == "Müller &amp; Söhne");
    SECTION("control characters but tab and line feed become spaces") {
        CHECK(html_escaped(std::string("a\x01" "b\tc\nd\re", 9)) == "a b\tc\nd e");
    }
}

TEST_CASE("render::append_coordinate prints tenths, the same value the same bytes", "[render][html]") {
    std::string out;
    append_coordinate(out, 12.345);
    out += ' ';
    append_coordinate(out, -0.04);
    out += ' ';
    append_coordinate(out, 100);
    CHECK(out == "12.3 0 100");
}

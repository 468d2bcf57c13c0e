// Text and Markdown tables and documents (src/render/text_table.cpp): alignment, widths of
// UTF-8 text, shortening to a terminal's width, colour, and pipe tables.

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "clientscore/render.hpp"
#include "render/number_format.hpp"
#include "render/text_table.hpp"

using namespace clientscore;
using namespace clientscore::render;

namespace {

/// Rows of cell texts, without colour.
using Rows = std::vector<std::vector<std::string>>;

RowSource rows_of(const Rows& rows) {
    return [&rows](std::size_t row, std::vector<TextCell>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            cells[c] = TextCell{rows.at(row).at(c), {}};
        }
    };
}

std::string text_of(const TextTable& table, const Rows& rows, std::optional<int> width = std::nullopt,
                    bool color = false, std::string_view indent = {}) {
    StringWriter out;
    table.write_text(out, rows.size(), rows_of(rows), width, color, indent);
    return out.text();
}

std::string text_of(const TextTable& table, const std::vector<std::vector<TextCell>>& rows, bool color) {
    StringWriter out;
    table.write_text(
        out, rows.size(), [&rows](std::size_t row, std::vector<TextCell>& cells) { cells = rows.at(row); },
        std::nullopt, color);
    return out.text();
}

std::string markdown_of(const TextTable& table, const Rows& rows) {
    StringWriter out;
    table.write_markdown(out, rows.size(), rows_of(rows));
    return out.text();
}

}  // namespace

TEST_CASE("render::TextTable aligns text left and numbers right, two spaces apart", "[render]") {
    const TextTable table({{"name"}, {"n", Align::right}});
    const Rows rows = {{"Acme", "5"}, {"Bo", "120"}};
    CHECK(text_of(table, rows) ==
          "name    n\n"
          "----  ---\n"
          "Acme    5\n"
          "Bo    120\n");
    SECTION("no trailing spaces after a short last cell") {
        const TextTable flipped({{"n", Align::right}, {"name"}});
        const Rows more = {{"1", "Acme Ltd"}, {"22", "Bo"}, {"3", ""}};
        CHECK(text_of(flipped, more) ==
              " n  name\n"
              "--  --------\n"
              " 1  Acme Ltd\n"
              "22  Bo\n"
              " 3\n");
    }
    SECTION("an indent before every line") {
        CHECK(text_of(table, rows, std::nullopt, false, "  ") ==
              "  name    n\n"
              "  ----  ---\n"
              "  Acme    5\n"
              "  Bo    120\n");
    }
    SECTION("no rows: the header and the rule") {
        CHECK(text_of(table, {}) == "name  n\n----  -\n");
    }
}

TEST_CASE("render::TextTable measures UTF-8 text by characters, not bytes", "[render]") {
    const TextTable table({{"name"}, {"x", Align::right}});
    // "Müller" is 7 bytes and 6 columns; "—" is 3 bytes and 1 column
    const Rows rows = {{"M\xc3\xbcller", "1"}, {"\xe2\x80\x94", "2"}};
    CHECK(text_of(table, rows) ==
          "name    x\n"
          "------  -\n"
          "M\xc3\xbcller  1\n"
          "\xe2\x80\x94       2\n");
}

TEST_CASE("render::TextTable keeps every cell on one line", "[render]") {
    const TextTable table({{"a"}, {"b"}});
    const Rows rows = {{"two\nlines", "cr\r\nlf"}, {"bell\x07", "x"}};
    CHECK(text_of(table, rows) ==
          "a          b\n"
          "---------  -----\n"
          "two lines  cr lf\n"
          "bell\\x07   x\n");  // shown, not sent to the terminal
}

TEST_CASE("render::TextTable shortens shrinkable columns to a width", "[render]") {
    const TextTable table({{"id"}, {"text", Align::left, true}});
    const Rows rows = {{"C1", "abcdefghijklmnopqrst"}};  // 2 + 2 + 20 = 24 columns
    SECTION("no width: nothing is shortened") {
        CHECK(text_of(table, rows).find("abcdefghijklmnopqrst\n") != std::string::npos);
    }
    SECTION("wide enough: nothing is shortened") {
        CHECK(text_of(table, rows, 24).find("abcdefghijklmnopqrst\n") != std::string::npos);
    }
    SECTION("one column short: the last character gives way to an ellipsis") {
        CHECK(text_of(table, rows, 23) ==
              "id  text\n"
              "--  -------------------\n"
              "C1  abcdefghijklmnopqr\xe2\x80\xa6\n");
    }
    SECTION("every line fits the width") {
        const std::string text = text_of(table, rows, 14);
        CHECK(text ==
              "id  text\n"
              "--  ----------\n"
              "C1  abcdefghi\xe2\x80\xa6\n");
        std::size_t start = 0;
        for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
            CHECK(display_width(text.substr(start, end - start)) <= 14);
            start = end + 1;
        }
    }
    SECTION("never below the header's width") {
        CHECK(text_of(table, rows, 5) ==
              "id  text\n"
              "--  ----\n"
              "C1  abc\xe2\x80\xa6\n");
    }
    SECTION("the indent counts toward the width") {
        CHECK(text_of(table, rows, 16, false, "  ").find("  C1  abcdefghi\xe2\x80\xa6\n") != std::string::npos);
    }
    SECTION("a column that is not shrinkable is never cut") {
        const TextTable fixed({{"id"}, {"text"}});
        CHECK(text_of(fixed, rows, 10).find("abcdefghijklmnopqrst\n") != std::string::npos);
    }
}

TEST_CASE("render::TextTable takes from the widest shrinkable column first", "[render]") {
    const TextTable table({{"a", Align::left, true}, {"b", Align::left, true}});
    const Rows rows = {{"aaaaaaaaaa", "bbbbbb"}};  // 10 + 2 + 6 = 18
    // 14: four from a, now as wide as b
    CHECK(text_of(table, rows, 14).find("aaaaa\xe2\x80\xa6  bbbbbb\n") != std::string::npos);
    // 12: then from each in turn
    CHECK(text_of(table, rows, 12).find("aaaa\xe2\x80\xa6  bbbb\xe2\x80\xa6\n") != std::string::npos);
    // 1: not below 3 columns (a character and the ellipsis)
    CHECK(text_of(table, rows, 1).find("aa\xe2\x80\xa6  bb\xe2\x80\xa6\n") != std::string::npos);
}

TEST_CASE("render::TextTable colour wraps the visible text only", "[render]") {
    const TextTable table({{"verdict"}, {"n", Align::right}});
    const std::vector<std::vector<TextCell>> rows = {{TextCell{"fire", "31"}, TextCell{"1", {}}},
                                                     {TextCell{"", "32"}, TextCell{"2", {}}}};
    CHECK(text_of(table, rows, true) ==
          "verdict  n\n"
          "-------  -\n"
          "\x1b[31mfire\x1b[0m     1\n"
          "         2\n");
    // colour off: no escape codes even where a cell has a colour
    CHECK(text_of(table, rows, false).find('\x1b') == std::string::npos);
}

TEST_CASE("render::TextTable as a Markdown pipe table", "[render]") {
    const TextTable table({{"name"}, {"n", Align::right}});
    const Rows rows = {{"Pipe | Co", "5"}, {"two\nlines", ""}};
    CHECK(markdown_of(table, rows) ==
          "| name | n |\n"
          "| --- | ---: |\n"
          "| Pipe \\| Co | 5 |\n"
          "| two lines | |\n");
    CHECK(markdown_of(table, {}) == "| name | n |\n| --- | ---: |\n");
}

TEST_CASE("render::markdown_cell and verdict_color", "[render]") {
    CHECK(markdown_cell("a|b\nc") == "a\\|b c");
    CHECK(markdown_cell("plain") == "plain");
    CHECK(markdown_cell("").empty());
    CHECK(verdict_color(Verdict::fire) == "31");
    CHECK(verdict_color(Verdict::chase) == "35");
    CHECK(verdict_color(Verdict::reprice) == "33");
    CHECK(verdict_color(Verdict::watch) == "36");
    CHECK(verdict_color(Verdict::keep) == "32");
}

TEST_CASE("render::PlainDocumentWriter", "[render]") {
    StringWriter out;
    PlainDocumentWriter doc(out, false);
    doc.title("Client C001\n(Acme)");
    doc.paragraph("before any heading");
    doc.heading("Reasons");
    doc.paragraph("under a heading");
    doc.bullets({"one", "two\nlines"});
    doc.definitions({{"a", {"1"}}, {"long key", {"x", "y"}}});
    const TextTable table({{"k"}, {"v", Align::right}});
    const Rows rows = {{"x", "10"}};
    doc.table(table, rows.size(), rows_of(rows));
    CHECK(out.text() ==
          "Client C001 (Acme)\n"
          "before any heading\n"
          "\n"
          "Reasons\n"
          "  under a heading\n"
          "  - one\n"
          "  - two lines\n"
          "  a         1\n"
          "  long key  x\n"
          "            y\n"
          "  k   v\n"
          "  -  --\n"
          "  x  10\n");
}

TEST_CASE("render::MarkdownDocumentWriter", "[render]") {
    StringWriter out;
    MarkdownDocumentWriter doc(out);
    doc.title("Client C001");
    doc.heading("Action");
    doc.paragraph("Fire.\nNow");
    doc.bullets({});  // nothing, not even a blank line
    doc.bullets({"a", "b"});
    doc.definitions({{"k", {"v"}}, {"many", {"x", "y"}}});
    const TextTable table({{"k"}});
    const Rows rows = {{"a|b"}};
    doc.table(table, rows.size(), rows_of(rows));
    CHECK(out.text() ==
          "# Client C001\n"
          "\n"
          "## Action\n"
          "\n"
          "Fire. Now\n"
          "\n"
          "- a\n"
          "- b\n"
          "\n"
          "- k: v\n"
          "- many:\n"
          "  - x\n"
          "  - y\n"
          "\n"
          "| k |\n"
          "| --- |\n"
          "| a\\|b |\n");
}

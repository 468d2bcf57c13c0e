// CSV and TSV cells and rows (src/render/delimited_output.cpp): RFC 4180 quoting, TSV escapes,
// and the spreadsheet formula guard of SPEC §5.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "clientscore/render.hpp"
#include "render/delimited.hpp"

using namespace clientscore;
using namespace clientscore::render;

TEST_CASE("render::escape_csv_cell quotes as RFC 4180", "[render]") {
    CHECK(escape_csv_cell("").empty());
    CHECK(escape_csv_cell("Acme Ltd") == "Acme Ltd");
    CHECK(escape_csv_cell("M\xc3\xbcller \xe2\x80\x94 ok") == "M\xc3\xbcller \xe2\x80\x94 ok");  // UTF-8 as is
    CHECK(escape_csv_cell("a,b") == "\"a,b\"");
    CHECK(escape_csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(escape_csv_cell("\"") == "\"\"\"\"");
    CHECK(escape_csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(escape_csv_cell("cr\rlf\r\n") == "\"cr\rlf\r\n\"");
    CHECK(escape_csv_cell("semi;colon|pipe") == "semi;colon|pipe");  // only the comma delimits
    CHECK(escape_csv_cell("a\tb") == "a\tb");                        // a tab inside needs no quotes
}

TEST_CASE("render::escape_csv_cell guards cells a spreadsheet would run as formulas", "[render]") {
    CHECK(escape_csv_cell("=1+2") == "'=1+2");
    CHECK(escape_csv_cell("+1") == "'+1");
    CHECK(escape_csv_cell("-2") == "'-2");
    CHECK(escape_csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(escape_csv_cell("\tcmd") == "'\tcmd");
    CHECK(escape_csv_cell("\rcmd") == "\"'\rcmd\"");  // guarded, then quoted for the CR
    // guarded and quoted: the quote goes around the guard
    CHECK(escape_csv_cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    // only the first character counts
    CHECK(escape_csv_cell("a=b") == "a=b");
    CHECK(escape_csv_cell(" =1") == " =1");
    CHECK(escape_csv_cell("'=1") == "'=1");
    CHECK(escape_csv_cell("1-2") == "1-2");
}

TEST_CASE("render::escape_tsv_cell escapes tab, line feed, carriage return and backslash", "[render]") {
    CHECK(escape_tsv_cell("").empty());
    CHECK(escape_tsv_cell("plain text") == "plain text");
    CHECK(escape_tsv_cell("a\tb") == "a\\tb");
    CHECK(escape_tsv_cell("a\nb") == "a\\nb");
    CHECK(escape_tsv_cell("a\rb") == "a\\rb");
    CHECK(escape_tsv_cell("a\\b") == "a\\\\b");
    CHECK(escape_tsv_cell("\\n") == "\\\\n");  // a backslash and an n stay told apart from a line feed
    // no CSV quoting in TSV
    CHECK(escape_tsv_cell("a,\"b\"") == "a,\"b\"");
    CHECK(escape_tsv_cell("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("render::escape_tsv_cell guards formulas too", "[render]") {
    CHECK(escape_tsv_cell("=1+2") == "'=1+2");
    CHECK(escape_tsv_cell("+1") == "'+1");
    CHECK(escape_tsv_cell("-2") == "'-2");
    CHECK(escape_tsv_cell("@x") == "'@x");
    CHECK(escape_tsv_cell("\tx") == "'\\tx");
    CHECK(escape_tsv_cell("\rx") == "'\\rx");
    CHECK(escape_tsv_cell("x=1") == "x=1");
}

TEST_CASE("render::DelimitedRow builds one CSV line", "[render]") {
    DelimitedRow row(OutputFormat::csv);
    row.text("a,b");
    row.bare("12");
    row.cell(Cell{}, 2);                                       // null: empty
    row.cell(Cell{std::int64_t{3}}, 0);                        // an integer as is
    row.cell(Cell{0.41666666}, 4);                             // rounded to the column's decimals
    row.cell(Cell{2.675}, 2);                                  // half away from zero, stored below the half
    row.cell(Cell{-0.004}, 2);                                 // -0 is written 0
    row.cell(Cell{-12.5}, 2);                                  // a negative number is not guarded
    row.cell(Cell{std::vector<std::string>{"=x", "y"}}, 0);    // a list: joined, then guarded
    row.cell(Cell{std::string("-2")}, 0);                      // text that looks negative: guarded
    row.cell(Cell{std::string("")}, 0);                        // empty text
    CHECK(row.take_line() == "\"a,b\",12,,3,0.4167,2.68,0,-12.5,'=x | y,'-2,\n");

    SECTION("take_line starts the next line afresh") {
        row.bare("x");
        row.text("y");
        CHECK(row.take_line() == "x,y\n");
        CHECK(row.take_line() == "\n");
    }
    SECTION("a list with a comma is quoted whole") {
        row.cell(Cell{std::vector<std::string>{"a, b", "c"}}, 0);
        CHECK(row.take_line() == "\"a, b | c\"\n");
    }
    SECTION("a value that is not finite is an empty cell") {
        row.cell(Cell{std::numeric_limits<double>::infinity()}, 2);
        row.cell(Cell{std::nan("")}, 2);
        row.bare("end");
        CHECK(row.take_line() == ",,end\n");
    }
}

TEST_CASE("render::DelimitedRow builds one TSV line", "[render]") {
    DelimitedRow row(OutputFormat::tsv);
    row.text("tab\there");
    row.text("a,b \"q\"");
    row.cell(Cell{std::vector<std::string>{"one", "two"}}, 0);
    row.cell(Cell{1234.5}, 2);
    row.bare("true");
    row.cell(Cell{}, 0);
    row.text("@x");
    CHECK(row.take_line() == "tab\\there\ta,b \"q\"\tone | two\t1234.5\ttrue\t\t'@x\n");
}

// Workbook: the chosen worksheet of an .xlsx file as CSV text, and the workbooks it refuses.

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "clientscore/error.hpp"
#include "ingest/xlsx/workbook.hpp"
#include "xlsx_fixtures.hpp"

using namespace clientscore::testing;
using clientscore::InputError;
using clientscore::ingest::Workbook;
using clientscore::ingest::WorkbookLimits;

namespace {

std::string drain(clientscore::ingest::ByteSource& source, std::size_t piece = 7) {
    std::string text;
    std::vector<char> buffer(piece);
    for (;;) {
        const std::size_t got = source.read(buffer.data(), buffer.size());
        text.append(buffer.data(), got);
        if (got < buffer.size()) {
            return text;
        }
    }
}

std::string sheet_csv(const std::filesystem::path& path, std::string_view preferred = {},
                      const WorkbookLimits& limits = {}) {
    const auto book = Workbook::open(path.string(), "book.xlsx", preferred, limits);
    auto source = book->open_sheet();
    return drain(*source);
}

std::string sheet_csv(const WorkbookSpec& spec, std::string_view preferred = {}) {
    TempDir dir;
    write_workbook(dir / "book.xlsx", spec);
    return sheet_csv(dir / "book.xlsx", preferred);
}

// The message of the InputError that opening and reading the workbook throws ("" if none).
std::string failure(const std::filesystem::path& path, const WorkbookLimits& limits = {}) {
    try {
        sheet_csv(path, {}, limits);
    } catch (const InputError& e) {
        return e.located_message();
    }
    return "";
}

std::string failure(const WorkbookSpec& spec) {
    TempDir dir;
    write_workbook(dir / "book.xlsx", spec);
    return failure(dir / "book.xlsx");
}

}  // namespace

TEST_CASE("ingest::Workbook: shared and inline strings, numbers, booleans, cached formula values", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.shared = {"client", "amount", "Acme, Inc.", "say \"hi\"", "<r><t>rich </t></r><r><t>text</t></r>",
                   "<t>base</t><rPh><t>phonetic</t></rPh>"};
    spec.sheets = {{"Sheet1",
                    row_xml(1, R"(<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)") +
                        row_xml(2, R"(<c r="A2" t="s"><v>2</v></c><c r="B2"><v>1234.5599999999999</v></c>)"
                                   R"(<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>)") +
                        row_xml(3, R"(<c r="A3" t="s"><v>3</v></c><c r="B3"><f>B2*2</f><v>2469.12</v></c>)"
                                   R"(<c r="C3" t="str"><f>A1&amp;"!"</f><v>client!</v></c>)"
                                   R"(<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>)") +
                        row_xml(4, R"(<c r="A4" t="s"><v>4</v></c><c r="B4" t="s"><v>5</v></c>)"
                                   R"(<c r="C4" t="inlineStr"><is><t>inline</t></is></c>)"
                                   R"(<c r="D4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>)")}};
    CHECK(sheet_csv(spec) ==
          "client,amount\n"  // the first row is as wide as it is: the sheet's used range is A1
          "\"Acme, Inc.\",1234.56,TRUE,FALSE\n"
          "\"say \"\"hi\"\"\",2469.12,client!,#DIV/0!\n"
          "rich text,base,inline,inline\n");
}

TEST_CASE("ingest::Workbook: a number with a date format is a timestamp, built-in ids 14 to 22", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.cell_formats = {0, 14, 15, 16, 17, 18, 19, 20, 21, 22, 2};
    std::string cells;
    for (int style = 1; style <= 10; ++style) {
        const std::string column(1, static_cast<char>('A' + style - 1));
        cells += number_cell(column + "1", style <= 4 ? "46266" : style <= 8 ? "0.6041666666666666" : "46266.4375", style);
    }
    spec.sheets = {{"Sheet1", row_xml(1, cells)}};
    CHECK(sheet_csv(spec) ==
          "2026-09-01,2026-09-01,2026-09-01,2026-09-01,14:30:00,14:30:00,14:30:00,14:30:00,2026-09-01 10:30:00,"
          "46266.4375\n");
}

TEST_CASE("ingest::Workbook: custom date formats, and the 1904 date system", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.number_formats = R"(<numFmt numFmtId="164" formatCode="yyyy\-mm\-dd hh:mm"/>)"
                          R"(<numFmt numFmtId="165" formatCode="&quot;ID &quot;0"/>)"
                          R"(<numFmt numFmtId="166" formatCode="[h]:mm:ss"/>)";
    spec.cell_formats = {0, 164, 165, 166};
    spec.sheets = {{"Sheet1", row_xml(1, number_cell("A1", "44804.75", 1) + number_cell("B1", "44804", 2) +
                                             number_cell("C1", "0.05", 3))}};
    spec.date1904 = true;
    CHECK(sheet_csv(spec) == "2026-09-01 18:00:00,44804,1:12:00\n");
    spec.date1904 = false;
    CHECK(sheet_csv(spec) == "2022-08-31 18:00:00,44804,1:12:00\n");
}

TEST_CASE("ingest::Workbook: rows the sheet leaves out are empty lines, so lines are sheet rows", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.sheets = {{"Sheet1", row_xml(3, text_cell("B3", "client")) +
                                  // A row of styled empty cells writes nothing but its line end.
                                  R"(<row r="4"><c r="A4" s="0"/><c r="B4" s="0"/></row>)" +
                                  row_xml(6, text_cell("A6", "x") + text_cell("D6", "y")) +
                                  // Rows and cells without a reference follow the one before.
                                  "<row>" + std::string(R"(<c t="inlineStr"><is><t>a</t></is></c>)") +
                                  R"(<c t="inlineStr"><is><t>b</t></is></c></row>)"}};
    // Every row with a value has the fields of the widest one before it (rows of nothing are
    // blank lines whatever their width).
    CHECK(sheet_csv(spec) == "\n\n,client\n\n\nx,,,y\na,b,,\n");
}

TEST_CASE("ingest::Workbook: rows are as wide as the sheet's used range", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.sheets = {{"Sheet1",
                    row_xml(1, text_cell("A1", "client") + text_cell("B1", "amount")) +
                        row_xml(2, text_cell("A2", "Acme") + number_cell("B2", "5") + text_cell("D2", "note")) +
                        row_xml(3, text_cell("A3", "Beta")),
                    "", "A1:D3"}};
    CHECK(sheet_csv(spec) == "client,amount,,\nAcme,5,,note\nBeta,,,\n");
    // A used range past 1024 columns pads to 1024 only: a few bytes never ask for more commas.
    spec.sheets[0].dimension = "A1:XFD3";
    const std::string text = sheet_csv(spec);
    CHECK(text.substr(0, text.find('\n')) == "client,amount" + std::string(1022, ','));
}

TEST_CASE("ingest::Workbook: a line break in a cell keeps one line per row", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.sheets = {{"Sheet1", row_xml(1, text_cell("A1", "two\nlines")) + row_xml(2, text_cell("A2", "a\r\nb, c")) +
                                  row_xml(3, text_cell("A3", "x;y|z\tw"))}};
    // On the first line (before any line feed) a break is a space; after it, a CR, which the
    // CSV layer keeps as text without counting a line.
    CHECK(sheet_csv(spec) == "\"two lines\"\n\"a\rb, c\"\n\"x;y|z\tw\"\n");
}

TEST_CASE("ingest::Workbook: the sheet named as the kind, else the first visible worksheet", "[ingest][xlsx]") {
    WorkbookSpec spec;
    spec.sheets = {{"Notes", row_xml(1, text_cell("A1", "hidden")), "hidden"},
                   {"Summary", row_xml(1, text_cell("A1", "summary"))},
                   {"Invoices", row_xml(1, text_cell("A1", "invoices"))}};
    TempDir dir;
    write_workbook(dir / "book.xlsx", spec);
    CHECK(sheet_csv(dir / "book.xlsx") == "summary\n");
    CHECK(sheet_csv(dir / "book.xlsx", "invoices") == "invoices\n");
    CHECK(sheet_csv(dir / "book.xlsx", "calls") == "summary\n");
    const auto book = Workbook::open((dir / "book.xlsx").string(), "book.xlsx", "invoices");
    CHECK(book->sheet_name() == "Invoices");
    CHECK(book->sheet_names() == std::vector<std::string>{"Notes", "Summary", "Invoices"});
    // Passes are independent: each one starts from the first row.
    auto first = book->open_sheet();
    auto second = book->open_sheet();
    CHECK(drain(*first) == "invoices\n");
    CHECK(drain(*second) == "invoices\n");
}

TEST_CASE("ingest::Workbook: what is not a workbook is an input error naming the file", "[ingest][xlsx]") {
    TempDir dir;
    write_file(dir / "text.xlsx", "client,amount\nA,1\n");
    CHECK(failure(dir / "text.xlsx") == "book.xlsx: is not a valid .xlsx workbook: it is not a zip archive");

    write_zip(dir / "other.zip", {{"readme.txt", "hello"}});
    CHECK(failure(dir / "other.zip") ==
          "book.xlsx: is not a valid .xlsx workbook: it is a zip archive without a workbook (xl/workbook.xml is missing)");

    // A truncated archive: its central directory is gone.
    write_workbook(dir / "whole.xlsx", WorkbookSpec{{{"Sheet1", row_xml(1, text_cell("A1", "x"))}}});
    const std::string bytes = read_file(dir / "whole.xlsx");
    write_file(dir / "cut.xlsx", bytes.substr(0, bytes.size() / 2));
    CHECK(failure(dir / "cut.xlsx").starts_with("book.xlsx: is not a valid .xlsx workbook: "));

    std::vector<ZipPart> parts = workbook_parts(WorkbookSpec{{{"Sheet1", row_xml(1, text_cell("A1", "x"))}}});
    std::erase_if(parts, [](const ZipPart& p) { return p.name == "xl/worksheets/sheet1.xml"; });
    write_zip(dir / "nosheet.xlsx", parts);
    CHECK(failure(dir / "nosheet.xlsx") ==
          "book.xlsx: is not a valid .xlsx workbook: its sheet \"Sheet1\" (xl/worksheets/sheet1.xml) is missing");

    CHECK(failure(WorkbookSpec{}) == "book.xlsx: is not a valid .xlsx workbook: it has no worksheet");
}

TEST_CASE("ingest::Workbook: malformed sheets are input errors at the row where they break", "[ingest][xlsx]") {
    CHECK(failure(WorkbookSpec{{{"S", row_xml(1, text_cell("A1", "x")) + "<row r=\"2\"><c r=\"A2\">"}}}) ==
          "book.xlsx: is not a valid .xlsx workbook: xl/worksheets/sheet1.xml is not well-formed XML "
          "(line 1: mismatched tag)");
    CHECK(failure(WorkbookSpec{{{"S", row_xml(5, "") + row_xml(3, "")}}}) ==
          "book.xlsx:5: is not a valid .xlsx workbook: row 3 comes after row 5");
    CHECK(failure(WorkbookSpec{{{"S", row_xml(1048577, "")}}}) ==
          "book.xlsx: is not a valid .xlsx workbook: row 1048577 is beyond Excel's last row, 1048576");
    CHECK(failure(WorkbookSpec{{{"S", row_xml(2, text_cell("C2", "a") + text_cell("B2", "b"))}}}) ==
          "book.xlsx:2: is not a valid .xlsx workbook: row 2 has two cells in column 2, or cells out of order");
    CHECK(failure(WorkbookSpec{{{"S", row_xml(2, text_cell("XFE2", "a"))}}}) ==
          "book.xlsx:2: is not a valid .xlsx workbook: a cell of row 2 is beyond Excel's last column, XFD");
    CHECK(failure(WorkbookSpec{{{"S", row_xml(2, R"(<c r="A2" t="s"><v>7</v></c>)")}}}) ==
          "book.xlsx:2: is not a valid .xlsx workbook: a cell of row 2 names shared string 7, which the workbook "
          "does not have");
    // No workbook part has a DTD: one is refused before any entity could expand.
    TempDir dir;
    std::vector<ZipPart> parts = workbook_parts(WorkbookSpec{{{"S", row_xml(1, text_cell("A1", "x"))}}});
    for (ZipPart& p : parts) {
        if (p.name == "xl/worksheets/sheet1.xml") {
            p.bytes = R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData>)"
                      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&a;&a;</t></is></c></row></sheetData></worksheet>)";
        }
    }
    write_zip(dir / "dtd.xlsx", parts);
    CHECK(failure(dir / "dtd.xlsx") == "book.xlsx: is not a valid .xlsx workbook: xl/worksheets/sheet1.xml has a "
                                       "document type declaration, which no workbook part has");
}

TEST_CASE("ingest::Workbook: a zip bomb is refused before it is inflated", "[ingest][xlsx]") {
    TempDir dir;
    WorkbookSpec spec{{{"S", row_xml(1, text_cell("A1", "x") + std::string(20u << 20, ' '))}}};
    write_workbook(dir / "bomb.xlsx", spec);
    CHECK(failure(dir / "bomb.xlsx").find("xl/worksheets/sheet1.xml inflates") != std::string::npos);
    CHECK(failure(dir / "bomb.xlsx").find(": a zip bomb, not a workbook") != std::string::npos);

    // Under the ratio, the sizes still have limits.
    WorkbookLimits small;
    small.sheet_bytes = 1u << 20;
    const std::string message = failure(dir / "bomb.xlsx", small);
    CHECK(message.starts_with("book.xlsx: xl/worksheets/sheet1.xml is 209"));
    CHECK(message.ends_with(" bytes uncompressed, more than the 1 MiB read from it"));
}

TEST_CASE("ingest::Workbook: an entry longer than its directory declares is refused", "[ingest][xlsx]") {
    TempDir dir;
    const std::string sheet = row_xml(1, text_cell("A1", "x")) + std::string(100000, ' ');
    write_workbook(dir / "book.xlsx", WorkbookSpec{{{"S", sheet}}});
    // Patch the sheet's uncompressed size in its local header and its central directory entry.
    std::string bytes = read_file(dir / "book.xlsx");
    const std::string name = "xl/worksheets/sheet1.xml";
    int patched = 0;
    for (std::size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
        for (const auto& [signature, name_offset, size_offset] :
             {std::tuple<std::string, std::size_t, std::size_t>{std::string("PK\3\4", 4), 30, 22},
              std::tuple<std::string, std::size_t, std::size_t>{std::string("PK\1\2", 4), 46, 24}}) {
            if (at >= name_offset && bytes.compare(at - name_offset, 4, signature) == 0) {
                const std::uint32_t small = 1000;
                std::memcpy(&bytes[at - name_offset + size_offset], &small, 4);
                ++patched;
            }
        }
    }
    REQUIRE(patched == 2);
    write_file(dir / "lying.xlsx", bytes);
    const std::string message = failure(dir / "lying.xlsx");
    INFO(message);
    CHECK(message.starts_with("book.xlsx: is not a valid .xlsx workbook: "));
}

TEST_CASE("ingest::Workbook: the shared strings held are bounded", "[ingest][xlsx]") {
    TempDir dir;
    WorkbookSpec spec{{{"S", row_xml(1, R"(<c r="A1" t="s"><v>0</v></c>)")}}};
    spec.shared = std::vector<std::string>(3000, std::string(100, 'x'));
    write_workbook(dir / "book.xlsx", spec);
    CHECK(failure(dir / "book.xlsx").empty());
    WorkbookLimits text;
    text.shared_text_bytes = 100000;
    CHECK(failure(dir / "book.xlsx", text) ==
          "book.xlsx: is not a valid .xlsx workbook: its shared strings hold more than 100000 bytes of text");
    WorkbookLimits count;
    count.shared_strings = 1000;
    CHECK(failure(dir / "book.xlsx", count) ==
          "book.xlsx: is not a valid .xlsx workbook: it has more than 1000 shared strings");
}

TEST_CASE("ingest::is_zip_signature", "[ingest][xlsx]") {
    CHECK(clientscore::ingest::is_zip_signature(reinterpret_cast<const unsigned char*>("PK\3\4rest"), 8));
    CHECK(clientscore::ingest::is_zip_signature(reinterpret_cast<const unsigned char*>("PK\5\6"), 4));
    CHECK_FALSE(clientscore::ingest::is_zip_signature(reinterpret_cast<const unsigned char*>("PK,x"), 4));
    CHECK_FALSE(clientscore::ingest::is_zip_signature(reinterpret_cast<const unsigned char*>("PK"), 2));
}

TEST_CASE("ingest::Workbook: a row is refused past 16 MiB of text before it is made", "[ingest][xlsx]") {
    // Cells of a few bytes naming one long shared string: copied twice they would pass the CSV
    // layer's longest record, and copied a thousand times, any memory.
    WorkbookSpec spec;
    spec.shared = {std::string(9u << 20, 'x')};
    std::string cells;
    for (const char* column : {"A", "B", "C"}) {
        cells += "<c r=\"" + std::string(column) + "1\" t=\"s\"><v>0</v></c>";
    }
    spec.sheets = {{"S", row_xml(1, cells)}};
    CHECK(failure(spec) == "book.xlsx:1: is not a valid .xlsx workbook: row 1 is longer than 16 MiB as text");
}

// Where an export's header is (src/ingest/header/header_search.cpp, SPEC §2 ◆6): the first of
// the first 30 lines that names every required field, or the line --header-row gives, or none;
// --map by position (#N) and an empty --map.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_search.hpp"
#include "read_export_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::read_fixtures;

namespace {

std::int64_t header_line(const std::string& text, Kind kind, const ReadSettings& settings = {}) {
    const ingest::RawInput raw = ingest::RawInput::from_text(text, "export.csv");
    return ingest::find_header_line(raw, kind, settings);
}

ReadSettings with_mapping(const std::string& mapping) {
    ReadSettings s;
    s.mappings.push_back(parse_field_mapping(mapping));
    return s;
}

ReadSettings header_row(long n) {
    ReadSettings s;
    s.header_row = n;
    return s;
}

const std::string k_quickbooks_header = ",Date,Transaction type,Num,Name,Due date,Amount,Open balance\n";

}  // namespace

TEST_CASE("ingest::find_header_line: the first line that names every required field", "[ingest][header]") {
    // A header on the first line needs no search: 0 opens the file as it is.
    CHECK(header_line("client,started_at\nA,2024-01-01\n", Kind::calls) == 0);
    // Title lines of any export, not only a preset's: a company name, a report name, a blank line.
    CHECK(header_line("Acme Agency\nCall log, March\n\nclient,started_at\nA,2024-01-01\n", Kind::calls) == 4);
    // Each line is judged with its own delimiter: a title with commas above a `;` header.
    CHECK(header_line("Report, all clients\nclient;date\nA;2024-01-01\n", Kind::calls) == 2);
    // A preset's signature: the QuickBooks invoice list below its title lines.
    const std::string report = "Acme Agency LLC\nInvoice List\n\n" + k_quickbooks_header +
                               ",01/03/2024,Invoice,1001,Acme Corp,02/02/2024,10.00,0.00\n";
    CHECK(header_line(report, Kind::invoices) == 4);
    // Through --map: the line that has the mapped header.
    CHECK(header_line("Exported 2024-03-01\nWho,When\nA,2024-01-01\n", Kind::calls,
                      [] {
                          ReadSettings s = with_mapping("calls.client=Who");
                          s.mappings.push_back(parse_field_mapping("calls.started_at=When"));
                          return s;
                      }()) == 2);
    // No line fits: 0, and the read reports the first line's missing fields.
    CHECK(header_line("Acme\nnothing,here\n", Kind::calls) == 0);
    // A line that fits another kind does not fit this one.
    CHECK(header_line("Title\nclient,issued_at,amount\n", Kind::calls) == 0);
}

TEST_CASE("ingest::find_header_line looks no further than the first 30 lines", "[ingest][header]") {
    std::string titles;
    for (int i = 1; i <= 29; ++i) {
        titles += "Title line " + std::to_string(i) + "\n";
    }
    CHECK(header_line(titles + "client,started_at\n", Kind::calls) == 30);
    // Line 31 is past the first 30 lines, the first line included.
    CHECK(header_line(titles + "Line 30\nclient,started_at\n", Kind::calls) == 0);
}

TEST_CASE("ingest::find_header_line: --header-row says where, 0 says there is none", "[ingest][header]") {
    CHECK(header_line("a\nb\nclient,started_at\n", Kind::calls, header_row(3)) == 3);
    // Given, it is taken at its word even where the search would find another line.
    CHECK(header_line("client,started_at\nA,2024-01-01\n", Kind::calls, header_row(2)) == 2);
    CHECK(header_line("A,2024-01-01\n", Kind::calls, header_row(0)) == ingest::k_no_header);
}

TEST_CASE("ingest::find_header_line never throws for the file's content", "[ingest][header]") {
    const std::string bad = std::string("Acme\nInvoice List\0\n", 19) + k_quickbooks_header;
    std::int64_t found = -2;
    CHECK_NOTHROW(found = header_line(bad, Kind::invoices));
    CHECK(found == 0);
    CHECK_NOTHROW(found = header_line("Acme\n\"open quote\n" + k_quickbooks_header, Kind::invoices));
    CHECK(found == 0);
}

TEST_CASE("ingest::read_export: title lines above a found header are ignored rows", "[ingest][header]") {
    const Read r = read_text("calls.csv", Kind::calls,
                             "Acme Agency\nCall log\n\nclient,started_at\nA,2024-01-01 10:00\nB,2024-01-02 11:00\n");
    CHECK(r.report.header_line == 4);
    CHECK(r.report.ignored == 3);
    CHECK(r.report.rows == 2);
    REQUIRE(r.got.contacts.size() == 2);
    CHECK(r.got.contacts[0].line == 5);  // line numbers stay the file's own
}

TEST_CASE("ingest::read_export --header-row N", "[ingest][header]") {
    const std::string text = "Export of 2024-03\nclient,started_at\nA,2024-01-01 10:00\n";
    const Read r = read_text("calls.csv", Kind::calls, text, header_row(2));
    CHECK(r.report.header_line == 2);
    CHECK(r.report.ignored == 1);
    REQUIRE(r.got.contacts.size() == 1);
    CHECK(r.got.contacts[0].line == 3);
    // The wrong line is read as the header it is told to be, and says what it lacks.
    CHECK_THAT(input_error("calls.csv", Kind::calls, text, header_row(3)),
               Catch::Contains("calls.csv:3") && Catch::Contains("no column for the required calls fields"));
    CHECK_THAT(input_error("calls.csv", Kind::calls, text, header_row(9)),
               Catch::Contains("line 9 is blank or past the end: no header there (--header-row 9)"));
    // The line given is the header's, even when a header follows a blank one.
    CHECK_THAT(input_error("calls.csv", Kind::calls, "Title\n\nclient,started_at\nA,2024-01-01\n", header_row(2)),
               Catch::Contains("line 2 is blank or past the end"));
}

TEST_CASE("ingest::read_export --header-row 0: columns #1, #2, ... for --map", "[ingest][header]") {
    const std::string text = "A,2024-01-01 10:00,60\nB,2024-01-02 11:00,30\n";
    ReadSettings s = header_row(0);
    s.mappings.push_back(parse_field_mapping("calls.client=#1"));
    s.mappings.push_back(parse_field_mapping("calls.started_at=#2"));
    s.mappings.push_back(parse_field_mapping("calls.duration=#3"));
    const Read r = read_text("calls.csv", Kind::calls, text, s);
    CHECK(r.report.header_line == 0);
    CHECK(r.report.ignored == 0);
    REQUIRE(r.got.contacts.size() == 2);  // the first line is a row
    CHECK(r.got.contacts[0].client == "A");
    CHECK(r.got.contacts[0].line == 1);
    CHECK(r.got.contacts[1].duration_ms == 30000);
    CHECK(r.report.mapping.front() == std::pair<std::string, std::string>{"client", "#1"});
    // Without --map nothing names the fields; the error says how to name them.
    CHECK_THAT(input_error("calls.csv", Kind::calls, text, header_row(0)),
               Catch::Contains("\"client\"") && Catch::Contains("\"started_at\"") &&
                   Catch::Contains("has no header (--header-row 0): name its 3 columns by position"));
    // A position the file does not have.
    ReadSettings past = header_row(0);
    past.mappings.push_back(parse_field_mapping("calls.client=#4"));
    CHECK_THAT(input_error("calls.csv", Kind::calls, text, past),
               Catch::Contains("no column \"#4\"") && Catch::Contains("#1 to #3"));
    // A row with another field count is a bad row, as under a header.
    const Read ragged = read_text("calls.csv", Kind::calls, text + "C,2024-01-03 09:00\n", s);
    CHECK(ragged.report.bad_rows.count == 1);
}

TEST_CASE("ingest::read_export --map by position in a file with a header", "[ingest][header]") {
    ReadSettings s = with_mapping("calls.client=#2");
    s.mappings.push_back(parse_field_mapping("calls.started_at=#1"));
    const Read r = read_text("calls.csv", Kind::calls, "When,Who\n2024-01-01 10:00,A\n", s);
    REQUIRE(r.got.contacts.size() == 1);
    CHECK(r.got.contacts[0].client == "A");
    // A column literally named #2 is that column, not the second.
    const Read named = read_text("calls.csv", Kind::calls, "#2,client,started_at\nX,A,2024-01-01\n",
                                 with_mapping("calls.notes=#2"));
    REQUIRE(named.got.contacts.size() == 1);
    CHECK(named.report.mapping.back() == std::pair<std::string, std::string>{"notes", "#2"});
}

TEST_CASE("ingest::read_export: an empty --map leaves a field unread", "[ingest][header]") {
    const std::string text = "client,started_at,direction\nA,2024-01-01 10:00,sideways\n";
    // `sideways` is not a direction: read, the row is bad; unread, the default (inbound) holds.
    CHECK(read_text("calls.csv", Kind::calls, text).report.bad_rows.count == 1);
    const Read r = read_text("calls.csv", Kind::calls, text, with_mapping("calls.direction="));
    CHECK(r.report.bad_rows.count == 0);
    REQUIRE(r.got.contacts.size() == 1);
    CHECK(r.got.contacts[0].direction == Direction::inbound);
    for (const auto& entry : r.report.mapping) {
        CHECK(entry.first != "direction");
    }
    // No alias takes the field's place either (`type` is an alias of direction).
    const Read alias = read_text("calls.csv", Kind::calls, "client,started_at,type\nA,2024-01-01,sideways\n",
                                 with_mapping("calls.direction="));
    CHECK(alias.report.bad_rows.count == 0);
    // A required field cannot be left unread.
    CHECK_THAT(input_error("calls.csv", Kind::calls, text, with_mapping("calls.client=")),
               Catch::Contains("\"client\" (--map calls.client= leaves it unread)"));
}

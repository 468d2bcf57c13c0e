// read_export (src/ingest/read_export.cpp): typed records of every kind, file-level errors, encodings
// and real exports. The bad rows, the date order and the bytes have their own test files
// (test_ingest_row_reader.cpp, test_ingest_row_problems.cpp, test_ingest_date_order.cpp,
// test_ingest_byte_source.cpp).

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "read_export_fixtures.hpp"
#include "xlsx_fixtures.hpp"

namespace fs = std::filesystem;
using namespace clientscore;
using namespace clientscore::read_fixtures;

namespace {

const fs::path k_realdata = CLIENTSCORE_REALDATA;

}  // namespace

TEST_CASE("ingest::read_export calls", "[ingest]") {
    const Read r = read_text("calls.csv", Kind::calls,
                             "Customer Name,Call Start Time,Duration (min),Direction,Tags,Notes\n"
                             "Acme , 2024-03-04 09:15:00 ,1.5,Outbound,threat;rude,  left a message \n"
                             "Acme,2024-03-09,2:30,,, \n"
                             "Beta,2024-03-05T20:00:00Z,,IN,escalation,\"two\nlines\"\n");
    REQUIRE(r.got.contacts.size() == 3);
    const Contact& first = r.got.contacts[0];
    CHECK(first.client == "Acme");
    CHECK(first.channel == Channel::call);
    CHECK(first.when == LocalDateTime{day(2024, 3, 4), 9 * 3600 + 15 * 60});
    CHECK(first.direction == Direction::outbound);
    CHECK(first.duration_ms == 90000);
    CHECK(first.tags == (tag_bit(HostileTag::threat) | tag_bit(HostileTag::abusive)));
    CHECK(first.text == "  left a message ");  // free text is not trimmed
    CHECK(first.line == 2);
    CHECK(r.got.contacts[1].when == LocalDateTime{day(2024, 3, 9), -1});
    CHECK(r.got.contacts[1].duration_ms == 150000);  // M:SS whatever the header says
    CHECK(r.got.contacts[1].direction == Direction::inbound);
    CHECK(r.got.contacts[2].line == 4);
    CHECK(r.got.contacts[2].text == "two\nlines");
    CHECK(r.report.rows == 3);
    CHECK(r.report.bad_rows.count == 0);
    CHECK(r.report.has_tags);
    CHECK(r.report.from == day(2024, 3, 4));
    CHECK(r.report.to == day(2024, 3, 9));
    CHECK(r.report.mapping == std::vector<std::pair<std::string, std::string>>{{"client", "Customer Name"},
                                                                                {"started_at", "Call Start Time"},
                                                                                {"duration", "Duration (min)"},
                                                                                {"direction", "Direction"},
                                                                                {"tags", "Tags"},
                                                                                {"notes", "Notes"}});
}

TEST_CASE("ingest::read_export file-level errors", "[ingest]") {
    SECTION("empty file and header only") {
        CHECK(input_error("calls.csv", Kind::calls, "").rfind("calls.csv: is empty", 0) == 0);
        const Read r = read_text("calls.csv", Kind::calls, "client,date\n");
        CHECK(r.report.rows == 0);
        CHECK_FALSE(r.report.from);
    }
    SECTION("missing required field names the aliases tried") {
        CHECK(input_error("calls.csv", Kind::calls, "client,when\nA,2024-01-01\n") ==
              "calls.csv:1: no column for the required calls field \"started_at\" (tried: started_at, start, "
              "start_time, started, call_start_time, call_started_at, start_date, date, datetime, timestamp, "
              "call_date, call_start, created_at, activity_date)\n"
              "rename a column, or name it: --map calls.started_at=HEADER; or, if the header is not line 1, "
              "give its line: --header-row N");
    }
    SECTION("a --map to a header the file lacks") {
        ReadSettings s;
        s.mappings.push_back(parse_field_mapping("calls.client=Account"));
        CHECK(input_error("calls.csv", Kind::calls, "client,date\nA,2024-01-01\n", s)
                  .rfind("calls.csv:1: --map calls.client=Account: the file has no column \"Account\"", 0) == 0);
    }
    SECTION("unterminated quote, NUL, invalid UTF-8 come through read_export") {
        CHECK(input_error("calls.csv", Kind::calls, "client,date\nA,2024-01-01\n\"B,2024-01-02\n")
                  .rfind("calls.csv:3: a quote opened on this line is still open", 0) == 0);
        CHECK(input_error("calls.csv", Kind::calls, std::string("client,date\nA,2024-01-01\0\n", 26))
                  .rfind("calls.csv:2: contains a NUL byte", 0) == 0);
        CHECK(input_error("calls.csv", Kind::calls, "client,date\nCaf\xE9,2024-01-01\n")
                  .rfind("calls.csv:2: column \"client\": byte 0xE9 is not valid UTF-8", 0) == 0);
    }
    SECTION("missing file") {
        CHECK_THROWS_AS(read_file("/nonexistent/calls.csv", Kind::calls), InputError);
    }
    SECTION("unknown encoding is a usage error") {
        ReadSettings s;
        s.encoding = "klingon-8";
        CHECK_THROWS_AS(read_text("calls.csv", Kind::calls, "client,date\n", s), UsageError);
    }
}

TEST_CASE("ingest::read_export duplicate and look-alike headers", "[ingest]") {
    const Read r = read_text("calls.csv", Kind::calls,
                             "Client,client ,Date,date_,Customer\nleft,right,2024-01-01,2024-02-02,cust\n");
    REQUIRE(r.got.contacts.size() == 1);
    CHECK(r.got.contacts[0].client == "left");
    CHECK(r.got.contacts[0].when.date == day(2024, 1, 1));
    CHECK(r.report.mapping[0] == std::pair<std::string, std::string>{"client", "Client"});
}

TEST_CASE("ingest::read_export contacts channels", "[ingest]") {
    const Read r = read_text("contacts.csv", Kind::contacts,
                             "client,type,started_at,duration_ms,subject\n"
                             "A,Phone,2024-01-01 10:00,1500,x\n"
                             "A,E-mail,2024-01-02 10:00,1500,y\n"
                             "A,email,2024-01-02 11:00,1500,z\n"
                             "A,Chat,2024-01-03 10:00,,\n"
                             ",Self service,2024-01-03 10:00,,\n");
    REQUIRE(r.got.contacts.size() == 2);
    CHECK(r.got.contacts[0].channel == Channel::call);
    CHECK(r.got.contacts[0].duration_ms == 1500);
    CHECK(r.got.contacts[1].channel == Channel::email);
    CHECK(r.got.contacts[1].duration_ms == 0);
    CHECK(r.report.ignored == 3);
    CHECK(r.report.rows == 5);
    CHECK(r.report.bad_rows.count == 0);
}

TEST_CASE("ingest::read_export emails", "[ingest]") {
    const Read r = read_text("emails.tsv", Kind::emails,
                             "Account\tReceived At\tEmail Direction\tTitle\tLabels\n"
                             "A\t2024-01-01T08:00:00+02:00\tsent\t Re: invoice \tdispute\n");
    REQUIRE(r.got.contacts.size() == 1);
    CHECK(r.report.delimiter == '\t');
    CHECK(r.got.contacts[0].channel == Channel::email);
    CHECK(r.got.contacts[0].direction == Direction::outbound);
    CHECK(r.got.contacts[0].text == " Re: invoice ");
    CHECK(r.got.contacts[0].tags == tag_bit(HostileTag::dispute));
    CHECK(r.got.contacts[0].when == LocalDateTime{day(2024, 1, 1), 8 * 3600});
}

TEST_CASE("ingest::read_export time zone conversion", "[ingest]") {
    ReadSettings s;
    s.time_zone = LocalTimeConverter("Europe/Berlin");
    const Read r = read_text("calls.csv", Kind::calls,
                             "client,date\nA,2024-01-01T23:30:00Z\nA,2024-07-01 10:00\nA,1704067200\n", s);
    REQUIRE(r.got.contacts.size() == 3);
    CHECK(r.got.contacts[0].when == LocalDateTime{day(2024, 1, 2), 30 * 60});
    CHECK(r.got.contacts[1].when == LocalDateTime{day(2024, 7, 1), 10 * 3600});
    CHECK(r.got.contacts[2].when == LocalDateTime{day(2024, 1, 1), 3600});
}

TEST_CASE("ingest::read_export invoices", "[ingest]") {
    const Read r = read_text("invoices.csv", Kind::invoices,
                             "Invoice #,Client,Invoice Date,Due Date,Paid Date,Total,Paid Amount,Currency,Status,"
                             "Disputed\n"
                             "001,A,2024-01-01,2024-01-31,2024-02-05,\"$1,200.50\",,usd,Sent,no\n"
                             "002,A,2024-01-10,,,(50.00),10,USD,,yes\n"
                             "003,B,2024-02-01,2024-03-01,,100,,EUR,Void,\n"
                             "004,B,2024-02-01,2024-03-01,,10x,,EUR,,\n"
                             "005,B,2024-02-01,2024-03-01,,10,,EURO,,\n"
                             "006,B,2024-02-01,2024-03-01,,10,,EUR,,maybe\n");
    REQUIRE(r.got.invoices.size() == 3);
    const Invoice& a = r.got.invoices[0];
    CHECK(a.invoice_id == "001");
    CHECK(a.issued == LocalDateTime{day(2024, 1, 1), -1});
    CHECK(a.due == day(2024, 1, 31));
    CHECK(a.paid == day(2024, 2, 5));
    CHECK(a.amount == 12005000);
    CHECK_FALSE(a.amount_paid);
    CHECK(a.currency == "USD");
    CHECK(a.status == "Sent");
    CHECK_FALSE(a.ignored);
    CHECK_FALSE(a.disputed);
    const Invoice& b = r.got.invoices[1];
    CHECK(b.due == day(2024, 1, 10));  // empty due: due on issue
    CHECK_FALSE(b.paid);
    CHECK(b.amount == -500000);
    CHECK(b.amount_paid == 100000);
    CHECK(b.disputed);
    CHECK(r.got.invoices[2].ignored);
    CHECK(r.report.ignored == 0);  // the aggregate stage counts ignored invoices
    CHECK(r.report.bad_rows.count == 3);
    CHECK(r.report.bad_rows.kept[0].column == "Total");
    CHECK(r.report.bad_rows.kept[1].column == "Currency");
    CHECK(r.report.bad_rows.kept[2].column == "Disputed");
    CHECK(r.report.currencies == std::vector<std::string>{"EUR", "USD"});
    CHECK(r.report.from == day(2024, 1, 1));
    CHECK(r.report.to == day(2024, 1, 10));  // the void invoice does not count
    CHECK(r.report.has_disputed);
    CHECK(r.report.decimal == ".");
}

TEST_CASE("ingest::read_export discounts", "[ingest]") {
    const Read r = read_text("discounts.csv", Kind::discounts,
                             "client;date;discount;state;reason\n"
                             "A;2024-01-05;-12,50;;  loyal \n"
                             "A;2024-01-06;1.250,00;Pending;x\n"
                             "A;2024-01-07;5;maybe;x\n");
    REQUIRE(r.got.discounts.size() == 2);
    CHECK(r.report.delimiter == ';');
    CHECK(r.got.discounts[0].amount == 125000);
    CHECK(r.got.discounts[0].status == DiscountStatus::granted);
    CHECK(r.got.discounts[0].reason == "  loyal ");
    CHECK(r.got.discounts[1].amount == 12500000);
    CHECK(r.got.discounts[1].status == DiscountStatus::requested);
    CHECK(r.report.bad_rows.count == 1);
    CHECK(r.report.bad_rows.kept[0].column == "state");
    CHECK(r.report.decimal == ",");
}

TEST_CASE("ingest::read_export clients", "[ingest]") {
    const Read r = read_text("clients.csv", Kind::clients, "Customer ID,Customer Name\nC1,Acme Ltd\nC2,\n,Nobody\n");
    REQUIRE(r.got.clients.size() == 2);
    CHECK(r.got.clients[0] == std::pair<std::string, std::string>{"C1", "Acme Ltd"});
    CHECK(r.got.clients[1].second.empty());
    CHECK(r.report.bad_rows.count == 1);
    CHECK(r.report.mapping[1] == std::pair<std::string, std::string>{"name", "Customer Name"});
    CHECK_FALSE(r.report.from);
}

TEST_CASE("ingest::read_export encodings", "[ingest]") {
    const std::string latin = "client,date,notes\nM\xFCller,2024-01-01,caf\xE9\n";
    CHECK(input_error("calls.csv", Kind::calls, latin).rfind("calls.csv:2: column \"client\": byte 0xFC is not valid UTF-8", 0) == 0);
    ReadSettings s;
    s.encoding = "windows-1252";
    const Read r = read_text("calls.csv", Kind::calls, latin, s);
    REQUIRE(r.got.contacts.size() == 1);
    CHECK(r.got.contacts[0].client == "M\xC3\xBCller");
    CHECK(r.got.contacts[0].text == "caf\xC3\xA9");
    CHECK(r.report.encoding == "windows-1252");
    const std::string utf16("\xFF\xFE" "c\0l\0i\0e\0n\0t\0\n\0", 16);
    CHECK(input_error("calls.csv", Kind::calls, utf16).find("iconv -f UTF-16 -t UTF-8") != std::string::npos);
}

TEST_CASE("ingest::read_export IBM accounts receivable", "[ingest][realdata]") {
    const fs::path path = k_realdata / "business/ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv";
    const Read r = read_file(path.string(), Kind::invoices);
    CHECK(r.report.rows == 2466);
    CHECK(r.report.bad_rows.count == 0);
    REQUIRE(r.got.invoices.size() == 2466);
    std::set<std::string> clients;
    Money total = 0;
    int disputed = 0;
    int late = 0;
    for (const Invoice& inv : r.got.invoices) {
        clients.insert(inv.client);
        total += inv.amount;
        disputed += inv.disputed ? 1 : 0;
        late += inv.paid && *inv.paid > inv.due ? 1 : 0;
        CHECK(inv.due == inv.issued.date + 30);  // README: DueDate == InvoiceDate + 30 on every row
    }
    CHECK(clients.size() == 100);
    CHECK(total == 1477031800);  // 147,703.18
    CHECK(disputed == 561);
    CHECK(late == 877);
    CHECK(r.got.invoices[0].invoice_id == "0000611365");  // leading zeros kept
    CHECK(r.report.date_order == "mdy");
    CHECK(r.report.from == day(2012, 1, 3));
    CHECK(r.report.to == day(2013, 12, 2));
    CHECK(r.report.has_disputed);
    CHECK(r.report.decimal == ".");
}

TEST_CASE("ingest::read_export IBM accounts receivable, variant with missing cells", "[ingest][realdata]") {
    const fs::path path =
        k_realdata / "business/ibm-accounts-receivable/variant-wdmartin44-with-missing/WA_Fn-UseC_-Accounts-Receivable.csv";
    const Read r = read_file(path.string(), Kind::invoices);
    // The 120 rows with empty PaperlessDate/PaperlessBill are fine: those columns are not read.
    CHECK(r.report.rows == 2586);
    CHECK(r.report.bad_rows.count == 0);
    REQUIRE(r.got.invoices.size() == 2586);
    std::set<std::string> clients;
    Money total = 0;
    int disputed = 0;
    for (const Invoice& inv : r.got.invoices) {
        clients.insert(inv.client);
        total += inv.amount;
        disputed += inv.disputed ? 1 : 0;
    }
    CHECK(clients.size() == 100);
    CHECK(total == 1556587800);  // 155,658.78
    CHECK(disputed == 623);
    CHECK(r.got.invoices[0].invoice_id == "2195380883");
    CHECK(r.report.date_order == "mdy");
}

TEST_CASE("ingest::read_export ServiceNow incident log (gzip)", "[ingest][realdata]") {
    const fs::path path = k_realdata / "business/uci-incident-management-servicenow/Master_Ticket_Dataset.csv.gz";
    ReadSettings s;
    s.preset = "none";  // the generic rules with --map; the servicenow preset is tested in test_ingest_presets.cpp
    s.mappings = {parse_field_mapping("contacts.client=caller_id"), parse_field_mapping("contacts.started_at=opened_at"),
                  parse_field_mapping("contacts.channel=contact_type")};
    const Read r = read_file(path.string(), Kind::contacts, s);
    // README: 119,998 events; caller_id `?` in 29 rows; contact_type Phone 119,879, Email 119.
    CHECK(r.report.rows == 119998);
    CHECK(r.report.bad_rows.count == 29);
    CHECK(r.report.ignored == 0);
    REQUIRE(r.got.contacts.size() == 119969);
    std::set<std::string> callers;
    int calls = 0;
    int emails = 0;
    for (const Contact& c : r.got.contacts) {
        callers.insert(c.client);
        (c.channel == Channel::call ? calls : emails) += 1;
    }
    CHECK(calls == 119879 - 29);
    CHECK(emails == 119);
    CHECK(callers.size() == 4829 - 1);  // the README's 4,829 distinct caller_id values include `?`
    CHECK(r.report.date_order == "dmy");
    CHECK(r.report.from == day(2016, 2, 29));
    CHECK(r.report.to == day(2016, 5, 13));
    CHECK(r.report.bad_rows.kept.at(0).column == "caller_id");
    CHECK(r.report.bad_rows.kept.at(0).message == "\"?\" counts as empty");
    const std::vector<std::string> warnings = r.report.bad_rows.warnings("Master_Ticket_Dataset.csv.gz");
    CHECK(warnings.size() == 11);
    CHECK(warnings.back() == "Master_Ticket_Dataset.csv.gz: 19 more bad rows skipped");
}

// An .xlsx export reads as the CSV of its sheet: typed cells become the text every value test
// reads, and lines are sheet rows (SPEC §1).
TEST_CASE("ingest::read_export an .xlsx invoices workbook", "[ingest][xlsx]") {
    using namespace clientscore::testing;
    TempDir dir;
    WorkbookSpec spec;
    spec.cell_formats = {0, 14, 22, 4};  // General, m/d/yyyy, m/d/yyyy h:mm, #,##0.00
    spec.shared = {"client", "issued_at", "due_at", "amount", "currency", "Acme", "EUR"};
    const auto s = [](const std::string& ref, int index) {
        return "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(index) + "</v></c>";
    };
    spec.sheets = {
        {"Summary", row_xml(1, text_cell("A1", "not this one"))},
        {"invoices",
         row_xml(1, s("A1", 0) + s("B1", 1) + s("C1", 2) + s("D1", 3) + s("E1", 4)) +
             row_xml(2, s("A2", 5) + number_cell("B2", "46266", 1) + number_cell("C2", "46296", 1) +
                            number_cell("D2", "1250.5", 3) + s("E2", 6)) +
             // Row 3 is left out; row 4 has a formula whose cached value is the amount.
             row_xml(4, text_cell("A4", "Beta") + number_cell("B4", "46267.5", 2) +
                            "<c r=\"D4\" s=\"3\"><f>D2*2</f><v>2501</v></c>") +
             row_xml(5, text_cell("A5", "Gamma") + text_cell("B5", "soon") + number_cell("D5", "3"))}};
    write_workbook(dir / "invoices.xlsx", spec);
    ReadSettings settings;
    settings.encoding = "latin1";  // the sheet's text is UTF-8 whatever --encoding says
    const Read r = read_file((dir / "invoices.xlsx").string(), Kind::invoices, settings);
    CHECK(r.report.sheet == "invoices");
    CHECK(r.report.encoding == "utf-8");
    CHECK(r.report.header_line == 1);
    for (const Problem& p : r.report.bad_rows.kept) {
        UNSCOPED_INFO(p.line << " " << p.column << ": " << p.message);
    }
    REQUIRE(r.got.invoices.size() == 2);
    CHECK(r.got.invoices[0].client == "Acme");
    CHECK(r.got.invoices[0].issued == LocalDateTime{day(2026, 9, 1), -1});  // a date without a time
    CHECK(r.got.invoices[0].due == day(2026, 10, 1));
    CHECK(r.got.invoices[0].amount == 12505000);
    CHECK(r.got.invoices[0].currency == "EUR");
    CHECK(r.got.invoices[0].line == 2);
    CHECK(r.got.invoices[1].issued == LocalDateTime{day(2026, 9, 2), 12 * 3600});
    CHECK(r.got.invoices[1].amount == 25010000);
    CHECK(r.got.invoices[1].line == 4);
    REQUIRE(r.report.bad_rows.kept.size() == 1);
    CHECK(r.report.bad_rows.kept[0].line == 5);  // the sheet's row number
    CHECK(r.report.bad_rows.kept[0].column == "issued_at");
}

TEST_CASE("ingest::read_export an .xlsx calls workbook: durations, times of day, notes", "[ingest][xlsx]") {
    using namespace clientscore::testing;
    TempDir dir;
    WorkbookSpec spec;
    spec.cell_formats = {0, 14, 21, 46};  // General, m/d/yyyy, h:mm:ss, [h]:mm:ss
    spec.sheets = {
        {"Sheet1",
         row_xml(1, text_cell("A1", "client") + text_cell("B1", "Start date") + text_cell("C1", "Start time") +
                        text_cell("D1", "duration") + text_cell("E1", "notes")) +
             row_xml(2, text_cell("A2", "Acme") + number_cell("B2", "46266", 1) +
                            number_cell("C2", "0.4375", 2) + number_cell("D2", "0.0104166666666667", 3) +
                            text_cell("E2", "first\nsecond")) +
             row_xml(3, text_cell("A3", "Acme") + number_cell("B3", "46267", 1) + number_cell("C3", "0.9", 2) +
                            number_cell("D3", "0.05", 3))}};
    write_workbook(dir / "calls.xlsx", spec);
    const Read r = read_file((dir / "calls.xlsx").string(), Kind::calls);
    CHECK(r.report.sheet == "Sheet1");
    for (const Problem& p : r.report.bad_rows.kept) {
        UNSCOPED_INFO(p.line << " " << p.column << ": " << p.message);
    }
    REQUIRE(r.got.contacts.size() == 2);
    CHECK(r.got.contacts[0].when == LocalDateTime{day(2026, 9, 1), 10 * 3600 + 30 * 60});
    CHECK(r.got.contacts[0].duration_ms == 15 * 60 * 1000);
    CHECK(r.got.contacts[0].text == "first\rsecond");  // a line break in a cell, kept as a CR
    CHECK(r.got.contacts[1].line == 3);  // the multi-line note above does not shift it
    CHECK(r.got.contacts[1].when == LocalDateTime{day(2026, 9, 2), 21 * 3600 + 36 * 60});
    CHECK(r.got.contacts[1].duration_ms == 72 * 60 * 1000);
}

TEST_CASE("ingest::read_export a file named .xlsx that is no workbook", "[ingest][xlsx]") {
    using namespace clientscore::testing;
    TempDir dir;
    write_file(dir / "calls.xlsx", "client,started_at\nA,2026-09-01 10:00\n");
    try {
        read_file((dir / "calls.xlsx").string(), Kind::calls);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.located_message() == "calls.xlsx: is not a valid .xlsx workbook: it is not a zip archive");
        CHECK(e.hint() == "open it in Excel or LibreOffice and save it again as .xlsx, or save it as CSV");
    }
    write_file(dir / "emails.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(500, '\0'));
    try {
        read_file((dir / "emails.xlsx").string(), Kind::emails);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.located_message() ==
              "emails.xlsx: is not an .xlsx workbook: it is password-protected, or an old .xls file renamed");
    }
    // A workbook's bytes are recognised whatever its name (standard input, a renamed file).
    write_text_workbook(dir / "export.bin", "Sheet1", {"client,started_at", "A,2026-09-01 10:00"});
    const Read r = read_file((dir / "export.bin").string(), Kind::calls);
    CHECK(r.report.sheet == "Sheet1");
    CHECK(r.got.contacts.size() == 1);
}

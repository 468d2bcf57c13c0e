// A preset applied to one file (src/ingest/presets/preset_rules.cpp): its extra columns found in
// the header, title and total rows, rows ignored by a word or merged per key, credit notes,
// vendor words read as the generic ones, and the conventions `check` lists for the file.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/presets/preset_rules.hpp"
#include "ingest/presets/presets.hpp"
#include "ingest/rows/row_reader.hpp"

using namespace clientscore;
using namespace clientscore::ingest;

namespace {

const Preset& preset_of(std::string_view name, Kind kind) {
    const Preset* found = find_preset(name, kind);
    REQUIRE(found != nullptr);
    return *found;
}

// `text` read as a file of `kind` with the preset `name`: its header matched through the preset
// and the rules made for it; records one at a time.
struct PresetFile {
    RawInput raw;
    CsvReader csv;
    const Preset& preset;
    HeaderMatch match;
    PresetRules rules;
    CsvRecord record;

    PresetFile(std::string_view name, Kind kind, const std::string& text)
        : raw(RawInput::from_text(text, "export.csv")),
          csv(raw, "utf-8"),
          preset(preset_of(name, kind)),
          match(match_header(kind, csv.header(), {}, "export.csv", csv.header_line(), &preset)),
          rules(preset, csv.header(), match) {}

    CsvRecord& next() {
        REQUIRE(csv.next(record));
        return record;
    }
    bool describes(const std::string& line) const {
        const std::vector<std::string> lines = rules.describe(csv.header());
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    }
};

}  // namespace

TEST_CASE("ingest::PresetRules quickbooks: section and total rows, payments, credit memos", "[ingest][presets]") {
    PresetFile f("quickbooks", Kind::invoices,
                 ",Date,Transaction type,Num,Name,Due date,Amount,Open balance\n"
                 "Acme Corp,,,,,,,\n"                                                  // section
                 ",01/03/2024,Invoice,1001,Acme Corp,02/02/2024,100.00,40.00\n"         // an invoice
                 ",02/20/2024, CREDIT MEMO ,1005,Acme Corp,02/20/2024,$(25.00),0.00\n"  // any case, trimmed
                 ",01/30/2024,Payment,,Acme Corp,,-60.00,0.00\n"                       // not an invoice
                 "Total for Acme Corp,,,,,,\"$75.00\"\n"                               // total, 7 fields
                 "TOTAL\n");                                                           // one field
    CHECK(f.rules.column("balance") == 7);
    CHECK(f.rules.column("row_type") == 2);
    CHECK(f.rules.column("discount") == -1);  // a key this preset has no column for
    CHECK(f.rules.column("no such key") == -1);

    CsvRecord& section = f.next();
    CHECK(f.rules.is_title_row(section));
    CsvRecord& invoice = f.next();
    CHECK_FALSE(f.rules.is_title_row(invoice));
    CHECK_FALSE(f.rules.is_ignored_row(invoice));
    CHECK_FALSE(f.rules.is_credit(invoice));
    CsvRecord& credit = f.next();
    CHECK_FALSE(f.rules.is_title_row(credit));
    CHECK_FALSE(f.rules.is_ignored_row(credit));
    CHECK(f.rules.is_credit(credit));
    CsvRecord& payment = f.next();
    CHECK(f.rules.is_ignored_row(payment));
    CHECK_FALSE(f.rules.is_credit(payment));
    CHECK(f.rules.is_title_row(f.next()));  // whatever its field count
    CHECK(f.rules.is_title_row(f.next()));

    CHECK(f.describes("amount paid = \"Amount\" − \"Open balance\""));
    CHECK(f.describes("rows without \"Date\" (titles, sections, totals) are ignored"));
    CHECK(f.describes("\"Transaction type\" credit memo: a credit note"));
    CHECK(f.describes("\"Transaction type\" payment: row ignored"));
    CHECK(f.describes("slash dates are month-first (M/D/YYYY) unless --date-order says otherwise"));
    CHECK_FALSE(f.describes("times without an offset are UTC"));
}

TEST_CASE("ingest::PresetRules xero: a row repeating an earlier invoice number is merged into it",
          "[ingest][presets]") {
    const std::string text =
        "*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Total,InvoiceAmountDue,LineAmount\n"
        "Acme,INV-1,15 Jul 2026,14 Aug 2026,1500.00,500.00,1000.00\n"
        "Acme,INV-1,15 Jul 2026,14 Aug 2026,1500.00,500.00,500.00\n"
        "Acme,INV-2,16 Jul 2026,15 Aug 2026,80.00,0.00,80.00\n"
        "Acme,,16 Jul 2026,15 Aug 2026,5.00,0.00,5.00\n"
        "Acme, ,16 Jul 2026,15 Aug 2026,5.00,0.00,5.00\n"
        "Acme, INV-2 ,16 Jul 2026,15 Aug 2026,80.00,0.00,80.00\n";
    PresetFile f("xero", Kind::invoices, text);
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));        // INV-1 again
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));  // INV-2
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));  // an empty number never repeats
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));  // INV-2, trimmed
    CHECK(f.rules.column("balance") == 5);
    CHECK(f.describes("amount paid = \"Total\" − \"InvoiceAmountDue\""));
    CHECK(f.describes("rows repeating an earlier \"*InvoiceNumber\" are merged into it (ignored)"));
    CHECK(f.describes("slash dates are day-first (D/M/YYYY) unless --date-order says otherwise"));
    CHECK(f.describes("dates may be written 15 Jul 2026"));

    // The keys seen belong to one file's rules: another file starts afresh.
    PresetFile other("xero", Kind::invoices, text);
    CHECK_FALSE(other.rules.is_ignored_row(other.next()));
}

TEST_CASE("ingest::PresetRules hubspot emails: vendor words read as the generic ones", "[ingest][presets]") {
    PresetFile f("hubspot", Kind::emails,
                 "hs_timestamp,hs_email_direction,hs_email_subject,Company Name\n"
                 "2026-07-06T07:00:00Z,INCOMING_EMAIL,Hello,Acme\n");
    const int direction = f.match.column("direction");
    REQUIRE(direction == 1);
    CHECK(f.rules.word(direction, "INCOMING_EMAIL") == "inbound");
    CHECK(f.rules.word(direction, "incoming_email") == "inbound");  // any case
    CHECK(f.rules.word(direction, "EMAIL") == "outbound");
    CHECK(f.rules.word(direction, "FORWARDED_EMAIL") == "outbound");
    CHECK(f.rules.word(direction, "sent") == "sent");  // not a vendor word: as it is
    CHECK(f.rules.word(2, "EMAIL") == "EMAIL");        // another column
    CHECK(f.describes("\"hs_email_direction\" INCOMING_EMAIL means inbound"));
    CHECK(f.describes("times without an offset are UTC"));

    // In use: RowReader reads the direction through the words.
    ReadSettings settings;
    FileReport report;
    report.file.display_name = "export.csv";
    RowReader reader(f.csv, f.match, f.raw, 0, settings, report, &f.rules);
    REQUIRE(reader.next());
    Direction read = Direction::outbound;
    CHECK(reader.direction(direction, read));
    CHECK(read == Direction::inbound);
    CHECK(reader.word(direction) == "inbound");
    CHECK(reader.value(direction) == "INCOMING_EMAIL");
}

TEST_CASE("ingest::PresetRules salesforce: internal calls ignored, time of day from Created Date",
          "[ingest][presets]") {
    PresetFile f("salesforce", Kind::calls,
                 "Account Name,Subject,Call Type,Call Duration,Activity Date,Created Date,Comments\n"
                 "Acme,Call,Inbound,600,7/6/2026,7/6/2026 7:45 PM,x\n"
                 "Acme,Call,Internal,60,7/6/2026,7/6/2026 8:00 PM,y\n");
    CHECK(f.rules.column("time_of_day") == 5);
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));
    CHECK(f.describes("the time of day of a date-only \"Activity Date\" comes from \"Created Date\""));
    CHECK(f.describes("\"Call Type\" internal: row ignored"));
    CHECK(f.describes("\"Call Duration\" is in seconds"));
}

TEST_CASE("ingest::PresetRules stripe: derived discounts and no due date column", "[ingest][presets]") {
    PresetFile f("stripe", Kind::invoices,
                 "id,Customer,Amount Due,Amount Paid,Status,Date (UTC),Total Discount Amount\n"
                 "in_1,cus_1,100.00,100.00,paid,2026-07-01 10:00,5.00\n");
    CHECK(f.rules.column("discount") == 6);
    CHECK(f.rules.column("discount_reason") == -1);
    CHECK(f.match.column("due_at") == -1);
    CHECK(f.describes("\"Total Discount Amount\" above 0 is a granted discount on the invoice date"));
    CHECK(f.describes("no due date column: due on the issue date"));
    CHECK(f.describes("times without an offset are UTC"));
    CHECK_FALSE(f.rules.is_title_row(f.next()));  // stripe has no title rows
    CHECK_FALSE(f.rules.is_ignored_row(f.record));
}

TEST_CASE("ingest::PresetRules keep words: a column's only values read, any other row ignored", "[ingest][presets]") {
    PresetFile f("stripe-payments", Kind::invoices,
                 "id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,Customer Email\n"
                 "py_1,2023-01-05 14:30,100.00,0.00,usd,Paid,cus_1,a@x.example\n"
                 "py_2,2023-01-05 14:31,100.00,100.00,usd, REFUNDED ,cus_1,a@x.example\n"  // any case, trimmed
                 "py_3,2023-01-05 14:32,100.00,0.00,usd,Failed,cus_1,a@x.example\n"
                 "py_4,2023-01-05 14:33,100.00,0.00,usd,,cus_1,a@x.example\n");  // empty is another value
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.column("refund") == 3);
    CHECK(f.describes("\"Status\" paid: read (any other value: row ignored)"));
    CHECK(f.describes("\"Amount Refunded\" above 0 is a credit note on the row's date"));
    CHECK(f.describes("every row is a payment: an invoice due and paid in full on its date"));
    CHECK(f.describes("an empty \"Customer ID\" is read from \"Customer Email\""));
}

TEST_CASE("ingest::PresetRules fills: an empty field from the first set column, or a fixed value",
          "[ingest][presets]") {
    SECTION("the cell of another column") {
        PresetFile f("stripe-payments", Kind::invoices,
                     "id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,Customer Email\n"
                     "py_1,2023-01-05,1,0,usd,Paid,cus_1,a@x.example\n"
                     "py_2,2023-01-05,1,0,usd,Paid,,guest@x.example\n"
                     "py_3,2023-01-05,1,0,usd,Paid,N/A,\n");
        std::string_view constant = "x";
        CHECK(f.rules.fill("client", 6, f.next(), constant) == 6);  // its own cell is set
        CHECK(constant.empty());
        CHECK(f.rules.fill("client", 6, f.next(), constant) == 7);
        CHECK(constant.empty());
        CHECK(f.rules.fill("client", 6, f.next(), constant) == 6);  // nothing set: its own, empty
        CHECK(f.rules.fill("currency", 4, f.record, constant) == 4);  // no fill for that field
    }
    SECTION("a fixed value when a named column is set; the field's column may be absent") {
        PresetFile f("salesforce-tasks", Kind::contacts,
                     "WhoId,AccountId,ActivityDate,EmailMessageId,CallType,CallDurationInSeconds\n"
                     "003A,001A,2023-02-01,02s1,,\n"
                     "003A,001A,2023-02-01,,,45\n"
                     "003A,001A,2023-02-01,,,\n");
        const int channel = f.match.column("channel");
        CHECK(channel == -1);  // optional for this preset: no TaskSubtype
        std::string_view constant;
        CHECK(f.rules.fill("channel", channel, f.next(), constant) == 3);
        CHECK(constant == "email");
        CHECK(f.rules.fill("channel", channel, f.next(), constant) == 5);
        CHECK(constant == "call");
        CHECK(f.rules.fill("channel", channel, f.next(), constant) == -1);
        CHECK(constant.empty());
        CHECK(f.describes("an empty channel is email when \"EmailMessageId\" is set"));
        CHECK(f.describes("an empty channel is call when \"CallType\" or \"CallDurationInSeconds\" is set"));
        CHECK(f.describes("\"ActivityDate\" is a date: a midnight time there is no time of day"));
        CHECK(f.describes("an email without a direction is outbound"));
    }
}

TEST_CASE("ingest::PresetRules ignore_empty: rows that are none of the tool's business, counted apart",
          "[ingest][presets]") {
    PresetFile f("zoho-analytics", Kind::calls,
                 "WHOID,ACCOUNTID,Call Start Time,Call Type\n"
                 "w1,a1,2021-04-20 07:49,Inbound\n"
                 "w2,,2021-04-20 07:50,Inbound\n"
                 "w3, NULL ,2021-04-20 07:51,Inbound\n");  // a missing marker is empty
    CHECK_FALSE(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.is_ignored_row(f.next()));
    CHECK(f.rules.ignored_empty() == 2);
    CHECK(f.rules.ignore_empty_column() == 1);
    CHECK(f.describes("rows with an empty \"ACCOUNTID\" are ignored (a call with a lead or contact, not a client)"));
}

TEST_CASE("ingest::PresetRules paid_in_full words", "[ingest][presets]") {
    PresetFile f("invoicely", Kind::invoices,
                 "Date,Due,Details,Client,Status,Total\n"
                 "Jan 28 2021,Jan 28 2021,INV-1,Bruce,paid,10\n"
                 "Jan 28 2021,Jan 28 2021,INV-2,Bruce,Due,10\n");
    CHECK(f.rules.is_paid_in_full(f.next()));
    CHECK_FALSE(f.rules.is_paid_in_full(f.next()));
    CHECK(f.describes("\"Status\" paid: paid in full (no payment date)"));
}

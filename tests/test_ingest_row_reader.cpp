// RowReader (src/ingest/rows/row_reader.cpp): the rows of one export with the header's field
// count, and each cell read as SPEC §2 says: trimmed, missing markers empty, free text as
// exported, typed values through the normalize parsers, every bad value a bad row naming the
// line and the header; the date order and decimal separator it reports.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/rows/row_reader.hpp"
#include "read_export_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::ingest;
using namespace clientscore::read_fixtures;

namespace {

FileReport report_for(const std::string& name) {
    FileReport report;
    report.file.display_name = name;
    return report;
}

// A RowReader over `text` as a file of `kind`, with what it reads from kept alive beside it.
struct Rows {
    RawInput raw;
    ReadSettings settings;
    CsvReader csv;
    HeaderMatch match;
    FileReport report;
    RowReader reader;

    Rows(Kind kind, const std::string& text, ReadSettings s = {}, std::uint32_t file_index = 0)
        : raw(RawInput::from_text(text, "calls.csv")),
          settings(std::move(s)),
          csv(raw, settings.encoding),
          match(match_header(kind, csv.header(), settings.mappings, "calls.csv", csv.header_line())),
          report(report_for("calls.csv")),
          reader(csv, match, raw, file_index, settings, report) {}

    // The next row, which must be there.
    RowReader& row() {
        REQUIRE(reader.next());
        return reader;
    }
};

}  // namespace

TEST_CASE("ingest::RowReader::next skips rows with another field count as bad rows", "[ingest]") {
    Rows rows(Kind::calls,
              "client,date\n"
              "A,2024-01-01\n"             // 2
              "B\n"                        // 3: one field
              "C,2024-01-02,extra,more\n"  // 4: four fields
              ",\n"                        // 5: only a delimiter: not a row at all
              "\n"                         // 6: blank
              "D,2024-01-03\n",            // 7
              {}, 3);
    REQUIRE(rows.reader.next());
    CHECK(rows.reader.line() == 2);
    CHECK(rows.reader.source().file_index == 3);
    CHECK(rows.reader.source().line == 2);
    CHECK(rows.reader.value(0) == "A");
    REQUIRE(rows.reader.next());
    CHECK(rows.reader.line() == 7);
    CHECK(rows.reader.value(0) == "D");
    CHECK_FALSE(rows.reader.next());
    CHECK(rows.report.rows == 4);
    CHECK(rows.report.bad_rows.count == 2);
    REQUIRE(rows.report.bad_rows.kept.size() == 2);
    CHECK(rows.report.bad_rows.kept[0].line == 3);
    CHECK(rows.report.bad_rows.kept[0].column.empty());
    CHECK(rows.report.bad_rows.kept[0].message == "has 1 field, the header has 2");
    CHECK(rows.report.bad_rows.kept[1].line == 4);
    CHECK(rows.report.bad_rows.kept[1].message == "has 4 fields, the header has 2");
}

TEST_CASE("ingest::RowReader: a quote left open surfaces from next as an input error", "[ingest]") {
    Rows rows(Kind::calls, "client,date\nA,2024-01-01\nB,\"2024-01-02\nC,2024-01-03\n");
    REQUIRE(rows.reader.next());
    try {
        rows.reader.next();
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.located_message() == "calls.csv:3: a quote opened on this line is still open at the end of the file");
    }
}

TEST_CASE("ingest::RowReader values are trimmed, missing markers empty, free text as exported", "[ingest]") {
    Rows rows(Kind::calls,
              "client,date,notes\n"
              " Acme\t, 2024-01-01 ,  spaced notes \n"
              "n/a, NULL ,?\n"
              "na,null, NA \n");
    RowReader& r = rows.row();
    CHECK(r.column("client") == 0);
    CHECK(r.column("notes") == 2);
    CHECK(r.column("direction") == -1);
    CHECK(r.value(0) == "Acme");
    CHECK(r.value(1) == "2024-01-01");
    CHECK(r.text(2) == "  spaced notes ");
    CHECK(r.value(2) == "spaced notes");
    CHECK(r.value(-1).empty());  // a field the file has no column for reads as empty
    CHECK(r.text(-1).empty());
    rows.row();
    CHECK(r.value(0).empty());
    CHECK(r.value(1).empty());
    CHECK(r.value(2).empty());
    rows.row();
    CHECK(r.value(0).empty());
    CHECK(r.value(1).empty());
    CHECK(r.text(2).empty());  // a marker is empty in free text too, spaces around it or not
}

TEST_CASE("ingest::RowReader::required: an empty client is a bad row", "[ingest]") {
    Rows rows(Kind::calls, "Customer,date\nA,2024-01-01\n,2024-01-01\n N/A ,2024-01-01\n");
    std::string_view client;
    RowReader& r = rows.row();
    CHECK(r.required(0, client));
    CHECK(client == "A");
    rows.row();
    CHECK_FALSE(r.required(0, client));
    rows.row();
    CHECK_FALSE(r.required(0, client));
    const ProblemLog& bad = rows.report.bad_rows;
    REQUIRE(bad.kept.size() == 2);
    CHECK(bad.kept[0].line == 3);
    CHECK(bad.kept[0].column == "Customer");  // the header as written, not the field
    CHECK(bad.kept[0].message == "is empty");
    CHECK(bad.kept[1].line == 4);
    CHECK(bad.kept[1].message == "\"N/A\" counts as empty");
}

TEST_CASE("ingest::RowReader timestamps, durations, directions and times of day", "[ingest]") {
    Rows rows(Kind::calls,
              "client,started,Duration (min),direction,time\n"
              "A,2024-03-04,1.5,Outbound,14:30\n"
              "A,2024-03-04 09:00,2:30,,10:00\n"
              "A,,abc,sideways,\n"
              "A,2024-13-01,-5,placed,25:99\n");
    RowReader& r = rows.row();
    std::optional<LocalDateTime> when;
    std::int64_t ms = -1;
    Direction direction = Direction::inbound;
    CHECK(r.timestamp(1, when));
    REQUIRE(when);
    CHECK(*when == LocalDateTime{day(2024, 3, 4), -1});
    CHECK(r.duration(2, ms));
    CHECK(ms == 90000);  // minutes, from the header's words
    CHECK(r.direction(3, direction));
    CHECK(direction == Direction::outbound);
    LocalDateTime dated = *when;
    CHECK(r.time_of_day(4, dated));
    CHECK(dated == LocalDateTime{day(2024, 3, 4), 14 * 3600 + 30 * 60});

    rows.row();
    LocalDateTime at_nine;
    CHECK(r.required_timestamp(1, at_nine));
    CHECK(at_nine == LocalDateTime{day(2024, 3, 4), 9 * 3600});
    CHECK(r.duration(2, ms));
    CHECK(ms == 150000);  // M:SS whatever the header says
    CHECK(r.direction(3, direction));
    CHECK(direction == Direction::inbound);  // empty is inbound
    CHECK(r.time_of_day(4, at_nine));
    CHECK(at_nine.seconds == 9 * 3600);  // a timestamp with its own time keeps it
    CHECK(rows.report.bad_rows.count == 0);

    rows.row();  // line 4: every cell bad or empty
    CHECK(r.timestamp(1, when));
    CHECK_FALSE(when);  // empty is no timestamp, and no problem
    LocalDateTime required;
    CHECK_FALSE(r.required_timestamp(1, required));
    CHECK_FALSE(r.duration(2, ms));
    CHECK_FALSE(r.direction(3, direction));
    LocalDateTime untouched{day(2024, 3, 4), -1};
    CHECK(r.time_of_day(4, untouched));
    CHECK_FALSE(untouched.has_time());

    rows.row();  // line 5
    CHECK_FALSE(r.timestamp(1, when));
    CHECK_FALSE(r.duration(2, ms));  // negative
    CHECK(r.direction(3, direction));
    CHECK(direction == Direction::outbound);
    LocalDateTime dated_only{day(2024, 3, 4), -1};
    CHECK_FALSE(r.time_of_day(4, dated_only));

    const std::vector<Problem>& bad = rows.report.bad_rows.kept;
    REQUIRE(bad.size() == 6);
    CHECK(bad[0].line == 4);
    CHECK(bad[0].column == "started");
    CHECK(bad[0].message == "is empty");
    CHECK(bad[1].column == "Duration (min)");
    CHECK(bad[1].message.rfind("\"abc\" ", 0) == 0);
    CHECK(bad[2].column == "direction");
    CHECK(bad[2].message.rfind("\"sideways\" ", 0) == 0);
    CHECK(bad[3].line == 5);
    CHECK(bad[3].message.rfind("\"2024-13-01\" ", 0) == 0);
    CHECK(bad[4].message.rfind("\"-5\" ", 0) == 0);
    CHECK(bad[5].column == "time");
    CHECK(bad[5].message.rfind("\"25:99\" ", 0) == 0);
    CHECK(rows.report.bad_rows.count == 6);
}

TEST_CASE("ingest::RowReader amounts, currencies and the disputed mark", "[ingest]") {
    Rows rows(Kind::invoices,
              "client,date,due,amount,currency,disputed\n"
              "A,2024-01-01,2024-01-31,\"1,200.50\",usd,yes\n"
              "A,2024-01-01,,(50),EUR,no\n"
              "A,2024-01-01,,,,\n"
              "A,2024-01-01,,10x,EURO,maybe\n");
    std::optional<Money> amount;
    std::string_view currency;
    bool disputed = false;
    RowReader& r = rows.row();
    CHECK(r.amount(3, amount));
    CHECK(amount == Money{12005000});
    CHECK(r.currency(4, currency));
    CHECK(currency == "USD");
    CHECK(r.disputed(5, disputed));
    CHECK(disputed);
    rows.row();
    CHECK(r.amount(3, amount));
    CHECK(amount == Money{-500000});  // parentheses are a negative amount
    CHECK(r.currency(4, currency));
    CHECK(currency == "EUR");
    CHECK(r.disputed(5, disputed));
    CHECK_FALSE(disputed);
    rows.row();
    CHECK(r.amount(3, amount));
    CHECK_FALSE(amount);
    CHECK(r.currency(4, currency));
    CHECK(currency.empty());
    CHECK(r.disputed(5, disputed));
    CHECK_FALSE(disputed);
    rows.row();
    CHECK_FALSE(r.amount(3, amount));
    CHECK_FALSE(r.currency(4, currency));
    CHECK_FALSE(r.disputed(5, disputed));
    CHECK(rows.report.bad_rows.count == 3);
    CHECK(rows.report.currencies == std::vector<std::string>{"EUR", "USD"});  // sorted, each once
    r.finish();
    CHECK(rows.report.decimal == ".");  // only 1,200.50 had a decimal separator
}

TEST_CASE("ingest::RowReader reads a comma as the decimal separator in a file delimited by semicolons", "[ingest]") {
    Rows rows(Kind::discounts, "client;date;amount\nA;2024-01-01;12,50\nA;2024-01-01;1.250,00\n");
    std::optional<Money> amount;
    RowReader& r = rows.row();
    CHECK(r.amount(2, amount));
    CHECK(amount == Money{125000});
    rows.row();
    CHECK(r.amount(2, amount));
    CHECK(amount == Money{12500000});
    r.finish();
    CHECK(rows.report.decimal == ",");
}

TEST_CASE("ingest::RowReader discount statuses", "[ingest]") {
    Rows rows(Kind::discounts, "client,date,amount,state\nA,2024-01-01,5,Pending\nA,2024-01-01,5,\nA,2024-01-01,5,maybe\n");
    DiscountStatus status = DiscountStatus::denied;
    std::string_view text;
    RowReader& r = rows.row();
    CHECK(r.discount_status(3, status, text));
    CHECK(status == DiscountStatus::requested);
    CHECK(text == "Pending");
    rows.row();
    CHECK(r.discount_status(3, status, text));
    CHECK(status == DiscountStatus::granted);  // empty is granted
    rows.row();
    CHECK_FALSE(r.discount_status(3, status, text));
    REQUIRE(rows.report.bad_rows.kept.size() == 1);
    CHECK(rows.report.bad_rows.kept[0].column == "state");
}

TEST_CASE("ingest::RowReader::bad names the header of the column, or none", "[ingest]") {
    Rows rows(Kind::calls, "Account,date\nA,2024-01-01\n");
    RowReader& r = rows.row();
    r.bad(0, "looks wrong");
    r.bad(-1, "the whole row is wrong");
    const std::vector<std::string> warnings = rows.report.bad_rows.warnings("calls.csv");
    CHECK(warnings == std::vector<std::string>{"calls.csv:2: column \"Account\": looks wrong",
                                               "calls.csv:2: the whole row is wrong"});
}

TEST_CASE("ingest::RowReader under --strict: the first bad row is an input error", "[ingest]") {
    ReadSettings strict;
    strict.strict = true;
    SECTION("a field count") {
        Rows rows(Kind::calls, "client,date\nA,2024-01-01\nB\n", strict);
        REQUIRE(rows.reader.next());
        CHECK_THROWS_WITH(rows.reader.next(), "has 1 field, the header has 2");
    }
    SECTION("a cell") {
        Rows rows(Kind::calls, "client,date\n,2024-01-01\n", strict);
        std::string_view client;
        RowReader& r = rows.row();
        try {
            r.required(0, client);
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.located_message() == "calls.csv:2: column \"client\": is empty");
        }
    }
}

TEST_CASE("ingest::RowReader settles the date order from the date columns only", "[ingest]") {
    SECTION("a later row settles an ambiguous first date: the file is scanned") {
        Rows rows(Kind::calls, "client,date\nA,03/04/2024\nA,1/31/2024\n");
        std::optional<LocalDateTime> when;
        RowReader& r = rows.row();
        CHECK(r.timestamp(1, when));
        CHECK(when->date == day(2024, 3, 4));
        rows.row();
        CHECK(r.timestamp(1, when));
        CHECK(when->date == day(2024, 1, 31));
        r.finish();
        CHECK(rows.report.date_order == "mdy");
    }
    SECTION("a slash date in a column that is no date field settles nothing") {
        Rows rows(Kind::calls, "client,date,notes\nA,03/04/2024,13/01/2024\n");
        std::optional<LocalDateTime> when;
        RowReader& r = rows.row();
        CHECK_THROWS_AS(r.timestamp(1, when), InputError);
    }
    SECTION("no slash date: no order to report") {
        Rows rows(Kind::calls, "client,date\nA,2024-01-01\n");
        std::optional<LocalDateTime> when;
        RowReader& r = rows.row();
        CHECK(r.timestamp(1, when));
        r.finish();
        CHECK(rows.report.date_order.empty());
        CHECK(rows.report.decimal.empty());
    }
}

TEST_CASE("ingest::read_export bad rows are counted and reported", "[ingest]") {
    std::string text = "client,date,duration,direction\n";
    text += "A,2024-01-02,60,in\n";                    // 2
    text += "A,2024-01-32,60,in\n";                    // 3 bad date
    text += "A,2024-01-02,abc,in\n";                   // 4 bad duration
    text += "A,2024-01-02,60,sideways\n";              // 5 bad direction
    text += ",2024-01-02,60,in\n";                     // 6 empty client
    text += "N/A,2024-01-02,60,in\n";                  // 7 missing marker client
    text += "A,\"2024-01-02\n\",60\n";                 // 8-9 wrong field count, after a quoted break
    text += ",,,\n";                                   // 10 blank: ignored
    text += "A,2024-01-03,60,out,extra\n";             // 11 wrong field count
    text += "B,2024-01-04,,\n";                        // 12 good
    const Read r = read_text("calls.csv", Kind::calls, text);
    CHECK(r.got.contacts.size() == 2);
    CHECK(r.report.rows == 9);
    CHECK(r.report.bad_rows.count == 7);
    REQUIRE(r.report.bad_rows.kept.size() == 7);
    CHECK(r.report.bad_rows.kept[0].line == 3);
    CHECK(r.report.bad_rows.kept[0].column == "date");
    CHECK(r.report.bad_rows.kept[0].message.rfind("\"2024-01-32\" ", 0) == 0);
    CHECK(r.report.bad_rows.kept[1].line == 4);
    CHECK(r.report.bad_rows.kept[1].column == "duration");
    CHECK(r.report.bad_rows.kept[2].column == "direction");
    CHECK(r.report.bad_rows.kept[3].line == 6);
    CHECK(r.report.bad_rows.kept[3].message == "is empty");
    CHECK(r.report.bad_rows.kept[4].message == "\"N/A\" counts as empty");
    CHECK(r.report.bad_rows.kept[5].line == 8);
    CHECK(r.report.bad_rows.kept[5].column.empty());
    CHECK(r.report.bad_rows.kept[5].message == "has 3 fields, the header has 4");
    CHECK(r.report.bad_rows.kept[6].line == 11);
    CHECK(r.got.contacts[1].line == 12);
    const std::vector<std::string> warnings = r.report.bad_rows.warnings("calls.csv");
    REQUIRE(warnings.size() == 7);
    CHECK(warnings[0].rfind("calls.csv:3: column \"date\": \"2024-01-32\" ", 0) == 0);
    CHECK(warnings[5] == "calls.csv:8: has 3 fields, the header has 4");
}

TEST_CASE("ingest::read_export decimal setting", "[ingest]") {
    const std::string text = "client,date,amount\nA,2024-01-01,\"1,5\"\nA,2024-01-01,2.5\n";
    const Read dot = read_text("discounts.csv", Kind::discounts, text);
    CHECK(dot.report.bad_rows.count == 1);  // `1,5` with `.` decimal: a bad thousands group
    ReadSettings comma;
    comma.decimal = DecimalMode::comma;
    const Read c = read_text("discounts.csv", Kind::discounts, text, comma);
    REQUIRE(c.got.discounts.size() == 1);
    CHECK(c.got.discounts[0].amount == 15000);
    const Read mixed = read_text("discounts.csv", Kind::discounts,
                                 "client,date,amount\nA,2024-01-01,\"1.000,5\"\nA,2024-01-01,2.5\n");
    CHECK(mixed.report.decimal == "mixed");
}

TEST_CASE("ingest::RowReader timestamps: month names in any file, --date-format first (SPEC ◆7)", "[ingest]") {
    SECTION("the built-in month-name forms are generic, not a preset's") {
        const Read r = read_text("calls.csv", Kind::calls,
                                 "client,started_at\n"
                                 "A,15 Jul 2026\n"
                                 "A,\"July 15, 2026 3:05 PM\"\n"
                                 "A,Tue Oct 31 22:10:47 +0000 2017\n"
                                 "A,Foo 15 2026\n");
        REQUIRE(r.got.contacts.size() == 3);
        CHECK(r.got.contacts[0].when == LocalDateTime{day(2026, 7, 15), -1});
        CHECK(r.got.contacts[1].when == LocalDateTime{day(2026, 7, 15), 15 * 3600 + 5 * 60});
        CHECK(r.got.contacts[2].when == LocalDateTime{day(2017, 10, 31), 22 * 3600 + 10 * 60 + 47});
        REQUIRE(r.report.bad_rows.count == 1);
        CHECK(r.report.bad_rows.kept[0].line == 5);
        CHECK(r.report.bad_rows.kept[0].message ==
              "\"Foo 15 2026\" is not a date (closest form: Mon D, YYYY [H:MM[:SS]] [AM|PM]; --date-format reads "
              "any other)");
    }
    SECTION("formats are tried in order before the built-in forms, on every date column") {
        ReadSettings settings;
        settings.date_formats.push_back(*DateFormat::compile("%d-%b-%y %H:%M"));
        settings.date_formats.push_back(*DateFormat::compile("%Y%m%d"));
        const Read r = read_text("invoices.csv", Kind::invoices,
                                 "client,issued_at,due_at,paid_at,amount\n"
                                 "A,1-Sep-26 01:11,20261001,2026-10-02,10.00\n"
                                 "B,2026-09-01,20260931,,10.00\n"
                                 "C,31-Feb-26 10:00,2026-10-01,,10.00\n",
                                 settings);
        REQUIRE(r.got.invoices.size() == 1);
        CHECK(r.got.invoices[0].issued == LocalDateTime{day(2026, 9, 1), 3600 + 11 * 60});
        CHECK(r.got.invoices[0].due == day(2026, 10, 1));
        CHECK(r.got.invoices[0].paid == day(2026, 10, 2));  // the built-in form, after the formats
        REQUIRE(r.report.bad_rows.count == 2);
        // In a format's form but no real day: bad, not handed on to the built-in forms.
        CHECK(r.report.bad_rows.kept[0].message == "\"20260931\" is not a date (no such day)");
        CHECK(r.report.bad_rows.kept[0].column == "due_at");
        CHECK(r.report.bad_rows.kept[1].message == "\"31-Feb-26 10:00\" is not a date (no such day)");
    }
    SECTION("a format's %z offset is converted like any other") {
        ReadSettings settings;
        settings.date_formats.push_back(*DateFormat::compile("%d.%m.%Y %H:%M %z"));
        settings.time_zone = LocalTimeConverter("UTC");
        const Read r = read_text("calls.csv", Kind::calls, "client,started_at\nA,15.07.2026 10:00 +02:00\n", settings);
        REQUIRE(r.got.contacts.size() == 1);
        CHECK(r.got.contacts[0].when == LocalDateTime{day(2026, 7, 15), 8 * 3600});
    }
    SECTION("the values test of an alias (SPEC ◆5) knows the formats") {
        // `date` is an alias of started_at: without the format its values fit no form and the
        // column is passed over, leaving started_at unmatched.
        const std::string text = "client,date\nA,Day 3 of 10 2026\nB,Day 4 of 10 2026\n";
        CHECK(input_error("calls.csv", Kind::calls, text).find("passed over \"date\"") != std::string::npos);
        ReadSettings settings;
        settings.date_formats.push_back(*DateFormat::compile("Day %d of %m %Y"));
        const Read r = read_text("calls.csv", Kind::calls, text, settings);
        REQUIRE(r.got.contacts.size() == 2);
        CHECK(r.got.contacts[1].when.date == day(2026, 10, 4));
    }
}

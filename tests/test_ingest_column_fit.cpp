// SPEC §2 ◆5 (src/ingest/header/column_fit.cpp): a column an alias found must fit the field by
// its values, or it is passed over for the next alias; the field's own name and --map are
// taken at their word. Through read_export, as a file is read.

#include <catch2/catch.hpp>

#include <string>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "read_export_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::read_fixtures;

namespace {

std::string mapped_to(const FileReport& report, const std::string& field) {
    for (const auto& [f, column] : report.mapping) {
        if (f == field) {
            return column;
        }
    }
    return "(none)";
}

}  // namespace

TEST_CASE("ingest::ColumnFit passes over a money column the alias paid names", "[ingest]") {
    const Read r = read_text("invoices.csv", Kind::invoices,
                             "client,date,due,Paid,Paid Date,total\n"
                             "A,2026-09-01,2026-09-30,$5.01,2026-09-20,5.01\n"
                             "B,2026-09-02,2026-09-30,$7.00,,7.00\n");
    CHECK(mapped_to(r.report, "paid_at") == "Paid Date");
    REQUIRE(r.report.passed_over.size() == 1);
    CHECK(r.report.passed_over[0].field == "paid_at");
    CHECK(r.report.passed_over[0].column == "Paid");
    CHECK(r.report.passed_over[0].why == "\"$5.01\" is not a date (0 of 2 values are)");
    REQUIRE(r.got.invoices.size() == 2);
    CHECK(r.got.invoices[0].paid == day(2026, 9, 20));
    CHECK_FALSE(r.got.invoices[1].paid.has_value());
    CHECK(r.report.bad_rows.count == 0);
}

TEST_CASE("ingest::ColumnFit passes over a US-state column as a discount status", "[ingest]") {
    const Read r = read_text("discounts.csv", Kind::discounts,
                             "customer,date,discount,State\n"
                             "A,2026-09-01,10,Kentucky\n"
                             "B,2026-09-02,20,Ohio\n"
                             "C,2026-09-03,30,granted\n");
    CHECK(mapped_to(r.report, "status") == "(none)");
    REQUIRE(r.report.passed_over.size() == 1);
    CHECK(r.report.passed_over[0].why == "\"Kentucky\" is not a discount status (1 of 3 values are)");
    REQUIRE(r.got.discounts.size() == 3);  // no status column: every discount is granted
    CHECK(r.got.discounts[0].status == DiscountStatus::granted);

    SECTION("--map takes the column at its word: its values are bad rows") {
        ReadSettings s;
        s.mappings.push_back(FieldMapping{Kind::discounts, "status", "State"});
        const Read mapped = read_text("discounts.csv", Kind::discounts,
                                      "customer,date,discount,State\nA,2026-09-01,10,Kentucky\nC,2026-09-03,30,granted\n", s);
        CHECK(mapped.report.passed_over.empty());
        CHECK(mapped.report.bad_rows.count == 1);
    }
}

TEST_CASE("ingest::ColumnFit passes over a time-only column for the start date beside it", "[ingest]") {
    const Read r = read_text("calls.csv", Kind::calls,
                             "Account,Start time,Start date,Duration\n"
                             "A,10:23:00,2026-09-01,60\n"
                             "A,11:00:00,2026-09-02,60\n");
    CHECK(mapped_to(r.report, "started_at") == "Start date");
    REQUIRE(r.report.passed_over.size() == 1);
    CHECK(r.report.passed_over[0].column == "Start time");
    REQUIRE(r.got.contacts.size() == 2);
    CHECK(r.got.contacts[1].when.date == day(2026, 9, 2));
    // ...and the date-only start takes its time of day from that column (SPEC §2 ◆5).
    CHECK(r.got.contacts[0].when.seconds == 10 * 3600 + 23 * 60);
    CHECK(r.got.contacts[1].when.seconds == 11 * 3600);
    CHECK(mapped_to(r.report, "started_at time") == "Start time");
}

TEST_CASE("ingest::ColumnFit keeps a column when half its values fit, and judges the first 100", "[ingest]") {
    SECTION("two of four dates: kept, the others are bad rows") {
        const Read r = read_text("calls.csv", Kind::calls,
                                 "client,date\nA,2026-09-01\nA,soon\nA,2026-09-02\nA,later\n");
        CHECK(mapped_to(r.report, "started_at") == "date");
        CHECK(r.report.bad_rows.count == 2);
    }
    SECTION("one of four: passed over, and with no other column the field is missing") {
        const std::string message =
            input_error("calls.csv", Kind::calls, "client,date\nA,2026-09-01\nA,soon\nA,later\nA,never\n");
        CHECK(message.find("no column for the required calls field \"started_at\"") != std::string::npos);
        CHECK(message.find("passed over \"date\": \"soon\" is not a date (1 of 4 values are)") != std::string::npos);
    }
    SECTION("the field's own name is never passed over") {
        const Read r = read_text("calls.csv", Kind::calls, "client,started_at\nA,soon\nA,later\nA,2026-09-02\n");
        CHECK(mapped_to(r.report, "started_at") == "started_at");
        CHECK(r.report.bad_rows.count == 2);
    }
    SECTION("empty cells and missing markers are not values; only the first 100 count") {
        std::string text = "client,date\nA,\nA,N/A\n";
        for (int i = 0; i < 100; ++i) {
            text += "A,2026-09-01\n";
        }
        for (int i = 0; i < 150; ++i) {
            text += "A,soon\n";
        }
        const Read r = read_text("calls.csv", Kind::calls, text);
        CHECK(mapped_to(r.report, "started_at") == "date");
        CHECK(r.report.bad_rows.count == 152);
    }
}

TEST_CASE("ingest::match_header names every missing required field in one error", "[ingest]") {
    const std::string message = input_error("invoices.csv", Kind::invoices, "customer,total\nA,5\n");
    CHECK(message.find("no column for the required invoices fields \"issued_at\" (tried: issued_at, date, ") !=
          std::string::npos);
    CHECK(message.find(") and \"due_at\" (tried: due_at, due, due_date, payment_due)") != std::string::npos);
    CHECK(message.find("--map invoices.issued_at=HEADER --map invoices.due_at=HEADER") != std::string::npos);
}

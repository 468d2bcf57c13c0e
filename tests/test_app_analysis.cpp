// analyse (src/app/analysis.cpp): ingest → aggregate → measure → rank over a folder of
// exports, the data supplied, the period from the activity, and one problem log per file.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/analysis.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

// Twelve bad rows in one invoices file, alternating between the two stages that find them:
// lines 3, 5, ..., 13 have a date that is not a date (found reading), lines 4, 6, ..., 14 are
// lines of invoice INV1 for client B while its first line (2) is client A's (found by the
// aggregator, SPEC §2 "a later line with another client or currency is a bad row").
std::string invoices_with_both_kinds_of_bad_rows() {
    std::string text = "client,invoice_id,issued_at,due_at,amount\nA,INV1,2026-09-01,2026-09-30,100.00\n";
    for (int i = 0; i < 6; ++i) {
        text += "A,X" + std::to_string(i) + ",not a date,2026-09-30,10.00\n";
        text += "B,INV1,2026-09-02,2026-09-30,5.00\n";
    }
    return text;
}

const FileReport& report_named(const Analysis& a, const std::string& name) {
    for (const FileReport& r : a.reports) {
        if (r.file.display_name == name) {
            return r;
        }
    }
    FAIL("no report for " << name);
    return a.reports.front();
}

}  // namespace

TEST_CASE("app::analyse keeps one problem log per file for bad rows of ingest and the aggregator", "[app]") {
    ExportFolder dir({{"invoices.csv", invoices_with_both_kinds_of_bad_rows()}});
    SeenWarnings seen;
    // 12 of 13 rows are bad: past the default limit, so the limit is lifted to look at them.
    const Analysis a = analyse(options_for({"rank", dir.path(), "--max-bad-rows", "100%"}), std::nullopt, seen.sink());

    const FileReport& invoices = report_named(a, "invoices.csv");
    CHECK(invoices.bad_rows.count == 12);
    CHECK(invoices.rows == 13);
    // The ten warned rows are the first ten by line, whichever stage found them.
    REQUIRE(a.warnings.size() == 11);
    for (int i = 0; i < 10; ++i) {
        const int line = 3 + i;
        const std::string column = line % 2 == 1 ? "issued_at" : "client";
        CAPTURE(i);
        CHECK(a.warnings[static_cast<std::size_t>(i)].rfind(
                  "clientscore: invoices.csv:" + std::to_string(line) + ": column \"" + column + "\": ", 0) == 0);
    }
    CHECK(a.warnings[10] == "clientscore: invoices.csv: 2 more bad rows skipped");
    CHECK(lines_starting(a.warnings, "clientscore: invoices.csv: ") == 1);
    CHECK(seen.lines == a.warnings);

    // Only INV1's first line counts: B has no counted invoice and is not listed.
    REQUIRE(a.ranking.clients.size() == 1);
    const ClientResult row = client_row(a, 0);
    CHECK(row.client == "A");
    CHECK(row.metrics.invoices == 1);
    CHECK(row.metrics.billed == Approx(100.0));
}

TEST_CASE("app::analyse counts both kinds of bad rows in the report's skipped_rows", "[app]") {
    ExportFolder dir({{"invoices.csv", invoices_with_both_kinds_of_bad_rows()},
                      {"calls.csv", "client,started_at\nA,2026-09-01 10:00\nA,yesterday\n"}});
    const RunResult r = run_clientscore({"rank", dir.path(), "--max-bad-rows", "12", "--format", "json"});
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["skipped_rows"]["invoices.csv"] == 12);
    CHECK(report["skipped_rows"]["calls.csv"] == 1);
    const std::vector<std::string> err = lines_of(r.err);
    CHECK(lines_starting(err, "clientscore: invoices.csv:") == 11);  // ten rows and the count
    CHECK(lines_starting(err, "clientscore: invoices.csv: ") == 1);
    CHECK(std::count(err.begin(), err.end(), "clientscore: invoices.csv: 2 more bad rows skipped") == 1);
    CHECK(lines_starting(err, "clientscore: calls.csv:3: column \"started_at\"") == 1);
    CHECK(err.size() == 12);
}

TEST_CASE("app::analyse counts a currency clash between invoice lines as a bad row of that file", "[app]") {
    // Reported in EUR with a USD rate, so that the clashing line's currency is no error of its own.
    ExportFolder dir({{"invoices.csv",
                       "client,invoice_id,issued_at,due_at,amount,currency\n"
                       "A,INV1,2026-09-01,2026-09-30,100.00,EUR\n"
                       "A,INV1,2026-09-01,2026-09-30,50.00,USD\n"
                       "A,INV1,2026-09-01,2026-09-30,25.00,\n"},  // empty: agrees with any line
                      {"rates.csv", "currency,rate\nUSD,0.9\n"}});
    SeenWarnings seen;
    const Analysis a = analyse(options_for({"rank", "--invoices", dir / "invoices.csv", "--fx", dir / "rates.csv",
                                            "--currency", "EUR"}),
                               std::nullopt, seen.sink());
    CHECK(report_named(a, "invoices.csv").bad_rows.count == 1);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0].rfind("clientscore: invoices.csv:3: column \"currency\": ", 0) == 0);
    REQUIRE(a.ranking.clients.size() == 1);
    CHECK(client_row(a, 0).metrics.billed == Approx(125.0));  // lines 2 and 4 add up, line 3 does not
    CHECK(a.settings.currency == "EUR");
}

TEST_CASE("app::analyse says which data was supplied", "[app]") {
    SECTION("calls without tags") {
        ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}});
        const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
        CHECK(a.supplied.contacts);
        CHECK_FALSE(a.supplied.invoices);
        CHECK_FALSE(a.supplied.discounts);
        CHECK_FALSE(a.supplied.hostility);
    }
    SECTION("invoices with a disputed column, discounts") {
        ExportFolder dir({{"invoices.csv", "client,issued_at,due_at,amount,disputed\nA,2026-09-01,2026-09-30,10,no\n"},
                          {"discounts.csv", "client,granted_at,amount\nA,2026-09-02,5\n"}});
        const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
        CHECK_FALSE(a.supplied.contacts);
        CHECK(a.supplied.invoices);
        CHECK(a.supplied.discounts);
        CHECK(a.supplied.hostility);
    }
    SECTION("emails with tags") {
        ExportFolder dir({{"emails.csv", "client,sent_at,tags\nA,2026-09-01 10:00,\n"}});
        const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
        CHECK(a.supplied.contacts);
        CHECK(a.supplied.hostility);
    }
}

TEST_CASE("app::analyse takes the period from the activity and ranks the clients", "[app]") {
    // Events from 2026-09-03 to 2026-09-20; the invoice inside that span, due on 2026-09-10.
    ExportFolder dir({{"calls.csv",
                       "client,started_at,tags\n"
                       "A,2026-09-03 10:00,\n"
                       "B,2026-09-20 23:00,threat\n"
                       "B,2026-09-20 23:30,threat\n"},
                      {"invoices.csv", "client,issued_at,due_at,amount\nA,2026-09-05,2026-09-10,100\n"}});
    const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
    CHECK(format_date(a.settings.period.from) == "2026-09-03");
    CHECK(format_date(a.settings.period.to) == "2026-09-20");
    CHECK(format_date(a.settings.period.as_of) == "2026-09-20");
    CHECK(a.context.period.from == a.settings.period.from);
    CHECK(a.context.period.to == a.settings.period.to);
    CHECK(a.warnings.empty());
    // B: after hours and hostile; A: one call in business hours. B ranks first.
    REQUIRE(a.ranking.clients.size() == 2);
    CHECK(client_row(a, 0).client == "B");
    CHECK(client_row(a, 0).rank == 1);
    CHECK(client_row(a, 1).client == "A");
    CHECK(client_row(a, 1).rank == 2);
    CHECK(client_row(a, 1).metrics.overdue == Approx(100.0));
    CHECK(client_row(a, 1).metrics.avg_days_late == Approx(10.0));  // 2026-09-20 - 2026-09-10
}

TEST_CASE("app::analyse warns when nothing is dated in the period", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}});
    SeenWarnings seen;
    const Analysis a =
        analyse(options_for({"rank", dir.path(), "--from", "2026-10-01", "--to", "2026-10-31"}), std::nullopt,
                seen.sink());
    CHECK(a.ranking.clients.empty());
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0] ==
          "clientscore: warning: no call, email, time entry, invoice or discount is dated in the period 2026-10-01 to "
          "2026-10-31; only clients with open receivables are listed");
    CHECK(seen.lines == a.warnings);
}

TEST_CASE("app::analyse reads the clients file first so that names resolve to ids", "[app]") {
    ExportFolder dir({{"clients.csv", "client,name\nC1,Acme Ltd\n"},
                      {"calls.csv", "client,started_at\nAcme Ltd,2026-09-01 10:00\nC1,2026-09-01 11:00\n"}});
    const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
    REQUIRE(a.ranking.clients.size() == 1);
    const ClientResult row = client_row(a, 0);
    CHECK(row.client == "C1");
    CHECK(row.name == std::optional<std::string>("Acme Ltd"));
    CHECK(row.metrics.calls == 2);
}

TEST_CASE("app::analyse with a focus keeps that client's events", "[app]") {
    ExportFolder dir({{"clients.csv", "client,name\nC1,Acme Ltd\n"},
                      {"calls.csv", "client,started_at\nC1,2026-09-01 10:00\nC2,2026-09-01 11:00\n"}});
    const Analysis a = analyse(options_for({"explain", "Acme Ltd", dir.path()}), std::string("Acme Ltd"), {});
    REQUIRE(a.aggregator);
    CHECK(a.aggregator->focus_events().size() == 1);  // C1's call, not C2's
}

TEST_CASE("app::analyse throws InputError for a folder without exports", "[app]") {
    ExportFolder dir({{"README.md", "nothing to read\n"}});
    CHECK_THROWS_AS(analyse(options_for({"rank", dir.path()}), std::nullopt, {}), InputError);
}

TEST_CASE("app::analyse throws InputError under --strict for an invoice line of another client", "[app]") {
    ExportFolder dir({{"invoices.csv",
                       "client,invoice_id,issued_at,due_at,amount\n"
                       "A,INV1,2026-09-01,2026-09-30,100.00\n"
                       "B,INV1,2026-09-01,2026-09-30,5.00\n"}});
    try {
        analyse(options_for({"rank", dir.path(), "--strict"}), std::nullopt, {});
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.where().file == "invoices.csv");
        CHECK(e.where().line == 3);
        CHECK(e.where().column == "client");
    }
}

TEST_CASE("app::analyse warns about every file of DIR it does not read", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"},
                      {"invoices.xls", "binary"},
                      {"export-2026-10.csv", "total,amount\nA,39000\n"},
                      {"readme.md", "not a table"}});
    const RunResult r = run_clientscore({"rank", dir.path(), "--format", "csv"});
    REQUIRE(r.status == 0);
    const std::vector<std::string> err = lines_of(r.err);
    REQUIRE(err.size() == 2);
    CHECK(err[0] == "clientscore: warning: " + dir.path() + "/export-2026-10.csv: not read; neither its name nor its "
                    "header says its kind (calls, emails, contacts, time, invoices, discounts, clients): rename it, or "
                    "give it with --calls FILE, --invoices FILE, ...");
    CHECK(err[1] == "clientscore: warning: " + dir.path() + "/invoices.xls: not read; only CSV, TSV and TXT files "
                    "(also gzipped) and .xlsx workbooks are read: save it as CSV or .xlsx");
    // The same lines in JSON, so cron mail and dashboards see them too.
    const RunResult j = run_clientscore({"rank", dir.path(), "--format", "json", "--quiet"});
    CHECK(json::parse(j.out)["warnings"].size() == 2);
}

// run_check (src/app/check_report.cpp): every export read as rank reads it, the aggregator's
// bad rows included; file-level errors collected, not thrown.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/analysis.hpp"
#include "app_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;

namespace {

// Invoice INV1's first line is client A's; lines 3 and 4 give it to B and C.
const std::string k_conflicting_invoices =
    "client,invoice_id,issued_at,due_at,amount\n"
    "A,INV1,2026-09-01,2026-09-30,100.00\n"
    "B,INV1,2026-09-01,2026-09-30,5.00\n"
    "C,INV1,2026-09-02,2026-10-30,5.00\n"
    "A,INV2,2026-09-03,2026-09-30,7.00\n";

const FileReport* file_named(const CheckReport& c, const std::string& name) {
    for (const FileReport& f : c.files) {
        if (f.file.display_name == name) {
            return &f;
        }
    }
    return nullptr;
}

bool has_problem(const FileReport& f, std::int64_t line, const std::string& column) {
    return std::any_of(f.bad_rows.kept.begin(), f.bad_rows.kept.end(),
                       [&](const Problem& p) { return p.line == line && p.column == column; });
}

}  // namespace

TEST_CASE("app::run_check reports invoice-line conflicts as problems of their file", "[app]") {
    ExportFolder dir({{"invoices.csv", k_conflicting_invoices}});
    SeenWarnings seen;
    const CheckReport c = run_check(options_for({"check", dir.path()}), seen.sink());
    CHECK(c.ok);
    CHECK(c.errors.empty());
    const FileReport* f = file_named(c, "invoices.csv");
    REQUIRE(f != nullptr);
    CHECK(f->rows == 4);
    CHECK(f->bad_rows.count == 2);
    CHECK(has_problem(*f, 3, "client"));
    CHECK(has_problem(*f, 4, "client"));
    // The same warning lines as rank prints.
    REQUIRE(seen.lines.size() == 2);
    CHECK(seen.lines[0].rfind("clientscore: invoices.csv:3: column \"client\": ", 0) == 0);
    CHECK(seen.lines[1].rfind("clientscore: invoices.csv:4: column \"client\": ", 0) == 0);
}

TEST_CASE("app::check sees the invoice-line conflicts that rank --strict exits on", "[app]") {
    ExportFolder dir({{"invoices.csv", k_conflicting_invoices}});
    const RunResult strict = run_clientscore({"rank", dir.path(), "--strict"});
    CHECK(strict.status == 3);
    CHECK(strict.err.rfind("clientscore: invoices.csv:3: column \"client\": ", 0) == 0);

    const RunResult check = run_clientscore({"check", dir.path(), "--format", "json"});
    REQUIRE(check.status == 0);
    const json report = json::parse(check.out);
    CHECK(report["ok"] == true);
    REQUIRE(report["files"].size() == 1);
    const json& file = report["files"][0];
    CHECK(file["skipped"] == 2);
    REQUIRE(file["problems"].size() == 2);
    CHECK(file["problems"][0]["line"] == 3);
    CHECK(file["problems"][0]["column"] == "client");
    CHECK(file["problems"][1]["line"] == 4);
    CHECK(file["problems"][1]["column"] == "client");

    // check --strict is not OK on the same file, and exits as rank --strict does.
    const RunResult check_strict = run_clientscore({"check", dir.path(), "--strict", "--format", "json"});
    CHECK(check_strict.status == 3);
    CHECK(json::parse(check_strict.out)["ok"] == false);
    CHECK(check_strict.err.find("invoices.csv:3: column \"client\"") != std::string::npos);
}

TEST_CASE("app::run_check counts bad rows of ingest and the aggregator in one log per file", "[app]") {
    std::string invoices = "client,invoice_id,issued_at,due_at,amount\nA,INV1,2026-09-01,2026-09-30,100.00\n";
    for (int i = 0; i < 15; ++i) {
        invoices += i % 2 == 0 ? "A,X" + std::to_string(i) + ",2026-09-01,2026-09-30,lots\n"
                               : std::string("B,INV1,2026-09-01,2026-09-30,1.00\n");
    }
    ExportFolder dir({{"invoices.csv", invoices}});
    SeenWarnings seen;
    const CheckReport c = run_check(options_for({"check", dir.path()}), seen.sink());
    const FileReport* f = file_named(c, "invoices.csv");
    REQUIRE(f != nullptr);
    CHECK(f->bad_rows.count == 15);
    CHECK(f->bad_rows.kept.size() == 15);
    CHECK(has_problem(*f, 3, "amount"));
    CHECK(has_problem(*f, 4, "client"));
    CHECK(seen.lines.size() == 11);
    CHECK(seen.lines.back() == "clientscore: invoices.csv: 5 more bad rows skipped");
}

TEST_CASE("app::run_check goes on reading after a file that cannot be read", "[app]") {
    ExportFolder dir({{"calls.csv", "client,when\nA,2026-09-01 10:00\n"},  // no started_at
                      {"emails.csv", "client,sent_at\nA,2026-09-01 10:00\nA,not a date\n"}});
    const CheckReport c = run_check(options_for({"check", dir.path()}), {});
    CHECK_FALSE(c.ok);
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].rfind("calls.csv", 0) == 0);
    const FileReport* calls = file_named(c, "calls.csv");
    REQUIRE(calls != nullptr);
    REQUIRE(calls->bad_rows.kept.size() == 1);  // the file's error, as its problem
    const FileReport* emails = file_named(c, "emails.csv");
    REQUIRE(emails != nullptr);
    CHECK(emails->rows == 2);
    CHECK(emails->bad_rows.count == 1);
    CHECK(has_problem(*emails, 3, "sent_at"));
}

TEST_CASE("app::run_check reports mixed currencies without --fx as an error, not a throw", "[app]") {
    ExportFolder dir({{"invoices.csv",
                       "client,issued_at,due_at,amount,currency\n"
                       "A,2026-09-01,2026-09-30,100.00,EUR\n"
                       "B,2026-09-01,2026-09-30,100.00,USD\n"}});
    const CheckReport c = run_check(options_for({"check", dir.path()}), {});
    CHECK_FALSE(c.ok);
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].find("mix currencies (EUR, USD)") != std::string::npos);
    const FileReport* f = file_named(c, "invoices.csv");
    REQUIRE(f != nullptr);
    CHECK(f->currencies == std::vector<std::string>{"EUR", "USD"});
}

TEST_CASE("app::run_check accepts mixed currencies with --fx and --currency", "[app]") {
    ExportFolder dir({{"invoices.csv",
                       "client,issued_at,due_at,amount,currency\n"
                       "A,2026-09-01,2026-09-30,100.00,EUR\n"
                       "B,2026-09-01,2026-09-30,100.00,USD\n"},
                      {"rates.csv", "currency,rate\nUSD,0.9\n"}});
    const CheckReport ok =
        run_check(options_for({"check", dir.path(), "--fx", dir / "rates.csv", "--currency", "EUR"}), {});
    CHECK(ok.ok);
    CHECK(ok.errors.empty());
    const CheckReport no_rate =
        run_check(options_for({"check", dir.path(), "--fx", dir / "rates.csv", "--currency", "GBP"}), {});
    CHECK_FALSE(no_rate.ok);
    REQUIRE(no_rate.errors.size() == 1);
    CHECK(no_rate.errors[0].find("no rate for EUR") != std::string::npos);
}

TEST_CASE("app::run_check passes on the files that match a kind but are not read", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}, {"invoices.xls", "binary"}});
    const CheckReport c = run_check(options_for({"check", dir.path()}), {});
    CHECK(c.ok);
    REQUIRE(c.not_read.size() == 1);
    CHECK(c.not_read[0].path.find("invoices.xls") != std::string::npos);
    CHECK(c.not_read[0].why.find("save it as CSV") != std::string::npos);
    REQUIRE(c.files.size() == 1);
    CHECK(c.files[0].file.kind == Kind::calls);
}

TEST_CASE("app::run_check reports an unreadable holidays file as an error", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}});
    const CheckReport c = run_check(options_for({"check", dir.path(), "--holidays", dir / "no-such.csv"}), {});
    CHECK_FALSE(c.ok);
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].find("no-such.csv") != std::string::npos);
}

TEST_CASE("app::check validates a single export of any kind, and names the columns it passed over", "[app]") {
    ExportFolder dir({{"discounts.csv", "customer,date,discount,State\nA,2026-09-01,10,Kentucky\nB,2026-09-02,20,Ohio\n"}});
    const RunResult r =
        run_clientscore({"check", "--discounts", dir.path() + "/discounts.csv", "--format", "json"});
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["ok"] == true);
    REQUIRE(report["files"].size() == 1);
    const json& passed = report["files"][0]["passed_over"];
    REQUIRE(passed.size() == 1);
    CHECK(passed[0]["field"] == "status");
    CHECK(passed[0]["column"] == "State");
    CHECK(passed[0]["why"] == "\"Kentucky\" is not a discount status (0 of 2 values are)");
    // rank still needs activity to report on.
    CHECK(run_clientscore({"rank", "--discounts", dir.path() + "/discounts.csv"}).status == 3);
    const RunResult table = run_clientscore({"check", "--discounts", dir.path() + "/discounts.csv"});
    CHECK(table.out.find("passed over  status ✗ State: \"Kentucky\" is not a discount status") != std::string::npos);
}

TEST_CASE("app::check shows what it found in a file it cannot use", "[app]") {
    // A UTF-8 BOM, semicolons, two title lines, and no column for the started_at field.
    ExportFolder dir({{"calls.csv", "\xEF\xBB\xBFReport: calls\n\nKunde;Dauer\nA;60\n"}});
    const RunResult r = run_clientscore({"check", dir.path(), "--format", "json"});
    CHECK(r.status == 3);
    const json report = json::parse(r.out);
    CHECK(report["ok"] == false);
    REQUIRE(report["files"].size() == 1);
    const json& file = report["files"][0];
    CHECK(file["bom"] == true);
    CHECK(file["encoding"] == "utf-8");
    CHECK(file["problems"][0]["message"].get<std::string>().find("started_at") != std::string::npos);
    CHECK(file["header_line"].is_number());
}

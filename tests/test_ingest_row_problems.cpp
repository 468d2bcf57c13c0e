// Bad rows (src/ingest/rows/row_problems.cpp, SPEC §1-2, §5): ProblemLog counts every bad row
// of a file, keeps the first ones by line for `check`, and makes the warnings: the first 10,
// then one line with the count of the rest; RowProblems records into a file's report, or under
// --strict makes the first bad row an input error; quote_value shortens a huge cell.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "ingest/rows/row_problems.hpp"
#include "read_export_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::ingest;
using namespace clientscore::read_fixtures;

namespace {

Problem bad_date(std::int64_t line) { return Problem{line, "date", "\"soon\" is not a date"}; }

std::vector<std::int64_t> kept_lines(const ProblemLog& log) {
    std::vector<std::int64_t> lines;
    for (const Problem& p : log.kept) {
        lines.push_back(p.line);
    }
    return lines;
}

}  // namespace

TEST_CASE("ingest::ProblemLog warns about the first 10 bad rows, then one line counting every other one",
          "[ingest]") {
    ProblemLog log;
    CHECK(log.warnings("calls.csv").empty());
    for (std::int64_t line = 2; line < 2 + 10; ++line) {
        log.add(bad_date(line));
    }
    std::vector<std::string> warnings = log.warnings("calls.csv");
    REQUIRE(warnings.size() == 10);  // exactly 10: no count line
    CHECK(warnings[0] == "calls.csv:2: column \"date\": \"soon\" is not a date");
    CHECK(warnings[9] == "calls.csv:11: column \"date\": \"soon\" is not a date");

    log.add(Problem{12, "", "has 3 fields, the header has 4"});
    warnings = log.warnings("calls.csv");
    REQUIRE(warnings.size() == 11);
    CHECK(warnings[10] == "calls.csv: 1 more bad rows skipped");

    for (std::int64_t line = 13; line < 13 + 989; ++line) {
        log.add(bad_date(line));
    }
    CHECK(log.count == 1000);
    CHECK(log.kept.size() == ProblemLog::k_kept);
    warnings = log.warnings("calls.csv");
    REQUIRE(warnings.size() == 11);
    CHECK(warnings[9] == "calls.csv:11: column \"date\": \"soon\" is not a date");
    CHECK(warnings[10] == "calls.csv: 990 more bad rows skipped");  // every bad row is counted
}

TEST_CASE("ingest::ProblemLog: the warnings name the file they are for, a problem without a column has none",
          "[ingest]") {
    ProblemLog calls;
    ProblemLog invoices;
    for (int i = 0; i < 12; ++i) {
        calls.add(Problem{2 + i, "", "has 1 field, the header has 2"});
    }
    invoices.add(Problem{5, "Total", "\"10x\" is not an amount"});
    const std::vector<std::string> a = calls.warnings("calls.csv");
    const std::vector<std::string> b = invoices.warnings("invoices.csv");
    REQUIRE(a.size() == 11);
    CHECK(a[0] == "calls.csv:2: has 1 field, the header has 2");
    CHECK(a[10] == "calls.csv: 2 more bad rows skipped");
    CHECK(b == std::vector<std::string>{"invoices.csv:5: column \"Total\": \"10x\" is not an amount"});
}

TEST_CASE("ingest::ProblemLog keeps the first problems by line whatever order they come in", "[ingest]") {
    ProblemLog log;
    for (std::int64_t line = 100; line < 130; ++line) {
        log.add(bad_date(line));
    }
    CHECK(kept_lines(log).front() == 100);
    CHECK(kept_lines(log).back() == 119);
    log.add(bad_date(7));   // found later (an aggregator's find), earlier in the file
    log.add(bad_date(500)); // after every kept one: only counted
    CHECK(log.count == 32);
    REQUIRE(log.kept.size() == ProblemLog::k_kept);
    CHECK(kept_lines(log).front() == 7);
    CHECK(kept_lines(log).back() == 118);
    const std::vector<std::string> warnings = log.warnings("calls.csv");
    REQUIRE(warnings.size() == 11);
    CHECK(warnings[0].rfind("calls.csv:7: ", 0) == 0);
    CHECK(warnings[10] == "calls.csv: 22 more bad rows skipped");
}

TEST_CASE("ingest::ProblemLog::merge adds the counts and keeps the first lines of both", "[ingest]") {
    // Two slices of one file: the first read lines 2-40, the second lines 41-80.
    ProblemLog first;
    ProblemLog second;
    for (std::int64_t line = 30; line < 40; ++line) {
        first.add(bad_date(line));  // 10
    }
    for (std::int64_t line = 41; line < 71; ++line) {
        second.add(bad_date(line));  // 30, of which 20 kept
    }
    ProblemLog aggregator;
    aggregator.add(Problem{5, "client", "belongs to another client"});
    first.merge(second);
    first.merge(aggregator);
    CHECK(first.count == 41);  // every bad row, not only the kept ones
    REQUIRE(first.kept.size() == ProblemLog::k_kept);
    CHECK(kept_lines(first).front() == 5);
    CHECK(kept_lines(first)[1] == 30);
    CHECK(kept_lines(first).back() == 49);
    const std::vector<std::string> warnings = first.warnings("calls.csv");
    REQUIRE(warnings.size() == 11);
    CHECK(warnings[0] == "calls.csv:5: column \"client\": belongs to another client");
    CHECK(warnings[10] == "calls.csv: 31 more bad rows skipped");
    ProblemLog empty;
    first.merge(empty);
    CHECK(first.count == 41);
}

TEST_CASE("ingest::RowProblems records into the file's report, or throws under --strict", "[ingest]") {
    FileReport report;
    report.file.display_name = "emails.csv";
    RowProblems problems(report, false);
    problems.add(4, "sent_at", "\"x\" is not a date");
    problems.add(6, "", "has 2 fields, the header has 3");
    CHECK(report.bad_rows.count == 2);
    REQUIRE(report.bad_rows.kept.size() == 2);
    CHECK(report.bad_rows.kept[0].line == 4);
    CHECK(report.bad_rows.kept[0].column == "sent_at");
    CHECK(report.bad_rows.kept[1].column.empty());

    FileReport strict_report;
    strict_report.file.display_name = "emails.csv";
    RowProblems strict(strict_report, true);
    try {
        strict.add(4, "sent_at", "\"x\" is not a date");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.located_message() == "emails.csv:4: column \"sent_at\": \"x\" is not a date");
        CHECK(e.hint() == "without --strict, bad rows are skipped and counted");
    }
    CHECK(strict_report.bad_rows.count == 0);
}

TEST_CASE("ingest::quote_value quotes a cell and shortens a huge one at a UTF-8 boundary", "[ingest]") {
    CHECK(quote_value("") == "\"\"");
    CHECK(quote_value("soon") == "\"soon\"");
    const std::string sixty(60, 'a');
    CHECK(quote_value(sixty) == "\"" + sixty + "\"");
    const std::string long_value = std::string(100, 'b');
    CHECK(quote_value(long_value) == "\"" + std::string(60, 'b') + "...\" (100 bytes)");
    // "é" is two bytes; the 60-byte cut would fall inside the one at bytes 59-60: it is left whole out.
    const std::string accented = std::string(59, 'c') + "\xC3\xA9" + std::string(20, 'd');
    CHECK(quote_value(accented) == "\"" + std::string(59, 'c') + "...\" (81 bytes)");
}

TEST_CASE("ingest::RowProblems through read_export: a huge bad cell is shown shortened", "[ingest]") {
    const std::string huge(5000, '9');
    // The field's own name: an alias's column would be passed over for values like this (◆5).
    const Read r = read_text("calls.csv", Kind::calls, "client,started_at\nA," + huge + "\n");
    REQUIRE(r.report.bad_rows.kept.size() == 1);
    CHECK(r.report.bad_rows.kept[0].message.rfind("\"" + std::string(60, '9') + "...\" (5000 bytes) ", 0) == 0);
}

TEST_CASE("ingest::read_export warnings stop at 10, problems at 20", "[ingest]") {
    std::string text = "client,started_at\n";
    for (int i = 0; i < 25; ++i) {
        text += "A,not a date\n";
    }
    text += "A,2024-05-06\n";
    const Read r = read_text("calls.csv", Kind::calls, text);
    CHECK(r.report.bad_rows.count == 25);
    CHECK(r.report.bad_rows.kept.size() == 20);
    const std::vector<std::string> warnings = r.report.bad_rows.warnings("calls.csv");
    REQUIRE(warnings.size() == 11);
    CHECK(warnings[9].rfind("calls.csv:11: column \"started_at\": \"not a date\" ", 0) == 0);
    CHECK(warnings[10] == "calls.csv: 15 more bad rows skipped");
    CHECK(r.got.contacts.size() == 1);
}

TEST_CASE("ingest::read_export --strict", "[ingest]") {
    ReadSettings strict;
    strict.strict = true;
    CHECK(input_error("calls.csv", Kind::calls, "client,date\nA,2024-01-01\nA,soon\n", strict)
              .rfind("calls.csv:3: column \"date\": \"soon\" ", 0) == 0);
    CHECK(input_error("calls.csv", Kind::calls, "client,date\nA,2024-01-01\nA,soon\n", strict)
              .find("\nwithout --strict, bad rows are skipped and counted") != std::string::npos);
    CHECK(input_error("calls.csv", Kind::calls, "client,date\nA\n", strict) ==
          "calls.csv:2: has 1 field, the header has 2\nwithout --strict, bad rows are skipped and counted");
}

TEST_CASE("ingest::enforce_bad_row_limit: the hint fixes the most frequent problem", "[ingest]") {
    const auto hint_for = [](const std::string& message, const std::string& kind) {
        FileReport report;
        report.file.display_name = "calls.csv";
        report.file.kind = Kind::calls;
        report.mapping = {{"client", "Account"}, {"started_at", "Start"}};
        report.rows = 12;
        for (int i = 0; i < 12; ++i) {
            report.bad_rows.add(Problem{2 + i, "Start", message, kind});
        }
        try {
            enforce_bad_row_limit(report, BadRowLimit{});
        } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Matchers::Contains("12 of 12 rows could not be read (limit 10)"));
            return e.hint();
        }
        FAIL("no InputError");
        return std::string();
    };
    using Catch::Matchers::Contains;
    SECTION("a date in no form read: --date-format, or another column") {
        const std::string kind = "is not a date (closest form: D Mon YYYY [H:MM[:SS]]; --date-format reads any other)";
        const std::string hint = hint_for("\"1-Sep-26\" " + kind, kind);
        CHECK_THAT(hint, Contains("describe the form of column \"Start\" with --date-format"));
        CHECK_THAT(hint, Contains("--map calls.started_at=HEADER"));
        CHECK_THAT(hint, Contains("--max-bad-rows 12"));
    }
    SECTION("slash dates in the other order: --date-order, not --date-format") {
        const std::string kind = "is not a date in day/month/year order (--date-order dmy)";
        const std::string hint = hint_for("\"3/13/2026\" " + kind, kind);
        CHECK_THAT(hint, Contains("--date-order dmy or --date-order mdy"));
        CHECK_THAT(hint, !Contains("--date-format"));
    }
}

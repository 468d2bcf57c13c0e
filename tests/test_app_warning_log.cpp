// The run's warnings (src/app/warning_log.cpp): `clientscore: ` added once to each line, the
// lines kept for the report and sent to the sink as they come, one set of lines per file.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/warning_log.hpp"
#include "app_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;

namespace {

FileReport report_with_bad_rows(const std::string& name, int count) {
    FileReport r;
    r.file = InputFile{"exports/" + name, Kind::invoices, name, std::nullopt};
    for (int i = 0; i < count; ++i) {
        r.bad_rows.add(Problem{2 + i, "amount", "\"x\" is not an amount"});
    }
    return r;
}

}  // namespace

TEST_CASE("app::program_line puts clientscore: before the message", "[app]") {
    CHECK(program_line("calls.csv:2: bad") == "clientscore: calls.csv:2: bad");
    CHECK(program_line("") == "clientscore: ");
}

TEST_CASE("app::WarningLog prefixes each line once, keeps it and sends it at once", "[app]") {
    SeenWarnings seen;
    const WarningSink sink = seen.sink();
    WarningLog log(sink);
    log.add("warning: first");
    CHECK(seen.lines == std::vector<std::string>{"clientscore: warning: first"});  // sent before take()
    log.add("second");
    const std::vector<std::string> kept = log.take();
    CHECK(kept == std::vector<std::string>{"clientscore: warning: first", "clientscore: second"});
    CHECK(seen.lines == kept);
}

TEST_CASE("app::WarningLog works without a sink", "[app]") {
    const WarningSink none;
    WarningLog log(none);
    log.add("quiet");
    CHECK(log.take() == std::vector<std::string>{"clientscore: quiet"});
}

TEST_CASE("app::WarningLog::add_bad_rows gives ten lines and one count per file", "[app]") {
    SeenWarnings seen;
    const WarningSink sink = seen.sink();
    WarningLog log(sink);
    log.add_bad_rows(report_with_bad_rows("invoices.csv", 13));
    log.add_bad_rows(report_with_bad_rows("calls.csv", 2));
    log.add_bad_rows(report_with_bad_rows("emails.csv", 0));
    const std::vector<std::string> lines = log.take();
    REQUIRE(lines.size() == 10 + 1 + 2);
    // The display name, not the path, names the file.
    CHECK(lines[0] == "clientscore: invoices.csv:2: column \"amount\": \"x\" is not an amount");
    CHECK(lines[9] == "clientscore: invoices.csv:11: column \"amount\": \"x\" is not an amount");
    CHECK(lines[10] == "clientscore: invoices.csv: 3 more bad rows skipped");
    CHECK(lines[11] == "clientscore: calls.csv:2: column \"amount\": \"x\" is not an amount");
    CHECK(lines[12] == "clientscore: calls.csv:3: column \"amount\": \"x\" is not an amount");
    CHECK(seen.lines == lines);
}

TEST_CASE("app::WarningLog::add_bad_rows with exactly ten bad rows has no count line", "[app]") {
    const WarningSink none;
    WarningLog log(none);
    log.add_bad_rows(report_with_bad_rows("calls.csv", 10));
    const std::vector<std::string> lines = log.take();
    CHECK(lines.size() == 10);
    CHECK(lines_starting(lines, "clientscore: calls.csv: ") == 0);
}

TEST_CASE("app::warnings on standard error and in JSON carry clientscore: exactly once", "[app]") {
    // Bad rows of two kinds (a bad date caught reading, an invoice line of another client
    // caught aggregating) and the warning that no event is dated in the period.
    ExportFolder dir({{"invoices.csv",
                       "client,invoice_id,issued_at,due_at,amount\n"
                       "A,INV1,2026-09-01,2026-09-30,100.00\n"
                       "A,INV2,someday,2026-09-30,10.00\n"
                       "B,INV1,2026-09-01,2026-09-30,5.00\n"}});
    const std::vector<std::string> args = {"rank", dir.path(), "--from", "2026-11-01", "--to", "2026-11-30",
                                           "--format", "json"};
    const RunResult r = run_clientscore(args);
    REQUIRE(r.status == 0);
    const std::vector<std::string> err = lines_of(r.err);
    REQUIRE(err.size() == 3);  // two bad rows, one empty-period warning
    for (const std::string& line : err) {
        CAPTURE(line);
        CHECK(line.rfind("clientscore: ", 0) == 0);
        CHECK(line.find("clientscore: ", 1) == std::string::npos);
    }
    CHECK(err[0].rfind("clientscore: invoices.csv:3: column \"issued_at\"", 0) == 0);
    CHECK(err[1].rfind("clientscore: invoices.csv:4: column \"client\"", 0) == 0);
    CHECK(err[2].rfind("clientscore: warning: no call, email, time entry, invoice or discount is dated in the period "
                       "2026-11-01 to 2026-11-30",
                       0) == 0);
    // SPEC §5: `warnings` holds the same lines as standard error, --quiet or not.
    const json report = json::parse(r.out);
    CHECK(report["warnings"] == json(err));
    const RunResult quiet = run_clientscore({"rank", dir.path(), "--from", "2026-11-01", "--to", "2026-11-30",
                                             "--format", "json", "--quiet"});
    CHECK(quiet.err.empty());
    CHECK(json::parse(quiet.out)["warnings"] == json(err));
}

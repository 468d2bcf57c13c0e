// End-to-end, SPEC §2 ◆6: a header below title lines is found, --header-row says where it is or
// that there is none, --map names columns by position (#N) or leaves a field unread.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;

namespace {

const std::string k_titled = source_path("tests/data/header_rows/titled");
const std::string k_headerless = source_path("tests/data/header_rows/headerless");
const std::vector<std::string> k_period = {"--from", "2026-09-01", "--to", "2026-09-30"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

const json& file_of(const json& check, const std::string& name) {
    for (const json& f : check["files"]) {
        if (f["path"].get<std::string>().ends_with(name)) {
            return f;
        }
    }
    FAIL("no file " << name);
    static const json none;
    return none;
}

}  // namespace

TEST_CASE("cli::a header below title lines is found, and the lines above are ignored rows", "[cli][e2e][header]") {
    const RunResult r = run_clientscore(with({"rank", k_titled, "--format", "json"}, k_period));
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["ignored_rows"]["calls.csv"] == 3);
    CHECK(report["skipped_rows"]["calls.csv"] == 0);
    CHECK(report["clients"].size() == 2);
    const RunResult c = run_clientscore({"check", k_titled, "--format", "json"});
    CHECK(c.status == 0);
    const json check = json::parse(c.out);
    CHECK(file_of(check, "calls.csv")["header_line"] == 4);
    CHECK(file_of(check, "invoices.csv")["header_line"] == 1);
    const RunResult t = run_clientscore({"check", k_titled});
    CHECK(t.out.find("header line  4") != std::string::npos);
}

TEST_CASE("cli::--header-row gives the header's line in every file", "[cli][e2e][header]") {
    // Line 4 of calls.csv is its header; invoices.csv has no line 4 to be a header, so one
    // --header-row for both is an input error naming that file.
    const RunResult both = run_clientscore(with({"rank", k_titled, "--header-row", "4"}, k_period));
    CHECK(both.status == 3);
    CHECK(both.err.find("invoices.csv") != std::string::npos);
    const RunResult calls = run_clientscore(
        with({"rank", "--calls", k_titled + "/calls.csv", "--header-row", "4", "--format", "json"}, k_period));
    REQUIRE(calls.status == 0);
    CHECK(json::parse(calls.out)["ignored_rows"]["calls.csv"] == 3);
    // Told a title line is the header, the run names that line and what it lacks.
    const RunResult wrong = run_clientscore(with({"rank", "--calls", k_titled + "/calls.csv", "--header-row", "2"}, k_period));
    CHECK(wrong.status == 3);
    CHECK(wrong.err.find("calls.csv:2: no column for the required calls fields") != std::string::npos);
    for (const std::string bad : {"-1", "x", "2.5", ""}) {
        INFO(bad);
        CHECK(run_clientscore({"rank", k_titled, "--header-row", bad}).status == 2);
    }
}

TEST_CASE("cli::--header-row 0 reads every line as a row, columns named #1, #2, ...", "[cli][e2e][header]") {
    const std::vector<std::string> maps = {"--header-row", "0", "--map", "calls.client=#1", "--map",
                                           "calls.started_at=#2", "--map", "calls.duration=#3", "--map",
                                           "calls.direction=#4"};
    const RunResult r = run_clientscore(with(with({"rank", k_headerless, "--format", "json"}, maps), k_period));
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    REQUIRE(report["clients"].size() == 2);
    CHECK(report["ignored_rows"]["calls.csv"] == 0);
    CHECK(report["skipped_rows"]["calls.csv"] == 0);
    const auto& c1 = report["clients"][0]["client"] == "C1" ? report["clients"][0] : report["clients"][1];
    CHECK(c1["calls"] == 2);  // the first line is a row, not a header
    CHECK(c1["call_minutes"] == 15.0);

    const RunResult check = run_clientscore(with({"check", k_headerless}, maps));
    CHECK(check.status == 0);
    CHECK(check.out.find("header line  none (--header-row 0)") != std::string::npos);
    CHECK(check.out.find("client ← #1") != std::string::npos);
    const RunResult j = run_clientscore(with({"check", k_headerless, "--format", "json"}, maps));
    CHECK(file_of(json::parse(j.out), "calls.csv")["header_line"] == 0);

    // Without --map nothing names the fields: the error says how to name them by position.
    const RunResult unnamed = run_clientscore({"rank", k_headerless, "--header-row", "0"});
    CHECK(unnamed.status == 3);
    CHECK(unnamed.err.find("name its 5 columns by position, e.g. --map calls.client=#1") != std::string::npos);
}

TEST_CASE("cli::an empty --map leaves a field unread", "[cli][e2e][header]") {
    // The fifth column is not a direction: mapped, every row is bad; unread, none is.
    const std::vector<std::string> base = {"rank", k_headerless, "--header-row", "0", "--map", "calls.client=#1",
                                           "--map", "calls.started_at=#2", "--format", "json"};
    const RunResult bad = run_clientscore(with(with(base, {"--map", "calls.direction=#5"}), k_period));
    REQUIRE(bad.status == 0);  // three bad rows are within the default limit of 10
    CHECK(json::parse(bad.out)["skipped_rows"]["calls.csv"] == 3);
    const RunResult unread = run_clientscore(with(with(base, {"--map", "calls.direction=#5", "--map", "calls.direction="}), k_period));
    REQUIRE(unread.status == 0);
    CHECK(json::parse(unread.out)["skipped_rows"]["calls.csv"] == 0);
    const RunResult required = run_clientscore(with(with(base, {"--map", "calls.client="}), k_period));
    CHECK(required.status == 3);
    CHECK(required.err.find("--map calls.client= leaves it unread") != std::string::npos);
}

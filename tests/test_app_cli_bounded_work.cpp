// End-to-end (issue 21): hostile input costs bounded work. Each case is a file or an option a
// few bytes or megabytes long that would take minutes (or all memory) if a loop over it were
// quadratic or unbounded; each run here ends in well under a second on a quiet machine. The
// time checks are loose tripwires for that kind of regression, not benchmarks: sanitizer
// builds and a loaded machine are several times slower. The zip bomb and a million empty
// styled cells are in test_app_cli.cpp ("a zip bomb is exit 3 within bounded memory").

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "xlsx_fixtures.hpp"

using namespace clientscore::testing;
using nlohmann::json;

namespace {

constexpr auto k_tripwire = std::chrono::seconds(20);

struct TimedRun {
    RunResult result;
    std::chrono::steady_clock::duration took;
};

TimedRun timed(const std::vector<std::string>& args) {
    const auto start = std::chrono::steady_clock::now();
    RunResult r = run_clientscore(args);
    return {std::move(r), std::chrono::steady_clock::now() - start};
}

}  // namespace

TEST_CASE("cli::a workbook of a million shared strings is read in bounded time", "[cli][e2e][xlsx][bounded]") {
    TempDir dir;
    WorkbookSpec spec;
    spec.shared = {"client", "issued_at", "due_at", "amount", "A", "2026-09-01"};
    spec.shared.resize(1000000, "<t/>");  // empty strings: 13 bytes of XML each
    spec.sheets = {{"invoices",
                    row_xml(1, R"(<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                               R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>)") +
                        row_xml(2, R"(<c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c>)"
                                   R"(<c r="C2" t="s"><v>5</v></c><c r="D2"><v>10</v></c>)"),
                    "", "A1:D2"}};
    write_workbook(dir / "invoices.xlsx", spec);
    const TimedRun run = timed({"check", dir.path().string(), "--format", "json"});
    INFO(run.result.err);
    CHECK(run.result.status == 0);
    CHECK(json::parse(run.result.out)["files"][0]["rows"] == 1);
    CHECK(run.took < k_tripwire);
}

TEST_CASE("cli::the header search over 30 lines of 1 MB each is bounded", "[cli][e2e][header][bounded]") {
    TempDir dir;
    // Title lines of one 1 MB word, then two of 1 MB of short fields (350,000 columns each,
    // every one matched against every kind's aliases and presets), then the header past the 30
    // searched: the search reads each of the 30 and stops (that line 30 is still searched is
    // in test_ingest_header_search.cpp). Only two of the many-field lines: each costs about
    // 0.1 s (a minute under the sanitizers), a cost of its own left to issue 20.
#ifdef __SANITIZE_ADDRESS__
    // Under the sanitizers every byte costs tens of times more: lines of 64 KB keep the shape.
    constexpr std::size_t k_line = std::size_t{1} << 16;
#else
    constexpr std::size_t k_line = std::size_t{1} << 20;
#endif
    std::string text;
    for (int i = 0; i < 28; ++i) {
        text += std::string(k_line, 'x') + "\n";
    }
    std::string fields;
    while (fields.size() < k_line) {
        fields += "ab,";
    }
    for (int i = 0; i < 2; ++i) {
        text += fields + "\n";
    }
    write_file(dir / "calls.csv", text + "client,started_at\nA,2026-09-01 10:00\n");
    const TimedRun run = timed({"check", dir.path().string(), "--format", "json"});
    INFO(run.result.err);
    CHECK(run.result.status == 3);  // the header is line 31: not searched, so no header is found
    CHECK(run.took < k_tripwire);
}

TEST_CASE("cli::--date-format with hundreds of directives, or given hundreds of times, is bounded",
          "[cli][e2e][bounded]") {
    TempDir dir;
    std::string calls = "client,started_at\n";
    for (int i = 0; i < 2000; ++i) {
        calls += "A,2026-09-01 10:00 not in any form\n";
    }
    write_file(dir / "calls.csv", calls);
    // One pattern of 600 directives: refused as it is read, before any file.
    std::string pattern;
    for (int i = 0; i < 100; ++i) {
        pattern += "%Y%m%d%H%M%S";
    }
    const TimedRun many = timed({"rank", dir.path().string(), "--date-format", pattern});
    INFO(many.result.err);
    CHECK(many.result.status == 2);
    CHECK(many.result.err.find("a field twice") != std::string::npos);
    CHECK(many.took < k_tripwire);

    // 300 patterns, each with a long literal, tried on every value that fits none of them:
    // linear in patterns times values, and every row a bad row.
    std::vector<std::string> args = {"check", dir.path().string(), "--format", "json"};
    for (int i = 0; i < 300; ++i) {
        args.push_back("--date-format");
        args.push_back("%Y-%m-%d " + std::string(static_cast<std::size_t>(i % 50), ' ') + "%H:%M x" +
                       std::to_string(i));
    }
    const TimedRun tried = timed(args);
    INFO(tried.result.err);
    CHECK(tried.result.status == 3);
    CHECK(tried.took < k_tripwire);
}

TEST_CASE("cli::a baseline nested 100,000 deep or holding a 20 MB string is an input error",
          "[cli][e2e][baseline][bounded]") {
    TempDir dir;
    write_file(dir / "calls.csv", "client,started_at\nA,2026-09-01 10:00\n");
    write_file(dir / "deep.json", R"({"schema_version": 1, "clients": [], "x": )" + std::string(100000, '[') +
                                      std::string(100000, ']') + "}");
    const TimedRun deep = timed({"rank", dir.path().string(), "--baseline", (dir / "deep.json").string()});
    INFO(deep.result.err);
    CHECK(deep.result.status == 3);
    CHECK(deep.result.err.find("deeper than 64 levels") != std::string::npos);
    CHECK(deep.took < k_tripwire);
    // A 1 GB baseline is stopped the same way after 16 MiB (test_ingest_baseline_file.cpp
    // streams one); a 20 MB file is enough to show it through the binary.
    write_file(dir / "long.json", R"({"schema_version": 1, "clients": [], "x": ")" + std::string(20u << 20, 'x') +
                                      "\"}");
    const TimedRun long_string = timed({"rank", dir.path().string(), "--baseline", (dir / "long.json").string()});
    INFO(long_string.result.err);
    CHECK(long_string.result.status == 3);
    CHECK(long_string.result.err.find("longer than 16 MiB") != std::string::npos);
    CHECK(long_string.took < k_tripwire);
}

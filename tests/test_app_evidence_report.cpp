// build_evidence_report (src/app/evidence_report.cpp): the end-to-end case moved here from
// test_app_cli.cpp.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;

TEST_CASE("cli::evidence returns notes exactly as exported", "[cli][e2e]") {
    TempDir dir;
    write_file(dir / "calls.csv",
               "client,started_at,duration,notes\n"
               "ACME,2026-09-02 22:15,600,\"Shouted, then said \"\"we will sue\"\"\nand hung up\"\n"
               "ACME,2026-09-01 10:00,60,first\n"
               "OTHER,2026-09-01 10:00,60,not theirs\n");
    RunResult r = run_clientscore({"evidence", "ACME", dir.path().string(), "--format", "json"});
    REQUIRE(r.status == 0);
    json e = json::parse(r.out);
    REQUIRE(e["events"].size() == 2);
    CHECK(e["events"][0]["text"] == "first");
    CHECK(e["events"][1]["text"] == "Shouted, then said \"we will sue\"\nand hung up");
    CHECK(e["events"][1]["after_hours"] == true);
    CHECK(e["events"][1]["minutes"] == 10);
}

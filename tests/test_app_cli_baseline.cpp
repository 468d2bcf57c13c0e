// End-to-end, SPEC ◆10 and ◆11 through argv: --aging buckets at their boundaries, --baseline
// changes in every format, --fail-on-change exit codes, baselines that are no rank report,
// evidence's paid_at and paid, and the checklist's evidence command.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using nlohmann::json;

namespace {

// Invoices only, as of 2026-09-30, so each toxicity is the payment component alone:
// 100 × scale(avg_days_late, 7, 45).
//   F: 55 days late → 1 → 100.0, fire (margin unknown: no contacts)
//   W: 26 days late → 19/38 = 0.5 → 50.0, watch
//   K: paid on time → 0.0, keep
//   N: 19 days late → 12/38 = 0.3158 → 31.6, watch
const std::string k_invoices =
    "client,invoice_id,issued_at,due_at,paid_at,amount,amount_paid\n"
    "F,F-1,2026-08-01,2026-08-06,,100.00,\n"
    "W,W-1,2026-08-01,2026-09-04,,100.00,\n"
    "K,K-1,2026-09-01,2026-09-15,2026-09-10,100.00,\n"
    "N,N-1,2026-08-01,2026-09-11,,100.00,\n";
const std::vector<std::string> k_september = {"--from", "2026-09-01", "--to", "2026-09-30"};

// August's report as the baseline: F was watch, W fire, K keep; G has gone; N is new.
const std::string k_baseline = R"({
  "schema_version": 1,
  "period": {"from": "2026-08-01", "to": "2026-08-31", "as_of": "2026-08-31", "days": 31},
  "portfolio": {"clients": 4},
  "clients": [
    {"rank": 1, "client": "W", "toxicity": 72.0, "verdict": "fire"},
    {"rank": 2, "client": "F", "toxicity": 41.25, "verdict": "watch"},
    {"rank": 3, "client": "G", "toxicity": 10.0, "verdict": "chase"},
    {"rank": 4, "client": "K", "toxicity": 0.0, "verdict": "keep"}
  ]
})";

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

const json& client_of(const json& report, const std::string& id) {
    for (const json& c : report["clients"]) {
        if (c["client"] == id) {
            return c;
        }
    }
    FAIL("no client " << id);
    static const json none;
    return none;
}

struct Folder {
    TempDir dir;
    std::string exports = (dir / "exports").string();
    std::string baseline = (dir / "august.json").string();
    Folder() {
        write_file(dir / "exports" / "invoices.csv", k_invoices);
        write_file(dir / "august.json", k_baseline);
    }
};

}  // namespace

TEST_CASE("cli::--aging puts day D1 in the first bucket and D1+1 in the second", "[cli][e2e][aging]") {
    // Overdue on 2026-09-30 by 15, 16, 30 and 31 days.
    TempDir dir;
    write_file(dir / "invoices.csv",
               "client,invoice_id,issued_at,due_at,amount\n"
               "A,A-1,2026-08-01,2026-09-15,100.00\n"
               "A,A-2,2026-08-01,2026-09-14,200.00\n"
               "A,A-3,2026-08-01,2026-08-31,400.00\n"
               "A,A-4,2026-08-01,2026-08-30,800.00\n");
    const std::vector<std::string> args = with({"rank", dir.path().string()}, k_september);
    SECTION("json: keyed by the bucket names, settings hold the bounds") {
        const RunResult r = run_clientscore(with(args, {"--aging", "15,30", "--format", "json"}));
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        CHECK(report["settings"]["aging"] == json::array({15, 30}));
        const json& aging = client_of(report, "A")["aging"];
        CHECK(aging == json{{"1_15", 100}, {"16_30", 600}, {"over_30", 800}});
        // in bucket order
        const json::string_t text = nlohmann::ordered_json::parse(r.out)["clients"][0]["aging"].dump();
        CHECK(text == R"({"1_15":100,"16_30":600,"over_30":800})");
        CHECK(client_of(report, "A")["overdue"] == 1500);
    }
    SECTION("the default buckets split the same invoices 700 / 800") {
        const RunResult r = run_clientscore(with(args, {"--format", "json"}));
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        CHECK(report["settings"]["aging"] == json::array({30, 60, 90}));
        CHECK(client_of(report, "A")["aging"] == json{{"1_30", 700}, {"31_60", 800}, {"61_90", 0}, {"over_90", 0}});
    }
    SECTION("csv and tsv columns, and --sort by a custom bucket") {
        const RunResult csv = run_clientscore(with(args, {"--aging", "15,30", "--format", "csv", "--sort", "aging_16_30"}));
        REQUIRE(csv.status == 0);
        CHECK_THAT(csv.out, Contains(",overdue,aging_1_15,aging_16_30,aging_over_30,avg_days_late,"));
        CHECK_THAT(csv.out, Contains(",1500,100,600,800,"));
        const RunResult tsv = run_clientscore(with(args, {"--aging", "15,30", "--format", "tsv"}));
        CHECK_THAT(tsv.out, Contains("\taging_1_15\taging_16_30\taging_over_30\t"));
        const RunResult old_key = run_clientscore(with(args, {"--aging", "15,30", "--sort", "aging_1_30"}));
        CHECK(old_key.status == 2);
        CHECK_THAT(old_key.err, Contains("--sort: unknown key \"aging_1_30\""));
    }
    SECTION("explain's months follow the buckets") {
        const RunResult r = run_clientscore(
            with({"explain", "A", dir.path().string(), "--aging", "15,30", "--format", "json"}, k_september));
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        CHECK(report["aging"] == json{{"1_15", 100}, {"16_30", 600}, {"over_30", 800}});
        CHECK(report["months"][0]["aging"] == json{{"1_15", 100}, {"16_30", 600}, {"over_30", 800}});
    }
    SECTION("the config file's key aging, as a list or as text") {
        write_file(dir / "list.toml", "aging = [15, 30]\n");
        write_file(dir / "text.toml", "aging = \"15,30\"\n");
        for (const char* config : {"list.toml", "text.toml"}) {
            const RunResult r =
                run_clientscore(with(args, {"--config", (dir / config).string(), "--format", "json"}));
            REQUIRE(r.status == 0);
            CHECK(json::parse(r.out)["settings"]["aging"] == json::array({15, 30}));
        }
    }
    SECTION("anything but ascending positive whole numbers is a usage error naming --aging") {
        for (const char* bad : {"30,15", "0,30", "15,,30", "abc", "-1"}) {
            const RunResult r = run_clientscore(with(args, {"--aging", bad}));
            CHECK(r.status == 2);
            CHECK_THAT(r.err, Contains("clientscore: --aging: "));
        }
    }
}

TEST_CASE("cli::--baseline: every client's change, and who is gone", "[cli][e2e][baseline]") {
    Folder f;
    const std::vector<std::string> args = with({"rank", f.exports, "--baseline", f.baseline}, k_september);
    SECTION("json") {
        const RunResult r = run_clientscore(with(args, {"--format", "json"}));
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());  // August and September share no day
        const json report = json::parse(r.out);
        CHECK(report["baseline"] ==
              json::parse(R"({"period": {"from": "2026-08-01", "to": "2026-08-31", "as_of": "2026-08-31", "days": 31},
                              "gone": ["G"]})"));
        CHECK(client_of(report, "F")["toxicity"] == 100);
        // 100 − 41.25 = 58.75 → 58.8; 50 − 72 = −22
        CHECK(client_of(report, "F")["change"] ==
              json{{"status", "worse"}, {"verdict_before", "watch"}, {"toxicity_before", 41.3}, {"toxicity_delta", 58.8}});
        CHECK(client_of(report, "W")["change"] ==
              json{{"status", "better"}, {"verdict_before", "fire"}, {"toxicity_before", 72}, {"toxicity_delta", -22}});
        CHECK(client_of(report, "K")["change"] ==
              json{{"status", "same"}, {"verdict_before", "keep"}, {"toxicity_before", 0}, {"toxicity_delta", 0}});
        CHECK(client_of(report, "N")["toxicity"] == 31.6);
        CHECK(client_of(report, "N")["change"] ==
              json{{"status", "new"}, {"verdict_before", nullptr}, {"toxicity_before", nullptr}, {"toxicity_delta", nullptr}});
        // `change` ends the client object, `baseline` stands before the clients
        const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(r.out);
        CHECK(std::prev(ordered["clients"][0].end()).key() == "change");
        std::vector<std::string> keys;
        for (const auto& item : ordered.items()) {
            keys.push_back(item.key());
        }
        CHECK(keys == std::vector<std::string>{"schema_version", "period", "settings", "portfolio", "baseline",
                                               "clients", "skipped_rows", "ignored_rows", "warnings"});
    }
    SECTION("csv: the change columns from the same table") {
        const RunResult r = run_clientscore(with(args, {"--format", "csv", "--sort", "change_toxicity_delta"}));
        REQUIRE(r.status == 0);
        CHECK_THAT(r.out, Contains(",price_increase_needed,change_status,change_verdict_before,change_toxicity_before,"
                                   "change_toxicity_delta\n"));
        CHECK_THAT(r.out, Contains(",worse,watch,41.3,58.8\n"));
        CHECK_THAT(r.out, Contains(",new,,,\n"));
        // sorted by the delta, descending, nulls last: F first, N last
        CHECK(r.out.find("\n1,F,") < r.out.find("\n4,N,"));
        CHECK(r.out.rfind(",new,,,\n") + 8 == r.out.size());
    }
    SECTION("the text table's change column and the block under it") {
        const RunResult r = run_clientscore(args);
        REQUIRE(r.status == 0);
        // change is the last of SPEC's columns; only hours, which SPEC does not list, follows it
        CHECK_THAT(r.out, Contains("  change   hours\n"));
        CHECK_THAT(r.out, Contains("  ↑ +58.8  "));
        CHECK_THAT(r.out, Contains("  ↓ −22.0  "));
        CHECK_THAT(r.out, Contains("  = 0.0    "));
        CHECK_THAT(r.out, Contains("  new      "));
        CHECK_THAT(r.out, Contains("\n\nSince the baseline (2026-08-01 to 2026-08-31): newly fire or chase: F fire "
                                   "(was watch); worse: F; better: W; gone: G.\n"));
        const RunResult md = run_clientscore(with(args, {"--format", "markdown"}));
        CHECK_THAT(md.out, Contains(" | change | hours |\n"));
        CHECK_THAT(md.out, Contains(" | ↑ +58.8 | "));
        CHECK_THAT(md.out, Contains("Since the baseline (2026-08-01 to 2026-08-31):"));
    }
    SECTION("explain shows the client's change in text and JSON") {
        const RunResult text = run_clientscore(with({"explain", "F", f.exports, "--baseline", f.baseline}, k_september));
        REQUIRE(text.status == 0);
        CHECK_THAT(text.out, Contains("Since the baseline\n  Worse: verdict watch → fire, toxicity 41.3 → 100.0 (↑ "
                                      "+58.8), against the baseline of 2026-08-01 to 2026-08-31.\n"));
        const RunResult new_one = run_clientscore(with({"explain", "N", f.exports, "--baseline", f.baseline}, k_september));
        CHECK_THAT(new_one.out, Contains("New: not in the baseline of 2026-08-01 to 2026-08-31."));
        const RunResult j = run_clientscore(
            with({"explain", "W", f.exports, "--baseline", f.baseline, "--format", "json"}, k_september));
        REQUIRE(j.status == 0);
        const json report = json::parse(j.out);
        CHECK(report["change"]["status"] == "better");
        CHECK(report["baseline"]["gone"] == json::array({"G"}));
        CHECK_FALSE(report["months"][0].contains("change"));  // the period's change, not a month's
    }
    SECTION("without --baseline nothing changes") {
        const RunResult r = run_clientscore(with({"rank", f.exports, "--format", "json"}, k_september));
        const json report = json::parse(r.out);
        CHECK_FALSE(report.contains("baseline"));
        CHECK_FALSE(report["clients"][0].contains("change"));
    }
}

TEST_CASE("cli::a baseline whose period overlaps this one is a warning", "[cli][e2e][baseline]") {
    Folder f;
    json overlapping = json::parse(k_baseline);
    overlapping["period"] = {{"from", "2026-09-15"}, {"to", "2026-10-14"}};
    write_file(f.dir / "overlap.json", overlapping.dump());
    const RunResult r = run_clientscore(
        with({"rank", f.exports, "--baseline", (f.dir / "overlap.json").string(), "--format", "json"}, k_september));
    REQUIRE(r.status == 0);
    const std::string line = "warning: --baseline " + (f.dir / "overlap.json").string() +
                             ": its period 2026-09-15 to 2026-10-14 overlaps this one (2026-09-01 to 2026-09-30), so "
                             "the change compares periods that share days";
    CHECK_THAT(r.err, Contains("clientscore: " + line));
    const json warnings = json::parse(r.out)["warnings"];
    CHECK(std::find(warnings.begin(), warnings.end(), "clientscore: " + line) != warnings.end());
}

TEST_CASE("cli::--fail-on-change exits 1 when a client reaches the verdict it did not have", "[cli][e2e][baseline]") {
    Folder f;
    const std::vector<std::string> args = with({"rank", f.exports, "--baseline", f.baseline, "-q"}, k_september);
    CHECK(run_clientscore(args).status == 0);
    CHECK(run_clientscore(with(args, {"--fail-on-change", "fire"})).status == 1);   // F: watch → fire
    CHECK(run_clientscore(with(args, {"--fail-on-change", "chase"})).status == 1);  // F reached past chase
    // F already fire and W already fire in this baseline: no new fire; N is a new watch.
    json was_fire = json::parse(k_baseline);
    was_fire["clients"][1]["verdict"] = "fire";
    write_file(f.dir / "fire.json", was_fire.dump());
    const std::vector<std::string> fire_before =
        with({"rank", f.exports, "--baseline", (f.dir / "fire.json").string(), "-q"}, k_september);
    CHECK(run_clientscore(with(fire_before, {"--fail-on-change", "fire"})).status == 0);
    CHECK(run_clientscore(with(fire_before, {"--fail-on-change", "reprice"})).status == 0);
    CHECK(run_clientscore(with(fire_before, {"--fail-on-change", "watch"})).status == 1);  // N, new
    // Standard error says which clients made it 1, under -q too: a cron mail says why.
    const RunResult why = run_clientscore(with(fire_before, {"--fail-on-change", "watch"}));
    CHECK(why.status == 1);
    CHECK(why.err == "clientscore: exit status 1: --fail-on-change watch: 1 client is now at watch or worse and "
                     "worse than in the baseline: N (watch, new)\n");
    const RunResult from_watch = run_clientscore(with(args, {"--fail-on-change", "fire"}));
    CHECK_THAT(from_watch.err, EndsWith(": F (fire, was watch)\n"));
    // with --fail-on as well, either matching is exit 1; the report is still written
    const RunResult both = run_clientscore(with(fire_before, {"--fail-on-change", "fire", "--fail-on", "fire",
                                                              "--format", "json"}));
    CHECK(both.status == 1);
    CHECK(json::parse(both.out)["clients"].size() == 4);
    // it needs a baseline
    const RunResult alone = run_clientscore(with({"rank", f.exports, "--fail-on-change", "fire"}, k_september));
    CHECK(alone.status == 2);
    CHECK_THAT(alone.err, Contains("--fail-on-change needs --baseline FILE"));
}

TEST_CASE("cli::a baseline that is no rank report is an input error naming the file", "[cli][e2e][baseline]") {
    Folder f;
    const auto run_with = [&](const std::string& name, const std::string& bytes) {
        write_file(f.dir / name, bytes);
        return run_clientscore(with({"rank", f.exports, "--baseline", (f.dir / name).string()}, k_september));
    };
    const auto expect = [&](const RunResult& r, const std::string& name, const std::string& message) {
        CHECK(r.status == 3);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Contains("clientscore: " + (f.dir / name).string() + ": " + message));
        CHECK_THAT(r.err, Contains("hint: --baseline takes the JSON that `clientscore rank --format json` wrote"));
    };
    expect(run_with("calls.csv.json", "client,verdict\nF,fire\n"), "calls.csv.json", "is not JSON: line 1, column 1");
    expect(run_with("v2.json", R"({"schema_version": 2, "clients": []})"), "v2.json",
           "has schema_version 2; this clientscore reads schema_version 1");
    expect(run_with("array.json", R"([{"client": "F", "verdict": "fire", "toxicity": 1}])"), "array.json",
           "is a JSON array, not a rank report");
    expect(run_with("deep.json", std::string(100000, '[') + std::string(100000, ']')), "deep.json",
           "is a JSON array, not a rank report");
    expect(run_with("deep-object.json", R"({"schema_version": 1, "clients": [{"client": "F", "x": )" +
                                            std::string(100000, '[') + std::string(100000, ']') + "}]}"),
           "deep-object.json", "nests objects and arrays deeper than 64 levels; a rank report nests 4 deep");
    // A string past 16 MiB ends the reading there, not at the end of the file in memory.
    expect(run_with("huge.json", R"({"schema_version": 1, "clients": [{"client": ")" + std::string(17u << 20, 'x') +
                                     R"("}]})"),
           "huge.json", "holds a string or number longer than 16 MiB; no rank report does");
    // never named as an export, even when it lies in the folder of exports
    write_file(f.dir / "exports" / "august.json", k_baseline);
    const RunResult inside = run_clientscore(
        with({"rank", f.exports, "--baseline", f.exports + "/august.json", "--format", "json"}, k_september));
    CHECK(inside.status == 0);
    CHECK(inside.err.find("august.json") == std::string::npos);
}

TEST_CASE("cli::evidence shows the paid part of each invoice as of as_of", "[cli][e2e][evidence]") {
    TempDir dir;
    write_file(dir / "invoices.csv",
               "client,invoice_id,issued_at,due_at,paid_at,amount,amount_paid\n"
               "A,A-1,2026-09-01,2026-09-10,2026-09-12,100.00,40.00\n"  // part paid by as_of
               "A,A-2,2026-09-02,2026-09-10,2026-10-05,200.00,\n"       // paid after as_of: 0
               "A,A-3,2026-09-03,2026-09-10,2026-09-08,300.00,\n"       // paid in full, early
               "A,A-4,2026-09-04,2026-09-10,,400.00,\n");               // not paid
    const RunResult r =
        run_clientscore(with({"evidence", "A", dir.path().string(), "--as-of", "2026-09-30", "--format", "csv"},
                             k_september));
    REQUIRE(r.status == 0);
    CHECK(r.out ==
          "date,time,kind,direction,minutes,after_hours,off_day,tags,amount,status,days_late,paid_at,paid,person,text\n"
          "2026-09-01,,invoice,,,,,,100,,20,2026-09-12,40,,A-1\n"
          "2026-09-02,,invoice,,,,,,200,,20,2026-10-05,0,,A-2\n"
          "2026-09-03,,invoice,,,,,,300,,0,2026-09-08,300,,A-3\n"
          "2026-09-04,,invoice,,,,,,400,,20,,0,,A-4\n");
}

TEST_CASE("cli::explain's checklist has an evidence command that can be pasted", "[cli][e2e][explain]") {
    TempDir dir;
    write_file(dir / "my exports" / "invoices.csv", k_invoices);
    const std::string folder = (dir / "my exports").string();
    const RunResult r = run_clientscore(with({"explain", "F", folder, "--as-of", "2026-10-01"}, k_september));
    REQUIRE(r.status == 0);
    const std::string command = "clientscore evidence F '" + folder +
                                "' --from 2026-09-01 --to 2026-09-30 --as-of 2026-10-01 --format csv -o evidence-F.csv";
    CHECK_THAT(r.out, Contains("Keep the evidence log with it: " + command + "\n"));
    // Pasted (with this build's binary), it writes the log of the same period.
    const std::string binary = CLIENTSCORE_BINARY;
    const int status = std::system(("cd " + shell_quote(dir.path().string()) + " && " + shell_quote(binary) +
                                    command.substr(std::string("clientscore").size()) + " 2>/dev/null")
                                       .c_str());
    CHECK(status == 0);
    CHECK(read_file(dir / "evidence-F.csv") ==
          "date,time,kind,direction,minutes,after_hours,off_day,tags,amount,status,days_late,paid_at,paid,person,text\n"
          "2026-08-01,,invoice,,,,,,100,,56,,0,,F-1\n");
}

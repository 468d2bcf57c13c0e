// End-to-end: the binary run through argv on sample_data/ and small fixtures, as a user runs it.

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "cli_runner.hpp"
#include "xlsx_fixtures.hpp"

using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;
using Catch::Matchers::EndsWith;

namespace {

const std::string k_sample = source_path("sample_data");
const std::vector<std::string> k_period = {"--from", "2026-09-01", "--to", "2026-10-31"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

std::map<std::string, std::string> verdicts_of(const json& report) {
    std::map<std::string, std::string> out;
    for (const auto& c : report["clients"]) {
        out[c["client"].get<std::string>()] = c["verdict"].get<std::string>();
    }
    return out;
}

}  // namespace

TEST_CASE("cli::version and help", "[cli][e2e]") {
    RunResult v = run_clientscore({"--version"});
    CHECK(v.status == 0);
    CHECK(v.out.find("clientscore 0.1.0") != std::string::npos);
    RunResult h = run_clientscore({"--help"});
    CHECK(h.status == 0);
    CHECK(h.out.find("rank") != std::string::npos);
    CHECK(h.out.find("--hourly-cost") != std::string::npos);
    RunResult help_check = run_clientscore({"help", "check"});
    CHECK(help_check.status == 0);
    CHECK(help_check.out == run_clientscore({"check", "--help"}).out);
    CHECK(help_check.out.find("--fail-on") == std::string::npos);
}

TEST_CASE("cli::a misspelled command or option is a usage error (exit 2) that names the one meant", "[cli][e2e]") {
    RunResult explian = run_clientscore({"explian", "C018", k_sample});
    CHECK(explian.status == 2);
    CHECK(explian.err.find("unknown command \"explian\"") != std::string::npos);
    CHECK(explian.err.find("did you mean the command explain?") != std::string::npos);
    RunResult rnak = run_clientscore({"rnak", k_sample});
    CHECK(rnak.status == 2);
    CHECK(rnak.err.find("rank") != std::string::npos);
    RunResult form = run_clientscore({"--form", "2026-09-01", k_sample});
    CHECK(form.status == 2);
    CHECK(form.err.find("did you mean --from, --format or --sort?") != std::string::npos);
}

TEST_CASE("cli::rank on sample_data gives the verdicts the data was built for", "[cli][e2e]") {
    RunResult r = run_clientscore(with({"rank", k_sample, "--format", "json"}, k_period));
    REQUIRE(r.status == 0);
    json report = json::parse(r.out);
    CHECK(report["schema_version"] == 1);
    CHECK(report["period"]["from"] == "2026-09-01");
    CHECK(report["period"]["to"] == "2026-10-31");
    CHECK(report["period"]["days"] == 61);
    // scripts/check_sample_data.py computes these independently from SPEC §3-4 in Python.
    auto v = verdicts_of(report);
    CHECK(v.size() == 25);
    CHECK(v.count("C022") == 0);  // in the client list, no activity
    CHECK(v["C018"] == "fire");
    CHECK(v["C016"] == "chase");
    CHECK(v["C020"] == "reprice");
    CHECK(v["C017"] == "reprice");
    CHECK(v["C026"] == "reprice");
    for (const char* id : {"C013", "C015", "C019", "C014", "C021"}) {
        CHECK(v[id] == "watch");
    }
    CHECK(report["clients"][0]["client"] == "C018");
    CHECK(report["clients"][0]["rank"] == 1);
    CHECK(report["clients"][0]["toxicity"].get<double>() == Approx(84.2));
    CHECK(report["portfolio"]["if_fired"]["fired"] == 1);
    CHECK(report["skipped_rows"]["calls.csv"] == 0);
    CHECK(report["skipped_rows"]["time.csv"] == 0);
    CHECK(report["ignored_rows"]["invoices.csv"] == 1);  // the void invoice
    // The people as check_sample_data.py lists them: the developer logs the most hours, the
    // account manager of C020 spends the most of them on clients at toxicity ≥ 60.
    const json& people = report["people"];
    REQUIRE(people.size() == 5);
    CHECK(people[0]["person"] == "Felix Wagner");
    CHECK(people[1]["person"] == "Tom Becker");
    CHECK(people[1]["toxic_hours"].get<double>() == Approx(185.75));
    CHECK(people[1]["toxic_share"].get<double>() == Approx(0.546));
    CHECK(people[4]["person"] == "Jonas Richter");
    CHECK(people[4]["after_hours_contacts"] == 137);
}

TEST_CASE("cli::rank totals reconcile with the clients", "[cli][e2e]") {
    RunResult r = run_clientscore(with({"rank", k_sample, "--format", "json"}, k_period));
    REQUIRE(r.status == 0);
    json report = json::parse(r.out);
    double revenue = 0, cost = 0, support = 0, logged = 0, hours = 0, fired_hours = 0;
    for (const auto& c : report["clients"]) {
        revenue += c["net_revenue"].get<double>();
        cost += c["cost_to_serve"].get<double>();
        support += c["support_hours"].get<double>();
        logged += c["logged_hours"].get<double>();
        hours += c["hours"].get<double>();
        // SPEC ◆9: hours = support_hours + logged_hours; firing frees all of them.
        CHECK(c["hours"].get<double>() ==
              Approx(c["support_hours"].get<double>() + c["logged_hours"].get<double>()).margin(0.011));
        if (c["verdict"] == "fire") {
            fired_hours += c["hours"].get<double>();
        }
        // net_revenue = billed - credits and margin = net_revenue - cost_to_serve, to the cent
        CHECK(c["net_revenue"].get<double>() ==
              Approx(c["billed"].get<double>() - c["credits"].get<double>()).margin(0.011));
        CHECK(c["margin"].get<double>() ==
              Approx(c["net_revenue"].get<double>() - c["cost_to_serve"].get<double>()).margin(0.011));
        double aging = 0;
        for (const auto& [bucket, value] : c["aging"].items()) {
            aging += value.get<double>();
        }
        CHECK(aging == Approx(c["overdue"].get<double>()).margin(0.05));
    }
    const json& p = report["portfolio"];
    CHECK(p["clients"] == report["clients"].size());
    CHECK(p["net_revenue"].get<double>() == Approx(revenue).margin(0.5));
    CHECK(p["cost_to_serve"].get<double>() == Approx(cost).margin(0.5));
    CHECK(p["support_hours"].get<double>() == Approx(support).margin(0.5));
    CHECK(p["logged_hours"].get<double>() == Approx(logged).margin(0.5));
    CHECK(p["hours"].get<double>() == Approx(hours).margin(0.5));
    CHECK(p["if_fired"]["hours_freed"].get<double>() == Approx(fired_hours).margin(0.01));
    // Who carries the load: every person's hours, over all clients, add up to the hours that
    // name a person (all of them in sample_data: every contact and entry has one).
    double people_hours = 0;
    for (const auto& person : report["people"]) {
        people_hours += person["hours"].get<double>();
    }
    CHECK(people_hours == Approx(hours).margin(0.5));
}

TEST_CASE("cli::output is byte-identical run to run, in every format", "[cli][e2e]") {
    for (const char* format : {"table", "json", "csv", "tsv", "markdown"}) {
        auto args = with({"rank", k_sample, "--format", format}, k_period);
        RunResult a = run_clientscore(args);
        RunResult b = run_clientscore(args);
        CHECK(a.status == 0);
        CHECK(a.out == b.out);
        CHECK_FALSE(a.out.empty());
    }
}

TEST_CASE("cli::golden outputs for sample_data", "[cli][e2e][golden]") {
    struct Case {
        std::string golden;
        std::vector<std::string> args;
    };
    const std::vector<Case> cases = {
        {"rank.table", {"rank", k_sample, "--color", "never"}},
        {"rank.json", {"rank", k_sample, "--format", "json"}},
        {"rank.csv", {"rank", k_sample, "--format", "csv"}},
        {"rank.tsv", {"rank", k_sample, "--format", "tsv"}},
        {"rank.md", {"rank", k_sample, "--format", "markdown"}},
        {"explain-C018.table", {"explain", "C018", k_sample}},
        {"explain-C018.json", {"explain", "C018", k_sample, "--format", "json"}},
        {"explain-C018.csv", {"explain", "C018", k_sample, "--format", "csv"}},
        {"evidence-C015.table", {"evidence", "C015", k_sample}},
        {"evidence-C015.json", {"evidence", "C015", k_sample, "--format", "json"}},
        {"evidence-C015.csv", {"evidence", "C015", k_sample, "--format", "csv"}},
        {"explain-C018.tsv", {"explain", "C018", k_sample, "--format", "tsv"}},
        {"explain-C018.md", {"explain", "C018", k_sample, "--format", "markdown"}},
        {"explain-C016.table", {"explain", "C016", k_sample}},
        {"evidence-C015.tsv", {"evidence", "C015", k_sample, "--format", "tsv"}},
        {"evidence-C015.md", {"evidence", "C015", k_sample, "--format", "markdown"}},
        {"check.table", {"check", k_sample}},
        {"check.json", {"check", k_sample, "--format", "json"}},
        {"check.csv", {"check", k_sample, "--format", "csv"}},
        {"check.tsv", {"check", k_sample, "--format", "tsv"}},
        {"check.md", {"check", k_sample, "--format", "markdown"}},
        {"rank.html", {"rank", k_sample, "--format", "html"}},
        {"explain-C018.html", {"explain", "C018", k_sample, "--format", "html"}},
        {"evidence-C015.html", {"evidence", "C015", k_sample, "--format", "html"}},
    };
    const bool update = std::getenv("CLIENTSCORE_UPDATE_GOLDEN") != nullptr;
    for (const Case& c : cases) {
        CAPTURE(c.golden);
        RunResult r = run_clientscore(with(c.args, k_period));
        REQUIRE(r.status == 0);
        // Paths in check output are made relative to the source tree so the golden file is
        // the same on every machine.
        std::string out = r.out;
        for (std::size_t at = out.find(source_path("")); at != std::string::npos; at = out.find(source_path(""))) {
            out.erase(at, source_path("").size());
        }
        const std::string path = source_path("tests/golden/" + c.golden);
        if (update) {
            write_file(path, out);
        }
        CHECK(out == read_file(path));
    }
}

TEST_CASE("cli::exit codes", "[cli][e2e]") {
    SECTION("usage errors exit 2") {
        CHECK(run_clientscore({"rank", k_sample, "--no-such-option"}).status == 2);
        CHECK(run_clientscore({"rank", k_sample, "--from", "2026-13-01"}).status == 2);
        CHECK(run_clientscore({"rank", k_sample, "--from", "2026-10-01", "--to", "2026-09-01"}).status == 2);
        CHECK(run_clientscore({"rank", k_sample, "--sort", "no_such_key"}).status == 2);
        RunResult tz = run_clientscore({"rank", k_sample, "--timezone", "Mars/Olympus"});
        CHECK(tz.status == 2);
    }
    SECTION("input errors exit 3 with the file named") {
        TempDir dir;
        RunResult missing = run_clientscore({"rank", (dir / "nope").string()});
        CHECK(missing.status == 3);
        CHECK(missing.err.rfind("clientscore: ", 0) == 0);
        RunResult empty_dir = run_clientscore({"rank", dir.path().string()});
        CHECK(empty_dir.status == 3);
        write_file(dir / "calls.csv", "client,started_at\nA,\"2026-09-01\n");
        RunResult open_quote = run_clientscore({"rank", dir.path().string()});
        CHECK(open_quote.status == 3);
        CHECK(open_quote.err.find("calls.csv:2") != std::string::npos);
    }
    SECTION("--fail-on exits 1 when a verdict that bad is present") {
        const RunResult fire = run_clientscore(with({"rank", k_sample, "--fail-on", "fire", "--format", "csv"}, k_period));
        CHECK(fire.status == 1);
        // the last line of standard error says why, under -q too (cron mails what a job
        // prints, not its status): the only line then
        CHECK_THAT(fire.err, EndsWith("clientscore: exit status 1: --fail-on fire: 1 client is at fire or worse: C018\n"));
        const RunResult quiet =
            run_clientscore(with({"rank", k_sample, "--fail-on", "chase", "--format", "csv", "-q"}, k_period));
        CHECK(quiet.status == 1);
        CHECK(quiet.err == "clientscore: exit status 1: --fail-on chase: 2 clients are at chase or worse: C018, C016\n");
        TempDir dir;
        write_file(dir / "calls.csv", "client,started_at\nA,2026-09-01 10:00\n");
        // One call on one day: 7 contacts a week → toxicity 31.3, watch; nothing at reprice or worse.
        const RunResult passed = run_clientscore({"rank", dir.path().string(), "--fail-on", "reprice", "-q"});
        CHECK(passed.status == 0);
        CHECK(passed.err.empty());  // nothing matched: nothing to say
        CHECK(run_clientscore({"rank", dir.path().string(), "--fail-on", "watch"}).status == 1);
    }
    SECTION("explain of an unknown client exits 3 naming the closest ids") {
        RunResult r = run_clientscore(with({"explain", "C01", k_sample}, k_period));
        CHECK(r.status == 3);
        CHECK(r.err.find("C01") != std::string::npos);
        CHECK(r.err.find("closest") != std::string::npos);
    }
    SECTION("an unwritable --output exits 4 and leaves nothing") {
        TempDir dir;
        std::string target = (dir / "no-such-folder" / "report.json").string();
        RunResult r = run_clientscore(with({"rank", k_sample, "--format", "json", "--output", target}, k_period));
        CHECK(r.status == 4);
        CHECK_FALSE(std::filesystem::exists(target));
    }
}

TEST_CASE("cli::--output writes atomically and /dev/null works", "[cli][e2e]") {
    TempDir dir;
    std::string target = (dir / "report.csv").string();
    write_file(target, "old report\n");
    RunResult r = run_clientscore(with({"rank", k_sample, "--format", "csv", "--output", target}, k_period));
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    CHECK(read_file(target).rfind("rank,client,name,", 0) == 0);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++files;
    }
    CHECK(files == 1);  // no temporary file left behind
    CHECK(run_clientscore(with({"rank", k_sample, "--output", "/dev/null"}, k_period)).status == 0);
}

TEST_CASE("cli::a closed pipe ends quietly with the run's status", "[cli][e2e]") {
    // -q: the sample's warning aside, nothing at all is written to standard error.
    RunResult r = run_clientscore(with({"rank", k_sample, "--format", "csv", "-q"}, k_period), nullptr, " | head -c 10");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    RunResult f = run_clientscore(with({"rank", k_sample, "--format", "csv", "--fail-on", "fire"}, k_period), nullptr,
                                  " | head -c 10");
    CHECK(f.status == 1);
}

TEST_CASE("cli::options before or after the command, and from a config file", "[cli][e2e]") {
    RunResult before = run_clientscore(with({"--format", "csv", "rank", k_sample}, k_period));
    RunResult after = run_clientscore(with({"rank", k_sample, "--format", "csv"}, k_period));
    RunResult no_command = run_clientscore(with({k_sample, "--format", "csv"}, k_period));
    CHECK(before.status == 0);
    CHECK(before.out == after.out);
    CHECK(before.out == no_command.out);

    TempDir dir;
    write_file(dir / "clientscore.toml", "hourly-cost = 120\nformat = \"json\"\nfrom = \"2026-09-01\"\n");
    RunResult cfg = run_clientscore({"rank", k_sample, "--config", (dir / "clientscore.toml").string()});
    REQUIRE(cfg.status == 0);
    json report = json::parse(cfg.out);
    CHECK(report["settings"]["hourly_cost"] == 120);
    RunResult wins = run_clientscore(
        {"rank", k_sample, "--config", (dir / "clientscore.toml").string(), "--hourly-cost", "30"});
    CHECK(json::parse(wins.out)["settings"]["hourly_cost"] == 30);
    write_file(dir / "bad.toml", "hourly_costs = 5\n");
    CHECK(run_clientscore({"rank", k_sample, "--config", (dir / "bad.toml").string()}).status == 2);
}

TEST_CASE("cli::--top and --sort", "[cli][e2e]") {
    RunResult top = run_clientscore(with({"rank", k_sample, "--format", "json", "--top", "3"}, k_period));
    json report = json::parse(top.out);
    CHECK(report["clients"].size() == 3);
    CHECK(report["portfolio"]["clients"] == 25);  // the portfolio counts every client
    RunResult sorted =
        run_clientscore(with({"rank", k_sample, "--format", "json", "--sort", "net_revenue"}, k_period));
    json s = json::parse(sorted.out);
    for (std::size_t i = 1; i < s["clients"].size(); ++i) {
        CHECK(s["clients"][i - 1]["net_revenue"].get<double>() >= s["clients"][i]["net_revenue"].get<double>());
    }
}

// The rows rank sorts are whole (reasons and action written): sorting on text columns once
// compared empty strings and kept the rank order.
TEST_CASE("cli::--sort action and reasons sort on the texts the output shows", "[cli][e2e]") {
    for (const char* format : {"json", "csv"}) {
        CAPTURE(format);
        RunResult r = run_clientscore(with({"rank", k_sample, "--format", format, "--sort", "action:asc"}, k_period));
        REQUIRE(r.status == 0);
        if (std::string(format) == "csv") {
            // The first data row is the smallest action in byte order: a "Chase:" line here.
            const std::size_t second_line = r.out.find('\n') + 1;
            CHECK(r.out.find("Chase:", second_line) < r.out.find('\n', second_line));
            continue;
        }
        const json report = json::parse(r.out);
        REQUIRE(report["clients"].size() == 25);
        bool some_out_of_rank_order = false;
        for (std::size_t i = 1; i < report["clients"].size(); ++i) {
            CHECK(report["clients"][i - 1]["action"].get<std::string>() <=
                  report["clients"][i]["action"].get<std::string>());
            some_out_of_rank_order |= report["clients"][i - 1]["rank"] > report["clients"][i]["rank"];
        }
        CHECK(some_out_of_rank_order);
    }
    RunResult reasons = run_clientscore(with({"rank", k_sample, "--format", "json", "--sort", "reasons"}, k_period));
    const json report = json::parse(reasons.out);
    auto joined = [](const json& list) {
        std::string out;
        for (const auto& item : list) {
            out += (out.empty() ? "" : " | ") + item.get<std::string>();
        }
        return out;
    };
    for (std::size_t i = 1; i < report["clients"].size(); ++i) {
        CHECK(joined(report["clients"][i - 1]["reasons"]) >= joined(report["clients"][i]["reasons"]));
    }
}

TEST_CASE("cli::an unknown --sort key is a usage error before any file is read", "[cli][e2e]") {
    RunResult r = run_clientscore({"rank", "/nonexistent-folder", "--sort", "net_revnue"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--sort: unknown key \"net_revnue\" (did you mean \"net_revenue\"?)") != std::string::npos);
    CHECK(r.err.find("no such folder") == std::string::npos);
    RunResult help = run_clientscore({"rank", "--help"});
    CHECK(help.status == 0);
    const std::size_t keys = help.out.find("Sort keys (--sort KEY[:asc]):");
    REQUIRE(keys != std::string::npos);
    for (const char* key : {"rank", "net_revenue", "components_payment", "aging_over_90", "price_increase_needed"}) {
        CHECK(help.out.find(std::string(" ") + key, keys) != std::string::npos);
    }
}

TEST_CASE("cli::csv output guards spreadsheet formulas", "[cli][e2e]") {
    TempDir dir;
    write_file(dir / "clients.csv",
               "client,name\nA,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\nB,+1\nC,-2\nD,@SUM(A1)\n");
    write_file(dir / "calls.csv",
               "client,started_at\nA,2026-09-01 10:00\nB,2026-09-01 10:00\nC,2026-09-01 10:00\nD,2026-09-01 10:00\n");
    RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "csv"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") != std::string::npos);
    CHECK(r.out.find(",'+1,") != std::string::npos);
    CHECK(r.out.find(",'-2,") != std::string::npos);
    CHECK(r.out.find(",'@SUM(A1),") != std::string::npos);
}

TEST_CASE("cli::a billing-only run is scored on payment and disputes alone", "[cli][e2e]") {
    TempDir dir;
    write_file(dir / "invoices.csv",
               "client,invoice_id,issued_at,due_at,paid_at,amount,disputed\n"
               "A,1,2026-07-01,2026-07-31,,1000.00,no\n"
               "B,2,2026-09-01,2026-09-30,2026-09-28,500.00,no\n");
    RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json", "--to", "2026-10-31"});
    REQUIRE(r.status == 0);
    json report = json::parse(r.out);
    const json& a = report["clients"][0];
    CHECK(a["client"] == "A");
    CHECK(a["components"]["communication"].is_null());
    CHECK(a["components"]["discounts"].is_null());
    CHECK(a["components"]["payment"] == 1);    // 92 days late on 2026-10-31
    CHECK(a["components"]["hostility"] == 0);  // disputed column present, none disputed
    CHECK(a["toxicity"] == 50);
    CHECK(a["oldest_overdue_days"] == 92);
    CHECK(a["verdict"] == "chase");  // healthy margin, toxicity 50, 92 days overdue
}

// SPEC §1 ◆1: a file mostly not read never becomes a report.
TEST_CASE("cli::a file with more bad rows than --max-bad-rows allows is an input error", "[cli][e2e][bad-rows]") {
    const std::string dir = source_path("tests/data/bad_rows/excel_calls");
    const std::string first_line =
        "clientscore: calls.csv: 12 of 12 rows could not be read (limit 10); most often column \"started_at\": "
        "\"1-Sep-26 01:11\" is not a date (closest form: D Mon YYYY [H:MM[:SS]]; --date-format reads any "
        "other), first at line 2\n";

    SECTION("rank exits 3 with the file, the count, the limit and the most frequent problem, and writes nothing") {
        TempDir tmp;
        write_file(tmp / "report.csv", "the previous report\n");
        const RunResult r = run_clientscore({"rank", dir, "--format", "csv", "--output", (tmp / "report.csv").string()});
        CHECK(r.status == 3);
        CHECK(r.out.empty());
        REQUIRE(r.err.starts_with(first_line));
        const std::string hint = r.err.substr(first_line.size());
        CHECK(hint.starts_with("clientscore: hint: "));
        CHECK(hint.find("--map calls.started_at=HEADER") != std::string::npos);
        CHECK(hint.find("--max-bad-rows 12") != std::string::npos);
        CHECK(hint.find("--date-format") != std::string::npos);
        CHECK(read_file(tmp / "report.csv") == "the previous report\n");
    }
    SECTION("check reports the same and is not OK") {
        const RunResult r = run_clientscore({"check", dir});
        CHECK(r.status == 3);
        CHECK(r.out.find("12 of 12 rows could not be read (limit 10)") != std::string::npos);
        CHECK(r.out.find("NOT OK") != std::string::npos);
        const RunResult j = run_clientscore({"check", dir, "--format", "json"});
        CHECK(j.status == 3);
        CHECK(json::parse(j.out)["ok"] == false);
    }
    SECTION("a limit that covers the file lets the run go on, with the warnings") {
        for (const std::string limit : {"12", "100%", "12,1%", "1%,12"}) {
            INFO(limit);
            const RunResult r = run_clientscore({"rank", dir, "--max-bad-rows", limit, "--format", "json"});
            CHECK(r.status == 0);
            CHECK(json::parse(r.out)["skipped_rows"]["calls.csv"] == 12);
            CHECK(r.err.find("calls.csv: 2 more bad rows skipped") != std::string::npos);
        }
        const RunResult r = run_clientscore({"rank", dir, "--max-bad-rows", "11"});
        CHECK(r.status == 3);
        CHECK(r.err.find("12 of 12 rows could not be read (limit 11)") != std::string::npos);
    }
    SECTION("--strict and --max-bad-rows 0 stop at the first bad row") {
        for (const auto& extra : {std::vector<std::string>{"--strict"},
                                                    std::vector<std::string>{"--max-bad-rows", "0"},
                                                    std::vector<std::string>{"--max-bad-rows", "0,0%"}}) {
            const RunResult r = run_clientscore(with({"rank", dir}, extra));
            CHECK(r.status == 3);
            CHECK(r.err.starts_with("clientscore: calls.csv:2: column \"started_at\": \"1-Sep-26 01:11\" is not a date"));
        }
    }
    SECTION("the --date-format the hint names reads the file") {
        const RunResult r = run_clientscore({"rank", dir, "--date-format", "%d-%b-%y %H:%M", "--format", "json"});
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        CHECK(report["skipped_rows"]["calls.csv"] == 0);
        CHECK(report["period"]["from"] == "2026-09-01");
        CHECK(report["period"]["to"] == "2026-09-03");
    }
    SECTION("the config file sets the limit like the option") {
        TempDir tmp;
        write_file(tmp / "clientscore.toml", "max-bad-rows = \"100%\"\n");
        const RunResult r = run_clientscore({"rank", dir, "--config", (tmp / "clientscore.toml").string()});
        CHECK(r.status == 0);
    }
}

TEST_CASE("cli::the bad-row limit is the larger of its rows and its share of the file", "[cli][e2e][bad-rows]") {
    // 2,000 calls, 15 with a bad date: 1% is 20 rows, so the default limit lets them pass.
    TempDir tmp;
    std::string calls = "client_id,started_at,duration_seconds,direction\n";
    for (int i = 0; i < 2000; ++i) {
        const bool bad = i % 100 == 7 && i < 1500;
        calls += fmt::format("C{:03d},{},60,inbound\n", i % 7, bad ? "someday" : "2026-09-14 10:00");
    }
    write_file(tmp / "calls.csv", calls);
    const std::string dir = tmp.path().string();
    CHECK(run_clientscore({"rank", dir}).status == 0);
    CHECK(run_clientscore({"rank", dir, "--max-bad-rows", "1%"}).status == 0);
    const RunResult half = run_clientscore({"rank", dir, "--max-bad-rows", "10,0.5%"});
    CHECK(half.status == 3);
    CHECK(half.err.find("calls.csv: 15 of 2000 rows could not be read (limit 10)") != std::string::npos);
    // 0.7% of 2,000 is 14 rows: rounded down, never up to let a 15th through.
    const RunResult share = run_clientscore({"rank", dir, "--max-bad-rows", "0.7%"});
    CHECK(share.status == 3);
    CHECK(share.err.find("(limit 14)") != std::string::npos);
    CHECK(run_clientscore({"rank", dir, "--max-bad-rows", "0.75%"}).status == 0);
}

TEST_CASE("cli::the bad-row error names the most frequent problem, not the first", "[cli][e2e][bad-rows]") {
    TempDir tmp;
    // Three rows without a client first, then twelve unreadable durations.
    // The duration under its own name: an alias's column of such values would be passed over (◆5).
    std::string calls = "client_id,started_at,duration,direction\n";
    for (int i = 0; i < 3; ++i) {
        calls += ",2026-09-14 10:00,60,inbound\n";
    }
    for (int i = 0; i < 12; ++i) {
        calls += fmt::format("C001,2026-09-14 10:00,{}x,inbound\n", i);
    }
    write_file(tmp / "calls.csv", calls);
    const RunResult r = run_clientscore({"rank", tmp.path().string()});
    CHECK(r.status == 3);
    CHECK(r.err.starts_with("clientscore: calls.csv: 15 of 15 rows could not be read (limit 10); most often column "
                            "\"duration\": \"0x\" is not a duration, first at line 5\n"));
}

TEST_CASE("cli::invoice lines the aggregator rejects count toward the file's limit", "[cli][e2e][bad-rows]") {
    TempDir tmp;
    // One invoice, then eleven more lines of it under other clients: each is a bad row.
    std::string invoices = "client_id,invoice_id,issued_at,due_at,amount\nC001,INV-1,2026-09-01,2026-09-30,100\n";
    for (int i = 0; i < 11; ++i) {
        invoices += fmt::format("C{:03d},INV-1,2026-09-01,2026-09-30,10\n", i + 2);
    }
    write_file(tmp / "invoices.csv", invoices);
    const RunResult r = run_clientscore({"rank", tmp.path().string()});
    CHECK(r.status == 3);
    CHECK(r.err.starts_with("clientscore: invoices.csv: 11 of 12 rows could not be read (limit 10); most often column "
                            "\"client\": invoice \"INV-1\" belongs to client \"C001\" on an earlier line, not \"C002\", "
                            "first at line 3\n"));
    const RunResult check = run_clientscore({"check", tmp.path().string()});
    CHECK(check.status == 3);
    CHECK(check.out.find("11 of 12 rows could not be read") != std::string::npos);
}

// SPEC §3 ◆2: data never supplied is null, never 0, in every format and in every sentence.
TEST_CASE("cli::a billing-only run shows contact figures and margins as null, not 0", "[cli][e2e][supplied]") {
    TempDir tmp;
    // A pays 100 days late (payment component 1); B pays on time. No calls, emails or disputes.
    write_file(tmp / "invoices.csv",
               "client_id,invoice_id,issued_at,due_at,paid_at,amount\n"
               "A,I1,2026-09-01,2026-09-10,2026-12-19,1000\n"
               "B,I2,2026-09-01,2026-09-10,2026-09-05,500\n");
    const RunResult r = run_clientscore({"rank", tmp.path().string(), "--as-of", "2026-12-31", "--format", "json"});
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    const json& a = report["clients"][0];
    REQUIRE(a["client"] == "A");
    for (const char* key : {"calls", "emails", "contacts_per_week", "after_hours_share", "flagged_contacts",
                            "support_hours", "cost_to_serve", "margin", "margin_pct",
                            "effective_rate", "price_increase_needed", "discounts", "discount_requests",
                            "discount_share"}) {
        INFO(key);
        CHECK(a[key].is_null());
    }
    CHECK(a["tags"]["threat"].is_null());
    CHECK(a["net_revenue"] == 1000);
    CHECK(a["components"]["communication"].is_null());
    CHECK(a["components"]["payment"] == 1);
    // The margin is unknown, so a toxic billing-only client is fired, not repriced as if healthy.
    CHECK(a["verdict"] == "fire");
    CHECK(a["action"].get<std::string>().find("hours unknown: no calls, emails or time entries were read") !=
          std::string::npos);
    const json& b = report["clients"][1];
    CHECK(b["verdict"] == "keep");
    CHECK(b["action"].get<std::string>().find("margin") == std::string::npos);
    CHECK(report["portfolio"]["net_revenue"] == 1500);
    CHECK(report["portfolio"]["margin"].is_null());
    CHECK(report["portfolio"]["support_hours"].is_null());
    CHECK(report["portfolio"]["if_fired"]["hours_freed"].is_null());

    const RunResult csv = run_clientscore({"rank", tmp.path().string(), "--as-of", "2026-12-31", "--format", "csv"});
    REQUIRE(csv.status == 0);
    // RFC 4180 fields: the action holds commas, so split with the quotes in mind.
    const auto fields = [](const std::string& line) {
        std::vector<std::string> out(1);
        bool quoted = false;
        for (char ch : line) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.emplace_back();
            } else {
                out.back() += ch;
            }
        }
        return out;
    };
    const std::size_t header_end = csv.out.find('\n');
    const std::vector<std::string> head = fields(csv.out.substr(0, header_end));
    const std::vector<std::string> row =
        fields(csv.out.substr(header_end + 1, csv.out.find('\n', header_end + 1) - header_end - 1));
    REQUIRE(row.size() == head.size());
    const auto cell = [&](const std::string& key) {
        return row[static_cast<std::size_t>(std::find(head.begin(), head.end(), key) - head.begin())];
    };
    CHECK(cell("calls") == "");
    CHECK(cell("margin_pct") == "");
    CHECK(cell("net_revenue") == "1000");

    const RunResult table = run_clientscore({"rank", tmp.path().string(), "--as-of", "2026-12-31"});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("hours unknown (no calls, emails or time entries were read)") != std::string::npos);
    CHECK(table.out.find("100.0%") == std::string::npos);  // no margin of data never read
}

TEST_CASE("cli::a contacts-only run says revenue unknown instead of 0.00", "[cli][e2e][supplied]") {
    const RunResult r = run_clientscore({"rank", "--calls", k_sample + "/calls.csv", "--emails", k_sample + "/emails.csv",
                                         "--from", "2026-09-01", "--format", "json"});
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    bool fired = false;
    for (const json& c : report["clients"]) {
        CHECK(c["net_revenue"].is_null());
        CHECK(c["overdue"].is_null());
        CHECK(c["revenue_share"].is_null());
        CHECK(c["aging"]["over_90"].is_null());
        CHECK_FALSE(c["calls"].is_null());
        if (c["verdict"] == "fire") {
            fired = true;
            const std::string action = c["action"];
            CHECK(action.find("revenue unknown: no invoices were read") != std::string::npos);
            CHECK(action.find("0.00") == std::string::npos);
        }
    }
    CHECK(fired);
    CHECK(report["portfolio"]["net_revenue"].is_null());
    CHECK_FALSE(report["portfolio"]["support_hours"].is_null());
    const RunResult table = run_clientscore(
        {"rank", "--calls", k_sample + "/calls.csv", "--emails", k_sample + "/emails.csv", "--from", "2026-09-01"});
    CHECK(table.out.find("revenue unknown (no invoices were read)") != std::string::npos);
}

TEST_CASE("cli::the encoding hint's conversion leaves one export to read, not two", "[cli][e2e]") {
    TempDir tmp;
    write_file(tmp / "calls.csv", "client,started_at,notes\nA,2026-09-01 10:00,caf\xe9 ok\n");  // windows-1252
    const RunResult bad = run_clientscore({"rank", tmp.path().string()});
    REQUIRE(bad.status == 3);
    const std::string marker = "or convert it: ";
    const std::size_t at = bad.err.find(marker);
    REQUIRE(at != std::string::npos);
    const std::string command = bad.err.substr(at + marker.size(), bad.err.find('\n', at) - at - marker.size());
    REQUIRE(std::system(("bash -c " + shell_quote(command)).c_str()) == 0);
    const RunResult good = run_clientscore({"rank", tmp.path().string(), "--format", "csv"});
    CHECK(good.status == 0);
    CHECK(good.err.empty());  // no second calls file, nothing left unread
    CHECK(good.out.find("\n1,A,") != std::string::npos);
}

// SPEC §1 ◆8 and §2 ◆7 through the binary.
TEST_CASE("cli::--where reads only the rows it names, and month-name dates read anywhere", "[cli][e2e]") {
    TempDir dir;
    write_file(dir / "calls.csv",
               "client,started_at,duration,direction,Queue\n"
               "A,15 Sep 2026 10:00,60,in,Sales\n"
               "A,\"Sep 16, 2026 3:05 PM\",60,in,sales\n"
               "B,2026/09/17 10:00,60,in,Support\n"
               "C,17.9.26 11:00,60,in,Billing\n");
    write_file(dir / "invoices.csv",
               "client,issued_at,due_at,amount,status\n"
               "A,01-Sep-2026,30-Sep-2026,100.00,open\n"
               "B,Tue Sep 01 10:00:00 +0000 2026,2026-09-30,50.00,OPEN\n"
               "C,2026-09-01,2026-09-30,70.00,pending\n");
    const std::string d = dir.path().string();
    const auto clients_of = [](const json& report) {
        std::vector<std::string> out;
        for (const json& c : report["clients"]) {
            out.push_back(c["client"].get<std::string>() + ":" + std::to_string(c["calls"].get<int>()));
        }
        std::sort(out.begin(), out.end());
        return out;
    };

    SECTION("every form is read without options") {
        const RunResult r = run_clientscore({"rank", d, "--format", "json"});
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        CHECK(report["skipped_rows"]["calls.csv"] == 0);
        CHECK(report["skipped_rows"]["invoices.csv"] == 0);
        CHECK(report["period"]["from"] == "2026-09-15");
        CHECK(report["period"]["to"] == "2026-09-17");
        CHECK(clients_of(report) == std::vector<std::string>{"A:2", "B:1", "C:1"});
    }
    SECTION("= and != with several values, and several --where on one kind") {
        const RunResult r = run_clientscore({"rank", d, "--format", "json", "--where", "calls.queue=SALES|billing",
                                             "--where", "invoices.Status!=pending", "--where", "calls.client!=C"});
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        CHECK(report["ignored_rows"]["calls.csv"] == 2);
        CHECK(report["ignored_rows"]["invoices.csv"] == 1);
        CHECK(report["skipped_rows"]["calls.csv"] == 0);
        // B keeps its invoice (a receivable) but no call; C has neither.
        CHECK(clients_of(report) == std::vector<std::string>{"A:2", "B:0"});
    }
    SECTION("check counts the rows left out") {
        const RunResult r = run_clientscore({"check", d, "--format", "json", "--where", "calls.Queue!=Sales"});
        REQUIRE(r.status == 0);
        const json report = json::parse(r.out);
        for (const json& f : report["files"]) {
            if (f["kind"] == "calls") {
                CHECK(f["rows"] == 4);
                CHECK(f["skipped"] == 0);
            }
        }
    }
    SECTION("a header the file lacks is an input error naming the file and its columns") {
        const RunResult r = run_clientscore({"rank", d, "--where", "calls.Team=Sales"});
        CHECK(r.status == 3);
        CHECK(r.out.empty());
        CHECK(r.err.find("clientscore: calls.csv:1: --where calls.Team=Sales: the file has no column \"Team\"") !=
              std::string::npos);
        CHECK(r.err.find("its columns are: client, started_at, duration, direction, Queue") != std::string::npos);
    }
    SECTION("usage errors") {
        RunResult r = run_clientscore({"rank", d, "--where", "tickets.Queue=Sales"});
        CHECK(r.status == 2);
        CHECK(r.err.find("unknown kind \"tickets\"") != std::string::npos);
        r = run_clientscore({"rank", d, "--date-format", "%d/%m/%Q"});
        CHECK(r.status == 2);
        CHECK(r.err.find("--date-format \"%d/%m/%Q\" has an unknown directive %Q") != std::string::npos);
    }
    SECTION("--date-format in the config file") {
        write_file(dir / "cfg" / "clientscore.toml", "date-format = [\"%d/%m/%y %H:%M\"]\nwhere = [\"calls.Queue=Support\"]\n");
        write_file(dir / "more" / "calls.csv", "client,started_at\nA,01/02/03 10:00\n");
        const RunResult r = run_clientscore({"rank", (dir / "more").string(), "--config",
                                             (dir / "cfg" / "clientscore.toml").string(), "--format", "json"});
        CHECK(r.status == 3);  // the config's --where names a column this calls file lacks
        CHECK(r.err.find("--where calls.Queue=Support") != std::string::npos);
        write_file(dir / "cfg" / "clientscore.toml", "date-format = [\"%d/%m/%y %H:%M\"]\n");
        const RunResult ok = run_clientscore({"rank", (dir / "more").string(), "--config",
                                              (dir / "cfg" / "clientscore.toml").string(), "--format", "json"});
        REQUIRE(ok.status == 0);
        CHECK(json::parse(ok.out)["period"]["from"] == "2003-02-01");  // the format, not an ambiguous slash date
    }
}

namespace {

// sample_data's invoices.csv as Excel holds it: dates as date serials with a date format,
// amounts as numbers with a number format, text as shared strings, empty cells left out.
void write_invoices_workbook(const std::filesystem::path& path, const std::string& sheet_name) {
    const std::string csv = read_file(source_path("sample_data/invoices.csv"));
    WorkbookSpec spec;
    spec.cell_formats = {0, 14, 4};  // General, m/d/yyyy, #,##0.00
    std::string rows;
    std::size_t line_start = 0;
    int r = 0;
    while (line_start < csv.size()) {
        std::size_t line_end = csv.find('\n', line_start);
        if (line_end == std::string::npos) {
            line_end = csv.size();
        }
        std::string line = csv.substr(line_start, line_end - line_start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        line_start = line_end + 1;
        ++r;
        std::string cells;
        std::size_t from = 0;
        char column = 'A';
        while (from <= line.size()) {
            std::size_t to = line.find(',', from);
            to = to == std::string::npos ? line.size() : to;
            const std::string value = line.substr(from, to - from);
            const std::string ref = std::string(1, column) + std::to_string(r);
            if (value.empty()) {
            } else if (r > 1 && value.size() == 10 && value[4] == '-' && value[7] == '-') {
                const int days = static_cast<int>((std::chrono::sys_days(std::chrono::year_month_day(
                                                       std::chrono::year(std::stoi(value.substr(0, 4))),
                                                       std::chrono::month(static_cast<unsigned>(std::stoi(value.substr(5, 2)))),
                                                       std::chrono::day(static_cast<unsigned>(std::stoi(value.substr(8, 2)))))) -
                                                   std::chrono::sys_days(std::chrono::year_month_day(
                                                       std::chrono::year(1899), std::chrono::month(12), std::chrono::day(30))))
                                                      .count());
                cells += number_cell(ref, std::to_string(days), 1);
            } else if (r > 1 && value.find_first_not_of("0123456789.-") == std::string::npos) {
                cells += number_cell(ref, value, 2);
            } else {
                cells += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(spec.shared.size()) + "</v></c>";
                spec.shared.push_back(value);
            }
            ++column;
            from = to + 1;
        }
        rows += row_xml(r, cells);
    }
    spec.sheets = {{"Notes", row_xml(1, text_cell("A1", "exported by the accounting system"))},
                   {sheet_name, rows, "", "A1:J101"}};
    write_workbook(path, spec);
}

// A copy of sample_data with invoices.csv replaced by `invoices_name` (a workbook).
void copy_sample_without_invoices(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(k_sample)) {
        if (entry.path().filename() != "invoices.csv") {
            std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
        }
    }
}

}  // namespace

TEST_CASE("cli::an .xlsx export reads as its CSV would: rank and check", "[cli][e2e][xlsx]") {
    TempDir dir;
    copy_sample_without_invoices(dir.path());
    write_invoices_workbook(dir / "invoices.xlsx", "Invoices");
    const RunResult csv = run_clientscore(with({"rank", k_sample, "--format", "csv"}, k_period));
    REQUIRE(csv.status == 0);
    const RunResult xlsx = run_clientscore(with({"rank", dir.path().string(), "--format", "csv"}, k_period));
    INFO(xlsx.err);
    CHECK(xlsx.status == 0);
    CHECK(xlsx.out == csv.out);
    CHECK(xlsx.err.find("invoices.xlsx") == std::string::npos);  // no "not read" warning

    const RunResult check = run_clientscore({"check", dir.path().string(), "--format", "json"});
    CHECK(check.status == 0);
    const json report = json::parse(check.out);
    bool seen = false;
    for (const auto& file : report["files"]) {
        if (file["path"].get<std::string>().ends_with("invoices.xlsx")) {
            seen = true;
            CHECK(file["sheet"] == "Invoices");  // named as the kind, not the first sheet
            CHECK(file["rows"] == 100);
            CHECK(file["skipped"] == 0);
            CHECK(file["header_line"] == 1);
        } else {
            CHECK(file["sheet"].is_null());
        }
    }
    CHECK(seen);
    CHECK(report["not_read"].empty());

    // Given explicitly, a workbook whose sheet is not named as the kind: its first sheet.
    TempDir other;
    write_invoices_workbook(other / "q3.xlsx", "Data");
    const RunResult first = run_clientscore(
        with({"check", "--calls", k_sample + "/calls.csv", "--invoices", (other / "q3.xlsx").string()}, {}));
    CHECK(first.status == 3);  // the first sheet holds a title, not an invoice header
    CHECK(first.out.find("q3.xlsx") != std::string::npos);
    CHECK(first.out.find("  sheet        Notes\n") != std::string::npos);
}

TEST_CASE("cli::a broken .xlsx file is an input error naming it (exit 3)", "[cli][e2e][xlsx]") {
    TempDir dir;
    write_file(dir / "calls.csv", "client,started_at\nA,2026-09-01 10:00\n");
    SECTION("not a zip archive") {
        write_file(dir / "invoices.xlsx", "client,amount\n");
        const RunResult r = run_clientscore({"rank", dir.path().string()});
        CHECK(r.status == 3);
        CHECK(r.err.find("clientscore: invoices.xlsx: is not a valid .xlsx workbook: it is not a zip archive") !=
              std::string::npos);
    }
    SECTION("a zip archive that is no workbook") {
        write_zip(dir / "invoices.xlsx", {{"a.txt", "x"}});
        const RunResult r = run_clientscore({"rank", dir.path().string()});
        CHECK(r.status == 3);
        CHECK(r.err.find("invoices.xlsx: is not a valid .xlsx workbook: it is a zip archive without a workbook") !=
              std::string::npos);
    }
    SECTION("a sheet that is not XML") {
        std::vector<ZipPart> parts = workbook_parts(WorkbookSpec{{{"invoices", ""}}});
        for (ZipPart& p : parts) {
            if (p.name == "xl/worksheets/sheet1.xml") {
                p.bytes = "<worksheet><sheetData><row r=\"1\"><c></row>";
            }
        }
        write_zip(dir / "invoices.xlsx", parts);
        const RunResult r = run_clientscore({"check", dir.path().string()});
        CHECK(r.status == 3);
        CHECK(r.out.find("invoices.xlsx: is not a valid .xlsx workbook: xl/worksheets/sheet1.xml is not well-formed "
                         "XML") != std::string::npos);
    }
}

// A zip bomb and a sheet of a million empty styled cells, under an address-space limit that
// holds the program but not the inflated sheet: the bomb is exit 3, the sheet reads.
TEST_CASE("cli::a zip bomb is exit 3 within bounded memory; empty styled cells cost none", "[cli][e2e][xlsx]") {
    TempDir dir;
    write_file(dir / "calls.csv", "client,started_at\nA,2026-09-01 10:00\n");
    const auto limited = [&](const std::vector<std::string>& args, int kib = 200000) {
        std::string command = "ulimit -v " + std::to_string(kib) + " || exit 99; exec env CLIENTSCORE_THREADS=1 " +
                              shell_quote(CLIENTSCORE_BINARY);
        for (const std::string& a : args) {
            command += " " + shell_quote(a);
        }
        command += " > " + shell_quote((dir / "out").string()) + " 2> " + shell_quote((dir / "err").string());
        const int raw = std::system(("bash -c " + shell_quote(command)).c_str());
        return RunResult{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(dir / "out"), read_file(dir / "err")};
    };
    if (limited({"--version"}).status != 0) {
        WARN("the binary does not run in 200000 KiB of address space here (a sanitizer?): memory checks skipped");
        return;
    }
    // 64 MiB of empty cells, which deflate makes about a thousand times smaller.
    {
        std::string sheet = row_xml(1, text_cell("A1", "client") + text_cell("B1", "issued_at"));
        sheet.reserve(64u << 20);
        while (sheet.size() < (64u << 20)) {
            sheet += "<c/>";
        }
        write_zip(dir / "invoices.xlsx", workbook_parts(WorkbookSpec{{{"invoices", sheet}}}));
    }
    const RunResult bomb = limited({"rank", dir.path().string()});
    INFO(bomb.err);
    CHECK(bomb.status == 3);
    CHECK(bomb.err.find("invoices.xlsx: xl/worksheets/sheet1.xml inflates ") != std::string::npos);
    CHECK(bomb.err.find("a zip bomb, not a workbook") != std::string::npos);

    // 1,000,000 empty styled cells (200,000 rows of 5) below a header and one invoice.
    {
        WorkbookSpec spec;
        spec.cell_formats = {0, 4};
        std::string sheet = row_xml(1, text_cell("A1", "client") + text_cell("B1", "issued_at") +
                                           text_cell("C1", "amount") + text_cell("D1", "due_at")) +
                            row_xml(2, text_cell("A2", "A") + text_cell("B2", "2026-09-01") + number_cell("C2", "10") +
                                           text_cell("D2", "2026-09-30"));
        for (int r = 3; r < 200003; ++r) {
            const std::string n = std::to_string(r);
            sheet += "<row r=\"" + n + "\">";
            for (const char* column : {"A", "B", "C", "D", "E"}) {
                sheet += "<c r=\"" + std::string(column) + n + "\" s=\"1\"/>";
            }
            sheet += "</row>";
        }
        spec.sheets = {{"invoices", sheet, "", "A1:E200002"}};
        write_workbook(dir / "invoices.xlsx", spec);
    }
    const RunResult empty = limited({"check", dir.path().string(), "--format", "json"});
    INFO(empty.err);
    CHECK(empty.status == 0);
    CHECK(json::parse(empty.out)["files"][1]["rows"] == 1);

    // A sheet whose text is 37 MB, read in 40 MB of address space: the sheet is streamed.
    if (limited({"--version"}, 40000).status != 0) {
        WARN("the binary does not run in 40000 KiB of address space here: the streaming check is skipped");
        return;
    }
    {
        WorkbookSpec spec;
        spec.shared = {"client", "issued_at", "due_at", "amount", std::string(350, 'n'), "2026-09-01"};
        std::string sheet = row_xml(1, "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                                       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>");
        for (int r = 2; r < 100002; ++r) {
            const std::string n = std::to_string(r);
            sheet += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>4</v></c><c r=\"B" + n +
                     "\" t=\"s\"><v>5</v></c><c r=\"C" + n + "\" t=\"s\"><v>5</v></c><c r=\"D" + n + "\"><v>12.5</v></c></row>";
        }
        spec.sheets = {{"invoices", sheet, "", "A1:D100001"}};
        write_workbook(dir / "invoices.xlsx", spec);
    }
    const RunResult streamed = limited({"check", dir.path().string(), "--format", "json"}, 40000);
    INFO(streamed.err);
    CHECK(streamed.status == 0);
    CHECK(json::parse(streamed.out)["files"][1]["rows"] == 100000);
}

TEST_CASE("cli::the format from --output's name, and a usage error when --format disagrees", "[cli][e2e]") {
    TempDir dir;
    SECTION("the name picks the format") {
        const std::string out = (dir / "report.json").string();
        REQUIRE(run_clientscore(with({"rank", k_sample, "-q", "-o", out}, k_period)).status == 0);
        CHECK(read_file(out) == read_file(source_path("tests/golden/rank.json")));
        const std::string md = (dir / "report.md").string();
        REQUIRE(run_clientscore(with({"rank", k_sample, "-q", "-o", md, "--format", "markdown"}, k_period)).status == 0);
        CHECK(read_file(md) == read_file(source_path("tests/golden/rank.md")));
        const std::string page = (dir / "report.html").string();
        REQUIRE(run_clientscore(with({"rank", k_sample, "-q", "-o", page}, k_period)).status == 0);
        CHECK(read_file(page).rfind("<!DOCTYPE html>", 0) == 0);
    }
    SECTION("a disagreeing --format is a usage error and writes nothing") {
        const std::string out = (dir / "report.html").string();
        const RunResult r = run_clientscore(with({"rank", k_sample, "--format", "csv", "-o", out}, k_period));
        CHECK(r.status == 2);
        CHECK(r.err.find("--format csv does not match --output") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(out));
    }
    SECTION("another ending keeps --format's choice or the table") {
        const std::string out = (dir / "report.txt").string();
        REQUIRE(run_clientscore(with({"rank", k_sample, "-q", "-o", out, "--color", "never"}, k_period)).status == 0);
        CHECK(read_file(out) == read_file(source_path("tests/golden/rank.table")));
    }
    SECTION("check has no html or xlsx") {
        CHECK(run_clientscore({"check", k_sample, "--format", "html"}).status == 2);
        CHECK(run_clientscore({"check", k_sample, "-o", (dir / "c.xlsx").string()}).status == 2);
    }
}

// read_in_parallel (src/app/parallel_read.cpp): reading on every worker, large files cut into
// slices, files read again whole when their slices cannot stand for them; the result never
// depends on the threads or the cut. The end-to-end cases (cli::...) moved here from
// test_app_cli.cpp.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/parallel_read.hpp"
#include "app/run_settings.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;

namespace {

const std::string k_sample = source_path("sample_data");
const std::vector<std::string> k_period = {"--from", "2026-09-01", "--to", "2026-10-31"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

struct Read {
    std::vector<FileReport> reports;
    std::unique_ptr<Aggregator> aggregator;
    std::vector<InputFile> files;
};

Read read_folder(const std::string& dir, const ReadPlan& plan) {
    const Options o = options_for({"rank", dir});
    Read r;
    r.files = discover_inputs(o.dir, o.files).files;
    r.reports.resize(r.files.size());
    static const ClientDirectory no_clients;
    r.aggregator = read_in_parallel(r.files, 0, no_clients, make_aggregate_settings(o, {}), make_read_settings(o),
                                    plan, r.reports);
    return r;
}

std::uint32_t calls_of(const Aggregator& ag, const std::string& id) {
    for (std::size_t i = 0; i < ag.client_ids().size(); ++i) {
        if (ag.client_ids()[i] == id) {
            return ag.totals()[i].contacts.calls;
        }
    }
    return 0;
}

// 1500 calls over 30 clients, a bad row every 100 records, quoted notes with line breaks.
std::string many_calls() {
    std::string calls = "client,started_at,duration,notes\n";
    for (int i = 0; i < 1500; ++i) {
        const std::string day = std::to_string(10 + i % 19);
        calls += "C" + std::to_string(i % 30) + "," + (i % 100 == 99 ? "bad date" : "2026-09-" + day + " 10:00") +
                 ",60," + (i % 13 == 0 ? "\"two\nlines\"" : "note") + "\n";
    }
    return calls;
}

}  // namespace

TEST_CASE("app::read_in_parallel reads the same on one worker and on several with slices", "[app]") {
    ExportFolder dir({{"calls.csv", many_calls()},
                      {"emails.csv", "client,sent_at\nC1,2026-09-10 10:00\nC2,nope\n"},
                      {"invoices.csv", "client,invoice_id,issued_at,due_at,amount\nC1,I1,2026-09-10,2026-09-30,10\n"
                                       "C2,I1,2026-09-10,2026-09-30,10\n"}});
    const Read whole = read_folder(dir.path(), ReadPlan{1, 16ull << 20});
    REQUIRE(whole.files.size() == 3);
    // 1500 records: 15 bad dates; every client has 50 calls less its bad rows.
    CHECK(whole.reports[0].file.display_name == "calls.csv");
    CHECK(whole.reports[0].rows == 1500);
    CHECK(whole.reports[0].bad_rows.count == 15);
    CHECK(calls_of(*whole.aggregator, "C0") == 50);
    CHECK(calls_of(*whole.aggregator, "C9") == 45);  // records 99, 399, ... hold C9's bad dates
    for (const ReadPlan plan : {ReadPlan{2, 4000}, ReadPlan{3, 2500}, ReadPlan{4, 700}}) {
        CAPTURE(plan.threads, plan.slice_bytes);
        const Read cut = read_folder(dir.path(), plan);
        REQUIRE(cut.reports.size() == whole.reports.size());
        for (std::size_t f = 0; f < whole.reports.size(); ++f) {
            CAPTURE(whole.reports[f].file.display_name);
            CHECK(cut.reports[f].file.display_name == whole.reports[f].file.display_name);
            CHECK(cut.reports[f].rows == whole.reports[f].rows);
            CHECK(cut.reports[f].bad_rows.count == whole.reports[f].bad_rows.count);
            REQUIRE(cut.reports[f].bad_rows.kept.size() == whole.reports[f].bad_rows.kept.size());
            for (std::size_t k = 0; k < whole.reports[f].bad_rows.kept.size(); ++k) {
                CHECK(cut.reports[f].bad_rows.kept[k].line == whole.reports[f].bad_rows.kept[k].line);
            }
        }
        for (int c = 0; c < 30; ++c) {
            const std::string id = "C" + std::to_string(c);
            CHECK(calls_of(*cut.aggregator, id) == calls_of(*whole.aggregator, id));
        }
        CHECK(cut.aggregator->invoices().size() == 1);
        REQUIRE(cut.aggregator->file_extras().size() == 3);
        CHECK(cut.aggregator->file_extras()[2].bad_rows.count == 1);  // I1 for C2 after C1
    }
}

TEST_CASE("app::read_in_parallel throws the error of the first failing file in file order", "[app]") {
    // calls.csv comes before emails.csv (Discovery's order); both lack their date column.
    ExportFolder dir({{"calls.csv", "client,when\nA,2026-09-01\n"},
                      {"emails.csv", "client,when\nA,2026-09-01\n"},
                      {"discounts.csv", "client,granted_at,amount\nA,2026-09-01,5\n"}});
    for (int round = 0; round < 5; ++round) {
        for (const unsigned threads : {1u, 2u, 4u}) {
            CAPTURE(round, threads);
            try {
                read_folder(dir.path(), ReadPlan{threads, 16ull << 20});
                FAIL("no InputError");
            } catch (const InputError& e) {
                CHECK(e.where().file == "calls.csv");
            }
        }
    }
}

TEST_CASE("cli::the same output whatever the number of reader threads", "[cli][e2e]") {
    // Spread the sample over more files than threads so that every split is exercised.
    TempDir dir;
    for (const char* kind : {"calls", "emails", "invoices", "discounts", "clients"}) {
        write_file(dir / (std::string(kind) + ".csv"), read_file(k_sample + "/" + kind + ".csv"));
    }
    std::string calls = read_file(k_sample + "/calls.csv");
    write_file(dir / "calls_copy.csv", calls);  // a second calls file: every call counts twice
    for (const char* format : {"json", "csv"}) {
        auto args = with({"rank", dir.path().string(), "--format", format}, k_period);
        RunResult one = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=1");
        RunResult two = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=2");
        RunResult four = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=4");
        REQUIRE(one.status == 0);
        CHECK(one.out == two.out);
        CHECK(one.out == four.out);
    }
}

TEST_CASE("cli::a file cut into slices reads as the whole file", "[cli][e2e]") {
    // Quoted notes with commas, doubled quotes and line breaks, bad rows spread over the file,
    // and an evidence log: line numbers, counts and warnings must not depend on the cut.
    TempDir dir;
    std::string calls = "client,started_at,duration,direction,tags,notes\n";
    for (int i = 0; i < 3000; ++i) {
        const std::string client = "C" + std::to_string(i % 37);
        const std::string day = std::to_string(1 + i % 28);
        const std::string when = "2026-09-" + std::string(day.size() == 1 ? "0" : "") + day + " " +
                                 std::to_string(i % 24) + ":15";
        std::string note = i % 7 == 0 ? "\"said \"\"no\"\",\nthen hung up\"" : "plain note " + std::to_string(i);
        if (i % 501 == 0) {
            calls += client + ",not a date,60,inbound,," + note + "\n";  // a bad row
        } else {
            calls += client + "," + when + "," + std::to_string(i % 900) + "," + (i % 3 ? "inbound" : "outbound") +
                     "," + (i % 11 == 0 ? "threat" : "") + "," + note + "\n";
        }
    }
    write_file(dir / "calls.csv", calls);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"rank", dir.path().string(), "--format", "json"},
          std::vector<std::string>{"evidence", "C0", dir.path().string(), "--format", "csv"}}) {
        RunResult whole = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=1");
        RunResult cut = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=2 CLIENTSCORE_SLICE_BYTES=20000");
        RunResult finer = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=3 CLIENTSCORE_SLICE_BYTES=9000");
        REQUIRE(whole.status == 0);
        CHECK(whole.out == cut.out);
        CHECK(whole.out == finer.out);
        CHECK(whole.err == cut.err);  // the same bad rows, at the same lines
        CHECK(whole.err == finer.err);
    }
    RunResult check = run_clientscore({"rank", dir.path().string(), "--format", "json"}, nullptr, "",
                                      "CLIENTSCORE_THREADS=2 CLIENTSCORE_SLICE_BYTES=9000");
    // Row 501 starts on line 2 + 501 + 72: rows 0, 7, ..., 497 each hold a quoted line break.
    CHECK(check.err.find("calls.csv:575: column \"started_at\"") != std::string::npos);
}

TEST_CASE("cli::a bare CR found after slices were planned makes the file read whole", "[cli][e2e]") {
    // A CR without an LF ends a line for the CSV layer but not for the planner's line count, so
    // a file holding one cannot be cut. The planner meets it only as it scans, after it has
    // handed out slices that workers may already have read: the run must start over with that
    // file whole and print what a single-threaded run prints, line numbers included.
    TempDir dir;
    for (const bool quoted : {false, true}) {
        CAPTURE(quoted);
        std::string calls = "client,started_at,duration,notes\n";
        for (int i = 0; i < 2000; ++i) {
            calls += "C" + std::to_string(i % 23) + ",2026-09-" + (i % 28 < 9 ? "0" : "") + std::to_string(1 + i % 28) +
                     " 10:00," + std::to_string(i) + ",";
            if (i == 1000) {
                // Halfway, with cuts still to plan after it: in a quoted note (text there, once
                // an LF has been seen) or between two records (a line end).
                calls += quoted ? "\"before\rafter\"\n" : "ends with CR\rC1,2026-09-02 11:00,5,\n";
            } else {
                calls += i % 9 == 0 ? "\"a, \"\"quoted\"\"\nnote\"\n" : "plain\n";
            }
        }
        calls += "C2,not a date,1,bad row after the CR\n";
        write_file(dir / "calls.csv", calls);
        const std::vector<std::string> args = {"rank", dir.path().string(), "--format", "json"};
        const RunResult whole = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=1");
        REQUIRE(whole.status == 0);
        CHECK(whole.err.find("calls.csv:") != std::string::npos);  // the bad row, with its line
        for (const char* split : {"CLIENTSCORE_THREADS=2 CLIENTSCORE_SLICE_BYTES=4000",
                                  "CLIENTSCORE_THREADS=3 CLIENTSCORE_SLICE_BYTES=9000"}) {
            CAPTURE(split);
            const RunResult cut = run_clientscore(args, nullptr, "", split);
            CHECK(cut.out == whole.out);
            CHECK(cut.err == whole.err);
        }
    }
}

TEST_CASE("cli::every command reads the same whatever the threads and the slices", "[cli][e2e]") {
    // Workers take units as they free up and a planner thread cuts large files while they
    // read, so which thread reads what changes from run to run. The sample's exports, each
    // written twice over two files (invoice lines then join across them), with calls and emails
    // large enough to be cut: every report and every warning must be byte for byte the
    // single-threaded, uncut run's, for every split.
    TempDir dir;
    for (const char* kind : {"clients", "invoices", "discounts"}) {
        write_file(dir / (std::string(kind) + ".csv"), read_file(k_sample + "/" + kind + ".csv"));
    }
    const std::string invoices = read_file(k_sample + "/invoices.csv");
    write_file(dir / "invoices_2.csv", invoices);  // lines of the same invoices: amounts add up
    for (const char* kind : {"calls", "emails"}) {
        const std::string text = read_file(k_sample + "/" + kind + ".csv");
        std::string doubled = text;
        doubled += text.substr(text.find('\n') + 1);  // the rows again, in one file
        doubled += "C005,not a date,60,inbound,,bad row near the end\n";
        write_file(dir / (std::string(kind) + ".csv"), doubled);
    }
    const std::vector<std::vector<std::string>> commands = {
        with({"rank", dir.path().string(), "--format", "json"}, k_period),
        with({"rank", dir.path().string(), "--format", "csv", "--sort", "net_revenue"}, k_period),
        with({"explain", "C018", dir.path().string(), "--format", "json"}, k_period),
        with({"evidence", "C015", dir.path().string(), "--format", "csv"}, k_period),
        {"check", dir.path().string(), "--format", "json"},
    };
    const std::vector<std::string> splits = {
        "CLIENTSCORE_THREADS=2",
        "CLIENTSCORE_THREADS=2 CLIENTSCORE_SLICE_BYTES=5000",
        "CLIENTSCORE_THREADS=3 CLIENTSCORE_SLICE_BYTES=12000",
        "CLIENTSCORE_THREADS=4 CLIENTSCORE_SLICE_BYTES=3000",
    };
    for (const auto& args : commands) {
        CAPTURE(args[0], args.size());
        const RunResult whole = run_clientscore(args, nullptr, "", "CLIENTSCORE_THREADS=1");
        REQUIRE(whole.status == 0);
        CHECK_FALSE(whole.out.empty());
        for (int round = 0; round < 2; ++round) {
            for (const std::string& split : splits) {
                CAPTURE(split, round);
                const RunResult cut = run_clientscore(args, nullptr, "", split);
                CHECK(cut.status == whole.status);
                CHECK(cut.out == whole.out);
                CHECK(cut.err == whole.err);
            }
        }
    }
}

// End-to-end reliability (issue 5), through the binary as cron runs it: a file that cannot be
// used gives exit 3 with the file (and line) named and never a crash or a hang; rows that
// cannot be read are skipped and counted; --output never leaves a half-written or stray file;
// values beyond the limits are bad values.

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string k_calls_header = "client,started_at,duration,notes\n";

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// Runs `rank --calls FILE` and expects exit 3 with an error line that starts with `where`.
RunResult expect_input_error(const std::vector<std::string>& args, const std::string& where,
                             const std::string* stdin_text = nullptr) {
    RunResult r = run_clientscore(args, stdin_text);
    INFO(r.err);
    CHECK(r.status == 3);
    CHECK(starts_with(r.err, "clientscore: " + where));
    CHECK(r.out.empty());
    return r;
}

}  // namespace

TEST_CASE("cli::hostile files exit 3 naming the file and line", "[cli][e2e][reliability]") {
    TempDir dir;
    const std::string calls = (dir / "calls.csv").string();

    SECTION("a binary file") {
        std::string binary = read_file(CLIENTSCORE_BINARY).substr(0, 4096);
        write_file(calls, binary);
        expect_input_error({"rank", "--calls", calls}, "calls.csv:1: contains a NUL byte: this is not a text file");
    }
    SECTION("a UTF-16 file: the message says how to convert it") {
        write_file(calls, std::string("\xFF\xFE" "c\0l\0i\0e\0n\0t\0,\0s\0\n\0", 20));
        RunResult r = expect_input_error({"rank", "--calls", calls}, "calls.csv:1: is UTF-16 text");
        CHECK(contains(r.err, "hint: convert it: iconv -f UTF-16 -t UTF-8 " + calls));
        // Big-endian without a byte-order mark too.
        write_file(calls, std::string("\0c\0l\0i\0e\0n\0t\0,\0s\0\n", 18));
        expect_input_error({"rank", "--calls", calls}, "calls.csv:1: is UTF-16 text");
    }
    SECTION("Windows-1252 bytes without --encoding, then with it") {
        write_file(calls, k_calls_header + "M\xFCller,2026-09-01 10:00,60,\n");
        RunResult r = expect_input_error({"rank", "--calls", calls}, "calls.csv:2: column \"client\": byte 0xFC is not valid UTF-8");
        CHECK(contains(r.err, "--encoding windows-1252"));
        RunResult ok = run_clientscore({"rank", "--calls", calls, "--encoding", "windows-1252", "--format", "csv"});
        CHECK(ok.status == 0);
        CHECK(contains(ok.out, "M\xC3\xBCller"));
    }
    SECTION("NUL bytes") {
        write_file(calls, k_calls_header + "A,2026-09-01 10:00,60,\n" + std::string("B\0,2026-09-01 10:00,60,\n", 24));
        expect_input_error({"rank", "--calls", calls}, "calls.csv:3: contains a NUL byte");
    }
    SECTION("a quote open at the end of the file names the line where it opened") {
        write_file(calls, k_calls_header + "A,2026-09-01 10:00,60,fine\nB,2026-09-01 10:00,60,\"never\nclosed\n");
        expect_input_error({"rank", "--calls", calls}, "calls.csv:3: a quote opened on this line is still open");
    }
    SECTION("a record over 16 MiB") {
        write_file(calls, k_calls_header + "A,2026-09-01 10:00,60,fine\nB,2026-09-01 10:00,60," +
                              std::string(17u << 20, 'x') + "\nC,2026-09-01 10:00,60,\n");
        expect_input_error({"rank", "--calls", calls}, "calls.csv:3: record over 16 MiB");
    }
    SECTION("a folder given as a file") {
        fs::create_directory(dir / "calls.d");
        expect_input_error({"rank", "--calls", (dir / "calls.d").string()},
                           (dir / "calls.d").string() + ": is a folder, not an export file");
    }
    SECTION("an unreadable file") {
        write_file(calls, k_calls_header + "A,2026-09-01 10:00,60,\n");
        ::chmod(calls.c_str(), 0);
        const int fd = ::open(calls.c_str(), O_RDONLY);
        if (fd >= 0) {
            // Root (as in the CI container) reads a file whatever its mode: nothing to test here.
            ::close(fd);
            WARN("running as root: chmod 000 does not stop reading, unreadable-file check skipped");
        } else {
            expect_input_error({"rank", "--calls", calls}, calls + ": cannot be opened: Permission denied");
        }
        ::chmod(calls.c_str(), 0644);
    }
    SECTION("a missing file") {
        expect_input_error({"rank", "--calls", (dir / "nope.csv").string()},
                           (dir / "nope.csv").string() + ": cannot be opened: No such file or directory");
    }
    SECTION("empty standard input") {
        const std::string empty;
        expect_input_error({"rank", "--calls", "-"}, "-: is empty", &empty);
    }
    SECTION("a truncated gzip file") {
        std::string text = k_calls_header;
        for (int i = 0; i < 5000; ++i) {
            text += "C" + std::to_string(i) + ",2026-09-01 10:00," + std::to_string(i) + ",note " +
                    std::to_string(i * 7919) + "\n";
        }
        write_file(dir / "plain.csv", text);
        fs::create_directories(dir / "gz");
        REQUIRE(std::system(("gzip -c " + shell_quote((dir / "plain.csv").string()) + " > " +
                             shell_quote((dir / "gz" / "calls.csv.gz").string()))
                                .c_str()) == 0);
        const std::string whole = read_file(dir / "gz" / "calls.csv.gz");
        write_file(dir / "gz" / "calls.csv.gz", whole.substr(0, whole.size() / 2));
        expect_input_error({"rank", (dir / "gz").string()}, "calls.csv.gz: the gzip data ends early");
    }
}

TEST_CASE("cli::rows that cannot be read are skipped and counted", "[cli][e2e][reliability]") {
    TempDir dir;
    const std::string one_mb(1u << 20, 'n');
    write_file(dir / "calls.csv", k_calls_header +
                                      "A,2026-09-01 10:00,60,fine\n"
                                      "A,2026-09-01 11:00,60\n"                    // ragged: 3 fields
                                      "A,2026-09-01 11:00,60,x,extra\n"            // ragged: 5 fields
                                      "A,2026-09-31 10:00,60,\n"                   // no such day
                                      "A,2026-09-01 10:00,ten minutes,\n"          // bad duration
                                      ",2026-09-01 10:00,60,\n"                    // empty client
                                      "B,2026-09-02 10:00,60," + one_mb + "\n");  // a 1 MB field is read
    RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["skipped_rows"]["calls.csv"] == 5);
    CHECK(report["clients"].size() == 2);
    CHECK(contains(r.err, "calls.csv:3:"));
    CHECK(contains(r.err, "calls.csv:5: column \"started_at\""));
    CHECK(contains(r.err, "calls.csv:6: column \"duration\""));

    RunResult evidence = run_clientscore({"evidence", "B", dir.path().string(), "--format", "json", "-q"});
    REQUIRE(evidence.status == 0);
    CHECK(json::parse(evidence.out)["events"][0]["text"] == one_mb);

    RunResult strict = run_clientscore({"rank", dir.path().string(), "--strict"});
    CHECK(strict.status == 3);
    CHECK(starts_with(strict.err, "clientscore: calls.csv:3:"));
}

TEST_CASE("cli::a hundred thousand columns are read", "[cli][e2e][reliability]") {
    TempDir dir;
    std::string header = "client,started_at";
    std::string row = "A,2026-09-01 10:00";
    for (int i = 2; i < 100000; ++i) {
        header += ",c" + std::to_string(i);
        row += "," + std::to_string(i % 10);
    }
    write_file(dir / "calls.csv", header + "\n" + row + "\n" + row.substr(0, row.size() - 2) + "\n");
    RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["clients"][0]["calls"] == 1);
    CHECK(report["skipped_rows"]["calls.csv"] == 1);  // the last row lacks a field
}

TEST_CASE("cli::timestamps outside 1970-2100 and amounts beyond 64-bit minor units are bad values",
          "[cli][e2e][reliability]") {
    TempDir dir;
    write_file(dir / "calls.csv", k_calls_header +
                                      "A,2026-09-01 10:00,60,\n"
                                      "A,1969-12-31 23:59,60,\n"
                                      "A,2101-01-01 00:00,60,\n"
                                      "A,4102444800,60,\n"  // 2100-01-01 in Unix seconds: fine
                                      "A,4133980800,60,\n"  // 2101-01-01 in Unix seconds
                                      "A,31.12.1969,60,\n");
    write_file(dir / "invoices.csv",
               "client,issued_at,due_at,amount\n"
               "A,2026-09-01,2026-09-30,922337203685477.5807\n"  // the largest amount: fine
               "A,2026-09-01,2026-09-30,922337203685477.5808\n"
               "A,2026-09-01,2026-09-30,-922337203685477.5808\n"
               "A,2026-09-01,2026-09-30,\"99,999,999,999,999,999.00\"\n"
               "A,2026-09-01,2026-09-30,100.00\n");
    RunResult r = run_clientscore({"check", dir.path().string(), "--format", "json"});
    INFO(r.err);
    INFO(r.out);
    const json check = json::parse(r.out);
    bool seen_calls = false;
    bool seen_invoices = false;
    for (const json& f : check["files"]) {
        if (f["kind"] == "calls") {
            seen_calls = true;
            CHECK(f["rows"] == 6);
            CHECK(f["skipped"] == 4);
        } else if (f["kind"] == "invoices") {
            seen_invoices = true;
            CHECK(f["rows"] == 5);
            CHECK(f["skipped"] == 3);
        }
    }
    CHECK(seen_calls);
    CHECK(seen_invoices);
    RunResult strict_calls = run_clientscore({"rank", "--calls", (dir / "calls.csv").string(), "--strict"});
    CHECK(strict_calls.status == 3);
    CHECK(starts_with(strict_calls.err, "clientscore: calls.csv:3: column \"started_at\""));
    CHECK(contains(strict_calls.err, "1970"));
    RunResult strict_invoices =
        run_clientscore({"rank", "--invoices", (dir / "invoices.csv").string(), "--strict", "--to", "2026-10-31"});
    CHECK(strict_invoices.status == 3);
    CHECK(starts_with(strict_invoices.err, "clientscore: invoices.csv:3: column \"amount\""));
    CHECK(contains(strict_invoices.err, "too large"));
}

TEST_CASE("cli::--output survives SIGKILL in the middle of writing", "[cli][e2e][reliability]") {
    TempDir dir;
    std::string calls = "client,started_at,duration\n";
    calls.reserve(200000u * 40);
    for (int i = 0; i < 200000; ++i) {
        calls += "CLIENT-" + std::to_string(i) + ",2026-09-0" + std::to_string(1 + i % 9) + " 10:00," +
                 std::to_string(60 + i % 600) + "\n";
    }
    write_file(dir / "in" / "calls.csv", calls);
    const fs::path out_dir = dir / "out";
    fs::create_directories(out_dir);
    const fs::path target = out_dir / "report.json";
    const std::string previous = "{\"the\": \"previous report\"}\n";
    write_file(target, previous);

    const std::string in = (dir / "in").string();
    const std::string out = target.string();
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execl(CLIENTSCORE_BINARY, "clientscore", "rank", in.c_str(), "--format", "json", "--output", out.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait until the temporary file beside the target exists and has grown, then kill -9.
    bool killed_while_writing = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(child, &status, WNOHANG) == child) {
            break;  // it finished before we saw it write: the test did not get its chance
        }
        std::error_code ec;
        bool growing = false;
        for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
            if (entry.path().filename() != "report.json" && fs::file_size(entry.path(), ec) > 4096) {
                growing = true;
            }
        }
        if (growing) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            killed_while_writing = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    REQUIRE(killed_while_writing);
    CHECK(read_file(target) == previous);
    // What SIGKILL leaves is the temporary file (hidden, beside the target), never a torn target;
    // that a finished run replaces the target whole is tested in test_render_output_target.cpp.
    for (const std::string& left : others_in(out_dir, "report.json")) {
        CHECK(starts_with(left, ".report.json."));
    }
}

TEST_CASE("cli::--output leaves nothing behind after an error", "[cli][e2e][reliability]") {
    TempDir dir;
    write_file(dir / "in" / "calls.csv", "client,started_at\nA,2026-09-01 10:00\n");
    const std::string in = (dir / "in").string();
    fs::create_directories(dir / "out");
    const fs::path target = dir / "out" / "report.csv";

    SECTION("an error after the output was opened (unknown --sort key): no temporary file, old file intact") {
        write_file(target, "old\n");
        RunResult r = run_clientscore({"rank", in, "--format", "csv", "--sort", "no_such_key", "--output",
                                       target.string()});
        CHECK(r.status == 2);
        CHECK(read_file(target) == "old\n");
        CHECK(others_in(dir / "out", "report.csv").empty());
    }
    SECTION("an input error: no file at all") {
        write_file(dir / "in" / "calls.csv", "client\nA\n");  // started_at is missing
        RunResult r = run_clientscore({"rank", in, "--output", target.string()});
        CHECK(r.status == 3);
        CHECK(others_in(dir / "out", "none").empty());
    }
    SECTION("an unwritable --output: exit 4 and nothing left") {
        write_file(dir / "out" / "plain-file", "x");
        const std::string under_file = (dir / "out" / "plain-file" / "report.csv").string();
        RunResult r = run_clientscore({"rank", in, "--output", under_file});
        CHECK(r.status == 4);
        CHECK(starts_with(r.err, "clientscore: "));
        CHECK(others_in(dir / "out", "plain-file").empty());
        // A device that fails every write (a full disk), written directly.
        if (fs::exists("/dev/full")) {
            RunResult full = run_clientscore({"rank", in, "--output", "/dev/full"});
            CHECK(full.status == 4);
        }
    }
    SECTION("--output /dev/null is written directly and left a device") {
        RunResult r = run_clientscore({"rank", in, "--format", "json", "--output", "/dev/null"});
        CHECK(r.status == 0);
        CHECK(r.out.empty());
        CHECK(fs::is_character_file("/dev/null"));
    }
}

TEST_CASE("cli::csv and tsv output neutralise spreadsheet formulas", "[cli][e2e][reliability]") {
    TempDir dir;
    write_file(dir / "clients.csv",
               "client,name\nA,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\nB,+1\nC,-2\nD,@SUM(A1)\n");
    write_file(dir / "calls.csv",
               "client,started_at,duration,notes\n"
               "A,2026-09-01 10:00,60,\"\t=cmd|' /C calc'!A0\"\n"
               "B,2026-09-01 10:00,60,\n"
               "C,2026-09-01 10:00,60,\n"
               "D,2026-09-01 10:00,60,\n");
    SECTION("tsv names") {
        RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "tsv"});
        REQUIRE(r.status == 0);
        CHECK(contains(r.out, "\t'=HYPERLINK(\"http://x\",\"y\")\t"));
        CHECK(contains(r.out, "\t'+1\t"));
        CHECK(contains(r.out, "\t'-2\t"));
        CHECK(contains(r.out, "\t'@SUM(A1)\t"));
    }
    SECTION("an evidence note that starts with a tab, csv and tsv") {
        RunResult csv = run_clientscore({"evidence", "A", dir.path().string(), "--format", "csv"});
        REQUIRE(csv.status == 0);
        CHECK(contains(csv.out, ",'\t=cmd|' /C calc'!A0"));
        CHECK_FALSE(contains(csv.out, ",\t="));
        RunResult tsv = run_clientscore({"evidence", "A", dir.path().string(), "--format", "tsv"});
        REQUIRE(tsv.status == 0);
        CHECK(contains(tsv.out, "\t'\\t=cmd|' /C calc'!A0"));
    }
}

TEST_CASE("cli::client totals that would overflow 64 bits are input errors and never undefined behaviour",
          "[cli][e2e][reliability][fuzz]") {
    // Reproducers of fuzz_pipeline / UBSan "signed integer overflow" in aggregator.cpp and
    // totals.cpp: each value fits on its own, their sum does not. Call times and discounts are
    // never negative, so whether a client's total passes the limit does not depend on how the
    // rows were split between threads: the outcome is the same for one thread and for two.
    TempDir dir;
    const char* threads = GENERATE("CLIENTSCORE_THREADS=1", "CLIENTSCORE_THREADS=2");
    SECTION("call time") {
        write_file(dir / "calls.csv",
                   "client,started_at,duration\n"
                   "B,2026-09-01 09:00,60\n"
                   "A,2026-09-01 10:00,2562047788015:00:00\n"
                   "A,2026-09-01 11:00,2562047788015:00:00\n"
                   "A,2026-09-01 12:00,60\n");
        RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json"}, nullptr, "", threads);
        CHECK(r.status == 3);
        CHECK(starts_with(r.err, "clientscore: the call time or discounts of client \"A\" add up to more than 64-bit"));
        CHECK(r.out.empty());
    }
    SECTION("granted discounts") {
        write_file(dir / "calls.csv", "client,started_at\nA,2026-09-01 10:00\n");
        write_file(dir / "discounts.csv",
                   "client,granted_at,amount\n"
                   "A,2026-09-01,922337203685477.5807\n"
                   "A,2026-09-02,922337203685477.5807\n");
        RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json"}, nullptr, "", threads);
        CHECK(r.status == 3);
        CHECK(contains(r.err, "discounts of client \"A\""));
    }
    SECTION("call time of one client in two files") {
        write_file(dir / "calls-1.csv", "client,started_at,duration\nA,2026-09-01 10:00,2562047788015:00:00\n");
        write_file(dir / "calls-2.csv", "client,started_at,duration\nA,2026-09-01 11:00,2562047788015:00:00\n");
        RunResult r = run_clientscore({"rank", dir.path().string()}, nullptr, "", threads);
        INFO(r.err);
        CHECK(r.status == 3);
        CHECK(contains(r.err, "client \"A\""));
    }
    SECTION("a total just under the limit is read") {
        write_file(dir / "calls.csv",
                   "client,started_at,duration\n"
                   "A,2026-09-01 10:00,2562047788015:00:00\n"
                   "A,2026-09-01 11:00,60\n");
        RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json"}, nullptr, "", threads);
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(json::parse(r.out)["clients"][0]["calls"] == 2);
    }
}

TEST_CASE("cli::invoice lines that would overflow 64 bits are bad rows", "[cli][e2e][reliability][fuzz]") {
    TempDir dir;
    SECTION("lines of one invoice") {
        write_file(dir / "invoices.csv",
                   "client,invoice_id,issued_at,due_at,amount\n"
                   "A,1,2026-09-01,2026-09-30,922337203685477.5807\n"
                   "A,1,2026-09-01,2026-09-30,922337203685477.5807\n");
        RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json", "--strict"});
        CHECK(r.status == 3);
        CHECK(starts_with(r.err, "clientscore: invoices.csv:3: column \"amount\": is too large"));
    }
}

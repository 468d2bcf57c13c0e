// run (src/app/app.cpp): argv to exit code (SPEC §1). Parsed options run the command, the
// report is built before the output is opened, and every error that escapes becomes one
// `clientscore: ` line and an exit code, never a crash: UsageError 2, InputError 3,
// OutputError 4, std::bad_alloc 3 (naming the file being read and the size asked), any other
// std::exception 3 as an internal error.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

#include <functional>
#include <stdexcept>

#include "app_fixtures.hpp"
#include "clientscore/app.hpp"
#include "clientscore/error.hpp"

using namespace clientscore::testing;
using nlohmann::json;

namespace {

/// `body` in this process, with its standard output and error caught in files.
RunResult capture(const std::function<int()>& body) {
    TempDir tmp;
    std::cout.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    const int saved_out = ::dup(STDOUT_FILENO);
    const int saved_err = ::dup(STDERR_FILENO);
    const int out = ::open((tmp / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open((tmp / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::close(out);
    ::close(err);
    RunResult r;
    r.status = body();
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(saved_out, STDOUT_FILENO);
    ::dup2(saved_err, STDERR_FILENO);
    ::close(saved_out);
    ::close(saved_err);
    r.out = read_file(tmp / "out");
    r.err = read_file(tmp / "err");
    return r;
}

/// clientscore::run_guarded around `body`, caught as capture does.
RunResult guarded(const std::function<int()>& body) {
    return capture([&] { return clientscore::run_guarded(body); });
}

/// clientscore::run in this process, with its standard output and error caught in files.
RunResult run_here(const std::vector<std::string>& args) {
    std::vector<std::string> words = {"clientscore"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const std::string& w : words) {
        argv.push_back(w.c_str());
    }
    return capture([&] { return clientscore::run(static_cast<int>(argv.size()), argv.data()); });
}

/// The binary run by bash after `limits` (ulimit commands); status -signal when it was killed,
/// 99 when the limits could not be set.
RunResult run_limited(const std::string& limits, const std::vector<std::string>& args,
                      const std::string& environment) {
    TempDir tmp;
    std::string command = limits + " || exit 99; exec env -u NO_COLOR " + environment + " " + shell_quote(CLIENTSCORE_BINARY);
    for (const std::string& a : args) {
        command += " " + shell_quote(a);
    }
    command += " < /dev/null > " + shell_quote((tmp / "out").string()) + " 2> " + shell_quote((tmp / "err").string());
    // The shell's own "Aborted" notice, if any, is not the binary's output: dropped.
    const int raw = std::system(("bash -c " + shell_quote(command) + " 2> /dev/null").c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? -WTERMSIG(raw) : -1000;
    r.out = read_file(tmp / "out");
    r.err = read_file(tmp / "err");
    return r;
}

const std::string k_one_call = "client,started_at\nA,2026-09-01 10:00\n";

}  // namespace

TEST_CASE("app::run returns 0 for --version and prints the version", "[app]") {
    const RunResult r = run_here({"--version"});
    CHECK(r.status == 0);
    CHECK(r.out.find("clientscore 0.1.0") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("app::run maps a usage error to exit 2 with one clientscore: line", "[app]") {
    const RunResult r = run_here({"rank", "--from", "2026-13-01"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    REQUIRE_FALSE(r.err.empty());
    for (const std::string& line : lines_of(r.err)) {
        CHECK(line.rfind("clientscore: ", 0) == 0);
    }
}

TEST_CASE("app::run maps an input error to exit 3: the located message, then the hint", "[app]") {
    ExportFolder dir({{"invoices.csv",
                       "client,issued_at,due_at,amount,currency\n"
                       "A,2026-09-01,2026-09-30,100.00,EUR\n"
                       "B,2026-09-01,2026-09-30,100.00,USD\n"}});
    const RunResult r = run_here({"rank", dir.path(), "--format", "json"});
    CHECK(r.status == 3);
    CHECK(r.out.empty());  // no report
    const std::vector<std::string> err = lines_of(r.err);
    REQUIRE(err.size() == 2);
    CHECK(err[0] == "clientscore: invoices.csv: the exports mix currencies (EUR, USD) and no --fx file gives their rates");
    CHECK(err[1] == "clientscore: hint: add --fx FILE (a CSV `currency,rate`) and --currency CODE");
}

TEST_CASE("app::run maps an output error to exit 4", "[app]") {
    ExportFolder dir({{"calls.csv", k_one_call}});
    const std::string target = dir / "no-such-folder/report.json";
    const RunResult r = run_here({"rank", dir.path(), "--format", "json", "--output", target});
    CHECK(r.status == 4);
    CHECK(r.err.rfind("clientscore: ", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("app::run builds the report before it opens the output", "[app]") {
    ExportFolder dir({{"report.csv", "old report\n"}});
    // No export in the folder: an input error, and the old report stays as it was.
    const RunResult r = run_here({"rank", dir.path(), "--format", "csv", "--output", dir / "report.csv"});
    CHECK(r.status == 3);
    CHECK(read_file(dir / "report.csv") == "old report\n");
}

TEST_CASE("app::run exits 1 when --fail-on matches and still writes the report", "[app]") {
    // One inbound call in a one-day period: 7 contacts a week, communication 0.625,
    // after_hours 0, toxicity 31.3: watch (SPEC §4).
    ExportFolder dir({{"calls.csv", k_one_call}});
    const RunResult watch = run_here({"rank", dir.path(), "--format", "json", "--fail-on", "watch"});
    CHECK(watch.status == 1);
    const json report = json::parse(watch.out);
    REQUIRE(report["clients"].size() == 1);
    CHECK(report["clients"][0]["verdict"] == "watch");
    CHECK(run_here({"rank", dir.path(), "--format", "json", "--fail-on", "reprice"}).status == 0);
    CHECK(run_here({"explain", "A", dir.path(), "--format", "json", "--fail-on", "watch"}).status == 1);
}

TEST_CASE("app::run check exits 3 when a file cannot be used and prints its error once", "[app]") {
    ExportFolder dir({{"calls.csv", "client,when\nA,2026-09-01 10:00\n"}});  // no started_at
    const RunResult r = run_here({"check", dir.path(), "--format", "json"});
    CHECK(r.status == 3);
    CHECK(json::parse(r.out)["ok"] == false);
    const std::vector<std::string> err = lines_of(r.err);
    REQUIRE(err.size() == 1);
    CHECK(err[0].rfind("clientscore: calls.csv", 0) == 0);
    CHECK(err[0].find("clientscore: ", 1) == std::string::npos);
}

TEST_CASE("app::run prints warnings on standard error unless --quiet", "[app]") {
    ExportFolder dir({{"calls.csv", k_one_call + "A,not a date\n"}});
    const RunResult loud = run_here({"rank", dir.path(), "--format", "csv"});
    CHECK(loud.status == 0);
    REQUIRE(lines_of(loud.err).size() == 1);
    CHECK(loud.err.rfind("clientscore: calls.csv:3: column \"started_at\": ", 0) == 0);
    const RunResult quiet = run_here({"rank", dir.path(), "--format", "csv", "--quiet"});
    CHECK(quiet.status == 0);
    CHECK(quiet.err.empty());
    CHECK(quiet.out == loud.out);
}

TEST_CASE("app::run_guarded turns any other std::exception into internal error, exit 3", "[app]") {
    const RunResult r = guarded([]() -> int { throw std::out_of_range("vector::at: index 7 is past 3"); });
    CHECK(r.status == 3);
    CHECK(r.out.empty());
    const std::vector<std::string> err = lines_of(r.err);
    REQUIRE(err.size() == 2);
    CHECK(err[0] == "clientscore: internal error: vector::at: index 7 is past 3");
    CHECK(err[1] == "clientscore: hint: please report it with the command line and, if you can, the exports' headers");
}

TEST_CASE("app::run_guarded maps each error kind to its exit code", "[app]") {
    // Every run is caught first and checked after: Catch writes its findings to the standard
    // output that capture() redirects.
    const RunResult ok = guarded([] { return 1; });
    const RunResult usage = guarded([]() -> int { throw clientscore::UsageError("--top: bad", "e.g. --top 10"); });
    const RunResult input = guarded(
        []() -> int { throw clientscore::InputError(clientscore::Location{"calls.csv", 4, "started_at"}, "is bad"); });
    const RunResult output = guarded([]() -> int { throw clientscore::OutputError("report.csv: disk full"); });
    const RunResult memory = guarded([]() -> int { throw std::bad_alloc(); });
    CHECK(ok.status == 1);  // the body's own status passes through
    CHECK(usage.status == 2);
    CHECK(usage.err == "clientscore: --top: bad\nclientscore: hint: e.g. --top 10\n");
    CHECK(input.status == 3);
    CHECK(input.err == "clientscore: calls.csv:4: column \"started_at\": is bad\n");
    CHECK(output.status == 4);
    CHECK(output.err == "clientscore: report.csv: disk full\n");
    CHECK(memory.status == 3);
    CHECK(memory.err.find("out of memory") != std::string::npos);
}

// A thread the system refuses (here: every extra thread's stack too large to map, or room for
// one stack but not two) costs speed, not the run: the report is the one-thread report.
TEST_CASE("app::run: threads the system will not start leave the run to the threads that did", "[app]") {
    ExportFolder dir({{"calls.csv", k_one_call + "B,2026-09-02 11:00\n"}});
    const RunResult one = run_clientscore({"rank", dir.path(), "--format", "csv"}, nullptr, "", "CLIENTSCORE_THREADS=1");
    REQUIRE(one.status == 0);
    for (const std::string limits : {"ulimit -s 1000000000", "ulimit -v 60000 && ulimit -s 30000"}) {
        INFO(limits);
        // One thread under the same limits shows whether the binary runs under them at all
        // (AddressSanitizer's shadow memory does not fit in 60000 KiB).
        const RunResult alone = run_limited(limits, {"rank", dir.path(), "--format", "csv"}, "CLIENTSCORE_THREADS=1");
        if (alone.status != 0) {
            WARN("the binary does not run under these limits here (a sanitizer?): thread-refusal check skipped");
            continue;
        }
        const RunResult two = run_limited(limits, {"rank", dir.path(), "--format", "csv"}, "CLIENTSCORE_THREADS=2");
        INFO(two.err);
        CHECK(two.status == 0);
        CHECK(two.out == one.out);
    }
}

// The out-of-memory seam is the process's address-space limit: with room to start and read a
// small file but not to hold a record of 15 MiB, the buffer that grows to hold it fails to
// allocate while calls.csv is being read.
TEST_CASE("app::run turns std::bad_alloc into exit 3 naming the file being read and the MiB asked", "[app]") {
    const std::string limit = "ulimit -v 20000";  // KiB
    ExportFolder small({{"calls.csv", k_one_call}});
    const RunResult fits = run_limited(limit, {"rank", small.path(), "--format", "csv"}, "CLIENTSCORE_THREADS=1");
    if (fits.status != 0) {
        WARN("the binary does not run in 20000 KiB of address space here (a sanitizer?): bad_alloc check skipped");
        return;
    }
    ExportFolder big({{"calls.csv", "client,started_at,notes\nA,2026-09-01 10:00," + std::string(15u << 20, 'x') +
                                        "\nB,2026-09-01 10:00,short\n"}});
    const RunResult whole = run_clientscore({"rank", big.path(), "--format", "csv"}, nullptr, "", "CLIENTSCORE_THREADS=1");
    REQUIRE(whole.status == 0);  // without the limit the file reads
    const RunResult r = run_limited(limit, {"rank", big.path(), "--format", "csv"}, "CLIENTSCORE_THREADS=1");
    INFO(r.err);
    CHECK(r.status == 3);
    CHECK(r.out.empty());
    const std::vector<std::string> err = lines_of(r.err);
    REQUIRE(err.size() == 2);
    std::smatch m;
    REQUIRE(std::regex_match(err[0], m,
                             std::regex(R"(clientscore: calls\.csv: out of memory while reading it \(an allocation of ([0-9]+) MiB failed\))")));
    // The buffer grows past the 15 MiB record in doubling steps from 16 KiB: the step that fails
    // asks for more than 1 MiB and not more than twice what 20000 KiB could ever hold.
    const int mib = std::stoi(m[1].str());
    CHECK(mib >= 1);
    CHECK(mib <= 40);
    CHECK(err[1].rfind("clientscore: hint: run on a smaller period", 0) == 0);
}

// End-to-end (issue 21): an interrupted --output write and two writers of one --output. SIGINT
// or SIGTERM while the report is written removes the temporary file, leaves the previous report
// as it was and exits 130 or 143; two runs at once leave one whole report, never a mix.

#include <fcntl.h>
#include <signal.h>
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

/// A calls export of `clients` clients, one call each: a few MB whose JSON report takes long
/// enough to write that a signal lands in the middle of it.
void write_calls(const fs::path& path, int clients, const std::string& prefix) {
    std::string calls = "client,started_at,duration\n";
    calls.reserve(static_cast<std::size_t>(clients) * 40);
    for (int i = 0; i < clients; ++i) {
        calls += prefix + std::to_string(i) + ",2026-09-0" + std::to_string(1 + i % 9) + " 10:00," +
                 std::to_string(60 + i % 600) + "\n";
    }
    write_file(path, calls);
}

/// Starts `clientscore rank IN --format json --output OUT` with SIGINT and SIGTERM at their
/// defaults (a test runner started in the background may ignore SIGINT, and that is inherited).
pid_t start_rank(const std::string& in, const std::string& out, int ignored_signal = 0) {
    const pid_t child = ::fork();
    if (child == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        if (ignored_signal != 0) {
            ::signal(ignored_signal, SIG_IGN);
        }
        ::execl(CLIENTSCORE_BINARY, "clientscore", "rank", in.c_str(), "--format", "json", "--output", out.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return child;
}

struct Interrupted {
    bool while_writing = false;  ///< the signal was sent while the temporary file existed
    int status = 0;              ///< waitpid's status
};

/// Sends `signal_number` to `child` as soon as a temporary file appears in `out_dir`.
Interrupted interrupt_while_writing(pid_t child, const fs::path& out_dir, const std::string& target,
                                    int signal_number) {
    Interrupted result;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (std::chrono::steady_clock::now() < deadline) {
        if (::waitpid(child, &result.status, WNOHANG) == child) {
            return result;  // it finished before the test saw it write
        }
        if (!others_in(out_dir, target).empty()) {
            ::kill(child, signal_number);
            ::waitpid(child, &result.status, 0);
            result.while_writing = true;
            return result;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, &result.status, 0);
    return result;
}

}  // namespace

TEST_CASE("cli::SIGINT and SIGTERM during --output remove the temporary file and keep the old report",
          "[cli][e2e][reliability][signal]") {
    TempDir dir;
    write_calls(dir / "in" / "calls.csv", 100000, "CLIENT-");
    const fs::path out_dir = dir / "out";
    fs::create_directories(out_dir);
    const fs::path target = out_dir / "report.json";
    const std::string previous = "{\"the\": \"previous report\"}\n";

    for (const auto& [signal_number, expected] : {std::pair{SIGTERM, 143}, std::pair{SIGINT, 130}}) {
        INFO("signal " << signal_number);
        write_file(target, previous);
        const pid_t child = start_rank((dir / "in").string(), target.string());
        REQUIRE(child > 0);
        const Interrupted run = interrupt_while_writing(child, out_dir, "report.json", signal_number);
        REQUIRE(run.while_writing);
        REQUIRE(WIFEXITED(run.status));
        CHECK(WEXITSTATUS(run.status) == expected);
        CHECK(read_file(target) == previous);
        CHECK(others_in(out_dir, "report.json").empty());
    }

    // A signal the process was started ignoring (nohup, a background job) stays ignored.
    write_file(target, previous);
    const pid_t child = start_rank((dir / "in").string(), target.string(), SIGINT);
    const Interrupted run = interrupt_while_writing(child, out_dir, "report.json", SIGINT);
    REQUIRE(WIFEXITED(run.status));
    CHECK(WEXITSTATUS(run.status) == 0);
    CHECK(json::parse(read_file(target))["clients"].size() == 100000);
    CHECK(others_in(out_dir, "report.json").empty());
}

TEST_CASE("cli::two runs writing one --output at once leave one whole report", "[cli][e2e][reliability][signal]") {
    TempDir dir;
    // Two different reports, so that a mix of them would show.
    write_calls(dir / "a" / "calls.csv", 60000, "A-");
    write_calls(dir / "b" / "calls.csv", 40000, "B-");
    const fs::path out_dir = dir / "out";
    fs::create_directories(out_dir);
    const fs::path target = out_dir / "report.json";
    for (int round = 0; round < 2; ++round) {
        const pid_t a = start_rank((dir / "a").string(), target.string());
        const pid_t b = start_rank((dir / "b").string(), target.string());
        int status_a = 0;
        int status_b = 0;
        ::waitpid(a, &status_a, 0);
        ::waitpid(b, &status_b, 0);
        CHECK((WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0));
        CHECK((WIFEXITED(status_b) && WEXITSTATUS(status_b) == 0));
        const json report = json::parse(read_file(target));  // throws on a torn or mixed file
        const std::size_t clients = report["clients"].size();
        CHECK((clients == 60000 || clients == 40000));
        const std::string first = report["clients"][0]["client"].get<std::string>().substr(0, 2);
        for (const auto& c : report["clients"]) {
            if (c["client"].get<std::string>().substr(0, 2) != first) {
                FAIL("a report holds clients of both runs");
            }
        }
        CHECK(others_in(out_dir, "report.json").empty());
    }
}

// The progress line: its text, the counting of files and slices, `\r` + clear-to-end on every
// draw and a clear at the end; through a pseudo-terminal for the binary, with the delay set to 0
// (CLIENTSCORE_PROGRESS_AFTER_MS), and nothing at all without a terminal or with -q.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "app/progress.hpp"
#include "cli_runner.hpp"

extern char** environ;

using namespace clientscore;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using clientscore::testing::run_clientscore;
using clientscore::testing::source_path;
using clientscore::testing::TempDir;
using clientscore::testing::write_file;

namespace {

constexpr const char* k_clear = "\r\x1b[K";

// What a run wrote before its first warning.
std::string before_warnings(const std::string& output) { return output.substr(0, output.find("clientscore: warning")); }

/// Two files of 1000 and 3000 bytes.
std::vector<InputFile> two_files(const TempDir& dir) {
    write_file(dir / "calls.csv", std::string(1000, 'x'));
    write_file(dir / "emails.csv", std::string(3000, 'y'));
    std::vector<InputFile> files(2);
    files[0].path = (dir / "calls.csv").string();
    files[0].kind = Kind::calls;
    files[1].path = (dir / "emails.csv").string();
    files[1].kind = Kind::emails;
    return files;
}

/// A pipe standing in for standard error: what was written, once the writer is done.
struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() { REQUIRE(::pipe(fds) == 0); }
    ~Pipe() {
        for (const int fd : fds) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    std::string drain() {
        ::close(fds[1]);
        fds[1] = -1;
        std::string out;
        char buffer[4096];
        for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
            out.append(buffer, static_cast<std::size_t>(n));
        }
        return out;
    }
};

struct TerminalRun {
    int status = -1;
    std::string output;  ///< what the program wrote to the terminal (its standard error)
};

/// Runs the binary with its standard error on a new pseudo-terminal of 100 columns and its
/// standard output on /dev/null, the progress delay set to 0.
TerminalRun run_on_terminal(const std::vector<std::string>& args) {
    // Everything the child needs is made before fork: after it only async-signal-safe calls.
    std::string binary = CLIENTSCORE_BINARY;
    std::vector<std::string> arguments{binary};
    arguments.insert(arguments.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : arguments) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> environment;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        if (entry.rfind("CLIENTSCORE_PROGRESS_AFTER_MS=", 0) != 0) {
            environment.push_back(entry);
        }
    }
    environment.emplace_back("CLIENTSCORE_PROGRESS_AFTER_MS=0");
    std::vector<char*> envp;
    for (std::string& e : environment) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);

    winsize size{};
    size.ws_col = 100;
    size.ws_row = 30;
    int master = -1;
    const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    TerminalRun run;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n > 0) {
            run.output.append(buffer, static_cast<std::size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;  // EIO: the child has closed the terminal
        }
    }
    int raw = 0;
    ::waitpid(pid, &raw, 0);
    ::close(master);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

}  // namespace

TEST_CASE("progress::the line counts files and bytes in the unit of the total", "[app][progress]") {
    CHECK(progress_text(0, 2, 0, 4000) == "clientscore: reading 0 of 2 files, 0.0 of 3.9 KiB");
    CHECK(progress_text(1, 1, 3u << 20, 3u << 20) == "clientscore: reading 1 of 1 file, 3.0 of 3.0 MiB");
    CHECK(progress_text(3, 12, 512ull << 20, 5ull << 30) == "clientscore: reading 3 of 12 files, 0.5 of 5.0 GiB");
}

TEST_CASE("progress::files read whole or by slices, and read again", "[app][progress]") {
    TempDir dir;
    const std::vector<InputFile> files = two_files(dir);
    Pipe pipe;
    ReadProgress progress(files, ProgressSettings{true, pipe.fds[1], std::chrono::milliseconds(60'000)});
    CHECK(progress.text() == "clientscore: reading 0 of 2 files, 0.0 of 3.9 KiB");
    progress.file_read(0);
    CHECK(progress.text() == "clientscore: reading 1 of 2 files, 1.0 of 3.9 KiB");
    progress.part_read(1, 1024);
    CHECK(progress.text() == "clientscore: reading 1 of 2 files, 2.0 of 3.9 KiB");
    progress.part_read(1, 5000);  // never past the file's size
    CHECK(progress.text() == "clientscore: reading 2 of 2 files, 3.9 of 3.9 KiB");
    progress.file_read(1);  // already counted
    CHECK(progress.text() == "clientscore: reading 2 of 2 files, 3.9 of 3.9 KiB");
    progress.restart(1);
    CHECK(progress.text() == "clientscore: reading 1 of 2 files, 1.0 of 3.9 KiB");
    progress.finish();
    // The delay had not passed: nothing was drawn, so nothing is cleared.
    CHECK(pipe.drain().empty());
}

TEST_CASE("progress::each draw rewrites the line and the end clears it", "[app][progress]") {
    TempDir dir;
    const std::vector<InputFile> files = two_files(dir);
    Pipe pipe;
    {
        ReadProgress progress(files, ProgressSettings{true, pipe.fds[1], std::chrono::milliseconds(0)});
        progress.file_read(0);
        progress.finish();
        progress.finish();  // once is enough
    }
    const std::string written = pipe.drain();
    CHECK_THAT(written, StartsWith("\rclientscore: reading 0 of 2 files, 0.0 of 3.9 KiB\x1b[K"));
    CHECK_THAT(written, EndsWith(std::string("\x1b[K") + k_clear));
    CHECK(written.find('\n') == std::string::npos);
}

TEST_CASE("progress::off, it writes nothing and counts nothing", "[app][progress]") {
    TempDir dir;
    const std::vector<InputFile> files = two_files(dir);
    Pipe pipe;
    {
        ReadProgress progress(files, ProgressSettings{false, pipe.fds[1], std::chrono::milliseconds(0)});
        progress.file_read(0);
        progress.part_read(1, 10);
        progress.restart(0);
    }
    CHECK(pipe.drain().empty());
    Options quiet;
    quiet.quiet = true;
    quiet.progress_after_ms = 250;
    CHECK_FALSE(progress_settings(quiet).enabled);
    CHECK(progress_settings(quiet).after == std::chrono::milliseconds(250));
}

TEST_CASE("progress::the binary draws the line on a terminal and clears it", "[app][progress]") {
    const TerminalRun rank = run_on_terminal({"rank", source_path("sample_data"), "--from", "2026-09-01"});
    CHECK(rank.status == 0);
    CHECK_THAT(rank.output, StartsWith("\rclientscore: reading 0 of "));
    CHECK_THAT(rank.output, Contains(" files, 0.0 of "));
    // The sample's one warning (its lead C026 is not in clients.csv) is written after the line
    // is cleared, never onto it.
    CHECK_THAT(rank.output, Contains(std::string(k_clear) + "clientscore: warning: 1 client in the exports"));
    CHECK_THAT(before_warnings(rank.output), EndsWith(k_clear));

    const TerminalRun check = run_on_terminal({"check", source_path("sample_data")});
    CHECK(check.status == 0);
    CHECK_THAT(check.output, StartsWith("\rclientscore: reading 0 of "));
    CHECK_THAT(before_warnings(check.output), EndsWith(k_clear));

    const TerminalRun quiet = run_on_terminal({"rank", source_path("sample_data"), "--from", "2026-09-01", "-q"});
    CHECK(quiet.status == 0);
    CHECK(quiet.output.empty());
}

TEST_CASE("progress::without a terminal nothing is written", "[app][progress]") {
    const testing::RunResult r = run_clientscore({"rank", source_path("sample_data"), "--from", "2026-09-01"}, nullptr,
                                                 "", "CLIENTSCORE_PROGRESS_AFTER_MS=0");
    CHECK(r.status == 0);
    CHECK_THAT(r.err, !Contains("\r") && !Contains("reading"));
    CHECK_THAT(r.err, StartsWith("clientscore: warning: 1 client in the exports"));  // the sample's lead, alone
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

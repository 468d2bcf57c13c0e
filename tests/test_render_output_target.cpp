#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>
#include <fcntl.h>

#include <algorithm>
#include <csignal>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "clientscore/error.hpp"
#include "clientscore/render.hpp"

using namespace clientscore;

namespace {

/// A fresh empty folder, removed with its files at the end of the test.
class TempFolder {
public:
    TempFolder() {
        char name[] = "/tmp/clientscore_render_XXXXXX";
        m_path = ::mkdtemp(name);
    }
    ~TempFolder() {
        for (const auto& file : files()) {
            std::remove((m_path + "/" + file).c_str());
        }
        ::rmdir(m_path.c_str());
    }
    const std::string& path() const { return m_path; }
    std::vector<std::string> files() const {
        std::vector<std::string> names;
        DIR* dir = ::opendir(m_path.c_str());
        while (dirent* entry = ::readdir(dir)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..") {
                names.push_back(name);
            }
        }
        ::closedir(dir);
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    std::string m_path;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("render::OutputTarget", "[render]") {
    TempFolder folder;
    const std::string target = folder.path() + "/report.csv";

    SECTION("a new file appears only at commit, with the usual permissions") {
        {
            OutputTarget out(target);
            out.write("a,b\n");
            out.write("1,2\n");
            CHECK_FALSE(out.is_terminal());
            CHECK(folder.files().size() == 1);  // the temporary file only
            CHECK(folder.files()[0].rfind(".report.csv.", 0) == 0);
            out.commit();
        }
        CHECK(read_file(target) == "a,b\n1,2\n");
        CHECK(folder.files() == std::vector<std::string>{"report.csv"});
        struct stat info {};
        REQUIRE(::stat(target.c_str(), &info) == 0);
        const mode_t mask = ::umask(0);
        ::umask(mask);
        CHECK((info.st_mode & 0777) == (0666 & ~mask));
    }
    SECTION("the old file stays intact until commit, then is replaced whole") {
        write_file(target, "old\n");
        ::chmod(target.c_str(), 0640);
        OutputTarget out(target);
        out.write("new\n");
        CHECK(read_file(target) == "old\n");
        out.commit();
        CHECK(read_file(target) == "new\n");
        struct stat info {};
        REQUIRE(::stat(target.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0640);  // the old file's permissions are kept
    }
    SECTION("destroyed without commit: the old file is untouched and no temporary file is left") {
        write_file(target, "old\n");
        {
            OutputTarget out(target);
            out.write("half a report");
        }
        CHECK(read_file(target) == "old\n");
        CHECK(folder.files() == std::vector<std::string>{"report.csv"});
    }
    SECTION("a symbolic link: the file it points to is replaced, the link stays") {
        write_file(target, "old\n");
        const std::string link = folder.path() + "/link.csv";
        REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
        OutputTarget out(link);
        out.write("new\n");
        out.commit();
        CHECK(read_file(target) == "new\n");
        struct stat info {};
        REQUIRE(::lstat(link.c_str(), &info) == 0);
        CHECK(S_ISLNK(info.st_mode));
    }
    SECTION("/dev/null is written directly") {
        OutputTarget out(std::string("/dev/null"));
        out.write("nothing to see");
        out.commit();
        CHECK(folder.files().empty());
    }
    SECTION("a FIFO is written directly, not replaced") {
        const std::string fifo = folder.path() + "/pipe";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        // A reader end opened first, non-blocking, so that opening for writing does not wait.
        const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
        REQUIRE(reader >= 0);
        {
            OutputTarget out(fifo);
            out.write("through the pipe\n");
            out.commit();
        }
        char buffer[64] = {};
        const auto got = ::read(reader, buffer, sizeof buffer);
        ::close(reader);
        CHECK(std::string(buffer, static_cast<std::size_t>(got)) == "through the pipe\n");
        struct stat info {};
        REQUIRE(::stat(fifo.c_str(), &info) == 0);
        CHECK(S_ISFIFO(info.st_mode));
    }
    SECTION("a folder that does not exist: OutputError naming the path") {
        const std::string bad = folder.path() + "/missing/report.csv";
        try {
            OutputTarget out(bad);
            FAIL("no exception");
        } catch (const OutputError& e) {
            CHECK(std::string(e.what()) == "cannot write " + bad + ": No such file or directory");
        }
    }
    SECTION("a folder as the target: OutputError") { CHECK_THROWS_AS(OutputTarget(folder.path()), OutputError); }
    SECTION("a read-only folder: OutputError") {
        if (::geteuid() != 0) {  // root writes anywhere
            const std::string locked = folder.path() + "/locked";
            REQUIRE(::mkdir(locked.c_str(), 0500) == 0);
            CHECK_THROWS_AS(OutputTarget(locked + "/report.csv"), OutputError);
            ::rmdir(locked.c_str());
        }
    }
    SECTION("a write error: OutputError (the disk is full)") {
        OutputTarget out(std::string("/dev/full"));
        auto write_a_lot = [&out] {
            out.write(std::string(1 << 17, 'x'));
            out.commit();
        };
        CHECK_THROWS_AS(write_a_lot(), OutputError);
        CHECK_FALSE(out.broken_pipe());
    }
}

TEST_CASE("render::OutputTarget closed pipe", "[render]") {
    // The app ignores SIGPIPE so that a closed reader shows as EPIPE.
    auto previous = std::signal(SIGPIPE, SIG_IGN);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    const std::string path = "/proc/self/fd/" + std::to_string(fds[1]);
    bool thrown = false;
    {
        OutputTarget out(path);
        try {
            out.write("x");
            out.commit();
        } catch (const OutputError&) {
            thrown = true;
        }
        CHECK(out.broken_pipe());
    }
    CHECK(thrown);
    ::close(fds[1]);
    std::signal(SIGPIPE, previous);
}

namespace {

void (*handler_of(int signal_number))(int) {
    struct sigaction current {};
    ::sigaction(signal_number, nullptr, &current);
    return current.sa_handler;
}

}  // namespace

TEST_CASE("render::OutputTarget holds SIGINT and SIGTERM only while its temporary file exists", "[render][signal]") {
    TempFolder folder;
    const std::string target = folder.path() + "/report.json";
    const auto before_int = handler_of(SIGINT);
    const auto before_term = handler_of(SIGTERM);
    {
        OutputTarget out(target);
        // The handler removes the temporary file (what it does is tested through the binary, in
        // test_app_cli_interrupts.cpp, since it ends the process).
        CHECK(handler_of(SIGINT) != before_int);
        CHECK(handler_of(SIGTERM) != before_term);
        out.write("{}\n");
        out.commit();
        CHECK(handler_of(SIGINT) == before_int);
        CHECK(handler_of(SIGTERM) == before_term);
    }
    {
        OutputTarget abandoned(target);
        CHECK(handler_of(SIGTERM) != before_term);
    }
    CHECK(handler_of(SIGINT) == before_int);
    CHECK(handler_of(SIGTERM) == before_term);
    CHECK(folder.files() == std::vector<std::string>{"report.json"});
    // Standard output has no temporary file: nothing is installed.
    {
        OutputTarget standard(std::nullopt);
        CHECK(handler_of(SIGTERM) == before_term);
    }
    // An ignored signal stays ignored.
    const auto saved = ::signal(SIGINT, SIG_IGN);
    {
        OutputTarget out(target);
        CHECK(handler_of(SIGINT) == SIG_IGN);
        CHECK(handler_of(SIGTERM) != before_term);
    }
    ::signal(SIGINT, saved);
}

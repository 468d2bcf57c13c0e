// OutputTarget: standard output, or --output FILE written atomically (SPEC §1 --output).

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "clientscore/error.hpp"
#include "clientscore/render.hpp"

namespace clientscore {

namespace {

[[noreturn]] void throw_output_error(const std::string& path, int error) {
    throw OutputError(fmt::format("cannot write {}: {}", path, std::strerror(error)));
}

std::string parent_folder(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    if (slash == 0) {
        return "/";
    }
    return path.substr(0, slash);
}

std::string base_name(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// The permissions a new file gets from open(2): 0666 less the umask. mkstemp creates 0600,
/// which would make `--output` files unreadable to the group where a plain `>` would not.
mode_t default_file_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

constexpr std::size_t k_buffer_size = 1 << 16;

// SIGINT or SIGTERM while a report is being written must not leave its temporary file behind
// (the previous report is untouched until the rename). The handler may only make
// async-signal-safe calls, so the path waits in a fixed buffer, set before the flag that says
// it is there and cleared after the file is gone or renamed; a process writes one report.
char g_temp_path[PATH_MAX];
volatile std::sig_atomic_t g_temp_path_set = 0;
constexpr int k_interrupts[] = {SIGINT, SIGTERM};
struct sigaction g_previous[2];
bool g_installed[2] = {false, false};

extern "C" void remove_temp_and_exit(int signal_number) {
    if (g_temp_path_set != 0) {
        ::unlink(g_temp_path);
    }
    ::_exit(128 + signal_number);  // 130 for SIGINT, 143 for SIGTERM, as a shell reports them
}

/// Blocks SIGINT and SIGTERM for its lifetime, so that no signal lands between creating the
/// temporary file and recording its path for the handler.
class InterruptsHeld {
public:
    InterruptsHeld() {
        sigset_t set;
        sigemptyset(&set);
        for (const int s : k_interrupts) {
            sigaddset(&set, s);
        }
        ::pthread_sigmask(SIG_BLOCK, &set, &m_previous);
    }
    ~InterruptsHeld() { ::pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
    InterruptsHeld(const InterruptsHeld&) = delete;
    InterruptsHeld& operator=(const InterruptsHeld&) = delete;

private:
    sigset_t m_previous;
};

/// Records `path` for the handler and installs it; a signal the process ignores (`nohup`, a
/// background job) stays ignored. False when the path does not fit the buffer, or another
/// target already holds it (the program writes one report; a test may open two).
bool guard_temp_file(const std::string& path) {
    if (g_temp_path_set != 0 || path.size() >= sizeof g_temp_path) {
        return false;
    }
    std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
    g_temp_path_set = 1;
    struct sigaction action {};
    action.sa_handler = remove_temp_and_exit;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(k_interrupts); ++i) {
        struct sigaction previous {};
        if (::sigaction(k_interrupts[i], nullptr, &previous) != 0 || previous.sa_handler == SIG_IGN) {
            continue;
        }
        g_installed[i] = ::sigaction(k_interrupts[i], &action, &g_previous[i]) == 0;
    }
    return true;
}

/// Forgets the path (the file is gone or renamed) and puts the previous handlers back.
void release_temp_file() {
    g_temp_path_set = 0;
    for (std::size_t i = 0; i < std::size(k_interrupts); ++i) {
        if (g_installed[i]) {
            ::sigaction(k_interrupts[i], &g_previous[i], nullptr);
            g_installed[i] = false;
        }
    }
}

}  // namespace

OutputTarget::OutputTarget(const std::optional<std::string>& path) {
    if (!path || *path == "-") {
        m_file = stdout;
        m_final_path = "standard output";
        m_is_terminal = ::isatty(STDOUT_FILENO) == 1;
        return;
    }
    m_final_path = *path;
    struct stat info {};
    const bool exists = ::stat(path->c_str(), &info) == 0;
    if (!exists && errno != ENOENT) {
        throw_output_error(*path, errno);
    }
    if (exists && !S_ISREG(info.st_mode)) {
        // /dev/null, a FIFO, a terminal: nothing to replace, so write straight to it.
        m_file = std::fopen(path->c_str(), "w");
        if (m_file == nullptr) {
            throw_output_error(*path, errno);
        }
        m_owns_file = true;
        m_is_terminal = ::isatty(::fileno(m_file)) == 1;
        return;
    }
    std::string target = *path;
    struct stat link_info {};
    if (exists && ::lstat(path->c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode)) {
        // Replace the file the link points to, not the link itself.
        char resolved[PATH_MAX];
        if (::realpath(path->c_str(), resolved) != nullptr) {
            target = resolved;
        }
    }
    // The temporary file sits beside the target so that rename() stays on one file system.
    // mkstemps makes the name unique per process, so two runs writing the same --output each
    // write their own file and the last rename wins whole.
    std::string temp = parent_folder(target) + "/." + base_name(target) + ".XXXXXX.tmp";
    int fd = -1;
    {
        const InterruptsHeld held;
        fd = ::mkstemps(temp.data(), 4);
        if (fd < 0) {
            throw_output_error(*path, errno);
        }
        m_guarded = guard_temp_file(temp);
    }
    const mode_t mode = exists ? (info.st_mode & 07777) : default_file_mode();
    if (::fchmod(fd, mode) != 0 || (m_file = ::fdopen(fd, "w")) == nullptr) {
        const int error = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        if (m_guarded) {
            release_temp_file();
        }
        throw_output_error(*path, error);
    }
    std::setvbuf(m_file, nullptr, _IOFBF, k_buffer_size);
    m_owns_file = true;
    m_temp_path = std::move(temp);
    m_final_path = std::move(target);
}

OutputTarget::~OutputTarget() {
    if (m_owns_file && m_file != nullptr) {
        std::fclose(m_file);
    }
    if (!m_committed && !m_temp_path.empty()) {
        ::unlink(m_temp_path.c_str());
    }
    // After the unlink: a signal in between unlinks a name that is already gone.
    if (m_guarded) {
        release_temp_file();
    }
}

void OutputTarget::write(std::string_view text) {
    if (text.empty()) {
        return;
    }
    if (m_file == nullptr) {
        throw OutputError(fmt::format("cannot write {}: already closed", m_final_path));
    }
    if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
        const int error = errno;
        if (error == EPIPE) {
            m_broken_pipe = true;
        }
        throw_output_error(m_final_path, error);
    }
}

void OutputTarget::commit() {
    if (m_committed) {
        return;
    }
    if (m_file == nullptr) {
        throw OutputError(fmt::format("cannot write {}: already closed", m_final_path));
    }
    if (std::fflush(m_file) != 0) {
        const int error = errno;
        if (error == EPIPE) {
            m_broken_pipe = true;
        }
        throw_output_error(m_final_path, error);
    }
    if (!m_temp_path.empty()) {
        // fsync before rename: after a crash the target is the old file or the whole new one.
        if (::fsync(::fileno(m_file)) != 0) {
            throw_output_error(m_final_path, errno);
        }
        const int closed = std::fclose(m_file);
        m_file = nullptr;
        if (closed != 0) {
            throw_output_error(m_final_path, errno);
        }
        if (std::rename(m_temp_path.c_str(), m_final_path.c_str()) != 0) {
            throw_output_error(m_final_path, errno);
        }
        m_committed = true;
        if (m_guarded) {
            release_temp_file();
            m_guarded = false;
        }
        // Make the rename itself durable; a failure here loses nothing already written.
        const int folder = ::open(parent_folder(m_final_path).c_str(), O_RDONLY | O_DIRECTORY);
        if (folder >= 0) {
            ::fsync(folder);
            ::close(folder);
        }
        return;
    }
    if (m_owns_file) {
        const int closed = std::fclose(m_file);
        m_file = nullptr;
        if (closed != 0) {
            throw_output_error(m_final_path, errno);
        }
    }
    m_committed = true;
}

}  // namespace clientscore

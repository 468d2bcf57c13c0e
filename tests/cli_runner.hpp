#pragma once
// Runs the clientscore binary the way a user does (argv, stdin, files) and captures what it
// printed and its exit status. Used by the end-to-end tests.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace clientscore::testing {

struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

inline std::string shell_quote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) {
        if (c == '\'') {
            q += "'\\''";
        } else {
            q += c;
        }
    }
    return q + "'";
}

/// A fresh folder under the system temp dir, removed when it goes out of scope.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "clientscore-test-XXXXXX").string();
        m_path = mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// Runs the binary with `args`; `stdin_text` (if any) is its standard input. `extra_shell` is
/// appended to the command line (e.g. `| head -1`); `environment` holds `NAME=value` words. NO_COLOR and COLUMNS are cleared so the
/// output does not depend on the caller's terminal.
inline RunResult run_clientscore(const std::vector<std::string>& args, const std::string* stdin_text = nullptr,
                                 const std::string& extra_shell = "", const std::string& environment = "") {
    TempDir tmp;
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on `"literal" + string`.
    std::string command("env -u NO_COLOR ");
    command += environment;
    command += ' ';
    command += shell_quote(CLIENTSCORE_BINARY);
    for (const auto& a : args) {
        command += ' ';
        command += shell_quote(a);
    }
    if (stdin_text) {
        write_file(tmp / "stdin", *stdin_text);
        command += " < " + shell_quote((tmp / "stdin").string());
    } else {
        command += " < /dev/null";
    }
    command += " 2> " + shell_quote((tmp / "err").string());
    command += extra_shell;
    command += " > " + shell_quote((tmp / "out").string());
    // bash, so that a pipe in extra_shell reports clientscore's status, not the reader's.
    command += "; exit ${PIPESTATUS[0]}";
    int raw = std::system(("bash -c " + shell_quote(command)).c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(tmp / "out");
    r.err = read_file(tmp / "err");
    return r;
}

/// The names of the files in `dir` other than `keep` (what a run left beside its --output).
inline std::vector<std::string> others_in(const std::filesystem::path& dir, const std::string& keep) {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename() != keep) {
            out.push_back(entry.path().filename().string());
        }
    }
    return out;
}

inline std::string source_path(const std::string& relative) { return std::string(CLIENTSCORE_SOURCE_DIR) + "/" + relative; }
inline std::string realdata_path(const std::string& relative) { return std::string(CLIENTSCORE_REALDATA) + "/" + relative; }

}  // namespace clientscore::testing

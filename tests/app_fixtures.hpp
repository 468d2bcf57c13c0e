#pragma once
// For the app/ tests: a folder of small exports, the options of a command line over it, and a
// warning sink that keeps what it was sent.

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "app/analysis.hpp"
#include "cli_parse.hpp"
#include "cli_runner.hpp"

namespace clientscore::testing {

/// A temporary folder holding the given files (base name → bytes).
class ExportFolder {
public:
    using Files = std::vector<std::pair<std::string, std::string>>;
    ExportFolder() = default;
    ExportFolder(std::initializer_list<std::pair<std::string, std::string>> files) : ExportFolder(Files(files)) {}
    explicit ExportFolder(const Files& files) {
        for (const auto& [name, bytes] : files) {
            add(name, bytes);
        }
    }
    ExportFolder(const ExportFolder&) = delete;
    ExportFolder& operator=(const ExportFolder&) = delete;
    void add(const std::string& name, const std::string& bytes) { write_file(m_dir / name, bytes); }
    std::string path() const { return m_dir.path().string(); }
    std::string operator/(const std::string& name) const { return (m_dir / name).string(); }

private:
    TempDir m_dir;
};

/// A WarningSink that records every line it is sent, in order.
struct SeenWarnings {
    std::vector<std::string> lines;
    WarningSink sink() {
        return [this](const std::string& line) { lines.push_back(line); };
    }
};

/// Options of `clientscore ARGS...` (the command and the folder included).
inline Options options_for(std::vector<std::string> args) { return options_of(std::move(args)); }

/// Counts the lines of `text` that start with `prefix`.
inline std::size_t lines_starting(const std::vector<std::string>& lines, const std::string& prefix) {
    std::size_t n = 0;
    for (const std::string& l : lines) {
        n += l.rfind(prefix, 0) == 0;
    }
    return n;
}

/// The lines of a text (without their line breaks; no empty last line).
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace clientscore::testing

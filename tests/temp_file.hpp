#pragma once
// A file with exactly the given base name and bytes, in its own temporary folder that is
// removed when the file goes out of scope.

#include <string>

#include "cli_runner.hpp"

namespace clientscore::testing {

class TempFile {
public:
    TempFile(const std::string& name, const std::string& bytes) : m_path((m_dir / name).string()) {
        write_file(m_path, bytes);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    std::string path() const { return m_path; }

private:
    TempDir m_dir;
    std::string m_path;
};

}  // namespace clientscore::testing

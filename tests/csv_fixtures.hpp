#pragma once
// The CSV layer read whole (CsvReader over RawInput): a table of the header and the records
// with their lines, the InputError that reading throws, and a scratch file that removes itself.
// For the tests of the reading stage's bytes and records (test_ingest_csv_reader.cpp,
// test_ingest_text_guard.cpp, test_ingest_byte_source.cpp).

#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"

namespace clientscore::csv_fixtures {

namespace fs = std::filesystem;
using clientscore::InputError;
using clientscore::ingest::CsvReader;
using clientscore::ingest::CsvRecord;
using clientscore::ingest::RawInput;

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;
    char delimiter = ',';
    bool bom = false;
};

inline Table read_all(const RawInput& raw, const std::string& encoding = "utf-8") {
    CsvReader reader(raw, encoding);
    Table table;
    table.header = reader.header();
    table.delimiter = reader.delimiter();
    table.bom = reader.bom();
    CsvRecord record;
    while (reader.next(record)) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < record.size(); ++i) {
            row.emplace_back(record.field(i));
        }
        table.rows.push_back(row);
        table.lines.push_back(record.line());
    }
    return table;
}

inline Table read_text(const std::string& text, const std::string& encoding = "utf-8") {
    return read_all(RawInput::from_text(text, "test.csv"), encoding);
}

inline Table read_path(const fs::path& path, const std::string& encoding = "utf-8") {
    return read_all(RawInput(path.string(), path.filename().string()), encoding);
}

// The InputError that reading `text` throws, as its located message.
inline std::string error_of(const std::string& text, const std::string& encoding = "utf-8") {
    try {
        read_text(text, encoding);
    } catch (const InputError& error) {
        return error.located_message() + (error.hint().empty() ? "" : "\n" + error.hint());
    }
    return "(no error)";
}

inline std::string error_of_path(const fs::path& path) {
    try {
        read_path(path);
    } catch (const InputError& error) {
        return error.located_message() + (error.hint().empty() ? "" : "\n" + error.hint());
    }
    return "(no error)";
}

class ScratchFile {
public:
    explicit ScratchFile(const std::string& name) {
        static int counter = 0;
        m_dir = fs::temp_directory_path() /
                ("clientscore_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(m_dir);
        m_path = m_dir / name;
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    ~ScratchFile() {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
    const fs::path& path() const { return m_path; }
    void write(const std::string& bytes) const {
        std::ofstream out(m_path, std::ios::binary);
        out << bytes;
    }
    void write_gzip(const std::string& bytes) const {
        gzFile gz = gzopen(m_path.c_str(), "wb");
        REQUIRE(gz != nullptr);
        REQUIRE(gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
        gzclose(gz);
    }

private:
    fs::path m_dir;
    fs::path m_path;
};

inline std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace clientscore::csv_fixtures

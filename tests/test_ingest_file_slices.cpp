// plan_slices and merge_slice_reports: a file cut at record boundaries reads as the whole.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "clientscore/ingest.hpp"
#include "cli_runner.hpp"
#include "xlsx_fixtures.hpp"

using namespace clientscore;
using clientscore::testing::TempDir;
using clientscore::testing::write_file;

namespace {

struct Collect : RecordSink {
    std::vector<std::int64_t> lines;
    std::vector<std::string> notes;
    void on_contact(const ContactRecord& r) override {
        lines.push_back(r.source.line);
        notes.emplace_back(r.text);
    }
};

// 2,000 calls; every fifth note is quoted with a comma, a doubled quote and a line break, so
// that a naive cut at a line end would land inside a field.
std::string calls_text() {
    std::string text = "client,started_at,notes\n";
    for (int i = 0; i < 2000; ++i) {
        text += "C" + std::to_string(i % 13) + ",2026-09-0" + std::to_string(1 + i % 9) + " 10:00,";
        text += i % 5 == 0 ? "\"a, \"\"b\"\"\nc " + std::to_string(i) + "\"\n" : "n" + std::to_string(i) + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("ingest::plan_slices cuts at record boundaries with the file's line numbers", "[ingest]") {
    TempDir dir;
    const std::string path = (dir / "calls.csv").string();
    write_file(path, calls_text());
    const InputFile file{path, Kind::calls, "calls.csv", std::nullopt};
    ReadSettings settings;

    Collect whole;
    const FileReport whole_report = read_export(file, 0, settings, whole);
    REQUIRE(whole.lines.size() == 2000);

    const std::vector<FileSlice> slices = plan_slices(file, 4, 4000, settings);
    REQUIRE(slices.size() == 4);
    CHECK(slices.front().begin == slices.front().header_end);
    CHECK(slices.front().begin_line == 2);
    Collect cut;
    std::vector<FileReport> reports;
    for (std::size_t k = 0; k < slices.size(); ++k) {
        if (k > 0) {
            CHECK(slices[k].begin == slices[k - 1].end);
        }
        InputFile part = file;
        part.slice = slices[k];
        reports.push_back(read_export(part, 0, settings, cut));
    }
    CHECK(cut.lines == whole.lines);
    CHECK(cut.notes == whole.notes);
    const FileReport merged = merge_slice_reports(reports);
    CHECK(merged.rows == whole_report.rows);
    CHECK(merged.from == whole_report.from);
    CHECK(merged.to == whole_report.to);
}

TEST_CASE("ingest::plan_slices refuses files it cannot cut safely", "[ingest]") {
    TempDir dir;
    ReadSettings settings;
    SECTION("too small") {
        write_file(dir / "calls.csv", calls_text());
        CHECK(plan_slices(InputFile{(dir / "calls.csv").string(), Kind::calls, "calls.csv", std::nullopt}, 4,
                          1u << 30, settings)
                  .empty());
    }
    SECTION("old Mac line ends") {
        std::string text = calls_text();
        for (char& c : text) {
            c = c == '\n' ? '\r' : c;
        }
        write_file(dir / "calls.csv", text);
        CHECK(plan_slices(InputFile{(dir / "calls.csv").string(), Kind::calls, "calls.csv", std::nullopt}, 4, 4000,
                          settings)
                  .empty());
    }
    SECTION("a blank line before the header") {
        write_file(dir / "calls.csv", "\n" + calls_text());
        CHECK(plan_slices(InputFile{(dir / "calls.csv").string(), Kind::calls, "calls.csv", std::nullopt}, 4, 4000,
                          settings)
                  .empty());
    }
    SECTION("another encoding") {
        write_file(dir / "calls.csv", calls_text());
        settings.encoding = "windows-1252";
        CHECK(plan_slices(InputFile{(dir / "calls.csv").string(), Kind::calls, "calls.csv", std::nullopt}, 4, 4000,
                          settings)
                  .empty());
    }
    SECTION("CRLF line ends are cut like LF") {
        std::string text;
        for (char c : calls_text()) {
            text += c == '\n' ? std::string("\r\n") : std::string(1, c);
        }
        write_file(dir / "calls.csv", text);
        CHECK(plan_slices(InputFile{(dir / "calls.csv").string(), Kind::calls, "calls.csv", std::nullopt}, 4, 4000,
                          settings)
                  .size() == 4);
    }
}

TEST_CASE("ingest::plan_slices leaves an .xlsx workbook whole", "[ingest][xlsx]") {
    // Its bytes are a zip archive, not the text: one reader reads its sheet from the first row.
    TempDir dir;
    std::vector<std::string> rows = {"client,started_at"};
    for (int i = 0; i < 3000; ++i) {
        rows.push_back("C" + std::to_string(i) + ",2026-09-01 10:00");
    }
    clientscore::testing::write_text_workbook(dir / "calls.xlsx", "calls", rows);
    clientscore::testing::write_text_workbook(dir / "calls.bin", "calls", rows);
    for (const char* name : {"calls.xlsx", "calls.bin"}) {
        INFO(name);
        CHECK(plan_slices(InputFile{(dir / name).string(), Kind::calls, name, std::nullopt}, 4, 1000, ReadSettings{})
                  .empty());
    }
}

// The byte chain (src/ingest/bytes/byte_source.cpp): an export opened any number of times from
// its first byte (a file, standard input or a pipe spooled to a temporary copy), gzip found by
// its magic bytes and decompressed, a FileSlice of a plain file, and --encoding conversion with
// iconv; the input errors of a missing, unreadable, truncated or corrupt file.

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "csv_fixtures.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "read_export_fixtures.hpp"
#include "temp_file.hpp"
#include "xlsx_fixtures.hpp"

namespace fs = std::filesystem;
using namespace clientscore;
using namespace clientscore::ingest;
using namespace clientscore::read_fixtures;
using namespace clientscore::csv_fixtures;
using clientscore::testing::TempDir;
using clientscore::testing::TempFile;

namespace {

// Everything `source` hands out, read `chunk` bytes at a time; each read must fill its buffer
// unless the input has ended.
std::string drain(ByteSource& source, std::size_t chunk = 4096) {
    std::string out;
    std::string buffer(chunk, '\0');
    for (;;) {
        const std::size_t got = source.read(buffer.data(), chunk);
        out.append(buffer, 0, got);
        if (got < chunk) {
            CHECK(source.read(buffer.data(), chunk) == 0);  // nothing after the end
            return out;
        }
    }
}

std::string gzip(const std::string& text) {
    TempDir dir;
    const std::string path = (dir / "x.gz").string();
    gzFile gz = gzopen(path.c_str(), "wb");
    REQUIRE(gz != nullptr);
    REQUIRE(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
    REQUIRE(gzclose(gz) == Z_OK);
    return clientscore::testing::read_file(path);
}

// Text that compresses to some kilobytes.
std::string long_text() {
    std::string text = "client,date,notes\n";
    for (int i = 0; i < 3000; ++i) {
        text += "client-" + std::to_string(i * 7919 % 1000) + ",2024-01-" + std::to_string(1 + i % 28) + ",n" +
                std::to_string(i * 31337) + "\n";
    }
    return text;
}

InputError open_error(const std::string& path, const std::string& display_name) {
    try {
        const RawInput raw(path, display_name);
        const std::unique_ptr<ByteSource> source = raw.open();
        drain(*source);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError for " << path);
    return InputError(Location{}, "");
}

}  // namespace

TEST_CASE("ingest::RawInput reads a plain file from its first byte, any number of times", "[ingest]") {
    const TempFile file("calls.csv", "client,date\nA,2024-01-01\n");
    const RawInput raw(file.path(), "calls.csv");
    CHECK(raw.display_name() == "calls.csv");
    CHECK(raw.path() == file.path());
    const std::unique_ptr<ByteSource> first = raw.open();
    char buffer[5];
    CHECK(first->read(buffer, 5) == 5);
    CHECK(std::string(buffer, 5) == "clien");
    const std::unique_ptr<ByteSource> second = raw.open();  // independent of the first
    CHECK(drain(*second) == "client,date\nA,2024-01-01\n");
    CHECK(drain(*first, 3) == "t,date\nA,2024-01-01\n");
}

TEST_CASE("ingest::RawInput: a missing file or a folder is an input error naming the path", "[ingest]") {
    const InputError missing = open_error("/nonexistent/folder/calls.csv", "calls.csv");
    CHECK(missing.where().file == "/nonexistent/folder/calls.csv");
    CHECK(std::string(missing.what()) == "cannot be opened: No such file or directory");
    const TempDir dir;
    const InputError folder = open_error(dir.path().string(), "exports");
    CHECK(std::string(folder.what()) == "is a folder, not an export file");
    CHECK(folder.where().file == dir.path().string());
    if (::geteuid() != 0) {  // root reads it anyway
        const TempFile locked("calls.csv", "client,date\n");
        REQUIRE(::chmod(locked.path().c_str(), 0) == 0);
        const InputError denied = open_error(locked.path(), "calls.csv");
        CHECK(std::string(denied.what()) == "cannot be opened: Permission denied");
    }
}

TEST_CASE("ingest::RawInput decompresses gzip found by its magic bytes, whatever the name", "[ingest]") {
    const std::string text = long_text();
    const TempFile named_gz("calls.csv.gz", gzip(text));
    CHECK(drain(*RawInput(named_gz.path(), "calls.csv.gz").open()) == text);
    const TempFile unnamed("calls.csv", gzip(text));  // gzip data under a plain name
    CHECK(drain(*RawInput(unnamed.path(), "calls.csv").open(), 1000) == text);
    const TempFile plain("calls.csv.gz", "client,date\n");  // a plain file under a .gz name
    CHECK(drain(*RawInput(plain.path(), "calls.csv.gz").open()) == "client,date\n");
    const TempFile tiny("x.csv", "\x1F");  // one byte of the magic is not gzip
    CHECK(drain(*RawInput(tiny.path(), "x.csv").open()) == "\x1F");
}

TEST_CASE("ingest::RawInput: truncated or corrupt gzip data is an input error with a hint", "[ingest]") {
    const std::string text = long_text();
    const std::string packed = gzip(text);
    REQUIRE(packed.size() > 1000);
    SECTION("truncated") {
        const TempFile cut("calls.csv.gz", packed.substr(0, packed.size() / 2));
        const InputError e = open_error(cut.path(), "calls.csv.gz");
        CHECK(e.located_message() == "calls.csv.gz: the gzip data ends early: the file is truncated");
        CHECK(e.hint() == "download or copy the file again; `gzip -t FILE` checks it");
    }
    SECTION("a wrong checksum") {
        std::string bad = packed;
        bad[bad.size() - 8] = static_cast<char>(bad[bad.size() - 8] ^ 0x55);  // the CRC-32 trailer
        const TempFile corrupt("calls.csv.gz", bad);
        const InputError e = open_error(corrupt.path(), "calls.csv.gz");
        CHECK(std::string(e.what()).rfind("cannot be read: ", 0) == 0);
        CHECK(e.where().file == "calls.csv.gz");
        CHECK(e.hint() == "the gzip data is corrupt; `gzip -t FILE` checks it");
    }
}

TEST_CASE("ingest::RawInput spools a named pipe longer than its copy buffer", "[ingest]") {
    const TempDir dir;
    const std::string path = (dir / "calls.csv").string();
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    const std::string text = long_text();
    std::thread writer([&] { std::ofstream(path, std::ios::binary) << text; });
    const RawInput raw(path, "calls.csv");
    writer.join();
    CHECK(raw.path() == path);
    CHECK(drain(*raw.open()) == text);
    CHECK(drain(*raw.open()) == text);
}

TEST_CASE("ingest::RawInput::from_text and set_slice", "[ingest]") {
    const RawInput raw = RawInput::from_text("h1,h2\nAAA\nBBB\nCCC\n", "calls.csv");
    CHECK(raw.path() == "-");
    CHECK(raw.display_name() == "calls.csv");
    CHECK(drain(*raw.open()) == "h1,h2\nAAA\nBBB\nCCC\n");

    // A slice of a plain file: the header bytes [0, 6), then the records in [10, 14).
    const TempFile file("calls.csv", "h1,h2\nAAA\nBBB\nCCC\n");
    RawInput sliced(file.path(), "calls.csv");
    sliced.set_slice(FileSlice{6, 1, 10, 14, 3});
    REQUIRE(sliced.slice());
    CHECK(sliced.slice()->begin == 10);
    CHECK(drain(*sliced.open()) == "h1,h2\nBBB\n");
    CHECK(drain(*sliced.open(), 1) == "h1,h2\nBBB\n");  // byte by byte, and again from the start
    sliced.set_slice(FileSlice{6, 1, 14, 18, 4});
    CHECK(drain(*sliced.open()) == "h1,h2\nCCC\n");
}

TEST_CASE("ingest::is_utf8_name", "[ingest]") {
    for (const char* name : {"utf-8", "UTF-8", "utf8", "UTF8", "utf_8", "Utf-8", ""}) {
        CAPTURE(name);
        CHECK(is_utf8_name(name));
    }
    for (const char* name : {"latin1", "windows-1252", "utf-16", "UTF-8-BOM", "utf-88"}) {
        CAPTURE(name);
        CHECK_FALSE(is_utf8_name(name));
    }
}

TEST_CASE("ingest::make_iconv_source converts to UTF-8", "[ingest]") {
    const std::string latin = "client,notes\nM\xFCller,caf\xE9\n";
    const std::string utf8 = "client,notes\nM\xC3\xBCller,caf\xC3\xA9\n";
    const RawInput raw = RawInput::from_text(latin, "calls.csv");
    CHECK(drain(*make_iconv_source(raw.open(), "latin1", "calls.csv", "-")) == utf8);
    // One byte at a time: a character that does not fit is handed out over two reads.
    CHECK(drain(*make_iconv_source(raw.open(), "windows-1252", "calls.csv", "-"), 1) == utf8);
    // Text longer than the converter's own buffer.
    std::string long_latin;
    std::string long_utf8;
    for (int i = 0; i < 40000; ++i) {
        long_latin += "\xE9t\xE9\n";
        long_utf8 += "\xC3\xA9t\xC3\xA9\n";
    }
    const RawInput long_raw = RawInput::from_text(long_latin, "calls.csv");
    CHECK(drain(*make_iconv_source(long_raw.open(), "latin1", "calls.csv", "-"), 777) == long_utf8);
}

TEST_CASE("ingest::make_iconv_source: an unknown encoding or a byte it cannot convert", "[ingest]") {
    const RawInput raw = RawInput::from_text("a\nb\nc\xE9\n", "calls.csv");
    try {
        make_iconv_source(raw.open(), "klingon-8", "calls.csv", "calls.csv");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "--encoding klingon-8: unknown encoding");
        CHECK(e.hint().find("iconv -l") != std::string::npos);
    }
    const std::unique_ptr<ByteSource> ascii = make_iconv_source(raw.open(), "ASCII", "calls.csv", "exports/calls.csv");
    try {
        drain(*ascii);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.located_message() == "calls.csv:3: byte 0xE9 is not valid ASCII text");
        CHECK(e.hint() == "check --encoding; `file -i exports/calls.csv` may say which encoding the file uses");
    }
    // Standard input has no name for the command in the hint.
    const std::unique_ptr<ByteSource> from_stdin = make_iconv_source(raw.open(), "ASCII", "-", "-");
    CHECK_THROWS_WITH(drain(*from_stdin), "byte 0xE9 is not valid ASCII text");
}

TEST_CASE("ingest::make_iconv_source: a file cut inside a character is an input error", "[ingest]") {
    // UTF-16LE: "a" is two bytes; the single "b" byte after it is half a character. The message
    // is not checked: it says "byte 0x62 is not valid UTF-16LE text", where throw_invalid's
    // "the file ends inside a UTF-16LE character" was meant (that branch is never reached).
    const RawInput raw = RawInput::from_text(std::string("a\0\n\0b", 5), "calls.csv");
    const std::unique_ptr<ByteSource> source = make_iconv_source(raw.open(), "UTF-16LE", "calls.csv", "calls.csv");
    try {
        drain(*source);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().file == "calls.csv");
        CHECK(e.where().line == 2);
        CHECK(e.hint().rfind("check --encoding", 0) == 0);
    }
}

TEST_CASE("ingest::read_export gzip and stdin", "[ingest]") {
    const std::string text = "client,date\nA,2024-01-01\nB,2024-01-02\n";
    SECTION("gzip") {
        const TempFile file("calls.csv.gz", "");
        gzFile gz = gzopen(file.path().c_str(), "wb");
        gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
        gzclose(gz);
        const Read r = read_file(file.path(), Kind::calls);
        CHECK(r.got.contacts.size() == 2);
    }
    SECTION("stdin, with a date-order scan that reads it twice") {
        const TempFile file("in.csv", "client,date\nA,01/02/2024\nB,2/13/2024\n");
        const int saved = ::dup(0);
        REQUIRE(std::freopen(file.path().c_str(), "r", stdin) != nullptr);
        Read r;
        try {
            r = read_file("-", Kind::calls);
        } catch (...) {
            ::dup2(saved, 0);
            ::close(saved);
            throw;
        }
        ::dup2(saved, 0);
        ::close(saved);
        std::clearerr(stdin);
        REQUIRE(r.got.contacts.size() == 2);
        CHECK(r.report.file.display_name == "-");
        CHECK(r.report.date_order == "mdy");
        CHECK(r.got.contacts[0].when.date == day(2024, 1, 2));
    }
}

TEST_CASE("ingest::RawInput gzip and stdin", "[ingest]") {
    const std::string text = "a,b\n1,\"x\ny\"\n2,3\n";
    SECTION("gzip") {
        const ScratchFile gz("calls.csv.gz");
        gz.write_gzip(text);
        const Table t = read_path(gz.path());
        REQUIRE(t.rows.size() == 2);
        CHECK(t.rows[0][1] == "x\ny");
    }
    SECTION("truncated gzip") {
        const ScratchFile full("full.csv.gz");
        std::string big;
        for (int i = 0; i < 20000; ++i) {
            big += "client " + std::to_string(i) + "," + std::to_string(i * 7919 % 10007) + "\n";
        }
        full.write_gzip(big);
        const std::string bytes = slurp(full.path());
        const ScratchFile cut("cut.csv.gz");
        cut.write(bytes.substr(0, bytes.size() / 2));
        CHECK(error_of_path(cut.path()).rfind("cut.csv.gz: the gzip data ends early", 0) == 0);
    }
    SECTION("corrupt gzip") {
        const ScratchFile full("bad.csv.gz");
        full.write_gzip(text);
        std::string bytes = slurp(full.path());
        bytes[12] = static_cast<char>(bytes[12] ^ 0x5A);
        bytes[13] = static_cast<char>(bytes[13] ^ 0xA5);
        full.write(bytes);
        CHECK(error_of_path(full.path()).find("bad.csv.gz") == 0);
    }
    SECTION("a pipe is spooled so that it can be read twice") {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        REQUIRE(::write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        ::close(fds[1]);
        const RawInput raw("/proc/self/fd/" + std::to_string(fds[0]), "pipe.csv");
        ::close(fds[0]);
        CHECK(read_all(raw).rows.size() == 2);
        CHECK(read_all(raw).rows.size() == 2);
    }
    SECTION("missing file and folder") {
        CHECK_THROWS_AS(RawInput("/nonexistent/calls.csv", "calls.csv"), InputError);
        CHECK_THROWS_AS(RawInput(fs::temp_directory_path().string(), "tmp"), InputError);
    }
    SECTION("stdin is spooled and can be read twice") {
        const ScratchFile in("stdin.csv");
        in.write(text);
        std::FILE* saved = std::fopen("/dev/null", "r");
        REQUIRE(saved != nullptr);
        const int saved_fd = ::dup(0);
        REQUIRE(std::freopen(in.path().c_str(), "r", stdin) != nullptr);
        RawInput raw("-", "-");
        ::dup2(saved_fd, 0);
        ::close(saved_fd);
        std::fclose(saved);
        std::clearerr(stdin);
        const Table first = read_all(raw);
        const Table second = read_all(raw);
        CHECK(first.rows.size() == 2);
        CHECK(second.rows == first.rows);
    }
}

TEST_CASE("ingest::RawInput opens a workbook's sheet in place of its bytes, from stdin too", "[ingest][xlsx]") {
    clientscore::testing::TempDir dir;
    clientscore::testing::write_text_workbook(dir / "book.xlsx", "Invoices", {"client,amount", "A,5"});
    const std::string bytes = clientscore::testing::read_file(dir / "book.xlsx");
    const RawInput spooled = RawInput::from_text(bytes, "-", "invoices");  // as standard input is
    CHECK(spooled.is_workbook());
    CHECK(spooled.sheet_name() == "Invoices");
    std::unique_ptr<ByteSource> source = spooled.open();
    char buffer[64] = {};
    CHECK(std::string(buffer, source->read(buffer, sizeof buffer)) == "client,amount\nA,5\n");

    const RawInput text = RawInput::from_text("client,amount\n", "calls.csv");
    CHECK_FALSE(text.is_workbook());
    CHECK(text.sheet_name().empty());
}

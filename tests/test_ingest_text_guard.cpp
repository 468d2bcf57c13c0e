// TextGuard (src/ingest/bytes/text_guard.cpp): the bytes of one export checked to be text and
// cut into records (SPEC §2): line ends (LF, CRLF, a bare CR), quoted line breaks, the UTF-8
// byte-order mark, and the input errors for NUL bytes, UTF-16, invalid UTF-8, a quote left open
// and a record over 16 MiB, each at FILE:LINE with a hint that says how to fix the file.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "clientscore/error.hpp"
#include "csv_fixtures.hpp"
#include "ingest/bytes/text_guard.hpp"

using namespace clientscore;
using namespace clientscore::ingest;
using namespace clientscore::csv_fixtures;
using namespace std::string_literals;

namespace {

// The bytes of `text`, handed out as a ByteSource must: every read filled unless the text ends.
class StringSource final : public ByteSource {
public:
    explicit StringSource(std::string text) : m_text(std::move(text)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::min(size, m_text.size() - m_at);
        std::memcpy(buffer, m_text.data() + m_at, n);
        m_at += n;
        return n;
    }

private:
    std::string m_text;
    std::size_t m_at = 0;
};

std::unique_ptr<TextGuard> guard(const std::string& text, const std::string& path = "calls.csv",
                                 bool converted = false) {
    return std::make_unique<TextGuard>(std::make_unique<StringSource>(text), "calls.csv", path, converted);
}

struct Record {
    std::int64_t line;
    std::string text;
    bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Record& r) { return out << r.line << ":" << r.text; }

std::vector<Record> records(TextGuard& g) {
    std::vector<Record> out;
    std::int64_t line = 0;
    while (char* record = g.next_record(line)) {
        CHECK(std::strlen(record) == g.record_size());
        out.push_back(Record{line, std::string(record, g.record_size())});
    }
    return out;
}

std::vector<Record> records(const std::string& text) { return records(*guard(text)); }

// The InputError that reading all of `text` throws.
InputError guard_error(const std::string& text, const std::string& path = "calls.csv", bool converted = false) {
    const auto g = guard(text, path, converted);
    try {
        records(*g);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError for the text");
    return InputError(Location{}, "");
}

const std::string k_qn(1, k_quoted_newline);

}  // namespace

TEST_CASE("ingest::TextGuard cuts records at LF, CRLF and the end of the text", "[ingest]") {
    CHECK(records("a,b\n1,2\n3,4") == std::vector<Record>{{1, "a,b"}, {2, "1,2"}, {3, "3,4"}});
    CHECK(records("a,b\r\n1,2\r\n") == std::vector<Record>{{1, "a,b"}, {2, "1,2"}});
    CHECK(records("a\n\nb\n") == std::vector<Record>{{1, "a"}, {2, ""}, {3, "b"}});  // blank lines are records
    CHECK(records("").empty());
    CHECK(records("\n") == std::vector<Record>{{1, ""}});
}

TEST_CASE("ingest::TextGuard: a bare CR ends a record (old Mac files)", "[ingest]") {
    CHECK(records("a,b\r1,2\r3,4\r") == std::vector<Record>{{1, "a,b"}, {2, "1,2"}, {3, "3,4"}});
    // Quoted, a bare CR is a line break where no LF ends a line ...
    CHECK(records("a\r\"x\ry\"\rb") == std::vector<Record>{{1, "a"}, {2, "\"x\ry\""}, {4, "b"}});
    // ... and a plain character once lines end with LF, as an editor shows it.
    CHECK(records("a\n\"x\ry\"\nb\n") == std::vector<Record>{{1, "a"}, {2, "\"x\ry\""}, {3, "b"}});
}

TEST_CASE("ingest::TextGuard keeps quoted line breaks in the record and counts physical lines", "[ingest]") {
    const auto g = guard("id,notes\n1,\"two\nlines\"\n2,\"a\"\"b\"\n3,plain\n");
    std::int64_t line = 0;
    REQUIRE(g->next_record(line) != nullptr);
    CHECK(line == 1);
    CHECK_FALSE(g->record_has_quote());
    char* second = g->next_record(line);
    REQUIRE(second != nullptr);
    CHECK(line == 2);
    CHECK(std::string(second) == "1,\"two" + k_qn + "lines\"");
    CHECK(g->record_has_quote());
    CHECK(g->record_has_quoted_newline());
    char* third = g->next_record(line);
    REQUIRE(third != nullptr);
    CHECK(line == 4);  // the record before took lines 2 and 3
    CHECK(std::string(third) == "2,\"a\"\"b\"");
    CHECK(g->record_has_quote());
    CHECK_FALSE(g->record_has_quoted_newline());
    char* fourth = g->next_record(line);
    REQUIRE(fourth != nullptr);
    CHECK(line == 5);
    CHECK_FALSE(g->record_has_quote());
    CHECK(g->next_record(line) == nullptr);
    CHECK(g->next_record(line) == nullptr);  // and stays at the end
}

TEST_CASE("ingest::TextGuard drops a UTF-8 byte-order mark and says it saw one", "[ingest]") {
    const auto with = guard("\xEF\xBB\xBF" "client,date\nA,2024-01-01\n");
    std::int64_t line = 0;
    char* header = with->next_record(line);
    REQUIRE(header != nullptr);
    CHECK(std::string(header) == "client,date");
    CHECK(with->bom());
    const auto without = guard("client,date\n");
    REQUIRE(without->next_record(line) != nullptr);
    CHECK_FALSE(without->bom());
}

TEST_CASE("ingest::TextGuard accepts every valid UTF-8 sequence", "[ingest]") {
    // 2, 3 and 4 bytes: é, €, U+10FFFF (the largest), 😀.
    const std::string text = "caf\xC3\xA9,\xE2\x82\xAC,\xF4\x8F\xBF\xBF,\xF0\x9F\x98\x80\n";
    CHECK(records(text) == std::vector<Record>{{1, text.substr(0, text.size() - 1)}});
}

TEST_CASE("ingest::TextGuard errors name the file, the line and the fix", "[ingest]") {
    SECTION("a NUL byte, at its line, with both fixes in the hint") {
        const InputError e = guard_error(std::string("a,b\nc,d\0\n", 9));
        CHECK(e.located_message() == "calls.csv:2: contains a NUL byte: this is not a text file");
        CHECK(e.hint().find("iconv -f UTF-16 -t UTF-8 calls.csv") != std::string::npos);
        CHECK(e.hint().find("tr -d '\\000' < calls.csv") != std::string::npos);
    }
    SECTION("UTF-16 with a byte-order mark, either byte order") {
        const InputError le = guard_error(std::string("\xFF\xFE" "a\0,\0b\0", 8));
        CHECK(le.located_message() == "calls.csv:1: is UTF-16 text; clientscore reads UTF-8");
        CHECK(le.hint() == "convert it: iconv -f UTF-16 -t UTF-8 calls.csv > calls.csv.tmp && mv calls.csv.tmp calls.csv");
        CHECK(std::string(guard_error(std::string("\xFE\xFF\0a\0,\0b", 8)).what()) ==
              "is UTF-16 text; clientscore reads UTF-8");
    }
    SECTION("UTF-16 without a byte-order mark: NULs in every other byte") {
        const InputError e = guard_error(std::string("c\0l\0i\0e\0n\0t\0\n\0", 14));
        CHECK(std::string(e.what()) == "is UTF-16 text; clientscore reads UTF-8");
    }
    SECTION("invalid UTF-8 names the byte out of place and its line") {
        const InputError e = guard_error("client\nCaf\xE9,2024\n");
        CHECK(e.located_message() == "calls.csv:2: byte 0xE9 is not valid UTF-8");
        CHECK(e.hint().find("--encoding windows-1252") != std::string::npos);
        CHECK(e.hint().find("iconv -f WINDOWS-1252 -t UTF-8 calls.csv") != std::string::npos);
        CHECK(guard_error("a\n\xFF\n").located_message() == "calls.csv:2: byte 0xFF is not valid UTF-8");
        // Above U+10FFFF.
        CHECK(guard_error("\xF4\x90\x80\x80\n").located_message() == "calls.csv:1: byte 0x90 is not valid UTF-8");
    }
    SECTION("a UTF-8 character cut off by the end of the file") {
        CHECK(guard_error("a\ncaf\xC3").located_message() == "calls.csv:2: the file ends inside a UTF-8 character");
    }
    SECTION("text converted with --encoding only asks to check it") {
        CHECK(guard_error("a\xFF\n", "calls.csv", true).hint() == "check --encoding");
    }
    SECTION("standard input has no name to put in a command: FILE stands for it") {
        const InputError e = guard_error(std::string("a\0", 2), "-");
        CHECK(e.hint().find("iconv -f UTF-16 -t UTF-8 FILE > FILE.tmp && mv FILE.tmp FILE") != std::string::npos);
    }
}

TEST_CASE("ingest::TextGuard: a quote still open at the end names the line where it opened", "[ingest]") {
    const InputError e = guard_error("client,notes\nA,ok\nB,\"never\nclosed\nC,x\n");
    CHECK(e.located_message() == "calls.csv:3: a quote opened on this line is still open at the end of the file");
    CHECK(e.hint().find("\"\"") != std::string::npos);
    // Every record before the open quote is handed out first.
    const auto g = guard("a\n\"b\n");
    std::int64_t line = 0;
    REQUIRE(g->next_record(line) != nullptr);
    CHECK_THROWS_AS(g->next_record(line), InputError);
}

TEST_CASE("ingest::TextGuard: a record over 16 MiB is an input error at its line", "[ingest]") {
    std::string text = "client,notes\nA,short\nB,";
    text.append(k_max_record_bytes, 'x');
    text += "\nC,after\n";
    const InputError e = guard_error(text);
    CHECK(e.located_message() == "calls.csv:3: record over 16 MiB");
    CHECK_FALSE(e.hint().empty());
    // One byte less than the limit (the whole record, its line break not counted) is read.
    std::string longest = "B,";
    longest.append(k_max_record_bytes - 1 - longest.size(), 'y');
    const std::vector<Record> got = records("h\n" + longest + "\nC\n");
    REQUIRE(got.size() == 3);
    CHECK(got[1].text.size() == k_max_record_bytes - 1);
    CHECK(got[2] == Record{3, "C"});
}

TEST_CASE("ingest::TextGuard keeps every record whole in text many pieces long", "[ingest]") {
    // Records of many lengths, multi-byte characters and quoted breaks, in text far longer than
    // the first piece: every record comes out whole wherever a piece ends.
    std::string text;
    std::vector<Record> expected;
    std::int64_t line = 1;
    for (int i = 0; i < 4000; ++i) {
        std::string record = std::to_string(i) + "," + std::string(static_cast<std::size_t>(i % 97), 'a');
        if (i % 7 == 0) {
            record += ",caf\xC3\xA9 \xE2\x82\xAC";
        }
        if (i % 11 == 0) {
            text += record + ",\"x\ny\"" + (i % 2 ? "\r\n" : "\n");
            expected.push_back(Record{line, record + ",\"x" + k_qn + "y\""});
            line += 2;
        } else {
            text += record + (i % 2 ? "\r\n" : "\n");
            expected.push_back(Record{line, record});
            line += 1;
        }
    }
    REQUIRE(text.size() > 4 * k_first_piece_bytes);
    CHECK(records(text) == expected);

}

TEST_CASE("ingest::TextGuard::jump_after keeps the line numbers of a slice the file's own", "[ingest]") {
    // A slice reads the header line, then records that start on physical line 40 of the file.
    const auto g = guard("client,date\nA,1\nB,2\n");
    g->jump_after(1, 40);
    std::int64_t line = 0;
    REQUIRE(g->next_record(line) != nullptr);
    CHECK(line == 1);
    REQUIRE(g->next_record(line) != nullptr);
    CHECK(line == 40);
    REQUIRE(g->next_record(line) != nullptr);
    CHECK(line == 41);
}

TEST_CASE("ingest::TextGuard rejects what is not text", "[ingest]") {
    SECTION("quote still open at the end names the line where it opened") {
        CHECK(error_of("a,b\n1,2\n3,\"open\nstill\n") ==
              "test.csv:3: a quote opened on this line is still open at the end of the file\n"
              "close the quoted field; a quote inside a quoted field is written twice (\"\")");
    }
    SECTION("NUL byte") {
        CHECK(error_of("a,b\n1,2\n3,\0x\n"s).rfind("test.csv:3: contains a NUL byte", 0) == 0);
    }
    SECTION("invalid UTF-8 with the encoding hint") {
        const std::string message = error_of("a,b\n1,caf\xE9\n");
        CHECK(message.rfind("test.csv:2: column \"b\": byte 0xE9 is not valid UTF-8\n", 0) == 0);
        CHECK(message.find("--encoding windows-1252") != std::string::npos);
    }
    SECTION("overlong, surrogate and truncated sequences") {
        CHECK(error_of("a\n\xC0\xAF\n").find("byte 0xC0 is not valid UTF-8") != std::string::npos);
        CHECK(error_of("a\n\xED\xA0\x80\n").find("byte 0xA0 is not valid UTF-8") != std::string::npos);
        CHECK(error_of("a\n\xE2\x82").find("ends inside a UTF-8 character") != std::string::npos);
    }
    SECTION("UTF-16 with and without a byte-order mark") {
        const std::string le_bom("\xFF\xFE" "a\0,\0b\0\n\0", 10);
        CHECK(error_of(le_bom).rfind("test.csv:1: is UTF-16 text", 0) == 0);
        // from_text stands for standard input, which a command cannot name: the hint says FILE.
        CHECK(error_of(le_bom).find("iconv -f UTF-16 -t UTF-8 FILE > FILE.tmp && mv FILE.tmp FILE") != std::string::npos);
        const std::string be_plain("\0a\0,\0b\0\n\0" "1\0,\0" "2\0\n", 16);
        CHECK(error_of(be_plain).rfind("test.csv:1: is UTF-16 text", 0) == 0);
    }
    SECTION("a binary file is not text, and not taken for UTF-16 (NULs in runs)") {
        const std::string elf("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3E\0\x01\0\0\0", 24);
        CHECK(error_of(elf).rfind("test.csv:1: contains a NUL byte: this is not a text file", 0) == 0);
    }
}

TEST_CASE("ingest::TextGuard reads records across the pieces it reads the text in", "[ingest]") {
    // The guard reads a small first piece, then k_piece_bytes at a time, and keeps scanning
    // where it stopped: a CRLF, a quoted line break, a doubled quote and a three-byte UTF-8
    // character must read the same wherever a piece ends, and so must the line numbers after.
    using clientscore::ingest::k_first_piece_bytes;
    using clientscore::ingest::k_piece_bytes;
    const std::string tail =
        "1,\"q\r\nz\"\r\n"
        "2,\xE2\x82\xAC\"\"x\r\n"
        "3,\"a\"\"b\"\r\n"
        "4,end\r\n";
    for (const std::size_t boundary : {k_first_piece_bytes, k_first_piece_bytes + k_piece_bytes}) {
        for (std::size_t shift = 0; shift < 24; ++shift) {
            // The header, then one padding row that puts the tail's first byte `shift` bytes
            // before the end of a piece.
            const std::string header = "a,b\r\n";
            const std::size_t pad = boundary - shift - header.size() - 4;
            const std::string text = header + "x," + std::string(pad, 'p') + "\r\n" + tail;
            INFO("boundary " << boundary << " shift " << shift);
            const Table t = read_text(text);
            REQUIRE(t.rows.size() == 5);
            CHECK(t.rows[0][1].size() == pad);
            CHECK(t.rows[1] == std::vector<std::string>{"1", "q\r\nz"});
            CHECK(t.rows[2] == std::vector<std::string>{"2", "\xE2\x82\xAC\"\"x"});
            CHECK(t.rows[3] == std::vector<std::string>{"3", "a\"b"});
            CHECK(t.rows[4] == std::vector<std::string>{"4", "end"});
            CHECK(t.lines == std::vector<std::int64_t>{2, 3, 5, 6, 7});
        }
    }
}

TEST_CASE("ingest::TextGuard: an invalid byte below the header names its column", "[ingest][text]") {
    // The first line of the error: `FILE:LINE: column "X": message`.
    const auto message = [](const std::string& text) {
        const std::string e = error_of(text);
        return e.substr(0, e.find('\n'));
    };
    const std::string header = "client,started_at,notes\n";
    // The byte that is out of place, and the column of the field it stands in.
    CHECK(message(header + "A,2026-09-01 10:00,caf\xE9 au lait\n") ==
          "test.csv:2: column \"notes\": byte 0xE9 is not valid UTF-8");
    // A lead byte before a delimiter belongs to the field the delimiter ends.
    CHECK(message(header + "B\xC3,2026-09-01 10:00,x\n") == "test.csv:2: column \"client\": byte 0xC3 is not valid UTF-8");
    // Delimiters inside quotes do not start a field; the line is the byte's own.
    CHECK(message(header + "A,2026-09-01,\"a, \"\"b\"\",\nc\xFF\"\n") ==
          "test.csv:3: column \"notes\": byte 0xFF is not valid UTF-8");
    // The header line itself has no column to name; a `;` file is counted by its own delimiter.
    CHECK(message("cl\xFFient,started_at\n") == "test.csv:1: byte 0xFF is not valid UTF-8");
    CHECK(message("client;started_at;notes\nA;2026-09-01;\xFF\n") ==
          "test.csv:2: column \"notes\": byte 0xFF is not valid UTF-8");
}

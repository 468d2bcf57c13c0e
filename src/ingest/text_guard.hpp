#pragma once
// The last link of the byte chain, in front of fast-cpp-csv-parser's LineReader. LineReader
// splits on `\n` before it looks at quotes, so this guard hides quoted line breaks from it and
// remembers where each record starts; it also makes sure every byte is UTF-8 text.

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "ingest/byte_source.hpp"

namespace clientscore::ingest {

/// Stands for a line break inside a quoted field. 0xFE never occurs in valid UTF-8, so the
/// unescaping of a field can turn it back into `\n` without ambiguity.
inline constexpr char k_quoted_newline = '\xFE';

/// Maps record numbers (1-based, as LineReader counts its lines) to the physical line where
/// each record starts. Written by the guard, on fast-cpp-csv-parser's reading thread; read by
/// the CSV reader. Only records after a quoted line break are stored, and each entry is dropped
/// once the reader has passed it, so memory is bounded by the read-ahead, not the file.
class LineMap {
public:
    /// Physical line of record `record` (records must be asked for in increasing order).
    std::int64_t line_of(std::int64_t record);
    /// From `record` on, the physical line is the record number plus `offset`.
    void push(std::int64_t record, std::int64_t offset);

    std::atomic<bool> bom{false};

private:
    struct Entry {
        std::int64_t record;
        std::int64_t offset;
    };
    std::mutex m_mutex;
    std::deque<Entry> m_entries;
    std::atomic<std::uint64_t> m_pushed{0};  // entries pushed so far
    // The reader's own view, kept so that it takes the lock only when an entry is due or new
    // ones came in: once per record it cost as much as the reader's whole bookkeeping.
    std::int64_t m_offset = 0;
    std::uint64_t m_known = 0;               // m_pushed when the reader last looked
    std::int64_t m_next_change = INT64_MAX;  // the oldest entry's record, as of that look
};

/// Validates and rewrites the bytes of one export (SPEC §2):
/// - drops a UTF-8 byte-order mark (and records it in the LineMap);
/// - rejects UTF-16 (a byte-order mark, or NUL-interleaved text), NUL bytes and invalid UTF-8
///   with an InputError at FILE:LINE that says how to convert the file;
/// - counts quotes as fast-cpp-csv-parser's splitter does (every `"` toggles) and replaces a
///   `\n` inside quotes with k_quoted_newline, so that LineReader sees one line per record;
/// - turns a bare CR outside quotes into a line end (old Mac files);
/// - at the end, a quote still open is an InputError naming the line where it opened.
class TextGuard final : public ByteSource {
public:
    TextGuard(std::unique_ptr<ByteSource> upstream, std::shared_ptr<LineMap> lines, std::string display_name,
              std::string path, bool converted);

    std::size_t read(char* buffer, std::size_t size) override;

    /// For a FileSlice: once `records` lines (the header part) have ended, the next byte is on
    /// physical line `line` of the file, so every line number stays the file's own.
    void jump_after(std::int64_t records, std::int64_t line) {
        m_jump_records = records;
        m_jump_line = line;
    }

private:
    void start();
    void scan(unsigned char* data, std::size_t size, int next);
    void finish();
    void end_record();
    [[noreturn]] void throw_nul(const unsigned char* data, std::size_t size, std::size_t at);
    [[noreturn]] void throw_utf16();
    [[noreturn]] void throw_invalid(unsigned char byte, bool truncated);

    std::unique_ptr<ByteSource> m_upstream;
    std::shared_ptr<LineMap> m_lines;
    std::string m_display_name;
    std::string m_path;
    bool m_converted;  // the text came through iconv: the hints differ

    bool m_started = false;
    bool m_finished = false;
    unsigned char m_last = '\n';  // the last byte handed out (none yet: counts as a line end)
    unsigned char m_ahead[4] = {};  // bytes read but not yet handed out
    std::size_t m_ahead_count = 0;

    bool m_in_quotes = false;
    bool m_seen_lf = false;         // an LF has ended a line: a CR inside quotes is then text
    std::int64_t m_line = 1;        // physical line of the byte being scanned
    std::int64_t m_quote_line = 0;  // where the open quote opened
    std::int64_t m_records = 0;     // record ends handed to LineReader so far
    std::int64_t m_offset = 0;      // physical line minus record number of the current record
    std::int64_t m_jump_records = -1;  // see jump_after
    std::int64_t m_jump_line = 0;
    int m_need = 0;                 // UTF-8 continuation bytes still expected
    unsigned char m_low = 0x80;     // allowed range of the next continuation byte
    unsigned char m_high = 0xBF;
    unsigned char m_lead = 0;       // the lead byte of the sequence being checked
};

}  // namespace clientscore::ingest

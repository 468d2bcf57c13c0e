#pragma once
// The text of one export, record by record. One pass over the bytes checks that they are text,
// follows the quotes and finds where each record ends, so nothing after it has to look for line
// breaks again: fast-cpp-csv-parser's column chopper cuts the fields of the records it hands out.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/bytes/byte_source.hpp"

namespace clientscore::ingest {

/// Stands for a line break inside a quoted field. 0xFE never occurs in valid UTF-8, so the
/// unescaping of a field can turn it back into `\n` without ambiguity.
inline constexpr char k_quoted_newline = '\xFE';

/// The longest record read (SPEC §1): longer is an input error, as is usual for a quote that is
/// never closed.
inline constexpr std::size_t k_max_record_bytes = std::size_t{1} << 24;

/// Text is read in pieces of this size: small enough that the bytes just read are still in the
/// core's cache when the record's fields are cut and parsed, large enough that a system call is
/// a rounding error. The buffer grows only for a record longer than a piece.
inline constexpr std::size_t k_piece_bytes = std::size_t{1} << 18;
/// The first piece is this small: a clients file, a header read to detect a preset, or a
/// fuzzer's input then costs no more than this.
inline constexpr std::size_t k_first_piece_bytes = std::size_t{1} << 14;

/// Validates the bytes of one export and splits them into records (SPEC §2):
/// - drops a UTF-8 byte-order mark (see bom());
/// - rejects UTF-16 (a byte-order mark, or NUL-interleaved text), NUL bytes and invalid UTF-8
///   with an InputError at FILE:LINE that says how to convert the file;
/// - counts quotes as fast-cpp-csv-parser's splitter does (every `"` toggles): a record ends at
///   a line break outside quotes; a `\n` inside quotes becomes k_quoted_newline;
/// - a CR before the LF that ends a record is dropped; a bare CR outside quotes ends a record
///   (old Mac files);
/// - a record over 16 MiB is an InputError, and so, at the end, is a quote still open (naming the
///   line where it opened).
class TextGuard {
  public:
    TextGuard(std::unique_ptr<ByteSource> upstream, std::string display_name, std::string path,
              bool converted);
    TextGuard(const TextGuard&) = delete;
    TextGuard& operator=(const TextGuard&) = delete;
    ~TextGuard();

    /// The next record as NUL-terminated text without its line end, writable in place and valid
    /// until the next call, with at least 16 readable bytes after its NUL; null at the end.
    /// `line` receives the physical line where the record starts.
    char* next_record(std::int64_t& line);

    /// The text started with a UTF-8 byte-order mark (known once the first record was asked for).
    bool bom() const { return m_bom; }

    /// Of the record next_record last returned: its length (up to its NUL), whether it holds a
    /// quote at all, and whether it holds a quoted line break (k_quoted_newline). A record
    /// without quotes is cut at every delimiter: the CSV reader splits those itself.
    std::size_t record_size() const { return m_record_size; }
    bool record_has_quote() const { return m_record_has_quote; }
    bool record_has_quoted_newline() const { return m_record_has_quoted_newline; }

    /// For a FileSlice: once `records` lines (the header part) have ended, the next byte is on
    /// physical line `line`, so every line number stays the file's own.
    void jump_after(std::int64_t records, std::int64_t line) {
        m_jump_records = records;
        m_jump_line = line;
    }

    /// Once the header is read: the delimiter and the column names, so that an invalid byte
    /// below it names its column.
    void set_columns(char delimiter, std::vector<std::string> names) {
        m_delimiter = delimiter;
        m_columns = std::move(names);
    }

  private:
    void start();
    bool refill();
    std::size_t scan();
    char* hand_out(std::size_t end, std::int64_t& line);
    void end_record();
    void finish();
    [[noreturn]] void throw_too_long() const;
    [[noreturn]] void throw_nul(std::size_t at);
    [[noreturn]] void throw_utf16();
    /// `at`: the byte's offset in m_data, to name its column.
    [[noreturn]] void throw_invalid(unsigned char byte, bool truncated, std::size_t at);
    /// The header name of the field of the record being scanned that holds offset `at`, or empty.
    std::string column_at(std::size_t at) const;

    std::unique_ptr<ByteSource> m_upstream;
    std::string m_display_name;
    std::string m_path;
    bool m_converted;  // the text came through iconv: the hints differ
    char m_delimiter = ',';
    std::vector<std::string> m_columns;

    // The text read and not yet handed out is m_data[m_begin, m_end); the record being looked
    // for starts at m_begin and has been scanned up to m_scan.
    std::unique_ptr<char[]> m_data;
    std::size_t m_capacity = 0;
    std::size_t m_piece = k_first_piece_bytes;  // what the next read asks for
    std::size_t m_begin = 0;
    std::size_t m_scan = 0;
    std::size_t m_end = 0;
    bool m_started = false;
    bool m_eof = false;
    bool m_done = false;
    bool m_bom = false;

    std::size_t m_record_size = 0;
    bool m_record_has_quote = false;  // of the record handed out last
    bool m_record_has_quoted_newline = false;
    bool m_quote_seen = false;  // in the record being scanned
    bool m_quoted_newline_seen = false;

    bool m_in_quotes = false;
    bool m_seen_lf = false;            // an LF has ended a line: a CR inside quotes is then text
    std::int64_t m_line = 1;           // physical line of the byte being scanned
    std::int64_t m_record_line = 1;    // physical line where the record being scanned starts
    std::int64_t m_quote_line = 0;     // where the open quote opened
    std::int64_t m_records = 0;        // records ended so far
    std::int64_t m_jump_records = -1;  // see jump_after
    std::int64_t m_jump_line = 0;
    int m_need = 0;              // UTF-8 continuation bytes still expected
    unsigned char m_low = 0x80;  // allowed range of the next continuation byte
    unsigned char m_high = 0xBF;
    unsigned char m_lead = 0;  // the lead byte of the sequence being checked
};

}  // namespace clientscore::ingest

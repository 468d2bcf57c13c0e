#pragma once
// Records of one export, split by fast-cpp-csv-parser (the only place that includes it is
// csv_reader.cpp): the byte chain of byte_source.hpp feeds text_guard.hpp, which hands out one
// validated record at a time; the dialect is sniffed from the header line, and fields are cut
// with fccp's chop_next_column and this folder's quote policy.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/bytes/byte_source.hpp"

namespace clientscore::ingest {

/// Removes the quoting of a raw field in place: a field that starts with `"` is quoted (doubled
/// quotes become one, white space after the closing quote is dropped, anything else after it is
/// kept as written); a field that does not start with a quote is taken as written. Quoted line
/// breaks (k_quoted_newline) become `\n` again. `begin`/`end` are updated; `*end` becomes NUL.
/// `quoted_newlines` false: the record holds no k_quoted_newline, none is looked for.
void unescape_field(char*& begin, char*& end, bool quoted_newlines = true);

/// The delimiter of SPEC §2: the most frequent of `,` `;` tab `|` outside quotes in the header
/// line (ties in that order; none: `,`).
char sniff_delimiter(std::string_view header_line);

/// True for a line of nothing but delimiters, spaces and tabs (ignored, not counted as a row).
bool is_blank_line(std::string_view line, char delimiter);

/// One record: its fields, unquoted on first access. Valid until the next CsvReader::next.
class CsvRecord {
  public:
    /// Physical line where the record starts.
    std::int64_t line() const { return m_line; }
    std::size_t size() const { return m_size; }
    /// The field's text without its quoting, not trimmed.
    std::string_view field(std::size_t index) {
        Field& f = m_fields[index];
        if (!f.unescaped) {
            unescape_field(f.begin, f.end, m_quoted_newlines);
            f.unescaped = true;
        }
        return {f.begin, static_cast<std::size_t>(f.end - f.begin)};
    }

  private:
    friend class CsvReader;
    struct Field {
        char* begin;
        char* end;
        bool unescaped;
    };
    std::int64_t m_line = 0;
    // Kept between records and written by index: a record costs no allocation.
    std::vector<Field> m_fields;
    std::size_t m_size = 0;
    bool m_quoted_newlines = true;
};

/// The `header_line` of a file without a header (`--header-row 0`).
inline constexpr std::int64_t k_no_header = -1;

/// Reads the records of one export from its first byte.
class CsvReader {
  public:
    /// Opens a new pass over `raw`, converting from `encoding` unless it names UTF-8, and reads
    /// the header line: the first line that is not blank, or, when `header_line` is above 0,
    /// the physical line `header_line` (none when it is blank or past the end). With
    /// `k_no_header` the file has none: the columns are named `#1`, `#2`, … after the fields of
    /// its first record, which next() returns like every other. Throws UsageError for an unknown
    /// encoding and InputError for bytes that are not text (see TextGuard).
    CsvReader(const RawInput& raw, const std::string& encoding, std::int64_t header_line = 0);
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;
    ~CsvReader();

    /// False for a file with no header line (empty, or only blank lines).
    bool has_header() const;
    /// Header names, unquoted and trimmed of spaces and tabs.
    const std::vector<std::string>& header() const;
    /// Physical line of the header; 0 for a file without one.
    std::int64_t header_line() const;
    /// The `header_line` that opens another pass with this header (k_no_header for none).
    std::int64_t header_request() const;
    char delimiter() const;
    /// The file started with a UTF-8 byte-order mark.
    bool bom() const;

    /// Reads the next record that is not a blank line; false at the end of the file. Throws
    /// InputError for a record over 16 MiB and for the file-level problems of TextGuard.
    bool next(CsvRecord& record);

  private:
    template <char Sep>
    static void split(char* line, CsvRecord& record);
    static void split(char delimiter, char* line, CsvRecord& record);
    template <char Sep>
    static void split_plain(char* line, std::size_t size, CsvRecord& record);
    static void split_plain(char delimiter, char* line, std::size_t size, CsvRecord& record);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace clientscore::ingest

#pragma once
// The rows of one export, cell by cell: trimming, missing markers, typed values through the
// normalize parsers, and bad rows reported once with the file, line and header name.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/rows/date_order.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/presets/preset_rules.hpp"
#include "ingest/rows/row_filter.hpp"
#include "ingest/rows/row_problems.hpp"

namespace clientscore::ingest {

class RowReader {
public:
    /// `report` receives rows, skipped rows, problems, warnings and the decimal separators seen;
    /// `preset` (may be null) the file's preset conventions.
    RowReader(CsvReader& csv, const HeaderMatch& match, const RawInput& raw, std::uint32_t file_index,
              const ReadSettings& settings, FileReport& report, PresetRules* preset = nullptr);

    /// Moves to the next row that has the header's field count; rows with another count are
    /// reported as bad rows on the way, rows the preset skips or merges and rows --where
    /// leaves out are counted as ignored. False at the end of the file. The constructor throws
    /// InputError for a --where header the file lacks.
    bool next();

    /// The current row.
    CsvRecord& record() { return m_record; }
    /// The file's preset conventions, or null.
    PresetRules* preset() const { return m_preset; }

    std::int64_t line() const { return m_record.line(); }
    SourceRef source() const { return SourceRef{m_file_index, m_record.line()}; }
    /// The column of a field (-1 when not matched).
    int column(std::string_view field) const { return m_match.column(field); }

    // Cell readers. A column of -1 reads as an empty cell. Those that return bool report a bad
    // value as a bad row and return false; the caller then drops the row.

    /// Trimmed; a missing marker (`?`, `NA`, `N/A`, `NULL`) reads as empty.
    std::string_view value(int column) {
        const std::string_view v = trim(raw_value(column));
        return is_missing_trimmed(v) ? std::string_view{} : v;
    }
    /// value(), read through the preset's value words (INCOMING_EMAIL reads as inbound).
    std::string_view word(int column);
    /// Free text as exported (not trimmed); a missing marker reads as empty.
    std::string_view text(int column);
    /// A value that must not be empty.
    bool required(int column, std::string_view& out);
    /// A timestamp in local time; empty when the cell is empty.
    bool timestamp(int column, std::optional<LocalDateTime>& out);
    /// A timestamp that must be present.
    bool required_timestamp(int column, LocalDateTime& out);
    bool amount(int column, std::optional<Money>& out);
    /// Completes a date-only `when` with the time of day in `column` (a bare `H:MM[:SS]` or a
    /// timestamp's time); an empty cell leaves it date-only.
    bool time_of_day(int column, LocalDateTime& when);
    bool duration(int column, std::int64_t& out_ms);
    bool direction(int column, Direction& out);
    bool disputed(int column, bool& out);
    bool discount_status(int column, DiscountStatus& out, std::string_view& text);
    /// An upper-case currency code (valid until the next call), or empty.
    bool currency(int column, std::string_view& out);

    /// Reports the current row as bad at `column`.
    void bad(int column, const std::string& message, const std::string& kind = {});
    /// A bad value: the message quotes it, and `what` is its kind.
    void bad_value(int column, std::string_view value, const std::string& what);

    /// Finishes the report: the date order and decimal separator used, the warning tail.
    void finish();

private:
    /// A timestamp cell that is not empty (`v`, its value) in local time.
    bool read_timestamp(int column, std::string_view v, LocalDateTime& out);
    std::string_view raw_value(int column) {
        return column < 0 ? std::string_view{} : m_record.field(static_cast<std::size_t>(column));
    }

    CsvReader& m_csv;
    const HeaderMatch& m_match;
    std::uint32_t m_file_index;
    const ReadSettings& m_settings;
    FileReport& m_report;
    PresetRules* m_preset;
    RowProblems m_problems;
    RowFilters m_filters;
    DateOrderResolver m_dates;
    DecimalMode m_decimal;
    DurationUnit m_duration_unit = DurationUnit::seconds;
    /// The start column whose midnight times are dates (Preset::start_is_date), or -1.
    int m_date_only = -1;
    CsvRecord m_record;
    std::string m_currency;
    std::string m_scratch;
    bool m_dot_seen = false;
    bool m_comma_seen = false;
};

}  // namespace clientscore::ingest

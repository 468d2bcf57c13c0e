#pragma once
// SPEC §2 ◆5: a column a field found through an alias must also fit the field by its values:
// when fewer than half of its first 100 non-empty values parse as the field's type, the
// alias's column is passed over for the next alias (`Paid` holding "$5.01" is no paid_at date).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clientscore/normalize.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/header/header_match.hpp"

namespace clientscore::ingest {

/// The values test of one file: reads the first records again, one column at a time, only
/// for the columns it is asked about (a file may have 100,000 columns).
class ColumnFit {
public:
    static constexpr std::size_t k_sampled_values = 100;
    /// The records read at most to find them: a sparse column is judged on what they hold.
    static constexpr std::int64_t k_sampled_records = 1000;

    /// `raw` is read from its first byte (a slice of it is put back after each sample), opened
    /// with `header_line` as the file's reader was (CsvReader::header_request); `date_formats`
    /// (--date-format) fit timestamps as the built-in forms do.
    ColumnFit(RawInput& raw, std::string encoding, std::int64_t header_line, DateOrder date_order,
              DecimalMode decimal, std::vector<DateFormat> date_formats = {});

    /// Nothing when `column`'s values fit `field` (or the field has no type to test, or the
    /// column has no value); otherwise why not, naming the first value that does not parse:
    /// `"Kentucky" is not a discount status`.
    std::optional<std::string> why_not(const FieldSpec& field, int column, const std::string& header);

    /// The first non-empty values of `column` (trimmed), as sampled.
    std::vector<std::string> sample(int column);

private:
    RawInput& m_raw;
    std::string m_encoding;
    std::int64_t m_header_line;
    DateOrder m_date_order;
    DecimalMode m_decimal;
    std::vector<DateFormat> m_date_formats;
    char m_delimiter = ',';  // the file's, once sample() has read it
};

}  // namespace clientscore::ingest

#include "ingest/header/column_fit.hpp"

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/rows/row_problems.hpp"

namespace clientscore::ingest {

namespace {

enum class ValueType : std::uint8_t { none, timestamp, amount, duration, direction, discount_status, disputed };

ValueType value_type(const FieldSpec& field) {
    const std::string_view n = field.name;
    if (n == "started_at" || n == "sent_at" || n == "issued_at" || n == "due_at" || n == "paid_at" ||
        n == "granted_at") {
        return ValueType::timestamp;
    }
    if (n == "amount" || n == "amount_paid") {
        return ValueType::amount;
    }
    if (n == "duration") {
        return ValueType::duration;
    }
    if (n == "direction") {
        return ValueType::direction;
    }
    if (n == "status" && field.kind == Kind::discounts) {
        return ValueType::discount_status;  // invoice statuses are free words (SPEC §2)
    }
    if (n == "disputed") {
        return ValueType::disputed;
    }
    // The channel is not tested: a log of chats and tickets is all words no channel knows,
    // and its rows are ignored on purpose (SPEC §2), not misread.
    return ValueType::none;
}

std::string_view type_name(ValueType type) {
    switch (type) {
        case ValueType::timestamp:
            return "a date";
        case ValueType::amount:
            return "an amount";
        case ValueType::duration:
            return "a duration";
        case ValueType::direction:
            return "a direction";
        case ValueType::discount_status:
            return "a discount status";
        case ValueType::disputed:
            return "a disputed mark";
        case ValueType::none:
            break;
    }
    return "a value";
}

bool fits(ValueType type, std::string_view v, DateOrder order, DecimalMode decimal, DurationUnit unit,
          bool hours_minutes, const std::vector<DateFormat>& date_formats) {
    switch (type) {
        case ValueType::timestamp: {
            ParsedTimestamp ignored;
            if (!date_formats.empty() && parse_with_formats(date_formats, v, ignored) == DateFormat::Fit::yes) {
                return true;
            }
            if (order != DateOrder::automatic) {
                return parse_timestamp(v, order).ok();
            }
            return parse_timestamp(v, DateOrder::dmy).ok() || parse_timestamp(v, DateOrder::mdy).ok();
        }
        case ValueType::amount:
            return parse_amount(v, decimal).ok();
        case ValueType::duration:
            return parse_duration_cell(v, unit, hours_minutes, decimal).ok();
        case ValueType::direction:
            return parse_direction(v).ok();
        case ValueType::discount_status:
            return parse_discount_status(v).ok();
        case ValueType::disputed:
            return parse_disputed(v).ok();
        case ValueType::none:
            break;
    }
    return true;
}

}  // namespace

ColumnFit::ColumnFit(RawInput& raw, std::string encoding, std::int64_t header_line, DateOrder date_order,
                     DecimalMode decimal, std::vector<DateFormat> date_formats)
    : m_raw(raw), m_encoding(std::move(encoding)), m_header_line(header_line), m_date_order(date_order),
      m_decimal(decimal), m_date_formats(std::move(date_formats)) {}

std::vector<std::string> ColumnFit::sample(int column) {
    std::vector<std::string> values;
    // A slice's reader starts inside the file; the values test reads the file's first rows.
    const std::optional<FileSlice> slice = m_raw.slice();
    m_raw.clear_slice();
    try {
        CsvReader csv(m_raw, m_encoding, m_header_line);
        m_delimiter = csv.delimiter();
        CsvRecord record;
        const auto at = static_cast<std::size_t>(column);
        for (std::int64_t n = 0; n < k_sampled_records && values.size() < k_sampled_values && csv.next(record); ++n) {
            if (record.size() != csv.header().size()) {
                continue;  // a bad row: the reader reports it
            }
            const std::string_view v = trim(record.field(at));
            if (!is_missing_trimmed(v)) {
                values.emplace_back(v);
            }
        }
    } catch (const InputError&) {
        // What the sample could not read, the reader meets and reports: judge what was read.
    }
    if (slice) {
        m_raw.set_slice(*slice);
    }
    return values;
}

std::optional<std::string> ColumnFit::why_not(const FieldSpec& field, int column, const std::string& header) {
    const ValueType type = value_type(field);
    if (type == ValueType::none) {
        return std::nullopt;
    }
    const std::vector<std::string> values = sample(column);
    const DurationUnit unit = duration_unit_from_header(header);
    // As the reader will: `,` is the decimal separator of a `;` file unless --decimal says.
    const DecimalMode decimal = m_decimal != DecimalMode::automatic ? m_decimal
                                : m_delimiter == ';'               ? DecimalMode::comma
                                                                   : DecimalMode::dot;
    std::size_t good = 0;
    const std::string* first_bad = nullptr;
    for (const std::string& v : values) {
        if (fits(type, v, m_date_order, type == ValueType::duration ? decimal : m_decimal, unit,
                 field.kind == Kind::time, m_date_formats)) {
            ++good;
        } else if (first_bad == nullptr) {
            first_bad = &v;
        }
    }
    if (first_bad == nullptr || 2 * good >= values.size()) {
        return std::nullopt;
    }
    return fmt::format("{} is not {} ({} of {} values are)", quote_value(*first_bad), type_name(type), good,
                       values.size());
}

}  // namespace clientscore::ingest

#include "ingest/rows/row_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/normalize.hpp"

namespace clientscore::ingest {

namespace {

// The date columns of a kind, for the date-order scan.
std::vector<int> date_columns(const HeaderMatch& match) {
    std::vector<int> out;
    for (const std::string_view name : {"started_at", "sent_at", "issued_at", "due_at", "paid_at", "granted_at"}) {
        const int column = match.column(name);
        if (column >= 0) {
            out.push_back(column);
        }
    }
    return out;
}

}  // namespace

RowReader::RowReader(CsvReader& csv, const HeaderMatch& match, const RawInput& raw, std::uint32_t file_index,
                     const ReadSettings& settings, FileReport& report, PresetRules* preset)
    : m_csv(csv),
      m_match(match),
      m_file_index(file_index),
      m_settings(settings),
      m_report(report),
      m_preset(preset),
      m_problems(report, settings.strict),
      m_filters(settings.filters, match.kind, csv.header(), report.file.display_name, csv.header_line()),
      m_dates(settings.date_order, report.file.display_name,
              [&raw, &settings, &csv, columns = date_columns(match)] {
                  return scan_for_date_order(raw, settings.encoding, columns, csv.header(), csv.header_request(),
                                             settings.date_formats);
              }) {
    switch (settings.decimal) {
        case DecimalMode::automatic:
            // SPEC §2: `,` is the decimal separator in a `;`-delimited file, `.` elsewhere.
            m_decimal = csv.delimiter() == ';' ? DecimalMode::comma : DecimalMode::dot;
            break;
        default:
            m_decimal = settings.decimal;
            break;
    }
    const int duration_column = match.column("duration");
    if (duration_column >= 0) {
        m_duration_unit = duration_unit_from_header(csv.header()[static_cast<std::size_t>(duration_column)]);
    }
    if (preset != nullptr && preset->preset().duration_unit) {
        m_duration_unit = *preset->preset().duration_unit;
    }
    if (preset != nullptr && preset->preset().start_is_date) {
        m_date_only = match.column(match.kind == Kind::emails ? "sent_at" : "started_at");
    }
}

bool RowReader::next() {
    const std::size_t fields = m_csv.header().size();
    while (m_csv.next(m_record)) {
        ++m_report.rows;
        if (m_preset != nullptr && m_preset->is_title_row(m_record)) {
            ++m_report.ignored;
            continue;
        }
        if (m_record.size() == fields) {
            if ((m_preset != nullptr && m_preset->is_ignored_row(m_record)) ||
                (!m_filters.empty() && !m_filters.keeps(m_record))) {
                ++m_report.ignored;
                continue;
            }
            return true;
        }
        m_problems.add(m_record.line(), {},
                       fmt::format("has {} field{}, the header has {}", m_record.size(),
                                   m_record.size() == 1 ? "" : "s", fields),
                       "has the wrong number of fields");
    }
    return false;
}

std::string_view RowReader::word(int column) {
    const std::string_view v = value(column);
    return m_preset != nullptr ? m_preset->word(column, v) : v;
}

std::string_view RowReader::text(int column) {
    const std::string_view v = raw_value(column);
    return is_missing(v) ? std::string_view{} : v;
}

bool RowReader::required(int column, std::string_view& out) {
    out = value(column);
    if (!out.empty()) {
        return true;
    }
    const std::string_view written = trim(raw_value(column));
    if (written.empty()) {
        bad(column, "is empty");
    } else {
        bad_value(column, written, "counts as empty");
    }
    return false;
}

bool RowReader::timestamp(int column, std::optional<LocalDateTime>& out) {
    out.reset();
    const std::string_view v = value(column);
    if (v.empty()) {
        return true;
    }
    LocalDateTime when;
    if (!read_timestamp(column, v, when)) {
        return false;
    }
    out = when;
    return true;
}

bool RowReader::read_timestamp(int column, std::string_view v, LocalDateTime& out) {
    ParsedTimestamp ts;
    // --date-format first (SPEC §1 ◆7); a value in a format's form that names no real date is
    // bad rather than handed to the built-in forms, which might read it in another order.
    const DateFormat::Fit fit = m_settings.date_formats.empty()
                                    ? DateFormat::Fit::no
                                    : parse_with_formats(m_settings.date_formats, v, ts);
    if (fit != DateFormat::Fit::yes && fit != DateFormat::Fit::no) {
        bad_value(column, v, std::string(fit_error(fit)));
        return false;
    }
    if (fit == DateFormat::Fit::no) {
        const DateOrder order =
            m_dates.order_for(v, m_record.line(), m_csv.header()[static_cast<std::size_t>(column)]);
        Result<ParsedTimestamp> parsed = parse_timestamp(v, order);
        if (!parsed) {
            bad_value(column, v, parsed.error());
            return false;
        }
        ts = *parsed;
    }
    if (column == m_date_only && ts.seconds == 0) {
        // A date written with a midnight time: without this every such row lands at 00:00,
        // after hours; the time of day comes from elsewhere (time_of_day).
        ts.seconds = -1;
    }
    if (m_preset != nullptr && m_preset->preset().utc && ts.seconds >= 0 && !ts.offset_minutes) {
        ts.offset_minutes = 0;
    }
    out = m_settings.time_zone.to_local(ts);
    return true;
}

bool RowReader::time_of_day(int column, LocalDateTime& when) {
    const std::string_view v = value(column);
    if (v.empty() || when.has_time()) {
        return true;
    }
    ParsedTimestamp ts;
    ts.date = when.date;
    if (const Result<std::int32_t> bare = parse_time_of_day(v)) {
        ts.seconds = *bare;
    } else {
        std::optional<LocalDateTime> stamp;
        if (!timestamp(column, stamp)) {
            return false;
        }
        // A timestamp's time is local already (its offset, or the preset's UTC, applied):
        // converting it again would move it twice.
        when.seconds = stamp->seconds;
        return true;
    }
    if (m_preset != nullptr && m_preset->preset().utc && ts.seconds >= 0) {
        ts.offset_minutes = 0;
    }
    when = m_settings.time_zone.to_local(ts);
    return true;
}

bool RowReader::required_timestamp(int column, LocalDateTime& out) {
    std::string_view present;
    return required(column, present) && read_timestamp(column, present, out);
}

bool RowReader::amount(int column, std::optional<Money>& out) {
    out.reset();
    const std::string_view v = value(column);
    if (v.empty()) {
        return true;
    }
    const Result<ParsedAmount> parsed = parse_amount(v, m_decimal);
    if (!parsed) {
        bad_value(column, v, parsed.error());
        return false;
    }
    m_dot_seen = m_dot_seen || parsed->decimal_used == '.';
    m_comma_seen = m_comma_seen || parsed->decimal_used == ',';
    out = parsed->value;
    return true;
}

bool RowReader::duration(int column, std::int64_t& out_ms) {
    out_ms = 0;
    const std::string_view v = value(column);
    if (v.empty()) {
        return true;
    }
    // H:MM is hours and minutes in a time tracker's export (SPEC ◆9) and where a preset says so.
    const bool hours_minutes = m_match.kind == Kind::time ||
                               (m_preset != nullptr && m_preset->preset().duration_hours_minutes);
    const Result<std::int64_t> parsed = parse_duration_cell(v, m_duration_unit, hours_minutes, m_decimal);
    if (!parsed) {
        bad_value(column, v, parsed.error());
        return false;
    }
    out_ms = *parsed;
    return true;
}

bool RowReader::direction(int column, Direction& out) {
    const std::string_view v = word(column);
    const Result<Direction> parsed = parse_direction(v);
    if (!parsed) {
        bad_value(column, v, parsed.error());
        return false;
    }
    out = *parsed;
    return true;
}

bool RowReader::disputed(int column, bool& out) {
    const std::string_view v = value(column);
    const Result<bool> parsed = parse_disputed(v);
    if (!parsed) {
        bad_value(column, v, parsed.error());
        return false;
    }
    out = *parsed;
    return true;
}

bool RowReader::discount_status(int column, DiscountStatus& out, std::string_view& text) {
    text = value(column);
    const Result<DiscountStatus> parsed = parse_discount_status(text);
    if (!parsed) {
        bad_value(column, text, parsed.error());
        return false;
    }
    out = *parsed;
    return true;
}

bool RowReader::currency(int column, std::string_view& out) {
    out = {};
    const std::string_view v = value(column);
    if (v.empty()) {
        return true;
    }
    Result<std::string> parsed = parse_currency(v);
    if (!parsed) {
        bad_value(column, v, parsed.error());
        return false;
    }
    m_currency = std::move(parsed.value());
    auto& seen = m_report.currencies;
    const auto at = std::lower_bound(seen.begin(), seen.end(), m_currency);
    if (at == seen.end() || *at != m_currency) {
        seen.insert(at, m_currency);
    }
    out = m_currency;
    return true;
}

void RowReader::bad(int column, const std::string& message, const std::string& kind) {
    const std::string header = column >= 0 ? m_csv.header()[static_cast<std::size_t>(column)] : std::string{};
    m_problems.add(m_record.line(), header, message, kind);
}

void RowReader::bad_value(int column, std::string_view value, const std::string& what) {
    bad(column, fmt::format("{} {}", quote_value(value), what), what);
}

void RowReader::finish() {
    m_report.date_order = m_dates.report_name();
    if (m_preset != nullptr && m_preset->ignored_empty() > 0) {
        const int column = m_preset->ignore_empty_column();
        m_report.ignored_by.emplace_back(
            fmt::format("an empty \"{}\" ({})", m_csv.header()[static_cast<std::size_t>(column)],
                        m_preset->preset().ignore_empty_means),
            m_preset->ignored_empty());
    }
    // Moved-in strings, not `= "mixed"`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
    if (m_dot_seen && m_comma_seen) {
        m_report.decimal = std::string("mixed");
    } else if (m_dot_seen) {
        m_report.decimal = std::string(".");
    } else if (m_comma_seen) {
        m_report.decimal = std::string(",");
    }
}

}  // namespace clientscore::ingest

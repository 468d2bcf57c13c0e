#include "ingest/rows/date_order.hpp"

#include <fmt/format.h>

#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"

namespace clientscore::ingest {

namespace {

std::string_view order_word(DateOrder order) { return order == DateOrder::mdy ? "month-first" : "day-first"; }

constexpr std::string_view k_order_hint =
    "say which order the file uses: --date-order dmy (day/month/year) or --date-order mdy (month/day/year)";

}  // namespace

std::optional<DecidingDate> scan_for_date_order(const RawInput& raw, const std::string& encoding,
                                                const std::vector<int>& columns,
                                                const std::vector<std::string>& header,
                                                std::int64_t header_line,
                                                const std::vector<DateFormat>& date_formats) {
    CsvReader reader(raw, encoding, header_line);
    CsvRecord record;
    while (reader.next(record)) {
        if (record.size() != header.size()) {
            continue;
        }
        for (const int column : columns) {
            const std::string_view text = trim(record.field(static_cast<std::size_t>(column)));
            ParsedTimestamp ignored;
            if (!date_formats.empty() && parse_with_formats(date_formats, text, ignored) != DateFormat::Fit::no) {
                continue;
            }
            const SlashHint hint = slash_hint(text);
            if (hint == SlashHint::day_first || hint == SlashHint::month_first) {
                return DecidingDate{hint == SlashHint::day_first ? DateOrder::dmy : DateOrder::mdy, record.line(),
                                    header[static_cast<std::size_t>(column)], std::string(text)};
            }
        }
    }
    return std::nullopt;
}

DateOrderResolver::DateOrderResolver(DateOrder requested, std::string display_name, Scan scan)
    : m_requested(requested), m_display_name(std::move(display_name)), m_scan(std::move(scan)) {}

DateOrder DateOrderResolver::order_for(std::string_view text, std::int64_t line, const std::string& column) {
    // Only a slash date (one or two digits, then `/`) has an order to settle: this runs on every
    // timestamp of every row, so the others are told apart by a look at two bytes.
    const bool maybe_slash = text.size() > 2 && (text[1] == '/' || text[2] == '/');
    const SlashHint hint = maybe_slash ? slash_hint(text) : SlashHint::not_slash;
    if (hint == SlashHint::not_slash) {
        // The order does not matter for this value; dmy keeps dotted dates day-first.
        return m_requested == DateOrder::automatic ? DateOrder::dmy : m_requested;
    }
    if (m_requested != DateOrder::automatic) {
        m_needed = m_needed || hint != SlashHint::same;
        return m_requested;
    }
    switch (hint) {
        case SlashHint::day_first:
        case SlashHint::month_first: {
            const DateOrder says = hint == SlashHint::day_first ? DateOrder::dmy : DateOrder::mdy;
            if (!m_settled) {
                settle(DecidingDate{says, line, column, std::string(text)});
            } else if (m_settled->order != says) {
                throw InputError(
                    Location{m_display_name, line, column},
                    fmt::format("\"{}\" can only be {}, but \"{}\" on line {} can only be {}: the file mixes date "
                                "orders",
                                text, order_word(says), m_settled->text, m_settled->line,
                                order_word(m_settled->order)),
                    std::string(k_order_hint) + "; dates in the other order are then skipped as bad rows");
            }
            return says;
        }
        case SlashHint::ambiguous:
            if (!m_settled && !m_scanned) {
                m_scanned = true;
                if (std::optional<DecidingDate> found = m_scan ? m_scan() : std::nullopt) {
                    settle(std::move(*found));
                }
            }
            if (!m_settled) {
                throw InputError(Location{m_display_name, line, column},
                                 fmt::format("\"{}\" could be day-first or month-first, and no date in the file "
                                             "settles which",
                                             text),
                                 std::string(k_order_hint));
            }
            return m_settled->order;
        case SlashHint::same:
        case SlashHint::not_slash:
            break;
    }
    // Equal parts read the same either way.
    return m_settled ? m_settled->order : DateOrder::dmy;
}

void DateOrderResolver::settle(DecidingDate deciding) { m_settled = std::move(deciding); }

std::string DateOrderResolver::report_name() const {
    if (m_settled) {
        return m_settled->order == DateOrder::mdy ? "mdy" : "dmy";
    }
    if (m_needed) {
        return m_requested == DateOrder::mdy ? "mdy" : "dmy";
    }
    return {};
}

}  // namespace clientscore::ingest

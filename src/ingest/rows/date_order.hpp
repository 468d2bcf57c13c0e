#pragma once
// --date-order auto (SPEC §2): a file's slash dates settle day-first or month-first. A date
// is never read in the wrong order: the order is settled by the first date that decides it
// (a part above 12), every later slash date is checked against it, and an ambiguous date met
// before anything decided sends a scan over the file's date columns for a deciding date.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/bytes/byte_source.hpp"

namespace clientscore::ingest {

/// The first date of a file that decides its order, and where it stands.
struct DecidingDate {
    DateOrder order = DateOrder::dmy;
    std::int64_t line = 0;
    std::string column;
    std::string text;
};

/// Reads `raw` from its start and returns the first slash date in `columns` whose parts decide
/// the order, if any. Rows whose field count differs from the header's are passed over, and so
/// are values that one of `date_formats` (--date-format) reads: their order is the format's.
/// `header_line` opens the pass as the reader was opened (see CsvReader::header_request).
std::optional<DecidingDate> scan_for_date_order(const RawInput& raw, const std::string& encoding,
                                                const std::vector<int>& columns,
                                                const std::vector<std::string>& header,
                                                std::int64_t header_line = 0,
                                                const std::vector<DateFormat>& date_formats = {});

class DateOrderResolver {
public:
    using Scan = std::function<std::optional<DecidingDate>()>;

    /// `requested` is the --date-order option; `scan` is called at most once, for the first
    /// ambiguous date met before the order is settled.
    DateOrderResolver(DateOrder requested, std::string display_name, Scan scan);

    /// The order to parse `text` (a trimmed timestamp cell) with. Throws InputError when the
    /// file's slash dates contradict each other, or when an ambiguous date cannot be settled.
    DateOrder order_for(std::string_view text, std::int64_t line, const std::string& column);

    /// FileReport::date_order: "dmy", "mdy", or empty when no slash date needed an order.
    std::string report_name() const;

private:
    void settle(DecidingDate deciding);

    DateOrder m_requested;
    std::string m_display_name;
    Scan m_scan;
    bool m_scanned = false;
    bool m_needed = false;  // a slash date was read with the requested order
    std::optional<DecidingDate> m_settled;
};

}  // namespace clientscore::ingest

#include "ingest/rows/row_filter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/header/header_match.hpp"

namespace clientscore::ingest {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// `cell` equals `lower_value` without regard to ASCII case.
bool same_value(std::string_view cell, const std::string& lower_value) {
    if (cell.size() != lower_value.size()) {
        return false;
    }
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (lower(cell[i]) != lower_value[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

RowFilters::RowFilters(const std::vector<RowFilter>& filters, Kind kind, const std::vector<std::string>& header,
                       const std::string& display_name, std::int64_t header_line) {
    for (const RowFilter& filter : filters) {
        if (filter.kind != kind) {
            continue;
        }
        const int mapped = mapped_column(header, filter.header);
        auto at = mapped >= 0 ? header.begin() + mapped : header.end();
        if (at == header.end()) {
            const std::string key = normalize_header(filter.header);
            at = std::find_if(header.begin(), header.end(),
                              [&](const std::string& name) { return !key.empty() && normalize_header(name) == key; });
        }
        if (at == header.end()) {
            throw InputError(Location{display_name, header_line, {}},
                             fmt::format("--where {}: the file has no column \"{}\"", filter.text, filter.header),
                             fmt::format("its columns are: {} (or #1 to #{} by position)", fmt::join(header, ", "),
                                         header.size()));
        }
        m_bound.push_back(Bound{static_cast<std::size_t>(at - header.begin()), &filter});
    }
}

bool RowFilters::keeps(CsvRecord& record) const {
    for (const Bound& b : m_bound) {
        const std::string_view cell = trim(record.field(b.column));
        const std::vector<std::string>& values = b.filter->values;
        const bool listed =
            std::any_of(values.begin(), values.end(), [&](const std::string& v) { return same_value(cell, v); });
        if (listed != b.filter->equal) {
            return false;
        }
    }
    return true;
}

}  // namespace clientscore::ingest

namespace clientscore {

RowFilter parse_row_filter(std::string_view text) {
    const std::string example = "KIND.HEADER=V1|V2 or KIND.HEADER!=V1|V2, e.g. calls.Queue=Sales|Support";
    const std::size_t equals = text.find('=');
    const std::size_t dot = text.substr(0, equals).find('.');
    if (equals == std::string_view::npos || dot == std::string_view::npos) {
        throw UsageError(fmt::format("--where \"{}\": expected {}", text, example));
    }
    RowFilter filter;
    filter.text = std::string(text);
    filter.equal = !(equals > 0 && text[equals - 1] == '!');
    const std::size_t header_end = filter.equal ? equals : equals - 1;
    const std::string kind_name = ascii_lower(trim(text.substr(0, dot)));
    const auto kind_it = std::find(k_kind_names.begin(), k_kind_names.end(), kind_name);
    if (kind_it == k_kind_names.end()) {
        throw UsageError(fmt::format("--where \"{}\": unknown kind \"{}\"", text, kind_name),
                         fmt::format("kinds: {}", fmt::join(k_kind_names, ", ")));
    }
    filter.kind = static_cast<Kind>(kind_it - k_kind_names.begin());
    filter.header = std::string(trim(text.substr(dot + 1, header_end > dot ? header_end - dot - 1 : 0)));
    if (filter.header.empty()) {
        throw UsageError(fmt::format("--where \"{}\": the header name is empty", text), "expected " + example);
    }
    // An empty value stands for an empty cell: `invoices.status=|open` also keeps rows without a status.
    std::string_view rest = text.substr(equals + 1);
    while (true) {
        const std::size_t bar = rest.find('|');
        filter.values.push_back(ascii_lower(trim(rest.substr(0, bar))));
        if (bar == std::string_view::npos) {
            break;
        }
        rest = rest.substr(bar + 1);
    }
    return filter;
}

}  // namespace clientscore

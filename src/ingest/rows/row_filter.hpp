#pragma once
// --where (SPEC §1 ◆8): the rows of a kind that are read, by the values of one column.

#include <cstdint>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "ingest/csv/csv_reader.hpp"

namespace clientscore::ingest {

/// The --where options of one file's kind, each bound to its column.
class RowFilters {
public:
    /// Binds every filter of `kind` in `filters` to its column of `header`: the column named
    /// exactly so, else `#N` the Nth column, else the leftmost whose normalised name is the same
    /// (as for --map). Throws
    /// InputError at `header_line` of `display_name`, listing the columns, for a header the file
    /// lacks.
    RowFilters(const std::vector<RowFilter>& filters, Kind kind, const std::vector<std::string>& header,
               const std::string& display_name, std::int64_t header_line);

    bool empty() const { return m_bound.empty(); }
    /// True when every filter holds for `record` (which has the header's field count; its
    /// cells unquote as they are read).
    bool keeps(CsvRecord& record) const;

private:
    struct Bound {
        std::size_t column = 0;
        const RowFilter* filter = nullptr;
    };
    std::vector<Bound> m_bound;
};

}  // namespace clientscore::ingest

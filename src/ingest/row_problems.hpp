#pragma once
// Bad rows of one file (SPEC §2, §5): counted, the first 20 kept as problems for `check`, the
// first 10 as warning lines, then one line with the count of the rest; under --strict the
// first one is an InputError.

#include <cstdint>
#include <string>
#include <string_view>

#include "clientscore/ingest.hpp"

namespace clientscore::ingest {

inline constexpr std::size_t k_max_problems = 20;
inline constexpr std::size_t k_max_warnings = 10;

/// `"VALUE"` for a message, shortened to about 60 bytes (at a UTF-8 boundary) so that a huge
/// cell does not flood the terminal.
std::string quote_value(std::string_view value);

class RowProblems {
public:
    /// Records into `report` (its skipped, problems and warnings).
    RowProblems(FileReport& report, bool strict);
    /// One bad row: `column` is the header name (empty for a wrong field count). Throws
    /// InputError under --strict.
    void add(std::int64_t line, const std::string& column, const std::string& message);
    /// Appends the `N more bad rows skipped` line when needed; call once at the end.
    void finish();

private:
    FileReport& m_report;
    bool m_strict;
};

}  // namespace clientscore::ingest

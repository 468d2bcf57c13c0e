#pragma once
// Bad rows met while reading one file (SPEC §2, §5): into the file's ProblemLog, or under
// --strict the first one is an InputError.

#include <cstdint>
#include <string>
#include <string_view>

#include "clientscore/ingest.hpp"

namespace clientscore::ingest {

/// `"VALUE"` for a message, shortened to about 60 bytes (at a UTF-8 boundary) so that a huge
/// cell does not flood the terminal.
std::string quote_value(std::string_view value);

class RowProblems {
public:
    /// Records into `report.bad_rows`.
    RowProblems(FileReport& report, bool strict);
    /// One bad row: `column` is the header name (empty for a wrong field count). Throws
    /// InputError under --strict.
    /// `kind`: the message without the value, to count alike problems together (empty: the
    /// message itself).
    void add(std::int64_t line, const std::string& column, const std::string& message,
             const std::string& kind = {});

private:
    FileReport& m_report;
    bool m_strict;
};

}  // namespace clientscore::ingest

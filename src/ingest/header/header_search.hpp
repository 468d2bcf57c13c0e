#pragma once
// Where an export's header is (SPEC §2 ◆6): given with --header-row, or the first of the file's
// first 30 lines that names every required field of its kind.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"

namespace clientscore::ingest {

/// The lines searched for a header, the first included.
inline constexpr std::int64_t k_header_search_lines = 30;

/// The columns of `names` (one line's trimmed fields) that yield the required fields of `kind`,
/// through `settings.mappings`, a preset's signature or aliases, or the generic aliases (by name
/// only, not by values); nothing when a required field has none.
std::optional<std::vector<int>> header_columns(Kind kind, const std::vector<std::string>& names,
                                               const ReadSettings& settings);

/// SPEC §1 ◆4: the kind a file's header says, for a file whose name says none. The header of
/// each kind is searched for as the read searches (--header-row included, --map not); a file is
/// of a kind when exactly one kind's header is found, or when one kind's required columns hold
/// every other found kind's on the same line (a contacts log also names a call's client and
/// start; every export names a client list's client).
struct HeaderKind {
    std::optional<Kind> kind;  ///< none: `why` says why the file is not read
    std::string why;
};
HeaderKind kind_by_header(const RawInput& raw, const ReadSettings& settings);

/// The `header_line` to open `raw` with (see CsvReader): `settings.header_row` when given
/// (k_no_header for 0); else the physical line of the first of the first k_header_search_lines
/// lines for which header_columns finds every required field; else 0, the first line that is not blank, whose
/// missing fields the read then reports. Never throws for the file's content: the read meets
/// the same problem and reports it where it belongs.
std::int64_t find_header_line(const RawInput& raw, Kind kind, const ReadSettings& settings);

}  // namespace clientscore::ingest

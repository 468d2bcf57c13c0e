#pragma once
// Where an export's header is (SPEC §2 ◆6): given with --header-row, or the first of the file's
// first 30 lines that names every required field of its kind.

#include <cstdint>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"

namespace clientscore::ingest {

/// The lines searched for a header, the first included.
inline constexpr std::int64_t k_header_search_lines = 30;

/// True when `names` (one line's trimmed fields) yield every required field of `kind`: through
/// `settings.mappings`, a preset's signature or aliases, or the generic aliases (by name only,
/// not by values).
bool names_a_header(Kind kind, const std::vector<std::string>& names, const ReadSettings& settings);

/// The `header_line` to open `raw` with (see CsvReader): `settings.header_row` when given
/// (k_no_header for 0); else the physical line of the first of the first k_header_search_lines
/// lines for which names_a_header holds; else 0, the first line that is not blank, whose
/// missing fields the read then reports. Never throws for the file's content: the read meets
/// the same problem and reports it where it belongs.
std::int64_t find_header_line(const RawInput& raw, Kind kind, const ReadSettings& settings);

}  // namespace clientscore::ingest

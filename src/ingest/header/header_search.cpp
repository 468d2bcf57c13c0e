#include "ingest/header/header_search.hpp"

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/presets/preset_detect.hpp"

namespace clientscore::ingest {

bool names_a_header(Kind kind, const std::vector<std::string>& names, const ReadSettings& settings) {
    const PresetChoice choice = choose_preset(kind, names, settings.preset);
    if (choice.preset != nullptr && match_signature(*choice.preset, names).detected) {
        return true;
    }
    try {
        match_header(kind, names, settings.mappings, {}, 0, choice.preset);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

std::int64_t find_header_line(const RawInput& raw, Kind kind, const ReadSettings& settings) {
    if (settings.header_row) {
        return *settings.header_row == 0 ? k_no_header : *settings.header_row;
    }
    try {
        const CsvReader first(raw, settings.encoding);
        if (!first.has_header() || names_a_header(kind, first.header(), settings)) {
            return 0;
        }
        // Each line below is judged with its own delimiter: a title line has none to go by.
        CsvReader lines(raw, settings.encoding);
        CsvRecord record;
        while (lines.next(record) && record.line() <= k_header_search_lines) {
            const CsvReader candidate(raw, settings.encoding, record.line());
            if (candidate.has_header() && names_a_header(kind, candidate.header(), settings)) {
                return candidate.header_line();
            }
        }
    } catch (const InputError&) {
        // The read meets the same problem and reports it with its line.
    }
    return 0;
}

}  // namespace clientscore::ingest

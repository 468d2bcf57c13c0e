#include "ingest/header/header_search.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/presets/preset_detect.hpp"

namespace clientscore::ingest {

std::optional<std::vector<int>> header_columns(Kind kind, const std::vector<std::string>& names,
                                               const ReadSettings& settings) {
    const PresetChoice choice = choose_preset(kind, names, settings.preset);
    try {
        const HeaderMatch match = match_header(kind, names, settings.mappings, {}, 0, choice.preset);
        std::vector<int> columns;
        for (std::size_t f = 0; f < match.fields.size(); ++f) {
            if (match.fields[f]->required && match.columns[f] >= 0) {
                columns.push_back(match.columns[f]);
            }
        }
        // A detected preset's signature is part of the header it claims: a vendor layout of
        // one kind outweighs the generic aliases of another that name the same client and date.
        if (choice.preset != nullptr && !choice.forced) {
            for (const std::string& name : choice.columns) {
                const auto at = std::find(names.begin(), names.end(), name);
                const int column = static_cast<int>(at - names.begin());
                if (at != names.end() && std::find(columns.begin(), columns.end(), column) == columns.end()) {
                    columns.push_back(column);
                }
            }
        }
        return columns;
    } catch (const InputError&) {
    }
    // A preset's signature is its header even where its aliases leave a field to a default.
    if (choice.preset != nullptr && match_signature(*choice.preset, names).detected) {
        std::vector<int> columns;
        for (std::size_t i = 0; i < names.size(); ++i) {
            columns.push_back(static_cast<int>(i));
        }
        return columns;
    }
    return std::nullopt;
}

namespace {

struct FoundHeader {
    std::int64_t line = 0;
    std::vector<int> columns;
};

// For each of `kinds`, the first of the lines searched that is its header, and its columns: the
// line --header-row gives, or the first k_header_search_lines lines, each read once for all the
// kinds, and no further than the last kind needs.
std::vector<std::optional<FoundHeader>> search_headers(const RawInput& raw, const std::vector<Kind>& kinds,
                                                       const ReadSettings& settings) {
    std::vector<std::optional<FoundHeader>> found(kinds.size());
    std::size_t missing = kinds.size();
    const auto judge = [&](const CsvReader& line) {
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            if (!found[k]) {
                if (auto columns = header_columns(kinds[k], line.header(), settings)) {
                    found[k] = FoundHeader{line.header_line(), std::move(*columns)};
                    --missing;
                }
            }
        }
    };
    try {
        if (settings.header_row) {
            if (*settings.header_row > 0) {
                const CsvReader given(raw, settings.encoding, *settings.header_row);
                if (given.has_header()) {
                    judge(given);
                }
            }
            return found;
        }
        const CsvReader first(raw, settings.encoding);
        if (!first.has_header()) {
            return found;
        }
        judge(first);
        // Each line below is judged with its own delimiter: a title line has none to go by.
        CsvReader lines(raw, settings.encoding);
        CsvRecord record;
        while (missing > 0 && lines.next(record) && record.line() <= k_header_search_lines) {
            const CsvReader candidate(raw, settings.encoding, record.line());
            if (!candidate.has_header()) {
                break;
            }
            judge(candidate);
        }
    } catch (const InputError&) {
        // The read meets the same problem and reports it with its line.
    }
    return found;
}

bool holds(const std::vector<int>& outer, const std::vector<int>& inner) {
    return std::all_of(inner.begin(), inner.end(),
                       [&](int c) { return std::find(outer.begin(), outer.end(), c) != outer.end(); });
}

}  // namespace

std::int64_t find_header_line(const RawInput& raw, Kind kind, const ReadSettings& settings) {
    if (settings.header_row) {
        return *settings.header_row == 0 ? k_no_header : *settings.header_row;
    }
    if (const Preset* forced = find_preset(settings.preset, kind); forced != nullptr && forced->headerless) {
        return k_no_header;
    }
    const std::optional<FoundHeader> found = search_headers(raw, {kind}, settings).front();
    // Not found: the first line, whose missing fields the read then names.
    return found && found->line > 1 ? found->line : 0;
}

HeaderKind kind_by_header(const RawInput& raw, const ReadSettings& settings) {
    ReadSettings names_only = settings;
    names_only.mappings.clear();  // SPEC ◆4: names only, not --map
    try {
        const CsvReader probe(raw, settings.encoding);
        if (!probe.has_header()) {
            return {std::nullopt, "it is empty"};
        }
    } catch (const InputError& error) {
        return {std::nullopt, fmt::format("it cannot be read: {}", error.what())};
    }
    std::vector<Kind> kinds;
    for (std::size_t k = 0; k < k_kind_count; ++k) {
        kinds.push_back(static_cast<Kind>(k));
    }
    std::vector<std::optional<FoundHeader>> headers = search_headers(raw, kinds, names_only);
    std::vector<std::pair<Kind, FoundHeader>> found;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (headers[k]) {
            found.emplace_back(kinds[k], std::move(*headers[k]));
        }
    }
    if (found.empty()) {
        return {std::nullopt, "neither its name nor its header says its kind (calls, emails, contacts, time, "
                              "invoices, discounts, clients): rename it, or give it with --calls FILE, --invoices FILE, ..."};
    }
    for (const auto& [kind, header] : found) {
        const bool holds_all = std::all_of(found.begin(), found.end(), [&](const auto& other) {
            return other.second.line == header.line && holds(header.columns, other.second.columns);
        });
        if (holds_all) {
            // Two kinds holding each other's columns are the same header read two ways.
            const bool tie = std::any_of(found.begin(), found.end(), [&](const auto& other) {
                return other.first != kind && holds(other.second.columns, header.columns);
            });
            if (!tie) {
                return {kind, {}};
            }
        }
    }
    // The kinds no other found kind's columns hold: a client list's one column is in every export.
    std::vector<std::string_view> widest;
    for (const auto& [kind, header] : found) {
        const bool held = std::any_of(found.begin(), found.end(), [&](const auto& other) {
            return other.first != kind && other.second.line == header.line &&
                   other.second.columns.size() > header.columns.size() && holds(other.second.columns, header.columns);
        });
        if (!held) {
            widest.push_back(k_kind_names[static_cast<std::size_t>(kind)]);
        }
    }
    return {std::nullopt, fmt::format("its header fits several kinds ({}): rename it to start with its kind, or "
                                      "give it with --{} FILE, ...",
                                      fmt::join(widest, ", "), widest.front())};
}

}  // namespace clientscore::ingest

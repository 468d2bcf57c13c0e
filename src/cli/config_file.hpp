#pragma once
// The --config file (SPEC §1): TOML 1.0 read by toml++, turned into option values as text, each
// with the place it came from. Which keys exist is the option table's business
// (cli/command_line.cpp); this file knows TOML.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clientscore::cli {

/// One key of the file: its values as the command line would give them (a list gives several),
/// and where the key stands.
struct ConfigEntry {
    std::string key;
    std::vector<std::string> values;
    std::int64_t line = 0;
    std::int64_t column = 0;
    /// `FILE:LINE:COLUMN`, the prefix of every error about this key.
    std::string place;
};

/// The keys at the top level, and those of each `[table]` by the table's name.
struct ConfigFile {
    std::string path;
    std::vector<ConfigEntry> top;
    std::map<std::string, std::vector<ConfigEntry>> tables;
    /// Where each table's header stands (`FILE:LINE:COLUMN`), for an unknown table's error.
    std::map<std::string, std::string> table_places;
};

/// Reads `text` as TOML 1.0, `path` naming it in errors. Throws UsageError `PATH:LINE:COLUMN:
/// what` for a TOML error (a key set twice included), a table inside a table, and a value no
/// option could take (an inline table, a list of lists, a list inside a table's list).
ConfigFile parse_config(std::string_view text, const std::string& path);

/// Reads the file at `path`; a missing or unreadable one (a folder) is a UsageError.
ConfigFile read_config_file(const std::string& path);

/// The `candidates` close to `name` for "did you mean" hints: within an edit distance of 2, or
/// starting with `name`; nearest first, ties in the candidates' order, 4 at most; empty when
/// none is close or `name` is under 3 letters.
std::vector<std::string> close_names(const std::vector<std::string>& candidates, std::string_view name);

/// "did you mean --a or --b?" for `names` (with `prefix` before each), or `fallback` when empty.
std::string did_you_mean(const std::vector<std::string>& names, std::string_view prefix,
                         std::string fallback);

}  // namespace clientscore::cli

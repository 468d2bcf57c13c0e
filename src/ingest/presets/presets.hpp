#pragma once
// Presets (SPEC §2 "Presets"): one vendor export each, declared as data in presets.cpp. A preset
// names the header signature that detects it, the aliases it tries before the generic ones, and
// the conventions that differ from the generic rules. The generic machinery that applies them
// lives in preset_detect.cpp (choosing a preset, finding a header below title rows) and
// preset_rules.cpp (rows to ignore, value words, extra columns); no code knows a vendor.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore::ingest {

/// Aliases a preset tries for one canonical field, before --map's absence falls back to the
/// generic aliases: comma-separated header names, matched like aliases (SPEC §2 normalisation).
struct PresetAlias {
    std::string_view field;
    std::string_view names;
};

/// A column a preset reads besides the canonical fields. The keys the machinery knows:
/// `time_of_day` (the time of a date-only started_at), `balance` (amount_paid = amount −
/// balance), `discount` and `discount_reason` (a granted discount derived from an invoice
/// row), and any key a value word or `once_per` names (`row_type`, `done`, `incident`).
struct PresetColumn {
    std::string_view key;
    std::string_view names;  ///< comma-separated header names, as for PresetAlias
};

/// What a value word does to its row.
enum class WordAction : std::uint8_t {
    means,       ///< the cell reads as the generic word `means` (INCOMING_EMAIL → inbound)
    ignore_row,  ///< the row is read on purpose and not counted (ignored_rows)
    credit,      ///< the invoice row is a credit note: its amount (and balance) become negative
};

/// A vendor's word in a column (a field name or a PresetColumn key), matched
/// case-insensitively after trimming.
struct ValueWord {
    std::string_view column;
    std::string_view word;
    WordAction action = WordAction::means;
    std::string_view means;
};

/// One vendor export of one kind. A vendor with several kinds (HubSpot calls and emails) has
/// one entry per kind under the same name.
struct Preset {
    std::string_view name;
    Kind kind = Kind::calls;
    /// What it reads, as the README and the hint for an unknown name say it.
    std::string_view reads;
    /// Header names that detect it, comma-separated; `a|b` are alternatives for one entry, and
    /// a leading `!` marks an entry that must be present.
    std::string_view signature;
    /// How many signature entries must be present.
    std::size_t needed = 0;
    std::vector<PresetAlias> aliases;
    std::vector<PresetColumn> columns;
    std::vector<ValueWord> words;
    /// The order of slash dates unless --date-order says otherwise (automatic: settle per file).
    DateOrder date_order = DateOrder::automatic;
    /// Times without an offset are UTC instants (converted with --timezone).
    bool utc = false;
    /// The vendor writes `15 Jul 2026` dates. Since SPEC ◆7 the generic forms read them for
    /// every file; the flag only says so in check's notes on the preset.
    bool month_name_dates = false;
    /// The unit of plain duration numbers, whatever the header's words say.
    std::optional<DurationUnit> duration_unit;
    /// `H:MM` durations are hours and minutes (the generic reading is minutes and seconds).
    bool duration_hours_minutes = false;
    /// Required fields the export does not have, comma-separated: their generic default
    /// applies (an absent due date is the issue date).
    std::string_view optional_fields;
    /// A field or column key: a row whose value repeats an earlier row's is merged into that
    /// row (counted in ignored_rows); an empty value never repeats.
    std::string_view once_per;
    /// A field whose empty (or absent) cell marks a title, section or total row of a report
    /// export: such rows are ignored whatever their field count.
    std::string_view ignore_without;
};

/// Every preset, in the order detection prefers them on a tie.
const std::vector<Preset>& preset_table();

/// The presets' names, each once, in table order.
std::vector<std::string_view> preset_names();

/// The entry of `name` for `kind`, or nullptr when the preset reads no file of that kind.
const Preset* find_preset(std::string_view name, Kind kind);

/// The header names of a comma-separated list.
std::vector<std::string_view> split_names(std::string_view names);

}  // namespace clientscore::ingest

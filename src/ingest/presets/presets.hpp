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
/// row), `refund` (a credit note derived from an invoice row), and any key a value word or
/// `once_per` names (`row_type`, `done`, `incident`).
struct PresetColumn {
    std::string_view key;
    std::string_view names;  ///< comma-separated header names, as for PresetAlias
};

/// What a value word does to its row.
enum class WordAction : std::uint8_t {
    means,       ///< the cell reads as the generic word `means` (INCOMING_EMAIL → inbound)
    ignore_row,  ///< the row is read on purpose and not counted (ignored_rows)
    credit,      ///< the invoice row is a credit note: its amount (and balance) become negative
    keep_row,    ///< the column's keep words are the only values read: a row with another is ignored
    paid_in_full,  ///< the invoice row is paid in full (no payment date) unless a paid amount says otherwise
};

/// A vendor's word in a column (a field name or a PresetColumn key), matched
/// case-insensitively after trimming.
struct ValueWord {
    std::string_view column;
    std::string_view word;
    WordAction action = WordAction::means;
    std::string_view means;
};

/// A field the export leaves empty, filled from other columns of the row: from the first of
/// `names` whose cell is set, `value` when it is not empty, else that cell itself.
struct PresetFill {
    std::string_view field;
    std::string_view names;  ///< comma-separated header names, as for PresetAlias
    std::string_view value;
};

/// One vendor export of one kind. A vendor with several kinds (HubSpot calls and emails) has
/// one entry per kind under the same name.
struct Preset {
    std::string_view name;
    Kind kind = Kind::calls;
    /// What it reads, as the README and the hint for an unknown name say it.
    std::string_view reads;
    /// Header names that detect it, comma-separated; `a|b` are alternatives for one entry, a
    /// leading `!` marks an entry that must be present, and a leading `-` one that must be
    /// absent (it tells a look-alike layout of another preset apart; it counts for nothing).
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
    /// Fields filled from other columns when their own cell is empty or absent, in order.
    std::vector<PresetFill> fills;
    /// A field whose empty cell (after `fills`) marks a row that is none of the tool's business
    /// (a call with a lead, not a client): ignored, and counted apart in FileReport::ignored_by.
    std::string_view ignore_empty;
    /// What `ignore_empty` rows are, for check (`with a lead or contact, not a client`).
    std::string_view ignore_empty_means;
    /// The started_at (sent_at) column holds dates even where it shows a midnight time
    /// (`2023-01-17 00:00:00`): such a time is no time, and `time_of_day` gives it one.
    bool start_is_date = false;
    /// The direction of an email (of a contacts file) whose direction cell is empty.
    std::optional<Direction> email_direction;
    /// Every row read is a payment received: an invoice due and paid in full on its date.
    bool rows_are_payments = false;
    /// The export has no header: detection cannot see it, so --preset names it, and its
    /// columns are #1, #2, … by position (as --header-row 0 says).
    bool headerless = false;
    /// Not empty: the export is recognised and refused, never summed. An input error that
    /// says this about the file, with `refuse_hint` (which export to download instead).
    std::string_view refuse;
    std::string_view refuse_hint;
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

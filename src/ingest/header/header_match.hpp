#pragma once
// Matching an export's header to the canonical fields of SPEC §2: the field table (one for all
// kinds), header normalisation, --map, and the alias search.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/model.hpp"

namespace clientscore::ingest {

/// One canonical field of one kind, as SPEC §2's table lists it.
struct FieldSpec {
    Kind kind;
    std::string_view name;
    bool required;
    /// The aliases besides the field's own name, comma-separated, in the order they are tried.
    std::string_view aliases;
    /// Free text (notes, subject, reason) is not trimmed.
    bool free_text = false;
};

/// Every field of every kind, in SPEC §2's order within a kind.
extern const std::vector<FieldSpec> k_field_table;

/// The fields of `kind`, in table order.
std::vector<const FieldSpec*> fields_of(Kind kind);

/// The candidates tried for a field: its own name, then its aliases.
std::vector<std::string_view> candidate_names(const FieldSpec& field);

/// A header name as matching sees it: ASCII lower case, without spaces, tabs, `_`, `-`, `.`,
/// `*`, `#` and text in parentheses (with the parentheses).
std::string normalize_header(std::string_view header);

/// The leftmost column of `header` that a preset's name (an alias, a signature entry or an
/// extra column) names, or -1. A name is matched as normalize_header matches it, except that a
/// name with text in parentheses must have that text too (`Duration (h)`, `duration_(h)`):
/// normalisation makes Clockify's `Duration (h)` and `Duration (decimal)` alike.
int preset_column(const std::vector<std::string>& header, std::string_view name);

/// The column a --map (or --where) header names: a header exactly so written, else `#N`, the
/// Nth column; -1 when neither.
int mapped_column(const std::vector<std::string>& header, const std::string& name);

/// Asked of a column an alias found: nothing when its values fit `field`, else why not.
using FitTest = std::function<std::optional<std::string>(const FieldSpec& field, int column)>;

/// The outcome of matching one file's header: the column of each field of the kind (or -1).
struct HeaderMatch {
    std::vector<PassedOver> passed_over;
    Kind kind = Kind::calls;
    std::vector<const FieldSpec*> fields;
    std::vector<int> columns;  ///< parallel to `fields`
    /// The column of the field named `name`, or -1 when it is not matched (or not a field).
    int column(std::string_view name) const;
};

struct Preset;

/// Matches `header` for `kind`: first `mappings` of this kind (a header the file lacks is an
/// InputError), then the aliases of `preset` (if any) for every field, then per field its own
/// name and aliases in order; a column serves one field, and of columns that normalise alike
/// the leftmost wins. Throws InputError naming the file, the field and the names tried when a
/// required field has no column (the preset's optional fields excepted): one error for all of
/// them. `fit`, when given, tests each column an alias (not the field's own name, --map or a
/// preset) found; a column that fails is passed over for the next alias.
HeaderMatch match_header(Kind kind, const std::vector<std::string>& header, const std::vector<FieldMapping>& mappings,
                         const std::string& display_name, std::int64_t header_line, const Preset* preset = nullptr,
                         const FitTest& fit = {});

/// SPEC §2 ◆5: the column whose normalised header is `date_column`'s with `time` for `date`
/// (`Start date` → `Start time`), where a date-only timestamp takes its time of day; -1 if none.
int time_sibling(const std::vector<std::string>& header, int date_column);

}  // namespace clientscore::ingest

#pragma once
// JSON output: values are built as nlohmann::ordered_json (insertion order is output order)
// and printed here, 2-space indent, numbers through format_number so JSON and CSV print a value
// the same way. Big documents are streamed member by member with JsonObjectStream.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "clientscore/render.hpp"
#include "clientscore/report.hpp"

namespace clientscore::render {

using Json = nlohmann::ordered_json;

/// Appends `value` pretty-printed; the first line goes where the caller stands, the following
/// lines are indented for nesting level `depth`.
void append_json(std::string& out, const Json& value, int depth);

/// `value` pretty-printed at nesting level 0, without a trailing newline.
std::string json_text(const Json& value);

/// A number already rounded: an integer when integral, null when not finite.
Json json_number(double value);
/// round_half_away(value, decimals) as a JSON number.
Json json_rounded(double value, int decimals);
Json json_rounded(const std::optional<double>& value, int decimals);
/// A date `YYYY-MM-DD`, or null.
Json json_date(const std::optional<Days>& day);
Json json_text_or_null(const std::optional<std::string>& text);

/// A cell of the client column table, rounded to `decimals`.
Json cell_json(const Cell& cell, int decimals);

/// Adds the columns [first, last) of the client column table to `object`, nesting grouped
/// columns (`components`, `tags`, `aging`); tags only when seen (count > 0). `object` must be a
/// JSON object that has none of these keys yet.
void add_client_columns(Json& object, const ClientTable& table, const ClientResult& client, std::size_t first,
                        std::size_t last);

/// A client object as in `rank` (every column of `table`).
Json client_json(const ClientTable& table, const ClientResult& client);
/// What append_json(out, client_json(client), depth) appends, written straight from the
/// columns: rank prints a million of these, and building each as a JSON value first costs most
/// of its rendering time (bench/RESULTS.md, "Measured design choices").
void append_client_json(std::string& out, const ClientTable& table, const ClientResult& client, int depth);

/// A client object as an item of the top-level `clients` array (JsonObjectStream), with the
/// separator and indent before it: `first` for the array's first item.
void append_client_item(std::string& out, const ClientTable& table, const ClientResult& client, bool first);

Json period_json(const Period& period);
Json settings_json(const Settings& settings);
/// SPEC ◆9's people table: `[{person, hours, clients, toxic_hours, toxic_share, after_hours_contacts}]`.
Json people_json(const std::vector<PersonRow>& people);
/// A client's people for explain: `[{person, hours, share}]`.
Json client_people_json(const std::vector<ClientPersonRow>& people);
/// SPEC §4 ◆11 `baseline`: `{period, gone}`.
Json baseline_json(const BaselineSummary& baseline);
/// `{file: n}`, adding up equal names.
Json file_counts_json(const FileCounts& counts);
Json strings_json(const std::vector<std::string>& items);

/// Writes one top-level JSON object member by member, so that an array of a million clients
/// is printed item by item and never held as one value.
class JsonObjectStream {
public:
    explicit JsonObjectStream(Writer& out);
    void member(std::string_view key, const Json& value);
    void begin_array(std::string_view key);
    void array_item(const Json& value);
    /// Array items already written as text by append_client_item: `count` of them.
    void array_items(std::string_view text, std::size_t count);
    void end_array();
    /// Closes the object and ends the line.
    void finish();

private:
    void start_member(std::string_view key);
    void start_item();  // the separator and indent before an array item

    Writer& m_out;
    std::string m_buffer;
    bool m_first_member = true;
    bool m_first_item = true;
};

}  // namespace clientscore::render

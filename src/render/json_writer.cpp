#include "render/json_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <iterator>

#include "render/client_display.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

using namespace std::string_view_literals;

namespace {

void append_indent(std::string& out, int depth) {
    static constexpr std::string_view k_spaces = "                                ";
    auto width = static_cast<std::size_t>(depth) * 2;
    for (; width > k_spaces.size(); width -= k_spaces.size()) {
        out += k_spaces;
    }
    out += k_spaces.substr(0, width);
}

// Bytes that JSON escapes, or that need nlohmann's UTF-8 handling: control characters, `"`,
// `\\` and every non-ASCII byte. A table: the reasons and actions of a million clients pass here.
constexpr std::array<bool, 256> k_needs_escaping = [] {
    std::array<bool, 256> table{};
    for (int byte = 0; byte < 256; ++byte) {
        table[static_cast<std::size_t>(byte)] = byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\';
    }
    return table;
}();

bool needs_escaping(std::string_view text) {
    for (char c : text) {
        if (k_needs_escaping[static_cast<unsigned char>(c)]) {
            return true;
        }
    }
    return false;
}

void append_string(std::string& out, std::string_view text) {
    if (!needs_escaping(text)) {
        // Keys and most values are plain ASCII: skip building a JSON value just to quote them.
        out += '"';
        out += text;
        out += '"';
        return;
    }
    // nlohmann's escaping; invalid UTF-8 from an export becomes U+FFFD instead of an exception.
    out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void append_json(std::string& out, const Json& value, int depth) {
    switch (value.type()) {
        case Json::value_t::object: {
            if (value.empty()) {
                out += "{}"sv;
                return;
            }
            out += "{\n"sv;
            bool first = true;
            for (const auto& [key, item] : value.items()) {
                if (!first) {
                    out += ",\n"sv;
                }
                first = false;
                append_indent(out, depth + 1);
                append_string(out, key);
                out += ": "sv;
                append_json(out, item, depth + 1);
            }
            out += '\n';
            append_indent(out, depth);
            out += '}';
            return;
        }
        case Json::value_t::array: {
            if (value.empty()) {
                out += "[]"sv;
                return;
            }
            out += "[\n"sv;
            bool first = true;
            for (const auto& item : value) {
                if (!first) {
                    out += ",\n"sv;
                }
                first = false;
                append_indent(out, depth + 1);
                append_json(out, item, depth + 1);
            }
            out += '\n';
            append_indent(out, depth);
            out += ']';
            return;
        }
        case Json::value_t::string:
            append_string(out, value.get_ref<const std::string&>());
            return;
        case Json::value_t::boolean:
            out += value.get<bool>() ? "true"sv : "false"sv;
            return;
        case Json::value_t::number_integer: {
            // format_int, not format_to(back_inserter): the appender pushes a char at a time, and
            // a million clients have 25 integers each (bench/RESULTS.md).
            const fmt::format_int text(value.get<std::int64_t>());
            out.append(text.data(), text.size());
            return;
        }
        case Json::value_t::number_unsigned: {
            const fmt::format_int text(value.get<std::uint64_t>());
            out.append(text.data(), text.size());
            return;
        }
        case Json::value_t::number_float:
            if (!append_number(out, value.get<double>())) {
                out += "null"sv;
            }
            return;
        case Json::value_t::null:
        case Json::value_t::binary:
        case Json::value_t::discarded:
            out += "null"sv;
            return;
    }
}

std::string json_text(const Json& value) {
    std::string out;
    append_json(out, value, 0);
    return out;
}

Json json_number(double value) {
    if (!std::isfinite(value)) {
        return nullptr;
    }
    constexpr double exact_integer_limit = 9007199254740992.0;
    if (std::fabs(value) < exact_integer_limit && value == std::trunc(value)) {
        return static_cast<std::int64_t>(value);  // also turns -0 into 0
    }
    return value;
}

Json json_rounded(double value, int decimals) { return json_number(round_half_away(value, decimals)); }

Json json_rounded(const std::optional<double>& value, int decimals) {
    if (!value) {
        return nullptr;
    }
    return json_rounded(*value, decimals);
}

Json json_date(const std::optional<Days>& day) {
    if (!day) {
        return nullptr;
    }
    return format_day(*day);
}

Json json_text_or_null(const std::optional<std::string>& text) {
    if (!text) {
        return nullptr;
    }
    return *text;
}

Json cell_json(const Cell& cell, int decimals) {
    struct Visitor {
        int decimals;
        Json operator()(std::monostate) const { return nullptr; }
        Json operator()(std::int64_t v) const { return v; }
        Json operator()(double v) const { return json_rounded(v, decimals); }
        Json operator()(const std::string& v) const { return v; }
        Json operator()(const std::vector<std::string>& v) const { return strings_json(v); }
    };
    return std::visit(Visitor{decimals}, cell);
}

void add_client_columns(Json& object, const ClientTable& table, const ClientResult& client, std::size_t first,
                        std::size_t last) {
    const auto& columns = table.columns();
    // ordered_map is a vector of pairs and operator[] searches it; the columns' keys are unique
    // and a group's columns are adjacent, so append directly (a million clients × 60 keys).
    auto& members = object.get_ref<Json::object_t&>();
    members.reserve(members.size() + (last - first));
    Json* group = nullptr;
    std::string_view group_name;
    for (std::size_t i = first; i < last; ++i) {
        const ClientColumn& column = columns[i];
        Cell cell = column.get(client, column.index);
        if (column.group.empty()) {
            members.emplace_back(column.key, cell_json(cell, column.decimals));
            group = nullptr;
            continue;
        }
        if (group == nullptr || group_name != column.group) {
            // present even when no tag was seen: `"tags": {}`
            members.emplace_back(column.group, Json::object());
            group = &members.back().second;
            group_name = column.group;
        }
        // SPEC §3: tags lists only the tags seen.
        if (column.group == "tags" && std::holds_alternative<std::int64_t>(cell) &&
            std::get<std::int64_t>(cell) == 0) {
            continue;
        }
        group->get_ref<Json::object_t&>().emplace_back(column.sub, cell_json(cell, column.decimals));
    }
}

Json client_json(const ClientTable& table, const ClientResult& client) {
    Json object = Json::object();
    add_client_columns(object, table, client, 0, table.columns().size());
    return object;
}

namespace {

// A cell as append_json would write cell_json(cell, decimals), without building the JSON value:
// a million clients × 60 cells.
void append_cell_json(std::string& out, const Cell& cell, int decimals, int depth) {
    struct Visitor {
        std::string& out;
        int decimals;
        int depth;
        void operator()(std::monostate) const { out += "null"sv; }
        void operator()(std::int64_t v) const {
            const fmt::format_int text(v);
            out.append(text.data(), text.size());
        }
        void operator()(double v) const {
            if (!append_rounded(out, v, decimals)) {
                out += "null"sv;
            }
        }
        void operator()(const std::string& v) const { append_string(out, v); }
        void operator()(const std::vector<std::string>& v) const {
            if (v.empty()) {
                out += "[]"sv;
                return;
            }
            out += "[\n"sv;
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i > 0) {
                    out += ",\n"sv;
                }
                append_indent(out, depth + 1);
                append_string(out, v[i]);
            }
            out += '\n';
            append_indent(out, depth);
            out += ']';
        }
    };
    std::visit(Visitor{out, decimals, depth}, cell);
}

// The fixed text around a client object's values at one nesting depth, made once: the keys,
// separators and indents are the same for every client, and writing them byte by byte is
// most of the cost of a client (bench/RESULTS.md).
struct ClientJsonLayout {
    struct Column {
        bool starts_group = false;   // the first column of its group (`components`, `tags`, `aging`)
        std::string before;          // plain column: separator, indent, key; grouped: the group's
        std::string first_in_group;  // grouped: `{`, indent, sub-key
        std::string next_in_group;   // grouped: `,`, indent, sub-key
    };
    std::vector<Column> columns;
    std::string close_group;  // after a group's last member
    std::string close;        // after the last column
};

ClientJsonLayout make_layout(const ClientTable& table, int depth) {
    const auto& columns = table.columns();
    ClientJsonLayout layout;
    auto member = [&](std::string_view separator, std::string_view key, int indent) {
        std::string text(separator);
        append_indent(text, indent);
        append_string(text, key);
        text += ": "sv;
        return text;
    };
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ClientColumn& column = columns[i];
        ClientJsonLayout::Column c;
        const std::string_view separator = i == 0 ? "{\n"sv : ",\n"sv;
        if (column.group.empty()) {
            c.before = member(separator, column.key, depth + 1);
        } else {
            c.starts_group = i == 0 || columns[i - 1].group != column.group;
            c.before = member(separator, column.group, depth + 1);
            c.first_in_group = member("{\n"sv, column.sub, depth + 2);
            c.next_in_group = member(",\n"sv, column.sub, depth + 2);
        }
        layout.columns.push_back(std::move(c));
    }
    layout.close_group = "\n";
    append_indent(layout.close_group, depth + 1);
    layout.close_group += '}';
    layout.close = "\n";
    append_indent(layout.close, depth);
    layout.close += '}';
    return layout;
}

}  // namespace

void append_client_json(std::string& out, const ClientTable& table, const ClientResult& client, int depth) {
    const auto& columns = table.columns();
    // A run prints every client with one table at one depth: each rendering thread makes the
    // layout once and keeps it until it is asked for another (no lock on the way of a million
    // clients). Tables live for the run (client_table), so their address names them.
    struct Made {
        const ClientTable* table = nullptr;
        int depth = -1;
        ClientJsonLayout layout;
    };
    thread_local Made made;
    if (made.table != &table || made.depth != depth) {
        made.layout = make_layout(table, depth);
        made.table = &table;
        made.depth = depth;
    }
    const ClientJsonLayout& layout = made.layout;
    bool in_group = false;
    bool group_first = true;
    auto close_group = [&] {
        if (!in_group) {
            return;
        }
        // present even when no tag was seen: `"tags": {}`
        out += group_first ? std::string_view("{}") : std::string_view(layout.close_group);
        in_group = false;
    };
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ClientColumn& column = columns[i];
        const ClientJsonLayout::Column& place = layout.columns[i];
        const Cell cell = column.get(client, column.index);
        if (column.group.empty()) {
            close_group();
            out += place.before;
            append_cell_json(out, cell, column.decimals, depth + 1);
            continue;
        }
        if (place.starts_group) {
            close_group();
            out += place.before;
            in_group = true;
            group_first = true;
        }
        // SPEC §3: tags lists only the tags seen.
        if (column.group == "tags" && std::holds_alternative<std::int64_t>(cell) &&
            std::get<std::int64_t>(cell) == 0) {
            continue;
        }
        out += group_first ? place.first_in_group : place.next_in_group;
        group_first = false;
        append_cell_json(out, cell, column.decimals, depth + 2);
    }
    close_group();
    if (columns.empty()) {
        out += "{}"sv;
        return;
    }
    out += layout.close;
}

namespace {
Json day_json(const Period& period, Days day) { return period.undated ? Json(nullptr) : Json(format_day(day)); }
}  // namespace

Json people_json(const std::vector<PersonRow>& people) {
    Json array = Json::array();
    for (const PersonRow& row : people) {
        Json object = Json::object();
        object["person"] = row.person;
        object["hours"] = json_rounded(row.hours, 2);
        object["clients"] = row.clients;
        object["toxic_hours"] = json_rounded(row.toxic_hours, 2);
        object["toxic_share"] = json_rounded(row.toxic_share, 4);
        object["after_hours_contacts"] = row.after_hours_contacts;
        array.push_back(std::move(object));
    }
    return array;
}

Json client_people_json(const std::vector<ClientPersonRow>& people) {
    Json array = Json::array();
    for (const ClientPersonRow& row : people) {
        Json object = Json::object();
        object["person"] = row.person;
        object["hours"] = json_rounded(row.hours, 2);
        object["share"] = json_rounded(row.share, 4);
        array.push_back(std::move(object));
    }
    return array;
}

Json period_json(const Period& period) {
    Json object = Json::object();
    object["from"] = day_json(period, period.from);
    object["to"] = day_json(period, period.to);
    object["as_of"] = day_json(period, period.as_of);
    object["days"] = period.undated ? Json(nullptr) : Json(period.days());
    return object;
}

Json settings_json(const Settings& settings) {
    Json object = Json::object();
    object["from"] = day_json(settings.period, settings.period.from);
    object["to"] = day_json(settings.period, settings.period.to);
    object["as_of"] = day_json(settings.period, settings.period.as_of);
    object["time_zone"] = settings.time_zone.empty() ? Json(nullptr) : Json(settings.time_zone);
    object["business_hours"] = format_business_hours(settings.business_hours);
    object["business_days"] = format_business_days(settings.business_days);
    object["holidays"] = static_cast<std::int64_t>(settings.holidays);
    object["hourly_cost"] = json_number(settings.hourly_cost);
    object["email_minutes"] = json_number(settings.email_minutes);
    object["target_margin"] = json_number(settings.target_margin);
    object["currency"] = settings.currency.empty() ? Json(nullptr) : Json(settings.currency);
    object["fire_at"] = json_number(settings.fire_at);
    object["watch_at"] = json_number(settings.watch_at);
    object["chase_days"] = json_number(settings.chase_days);
    Json aging = Json::array();
    for (const std::int64_t bound : settings.aging.bounds) {
        aging.push_back(bound);
    }
    object["aging"] = std::move(aging);
    Json thresholds = Json::object();
    Json weights = Json::object();
    for (std::size_t i = 0; i < k_component_count; ++i) {
        const std::string name(k_component_names[i]);
        thresholds[name] = {{"ok", json_number(settings.thresholds[i].ok)},
                            {"bad", json_number(settings.thresholds[i].bad)}};
        weights[name] = json_number(settings.weights[i]);
    }
    object["thresholds"] = std::move(thresholds);
    object["weights"] = std::move(weights);
    return object;
}

Json baseline_json(const BaselineSummary& baseline) {
    Json object = Json::object();
    object["period"] = period_json(baseline.period);
    object["gone"] = strings_json(baseline.gone);
    return object;
}

Json file_counts_json(const FileCounts& counts) {
    Json object = Json::object();
    for (const auto& [name, count] : counts) {
        Json& slot = object[name];
        slot = (slot.is_null() ? 0 : slot.get<std::int64_t>()) + count;
    }
    return object;
}

Json strings_json(const std::vector<std::string>& items) {
    Json array = Json::array();
    for (const auto& item : items) {
        array.push_back(item);
    }
    return array;
}

JsonObjectStream::JsonObjectStream(Writer& out) : m_out(out) { m_out.write("{"); }

void JsonObjectStream::start_member(std::string_view key) {
    m_buffer.clear();
    m_buffer += m_first_member ? "\n" : ",\n";
    m_first_member = false;
    append_indent(m_buffer, 1);
    append_string(m_buffer, key);
    m_buffer += ": ";
}

void JsonObjectStream::member(std::string_view key, const Json& value) {
    start_member(key);
    append_json(m_buffer, value, 1);
    m_out.write(m_buffer);
}

void JsonObjectStream::begin_array(std::string_view key) {
    start_member(key);
    m_buffer += '[';
    m_out.write(m_buffer);
    m_first_item = true;
}

namespace {

// The separator and indent before an item of a top-level array member.
void append_item_start(std::string& out, bool first) {
    out += first ? "\n"sv : ",\n"sv;
    append_indent(out, 2);
}

}  // namespace

void JsonObjectStream::start_item() {
    m_buffer.clear();
    append_item_start(m_buffer, m_first_item);
    m_first_item = false;
}

void JsonObjectStream::array_item(const Json& value) {
    start_item();
    append_json(m_buffer, value, 2);
    m_out.write(m_buffer);
}

void JsonObjectStream::array_items(std::string_view text, std::size_t count) {
    m_out.write(text);
    m_first_item = m_first_item && count == 0;
}

void append_client_item(std::string& out, const ClientTable& table, const ClientResult& client, bool first) {
    append_item_start(out, first);
    append_client_json(out, table, client, 2);
}

void JsonObjectStream::end_array() { m_out.write(m_first_item ? "]" : "\n  ]"); }

void JsonObjectStream::finish() { m_out.write(m_first_member ? "}\n" : "\n}\n"); }

}  // namespace clientscore::render

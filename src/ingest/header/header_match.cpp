#include "ingest/header/header_match.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "ingest/presets/presets.hpp"

namespace clientscore::ingest {

namespace {

// Shared alias lists of SPEC §2 ("as for calls").
constexpr std::string_view k_client_aliases =
    "client_id,customer,customer_id,customer_name,client_name,account,account_id,account_name,company,"
    "company_name,organization";
// clients.client leaves out customer_name and client_name: in a client list those name the `name`.
constexpr std::string_view k_client_list_aliases =
    "client_id,customer,customer_id,account,account_id,account_name,company,company_name,organization";
constexpr std::string_view k_call_start_aliases =
    "start,start_time,started,call_start_time,call_started_at,start_date,date,datetime,timestamp,call_date,"
    "call_start,created_at,activity_date";
constexpr std::string_view k_contact_start_aliases =
    "start,start_time,started,call_start_time,call_started_at,start_date,date,datetime,timestamp,call_date,"
    "call_start,created_at,activity_date,sent_at,opened_at";
constexpr std::string_view k_duration_aliases =
    "duration_seconds,duration_sec,seconds,call_duration,talk_time,length,duration_minutes,minutes,duration_ms";
constexpr std::string_view k_call_direction_aliases = "call_direction,type,call_type";
constexpr std::string_view k_tags_aliases = "flags,labels,category,sentiment";
constexpr std::string_view k_notes_aliases = "note,description,body,comment,summary";
constexpr std::string_view k_person_aliases =
    "user,user_name,agent,owner,assigned_to,handled_by,rep,employee,member,staff,team_member";

}  // namespace

const std::vector<FieldSpec> k_field_table = {
    {Kind::calls, "client", true, k_client_aliases},
    {Kind::calls, "started_at", true, k_call_start_aliases},
    {Kind::calls, "duration", false, k_duration_aliases},
    {Kind::calls, "direction", false, k_call_direction_aliases},
    {Kind::calls, "tags", false, k_tags_aliases},
    {Kind::calls, "notes", false, k_notes_aliases, true},
    {Kind::calls, "person", false, k_person_aliases},

    {Kind::emails, "client", true, k_client_aliases},
    {Kind::emails, "sent_at", true, "date,datetime,timestamp,sent,received_at,created_at,activity_date"},
    {Kind::emails, "direction", false, "email_direction,type"},
    {Kind::emails, "tags", false, k_tags_aliases},
    {Kind::emails, "subject", false, "title", true},
    {Kind::emails, "person", false, k_person_aliases},

    {Kind::invoices, "client", true, k_client_aliases},
    {Kind::invoices, "invoice_id", false, "invoice,invoice_number,number,id,document_number"},
    {Kind::invoices, "issued_at", true, "date,invoice_date,issue_date,created,created_at"},
    {Kind::invoices, "due_at", true, "due,due_date,payment_due"},
    {Kind::invoices, "paid_at", false, "paid,paid_date,payment_date,paid_on,date_paid,settled_date,settled_at"},
    {Kind::invoices, "amount", true, "total,amount_due,invoice_amount,invoice_total,total_amount,gross"},
    {Kind::invoices, "amount_paid", false, "paid_amount,payments"},
    {Kind::invoices, "currency", false, "currency_code"},
    {Kind::invoices, "status", false, "state,invoice_status"},
    {Kind::invoices, "disputed", false, "dispute,is_disputed"},

    {Kind::discounts, "client", true, k_client_aliases},
    {Kind::discounts, "granted_at", true, "date,requested_at,created_at"},
    {Kind::discounts, "amount", true, "discount,value,discount_amount"},
    {Kind::discounts, "currency", false, "currency_code"},
    {Kind::discounts, "status", false, "state"},
    {Kind::discounts, "reason", false, "note,description", true},

    {Kind::clients, "client", true, k_client_list_aliases},
    {Kind::clients, "name", false, "client_name,customer_name,display_name"},

    {Kind::contacts, "client", true, k_client_aliases},
    {Kind::contacts, "channel", true, "contact_type,medium,source,type"},
    {Kind::contacts, "started_at", true, k_contact_start_aliases},
    {Kind::contacts, "direction", false, k_call_direction_aliases},
    {Kind::contacts, "duration", false, k_duration_aliases},
    {Kind::contacts, "tags", false, k_tags_aliases},
    {Kind::contacts, "notes", false, k_notes_aliases, true},
    {Kind::contacts, "person", false, k_person_aliases},

    // SPEC ◆9: a `Hours` or `Time (h)` header makes plain numbers hours (duration_unit_from_header).
    {Kind::time, "client", true,
     "client_id,customer,customer_id,customer_name,client_name,account,account_id,account_name,company,"
     "company_name,organization,project_client"},
    {Kind::time, "started_at", true,
     "date,start_date,spent_date,spent_at,start,start_time,started,day,work_date"},
    {Kind::time, "duration", true,
     "hours,time,duration_hours,duration_minutes,minutes,duration_seconds,seconds,quantity"},
    {Kind::time, "billable", false, "is_billable,billable_hours"},
    {Kind::time, "notes", false, "note,description,task,comment", true},
    {Kind::time, "person", false, k_person_aliases},
};

std::vector<const FieldSpec*> fields_of(Kind kind) {
    std::vector<const FieldSpec*> out;
    for (const FieldSpec& field : k_field_table) {
        if (field.kind == kind) {
            out.push_back(&field);
        }
    }
    return out;
}

std::vector<std::string_view> candidate_names(const FieldSpec& field) {
    std::vector<std::string_view> out{field.name};
    std::string_view rest = field.aliases;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        out.push_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return out;
}

std::string normalize_header(std::string_view header) {
    std::string out;
    out.reserve(header.size());
    int depth = 0;
    for (const char c : header) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth > 0) {
            continue;
        } else if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == '*' || c == '#') {
            continue;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

// normalize_header without dropping the parenthesised text: `Duration (h)` → `duration(h)`.
std::string key_with_parentheses(std::string_view header) {
    std::string out;
    out.reserve(header.size());
    for (const char c : header) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == '*' || c == '#') {
            continue;
        }
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

int preset_column(const std::vector<std::string>& header, std::string_view name) {
    const bool exact = name.find('(') != std::string_view::npos;
    const std::string key = exact ? key_with_parentheses(name) : normalize_header(name);
    if (key.empty()) {
        return -1;
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if ((exact ? key_with_parentheses(header[i]) : normalize_header(header[i])) == key) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int mapped_column(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return static_cast<int>(i);
        }
    }
    if (name.size() > 1 && name.size() < 8 && name[0] == '#' &&
        std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::size_t n = std::stoul(name.substr(1));
        if (n >= 1 && n <= header.size()) {
            return static_cast<int>(n - 1);
        }
    }
    return -1;
}

int HeaderMatch::column(std::string_view name) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i]->name == name) {
            return columns[i];
        }
    }
    return -1;
}

HeaderMatch match_header(Kind kind, const std::vector<std::string>& header, const std::vector<FieldMapping>& mappings,
                         const std::string& display_name, std::int64_t header_line, const Preset* preset,
                         const FitTest& fit) {
    HeaderMatch match;
    match.kind = kind;
    match.fields = fields_of(kind);
    match.columns.assign(match.fields.size(), -1);

    std::vector<std::string> normalized;
    normalized.reserve(header.size());
    for (const std::string& name : header) {
        normalized.push_back(normalize_header(name));
    }
    std::vector<bool> used(header.size(), false);
    // The leftmost column with this normalised name, or -1: later look-alikes never match.
    auto leftmost = [&](const std::string& key) {
        const auto it = std::find(normalized.begin(), normalized.end(), key);
        return it == normalized.end() ? -1 : static_cast<int>(it - normalized.begin());
    };

    // Fields an empty --map leaves unread: no alias may find a column for them.
    std::vector<bool> unread(match.fields.size(), false);
    for (const FieldMapping& mapping : mappings) {
        if (mapping.kind != kind) {
            continue;
        }
        int column = -1;
        if (!mapping.header.empty()) {
            column = mapped_column(header, mapping.header);
            if (column < 0) {
                const std::string key = normalize_header(mapping.header);
                column = key.empty() ? -1 : leftmost(key);
            }
            if (column < 0) {
                throw InputError(Location{display_name, header_line, {}},
                                 fmt::format("--map {}.{}={}: the file has no column \"{}\"",
                                             k_kind_names[static_cast<std::size_t>(kind)], mapping.field,
                                             mapping.header, mapping.header),
                                 fmt::format("its columns are: {} (or #1 to #{} by position)",
                                             fmt::join(header, ", "), header.size()));
            }
            used[static_cast<std::size_t>(column)] = true;
        }
        for (std::size_t f = 0; f < match.fields.size(); ++f) {
            if (match.fields[f]->name == mapping.field) {
                match.columns[f] = column;  // a later --map of the same field wins
                unread[f] = column < 0;
            }
        }
    }

    // A preset's aliases claim their columns before any generic alias can take one of them.
    if (preset != nullptr) {
        for (std::size_t f = 0; f < match.fields.size(); ++f) {
            for (const PresetAlias& alias : preset->aliases) {
                if (alias.field != match.fields[f]->name || match.columns[f] >= 0 || unread[f]) {
                    continue;
                }
                for (const std::string_view candidate : split_names(alias.names)) {
                    const int column = preset_column(header, candidate);
                    if (column >= 0 && !used[static_cast<std::size_t>(column)]) {
                        match.columns[f] = column;
                        used[static_cast<std::size_t>(column)] = true;
                        break;
                    }
                }
            }
        }
    }

    for (std::size_t f = 0; f < match.fields.size(); ++f) {
        if (match.columns[f] >= 0 || unread[f]) {
            continue;
        }
        const std::vector<std::string_view> candidates = candidate_names(*match.fields[f]);
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const int column = leftmost(normalize_header(candidates[c]));
            if (column < 0 || used[static_cast<std::size_t>(column)]) {
                continue;
            }
            // The field's own name is taken at its word; an alias must fit by its values.
            if (c > 0 && fit) {
                if (std::optional<std::string> why = fit(*match.fields[f], column)) {
                    match.passed_over.push_back(PassedOver{std::string(match.fields[f]->name),
                                                           header[static_cast<std::size_t>(column)], std::move(*why)});
                    continue;
                }
            }
            match.columns[f] = column;
            used[static_cast<std::size_t>(column)] = true;
            break;
        }
    }

    std::vector<const FieldSpec*> missing;
    for (std::size_t f = 0; f < match.fields.size(); ++f) {
        const FieldSpec& field = *match.fields[f];
        bool optional = false;
        if (preset != nullptr) {
            for (const std::string_view name : split_names(preset->optional_fields)) {
                optional = optional || name == field.name;
            }
        }
        if (field.required && !optional && match.columns[f] < 0) {
            missing.push_back(&field);
        }
    }
    if (!missing.empty()) {
        // Every missing field in one error (SPEC §2 ◆5): fixing one at a time is a loop.
        const std::string_view kind_name = k_kind_names[static_cast<std::size_t>(kind)];
        std::vector<std::string> parts;
        std::vector<std::string> maps;
        for (const FieldSpec* field : missing) {
            const bool left_unread = std::any_of(mappings.begin(), mappings.end(), [&](const FieldMapping& m) {
                return m.kind == kind && m.field == field->name && m.header.empty();
            });
            if (left_unread) {
                parts.push_back(fmt::format("\"{}\" (--map {}.{}= leaves it unread)", field->name,
                                            k_kind_names[static_cast<std::size_t>(kind)], field->name));
                maps.push_back(fmt::format("--map {}.{}=HEADER", k_kind_names[static_cast<std::size_t>(kind)],
                                           field->name));
                continue;
            }
            std::string part = fmt::format("\"{}\" (tried: {}", field->name, fmt::join(candidate_names(*field), ", "));
            for (const PassedOver& p : match.passed_over) {
                if (p.field == field->name) {
                    part += fmt::format("; passed over \"{}\": {}", p.column, p.why);
                }
            }
            parts.push_back(part + ")");
            maps.push_back(fmt::format("--map {}.{}=HEADER", kind_name, field->name));
        }
        std::string list = parts.front();
        for (std::size_t i = 1; i < parts.size(); ++i) {
            list += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
        }
        throw InputError(Location{display_name, header_line, {}},
                         fmt::format("no column for the required {} field{} {}", kind_name,
                                     missing.size() == 1 ? "" : "s", list),
                         fmt::format("rename {}, or name {}: {}", missing.size() == 1 ? "a column" : "the columns",
                                     missing.size() == 1 ? "it" : "them", fmt::join(maps, " ")));
    }
    return match;
}

int time_sibling(const std::vector<std::string>& header, int date_column) {
    if (date_column < 0) {
        return -1;
    }
    std::string key = normalize_header(header[static_cast<std::size_t>(date_column)]);
    const std::size_t at = key.rfind("date");
    if (at == std::string::npos) {
        return -1;
    }
    key.replace(at, 4, "time");
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (static_cast<int>(i) != date_column && normalize_header(header[i]) == key) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace clientscore::ingest

namespace clientscore {

FieldMapping parse_field_mapping(std::string_view text) {
    const std::size_t equals = text.find('=');
    const std::size_t dot = text.substr(0, equals).find('.');
    const std::string example = "KIND.FIELD=HEADER, e.g. calls.client=Account Name";
    if (equals == std::string_view::npos || dot == std::string_view::npos) {
        throw UsageError(fmt::format("--map \"{}\": expected {}", text, example));
    }
    auto lower = [](std::string_view s) {
        std::string out;
        for (const char c : s) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        return out;
    };
    const std::string kind_name = lower(text.substr(0, dot));
    const std::string field_name = lower(text.substr(dot + 1, equals - dot - 1));
    std::string header(text.substr(equals + 1));
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) {
        header.erase(header.begin());
    }
    while (!header.empty() && (header.back() == ' ' || header.back() == '\t')) {
        header.pop_back();
    }

    const auto kind_it = std::find(k_kind_names.begin(), k_kind_names.end(), kind_name);
    if (kind_it == k_kind_names.end()) {
        throw UsageError(fmt::format("--map \"{}\": unknown kind \"{}\"", text, kind_name),
                         fmt::format("kinds: {}", fmt::join(k_kind_names, ", ")));
    }
    const auto kind = static_cast<Kind>(kind_it - k_kind_names.begin());
    std::vector<std::string_view> names;
    for (const ingest::FieldSpec* field : ingest::fields_of(kind)) {
        names.push_back(field->name);
    }
    if (std::find(names.begin(), names.end(), field_name) == names.end()) {
        throw UsageError(fmt::format("--map \"{}\": {} has no field \"{}\"", text, kind_name, field_name),
                         fmt::format("{} fields: {}", kind_name, fmt::join(names, ", ")));
    }
    // An empty header leaves the field unread (SPEC §1: `--map discounts.status=`).
    return FieldMapping{kind, field_name, header};
}

}  // namespace clientscore

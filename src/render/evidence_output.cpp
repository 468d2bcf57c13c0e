// render_evidence: one client's chronological log (SPEC §5 evidence).

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/render.hpp"
#include "render/delimited.hpp"
#include "render/html_page.hpp"
#include "render/xlsx_output.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "render/text_table.hpp"

namespace clientscore {

namespace {

using namespace render;

/// An event's value in one column: null, a boolean, an integer, an amount (2 decimals) or text.
using EventValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

struct EvidenceColumn {
    std::string_view key;
    Align align;
    bool shrinkable;
    bool money;  ///< thousands separators in the table formats
    EventValue (*get)(const EvidenceEvent&);
};

constexpr std::array<std::string_view, 5> k_event_kind_names = {"call", "email", "time", "invoice", "discount"};

std::string format_time(std::int32_t seconds) {
    const int hours = seconds / 3600;
    const int minutes = seconds / 60 % 60;
    const int rest = seconds % 60;
    if (rest != 0) {
        return fmt::format("{:02}:{:02}:{:02}", hours, minutes, rest);
    }
    return fmt::format("{:02}:{:02}", hours, minutes);
}

template <class T>
EventValue optional_value(const std::optional<T>& value) {
    if (!value) {
        return std::monostate{};
    }
    return *value;
}

// The columns of SPEC §5 evidence, in order; every format iterates this table.
const std::array<EvidenceColumn, 15> k_evidence_columns = {{
    {"date", Align::left, false, false, [](const EvidenceEvent& e) -> EventValue { return format_day(e.date); }},
    {"time", Align::left, false, false,
     [](const EvidenceEvent& e) -> EventValue {
         if (e.seconds < 0) {
             return std::monostate{};
         }
         return format_time(e.seconds);
     }},
    {"kind", Align::left, false, false,
     [](const EvidenceEvent& e) -> EventValue {
         return std::string(k_event_kind_names.at(static_cast<std::size_t>(e.kind)));
     }},
    {"direction", Align::left, false, false,
     [](const EvidenceEvent& e) -> EventValue {
         if (!e.direction) {
             return std::monostate{};
         }
         return std::string(*e.direction == Direction::inbound ? "inbound" : "outbound");
     }},
    {"minutes", Align::right, false, false, [](const EvidenceEvent& e) { return optional_value(e.minutes); }},
    {"after_hours", Align::left, false, false, [](const EvidenceEvent& e) { return optional_value(e.after_hours); }},
    {"off_day", Align::left, false, false, [](const EvidenceEvent& e) { return optional_value(e.off_day); }},
    {"tags", Align::left, true, false, [](const EvidenceEvent& e) -> EventValue { return e.tags; }},
    {"amount", Align::right, false, true, [](const EvidenceEvent& e) { return optional_value(e.amount); }},
    {"status", Align::left, true, false, [](const EvidenceEvent& e) -> EventValue { return e.status; }},
    {"days_late", Align::right, false, false, [](const EvidenceEvent& e) { return optional_value(e.days_late); }},
    {"paid_at", Align::left, false, false,
     [](const EvidenceEvent& e) -> EventValue {
         if (!e.paid_at) {
             return std::monostate{};
         }
         return format_day(*e.paid_at);
     }},
    {"paid", Align::right, false, true, [](const EvidenceEvent& e) { return optional_value(e.paid); }},
    {"person", Align::left, true, false,
     [](const EvidenceEvent& e) -> EventValue {
         if (e.person.empty()) {
             return std::monostate{};
         }
         return e.person;
     }},
    {"text", Align::left, true, false, [](const EvidenceEvent& e) -> EventValue { return e.text; }},
}};

constexpr int k_decimals = 2;  // minutes and amounts

Json value_json(const EventValue& value) {
    struct Visitor {
        Json operator()(std::monostate) const { return nullptr; }
        Json operator()(bool v) const { return v; }
        Json operator()(std::int64_t v) const { return v; }
        Json operator()(double v) const { return json_rounded(v, k_decimals); }
        Json operator()(const std::string& v) const { return v; }
    };
    return std::visit(Visitor{}, value);
}

/// The text of a value in csv/tsv and, for `money`, the table formats.
std::string value_text(const EventValue& value, bool money_style) {
    struct Visitor {
        bool money;
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(bool v) const { return v ? "true" : "false"; }
        std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
        std::string operator()(double v) const {
            return money ? format_money(v) : format_fixed(v, k_decimals);
        }
        std::string operator()(const std::string& v) const { return v; }
    };
    return std::visit(Visitor{money_style}, value);
}

void write_evidence_json(const EvidenceReport& report, Writer& out) {
    JsonObjectStream json(out);
    json.member("client", report.client);
    json.member("name", json_text_or_null(report.name));
    json.begin_array("events");
    for (const EvidenceEvent& event : report.events) {
        Json object = Json::object();
        for (const auto& column : k_evidence_columns) {
            object[std::string(column.key)] = value_json(column.get(event));
        }
        json.array_item(object);
    }
    json.end_array();
    json.finish();
}

void write_evidence_delimited(const EvidenceReport& report, OutputFormat format, Writer& out) {
    DelimitedRow row(format);
    for (const auto& column : k_evidence_columns) {
        row.text(column.key);
    }
    out.write(row.take_line());
    for (const EvidenceEvent& event : report.events) {
        for (const auto& column : k_evidence_columns) {
            const EventValue value = column.get(event);
            if (const auto* text = std::get_if<std::string>(&value)) {
                row.text(*text);
            } else if (const auto* amount = std::get_if<double>(&value)) {
                row.bare(format_rounded(*amount, k_decimals));  // no thousands separators in csv
            } else {
                row.bare(value_text(value, false));
            }
        }
        out.write(row.take_line());
    }
}

std::string evidence_title(const EvidenceReport& report) {
    return report.name ? fmt::format("Evidence for {} ({})", report.client, *report.name)
                       : fmt::format("Evidence for {}", report.client);
}

std::string evidence_summary(const EvidenceReport& report) {
    const Period& period = report.settings.period;
    return fmt::format("{} event{}, {} to {}, as of {}", report.events.size(), report.events.size() == 1 ? "" : "s",
                       format_day(period.from), format_day(period.to), format_day(period.as_of));
}

// On a narrow terminal the text stays (what was said or billed is what the log is for), and
// the time of day stays longer than who handled it or the tags: a log that is to show calls
// at night must show the hour (the after-hours flag only repeats it). Columns not named here
// are left out after these, from the end.
constexpr std::array<std::string_view, 13> k_leave_out_first = {
    "off_day", "direction", "paid_at", "days_late", "paid", "after_hours", "minutes",
    "person",  "tags",      "status",  "time",      "amount", "kind"};

TextTable evidence_table(const EvidenceReport& report) {
    std::vector<TextColumn> columns;
    for (const auto& column : k_evidence_columns) {
        columns.push_back(TextColumn{std::string(column.key), column.align, column.shrinkable});
    }
    TextTable table(std::move(columns));
    std::vector<std::size_t> order;
    // Exports that name nobody leave the person column empty: it goes before anything else.
    const bool anyone = std::any_of(report.events.begin(), report.events.end(),
                                    [](const EvidenceEvent& e) { return !e.person.empty(); });
    std::vector<std::string_view> keys;
    if (!anyone) {
        keys.push_back("person");
    }
    for (const std::string_view key : k_leave_out_first) {
        if (anyone || key != "person") {
            keys.push_back(key);
        }
    }
    for (const std::string_view key : keys) {
        for (std::size_t c = 0; c < k_evidence_columns.size(); ++c) {
            if (k_evidence_columns[c].key == key) {
                order.push_back(c);
            }
        }
    }
    table.set_text_floor(16);
    table.set_leave_out(true);
    table.set_leave_out_order(std::move(order));
    return table;
}

// The page gives room (html's long-text cells) to what was said or billed only: tags, status and
// person are short, and four such wide columns pushed the person off a laptop's screen and
// broke the dates in two.
TextTable evidence_html_table(const EvidenceReport& report) {
    std::vector<TextColumn> columns = evidence_table(report).columns();
    for (TextColumn& column : columns) {
        column.shrinkable = column.header == "text";
    }
    return TextTable(std::move(columns));
}

RowSource evidence_rows(const EvidenceReport& report) {
    return [&report](std::size_t r, std::vector<TextCell>& cells) {
        const EvidenceEvent& event = report.events[r];
        for (std::size_t c = 0; c < k_evidence_columns.size(); ++c) {
            const auto& column = k_evidence_columns[c];
            // A row stays one line: line breaks in notes show as ⏎.
            cells[c].text = one_line(value_text(column.get(event), column.money), "⏎");
        }
    };
}

}  // namespace

void render::write_evidence_xlsx(const EvidenceReport& report, Writer& out) {
    XlsxBook book(report.settings.period.as_of);
    XlsxSheet sheet = book.add_sheet("Evidence");
    std::vector<std::string> names;
    for (const auto& column : k_evidence_columns) {
        names.emplace_back(column.key);
    }
    sheet.header(names);
    std::uint32_t r = 1;
    for (const EvidenceEvent& event : report.events) {
        for (std::size_t c = 0; c < k_evidence_columns.size(); ++c) {
            const auto& column = k_evidence_columns[c];
            const auto col = static_cast<std::uint16_t>(c);
            if (column.key == "date") {
                sheet.date(r, col, event.date);
                continue;
            }
            const EventValue value = column.get(event);
            if (const auto* text = std::get_if<std::string>(&value)) {
                sheet.text(r, col, *text);
            } else if (const auto* number = std::get_if<double>(&value)) {
                sheet.number(r, col, round_half_away(*number, k_decimals),
                             column.money ? XlsxStyle::money : XlsxStyle::decimal2);
            } else if (const auto* count = std::get_if<std::int64_t>(&value)) {
                sheet.number(r, col, static_cast<double>(*count), XlsxStyle::integer);
            } else if (const auto* flag = std::get_if<bool>(&value)) {
                sheet.boolean(r, col, *flag);
            }
        }
        ++r;
    }
    sheet.finish(r - 1);
    add_settings_sheet(book, report.settings);
    book.write_to(out);
}

void render_evidence(const EvidenceReport& report, const RenderOptions& options, Writer& out) {
    switch (options.format) {
        case OutputFormat::json:
            write_evidence_json(report, out);
            return;
        case OutputFormat::csv:
        case OutputFormat::tsv:
            write_evidence_delimited(report, options.format, out);
            return;
        case OutputFormat::table: {
            const std::optional<int> width = fitted_width(options.terminal_width);
            PlainDocumentWriter doc(out, options.color, width);
            doc.title(evidence_title(report));
            doc.title(evidence_summary(report));
            out.write("\n");
            evidence_table(report).write_text(out, report.events.size(), evidence_rows(report), width, options.color);
            return;
        }
        case OutputFormat::html: {
            HtmlDocumentWriter doc(out, "clientscore: " + evidence_title(report));
            doc.title(evidence_title(report));
            doc.paragraph(evidence_summary(report));
            doc.table(evidence_html_table(report), report.events.size(), evidence_rows(report));
            doc.finish();
            return;
        }
        case OutputFormat::xlsx:
            write_evidence_xlsx(report, out);
            return;
        case OutputFormat::markdown: {
            MarkdownDocumentWriter doc(out);
            doc.title(evidence_title(report));
            doc.paragraph(evidence_summary(report));
            doc.table(evidence_table(report), report.events.size(), evidence_rows(report));
            return;
        }
    }
}

}  // namespace clientscore

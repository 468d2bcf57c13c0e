// render_check: what `check` found in the exports (SPEC §5 check).

#include <fmt/format.h>

#include <stdexcept>

#include "clientscore/render.hpp"
#include "render/delimited.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "render/text_table.hpp"

namespace clientscore {

namespace {

using namespace render;

/// How many problems the readable formats list per file (JSON lists all it was given).
constexpr std::size_t k_problems_shown = 5;

std::string kind_name(Kind kind) { return std::string(k_kind_names.at(static_cast<std::size_t>(kind))); }

std::string delimiter_name(char delimiter) {
    return delimiter == '\t' ? std::string("tab") : std::string(1, delimiter);
}

std::string problem_text(const Problem& problem) {
    std::string text = fmt::format("line {}", problem.line);
    if (!problem.column.empty()) {
        text += fmt::format(", column \"{}\"", problem.column);
    }
    return text + ": " + problem.message;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += items[i];
    }
    return out;
}

// The preset line of the readable formats: its name, and why.
std::string preset_text(const FileReport& file) {
    if (file.preset_forced) {
        return file.preset + " (--preset)";
    }
    if (file.preset_columns.empty()) {
        return file.preset;
    }
    return file.preset + " (header: " + joined(file.preset_columns, ", ") + ")";
}

// ---- JSON ------------------------------------------------------------------------------------

// How the file came to be read beside its kind: SPEC ◆4 says "found by its header".
std::string found_by_text(const InputFile& file) {
    switch (file.found_by) {
        case FoundBy::name:
            return std::string(kind_name(file.kind));
        case FoundBy::header:
            return fmt::format("{} (found by its header)", kind_name(file.kind));
        case FoundBy::option:
            return fmt::format("{} (--{})", kind_name(file.kind), kind_name(file.kind));
    }
    return std::string(kind_name(file.kind));
}

Json file_json(const FileReport& file) {
    Json object = Json::object();
    object["path"] = file.file.path;
    object["kind"] = kind_name(file.file.kind);
    object["found_by"] = std::string(k_found_by_names[static_cast<std::size_t>(file.file.found_by)]);
    object["preset"] = file.preset;
    // Why that preset: forced, or the header columns that matched its signature; and the
    // conventions it reads the file with.
    object["preset_forced"] = file.preset_forced;
    object["preset_columns"] = strings_json(file.preset_columns);
    object["preset_notes"] = strings_json(file.preset_notes);
    object["delimiter"] = std::string(1, file.delimiter);
    object["bom"] = file.bom;
    object["encoding"] = file.encoding;
    object["sheet"] = file.sheet.empty() ? Json(nullptr) : Json(file.sheet);  // the worksheet of an .xlsx file
    // 0: the file has no header (--header-row 0); null: the header was not read.
    object["header_line"] = file.header_line > 0 || file.no_header ? Json(file.header_line) : Json(nullptr);
    object["date_order"] = file.date_order.empty() ? Json(nullptr) : Json(file.date_order);
    object["decimal"] = file.decimal.empty() ? Json(nullptr) : Json(file.decimal);
    Json mapping = Json::object();
    for (const auto& [field, header] : file.mapping) {
        mapping[field] = header;
    }
    object["mapping"] = std::move(mapping);
    Json passed_over = Json::array();
    for (const PassedOver& p : file.passed_over) {
        passed_over.push_back({{"field", p.field}, {"column", p.column}, {"why", p.why}});
    }
    object["passed_over"] = std::move(passed_over);
    object["rows"] = file.rows;
    object["skipped"] = file.bad_rows.count;
    // Only where a preset counts rows apart (Zoho's calls with leads): SPEC §5's keys stay as
    // they are for every other file.
    if (!file.ignored_by.empty()) {
        Json ignored_by = Json::object();
        for (const auto& [why, count] : file.ignored_by) {
            ignored_by[why] = count;
        }
        object["ignored_by"] = std::move(ignored_by);
    }
    Json problems = Json::array();
    for (const Problem& problem : file.bad_rows.kept) {
        problems.push_back({{"line", problem.line}, {"column", problem.column}, {"message", problem.message}});
    }
    object["problems"] = std::move(problems);
    object["from"] = json_date(file.from);
    object["to"] = json_date(file.to);
    object["currencies"] = strings_json(file.currencies);
    return object;
}

void write_check_json(const CheckReport& report, Writer& out) {
    JsonObjectStream json(out);
    json.member("ok", report.ok);
    json.begin_array("files");
    for (const FileReport& file : report.files) {
        json.array_item(file_json(file));
    }
    json.end_array();
    Json not_read = Json::array();
    for (const NotRead& file : report.not_read) {
        not_read.push_back({{"path", file.path}, {"why", file.why}});
    }
    json.member("not_read", not_read);
    json.member("errors", strings_json(report.errors));
    json.finish();
}

// ---- csv / tsv: one row per file, then one per file not read and per error --------------------

constexpr std::array<std::string_view, 16> k_check_csv_header = {
    "status", "path", "kind", "preset", "delimiter", "bom", "encoding", "date_order",
    "decimal", "rows", "skipped", "from", "to", "currencies", "mapping", "problems"};

void write_check_delimited(const CheckReport& report, OutputFormat format, Writer& out) {
    DelimitedRow row(format);
    for (const std::string_view key : k_check_csv_header) {
        row.text(key);
    }
    out.write(row.take_line());
    for (const FileReport& file : report.files) {
        row.text("read");
        row.text(file.file.path);
        row.text(kind_name(file.file.kind));
        row.text(file.preset);
        row.text(delimiter_name(file.delimiter));  // a raw tab would need escaping and the guard
        row.bare(file.bom ? "true" : "false");
        row.text(file.encoding);
        row.text(file.date_order);
        row.text(file.decimal);
        row.bare(fmt::format("{}", file.rows));
        row.bare(fmt::format("{}", file.bad_rows.count));
        row.bare(file.from ? format_day(*file.from) : std::string());
        row.bare(file.to ? format_day(*file.to) : std::string());
        row.text(joined(file.currencies, " "));
        std::vector<std::string> mapping;
        for (const auto& [field, header] : file.mapping) {
            mapping.push_back(field + "=" + header);
        }
        row.text(joined(mapping, " | "));
        std::vector<std::string> problems;
        for (const Problem& problem : file.bad_rows.kept) {
            problems.push_back(problem_text(problem));
        }
        row.text(joined(problems, " | "));
        out.write(row.take_line());
    }
    auto message_row = [&](std::string_view status, std::string_view path, std::string_view message) {
        row.text(status);
        row.text(path);
        for (std::size_t i = 2; i + 1 < k_check_csv_header.size(); ++i) {
            row.bare("");
        }
        row.text(message);
        out.write(row.take_line());
    };
    for (const NotRead& file : report.not_read) {
        message_row("not_read", file.path, "not read: " + file.why);
    }
    for (const std::string& error : report.errors) {
        message_row("error", "", error);
    }
}

// ---- table / markdown ---------------------------------------------------------------------

void write_check_document(const CheckReport& report, DocumentWriter& doc) {
    bool first = true;
    for (const FileReport& file : report.files) {
        if (first) {
            doc.title(file.file.path);
            first = false;
        } else {
            doc.heading(file.file.path);
        }
        std::vector<std::pair<std::string, std::vector<std::string>>> items;
        items.push_back({"kind", {found_by_text(file.file)}});
        if (!file.sheet.empty()) {
            items.push_back({"sheet", {file.sheet}});
        }
        items.push_back({"preset", {preset_text(file)}});
        if (!file.preset_notes.empty()) {
            items.push_back({"conventions", file.preset_notes});
        }
        // A workbook's sheet comes as CSV text of the reader's own making: its delimiter,
        // encoding and byte-order mark say nothing about the file (JSON keeps them).
        if (file.sheet.empty()) {
            items.push_back({"delimiter", {delimiter_name(file.delimiter)}});
            items.push_back({"encoding", {file.encoding}});
            items.push_back({"bom", {file.bom ? "yes" : "no"}});
        }
        items.push_back({"header line", {file.no_header         ? std::string("none (--header-row 0)")
                                         : file.header_line > 0 ? std::to_string(file.header_line)
                                                                : std::string("—")}});
        items.push_back({"date order", {file.date_order.empty() ? "—" : file.date_order}});
        items.push_back({"decimal", {file.decimal.empty() ? "—" : file.decimal}});
        std::string rows = fmt::format("{} ({} skipped", file.rows, file.bad_rows.count);
        if (file.ignored > 0) {
            rows += fmt::format(", {} ignored", file.ignored);
        }
        for (const auto& [why, count] : file.ignored_by) {
            rows += fmt::format("; {} with {}", count, why);
        }
        items.push_back({"rows", {rows + ")"}});
        std::string dates = "—";
        if (file.from && file.to) {
            dates = format_day(*file.from) + " to " + format_day(*file.to);
        }
        items.push_back({"dates", {dates}});
        items.push_back({"currencies", {file.currencies.empty() ? "—" : joined(file.currencies, ", ")}});
        std::vector<std::string> mapping;
        for (const auto& [field, header] : file.mapping) {
            mapping.push_back(field + " ← " + header);
        }
        items.push_back({"mapping", mapping.empty() ? std::vector<std::string>{"—"} : mapping});
        if (!file.passed_over.empty()) {
            std::vector<std::string> passed;
            for (const PassedOver& p : file.passed_over) {
                passed.push_back(fmt::format("{} ✗ {}: {}", p.field, p.column, p.why));
            }
            items.push_back({"passed over", passed});
        }
        if (!file.bad_rows.kept.empty()) {
            std::vector<std::string> problems;
            for (std::size_t i = 0; i < file.bad_rows.kept.size() && i < k_problems_shown; ++i) {
                problems.push_back(problem_text(file.bad_rows.kept[i]));
            }
            const auto total = std::max<std::int64_t>(file.bad_rows.count, static_cast<std::int64_t>(file.bad_rows.kept.size()));
            if (total > static_cast<std::int64_t>(problems.size())) {
                problems.push_back(fmt::format("… and {} more", total - static_cast<std::int64_t>(problems.size())));
            }
            items.push_back({"problems", problems});
        }
        doc.definitions(items);
    }
    if (!report.not_read.empty()) {
        doc.heading("Not read");
        std::vector<std::string> lines;
        for (const NotRead& file : report.not_read) {
            lines.push_back(file.path + ": not read; " + file.why);
        }
        doc.bullets(lines);
    }
    if (!report.errors.empty()) {
        doc.heading("Errors");
        doc.bullets(report.errors);
    }
    if (report.files.empty() && report.not_read.empty() && report.errors.empty()) {
        doc.paragraph("No export files found.");
    }
    doc.heading(report.ok ? "OK" : "NOT OK");
}

}  // namespace

void render_check(const CheckReport& report, const RenderOptions& options, Writer& out) {
    switch (options.format) {
        case OutputFormat::json:
            write_check_json(report, out);
            return;
        case OutputFormat::csv:
        case OutputFormat::tsv:
            write_check_delimited(report, options.format, out);
            return;
        case OutputFormat::table: {
            PlainDocumentWriter doc(out, options.color, fitted_width(options.terminal_width));
            write_check_document(report, doc);
            return;
        }
        case OutputFormat::html:
        case OutputFormat::xlsx:
            // The command line refuses them for check (SPEC §5 ◆12: every command but check).
            throw std::logic_error("check has no html or xlsx output");
        case OutputFormat::markdown: {
            MarkdownDocumentWriter doc(out);
            write_check_document(report, doc);
            return;
        }
    }
}

}  // namespace clientscore

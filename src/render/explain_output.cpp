// render_explain: one client in depth (SPEC §5 explain). JSON is the client object plus
// thresholds, months and offboarding; table and markdown are a readable report; csv and tsv
// are the month-by-month rows.

#include <fmt/format.h>

#include "clientscore/render.hpp"
#include "render/client_display.hpp"
#include "render/delimited.hpp"
#include "render/html_page.hpp"
#include "render/html_plot.hpp"
#include "render/xlsx_output.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "render/text_table.hpp"

namespace clientscore {

namespace {

using namespace render;

// ---- JSON ------------------------------------------------------------------------------------

Json month_json(const ClientTable& table, const MonthResult& month) {
    const ClientResult as_client = as_client_result(month.score, month.metrics);
    Json object = Json::object();
    object["month"] = month.month;
    object["from"] = format_day(month.period.from);
    object["to"] = format_day(month.period.to);
    object["as_of"] = format_day(month.period.as_of);
    // A month has metrics and a score; the change against the baseline is the whole period's.
    add_client_columns(object, table, as_client, table.first_metric(), table.metrics_end());
    add_client_columns(object, table, as_client, table.first_of_group("components"), table.first_metric());
    for (const std::string_view key : {"toxicity", "verdict"}) {
        add_client_columns(object, table, as_client, *table.find(key), *table.find(key) + 1);
    }
    return object;
}

Json thresholds_json(const Settings& settings) {
    Json object = Json::object();
    for (std::size_t i = 0; i < k_component_count; ++i) {
        object[std::string(k_component_names[i])] = {{"ok", json_number(settings.thresholds[i].ok)},
                                                     {"bad", json_number(settings.thresholds[i].bad)},
                                                     {"weight", json_number(settings.weights[i])}};
    }
    return object;
}

Json offboarding_json(const Offboarding& offboarding) {
    Json invoices = Json::array();
    for (const OpenInvoice& invoice : offboarding.open_invoices) {
        Json item = Json::object();
        item["invoice_id"] = invoice.invoice_id;
        item["due_at"] = format_day(invoice.due_at);
        item["unpaid"] = json_rounded(invoice.unpaid, 2);
        item["days_overdue"] = invoice.days_overdue;
        invoices.push_back(std::move(item));
    }
    Json object = Json::object();
    object["notice_date"] = format_day(offboarding.notice_date);
    object["open_invoices"] = std::move(invoices);
    object["checklist"] = strings_json(offboarding.checklist);
    return object;
}

void write_explain_json(const ExplainReport& report, const ClientTable& table, Writer& out) {
    Json object = client_json(table, report.client);
    object["thresholds"] = thresholds_json(report.settings);
    Json months = Json::array();
    for (const MonthResult& month : report.months) {
        months.push_back(month_json(table, month));
    }
    object["months"] = std::move(months);
    if (!report.people.empty()) {
        // Not "people": the client object already has that key, the count (SPEC §3).
        object["carried_by"] = client_people_json(report.people);
    }
    if (report.offboarding) {
        object["offboarding"] = offboarding_json(*report.offboarding);
    }
    object["period"] = period_json(report.settings.period);
    object["settings"] = settings_json(report.settings);
    if (report.baseline) {
        object["baseline"] = baseline_json(*report.baseline);
    }
    object["warnings"] = strings_json(report.warnings);
    out.write(json_text(object) + "\n");
}

// ---- csv / tsv: the months, with the JSON month keys flattened -------------------------------

/// The client columns of a month row, in the order of the JSON month object.
std::vector<std::size_t> month_columns(const ClientTable& table) {
    std::vector<std::size_t> indexes;
    for (std::size_t i = table.first_metric(); i < table.metrics_end(); ++i) {
        indexes.push_back(i);
    }
    for (std::size_t i = table.first_of_group("components"); i < table.first_metric(); ++i) {
        indexes.push_back(i);
    }
    indexes.push_back(*table.find("toxicity"));
    indexes.push_back(*table.find("verdict"));
    return indexes;
}

void write_explain_delimited(const ExplainReport& report, const ClientTable& table, OutputFormat format,
                             Writer& out) {
    const auto& columns = table.columns();
    const std::vector<std::size_t> indexes = month_columns(table);
    DelimitedRow row(format);
    for (const std::string_view key : {"month", "from", "to", "as_of"}) {
        row.text(key);
    }
    for (std::size_t i : indexes) {
        row.text(columns[i].key);
    }
    out.write(row.take_line());
    for (const MonthResult& month : report.months) {
        const ClientResult as_client = as_client_result(month.score, month.metrics);
        row.text(month.month);
        row.bare(format_day(month.period.from));
        row.bare(format_day(month.period.to));
        row.bare(format_day(month.period.as_of));
        for (std::size_t i : indexes) {
            row.cell(columns[i].get(as_client, columns[i].index), columns[i].decimals);
        }
        out.write(row.take_line());
    }
}

// ---- xlsx ---------------------------------------------------------------------------------------

}  // namespace

void render::write_explain_xlsx(const ExplainReport& report, const ClientTable& table, Writer& out) {
    XlsxBook book(report.settings.period.as_of);
    add_clients_sheet(book, table, 1, [&](std::size_t) { return report.client; }, 1);
    XlsxSheet months = book.add_sheet("Months");
    const auto& columns = table.columns();
    const std::vector<std::size_t> indexes = month_columns(table);
    std::vector<std::string> names = {"month", "from", "to", "as_of"};
    for (const std::size_t i : indexes) {
        names.push_back(columns[i].key);
    }
    months.header(names);
    std::uint32_t r = 1;
    for (const MonthResult& month : report.months) {
        const ClientResult as_client = as_client_result(month.score, month.metrics);
        months.text(r, 0, month.month);
        months.date(r, 1, month.period.from);
        months.date(r, 2, month.period.to);
        months.date(r, 3, month.period.as_of);
        for (std::size_t c = 0; c < indexes.size(); ++c) {
            const ClientColumn& column = columns[indexes[c]];
            months.cell(r, static_cast<std::uint16_t>(c + 4), column.get(as_client, column.index), column);
        }
        ++r;
    }
    months.finish(r - 1);
    add_settings_sheet(book, report.settings);
    book.write_to(out);
}

namespace {

// ---- table / markdown: a readable report -----------------------------------------------------

std::string explain_title(const ClientResult& client) {
    return client.name ? fmt::format("Client {} ({})", client.client, *client.name)
                       : fmt::format("Client {}", client.client);
}

std::string headline(const ExplainReport& report) {
    const ClientResult& client = report.client;
    std::string rank = fmt::format("Rank {}", client.rank);
    if (report.client_count > 0) {
        rank += fmt::format(" of {}", report.client_count);
    }
    return fmt::format("{} · verdict {} · toxicity {}", rank, verdict_name(client.score.verdict),
                       format_fixed(client.score.toxicity, 1));
}

void write_components(const ExplainReport& report, DocumentWriter& doc) {
    const ClientScore& score = report.client.score;
    const Settings& settings = report.settings;
    // SPEC §4: the components without data are left out with their weight.
    double weight_sum = 0;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        if (score.components[i]) {
            weight_sum += settings.weights[i];
        }
    }
    TextTable table({{"component"},
                     {"value", Align::right},
                     {"ok", Align::right},
                     {"bad", Align::right},
                     {"weight", Align::right},
                     {"contribution", Align::right}});
    doc.table(table, k_component_count + 1, [&](std::size_t r, std::vector<TextCell>& cells) {
        if (r == k_component_count) {
            cells[0].text = "toxicity";
            for (std::size_t c = 1; c < 5; ++c) {
                cells[c].text.clear();
            }
            cells[5].text = format_fixed(score.toxicity, 1);
            return;
        }
        const std::optional<double>& value = score.components[r];
        cells[0].text = std::string(k_component_names[r]);
        cells[1].text = value ? format_fixed(*value, 4) : "no data";
        cells[2].text = format_number(settings.thresholds[r].ok);
        cells[3].text = format_number(settings.thresholds[r].bad);
        cells[4].text = format_number(settings.weights[r]);
        if (!value) {
            cells[5].text = std::string(k_null_text);
        } else {
            const double contribution = weight_sum > 0 ? settings.weights[r] * *value / weight_sum * 100 : 0;
            cells[5].text = format_fixed(contribution, 2);
        }
    });
}

void write_metrics(const ExplainReport& report, const ClientTable& client_columns, DocumentWriter& doc) {
    const auto& columns = client_columns.columns();
    const std::size_t first = client_columns.first_metric();
    // On a terminal the meanings are cut to its width; csv and json carry them whole.
    TextTable table({{"metric"}, {"value", Align::right}, {"meaning", Align::left, true}});
    table.set_text_floor(16);
    doc.table(table, client_columns.metrics_end() - first, [&](std::size_t r, std::vector<TextCell>& cells) {
        const std::size_t index = first + r;
        cells[0].text = columns[index].key;
        cells[1].text = display_client_value(client_columns, report.client, index);
        cells[2].text = columns[index].description;
    });
}

void write_people(const ExplainReport& report, DocumentWriter& doc) {
    TextTable table({{"person", Align::left, true}, {"hours", Align::right}, {"share", Align::right}});
    table.set_text_floor(16);
    doc.table(table, report.people.size(), [&](std::size_t r, std::vector<TextCell>& cells) {
        const ClientPersonRow& row = report.people[r];
        cells[0].text = row.person;
        cells[1].text = format_fixed(row.hours, 2);
        cells[2].text = row.share ? format_percent(*row.share) : std::string(k_null_text);
    });
}

void write_months(const ExplainReport& report, const ClientTable& client_columns, DocumentWriter& doc) {
    std::vector<std::size_t> shown = client_columns.shown_in(&ClientColumn::month_table);
    // Logged hours only where a time export was read: a column of nulls says nothing.
    if (!report.client.metrics.supplied.time) {
        std::erase(shown, *client_columns.find("logged_hours"));
    }
    std::vector<TextColumn> columns{TextColumn{"month", Align::left, false}};
    for (const std::size_t index : shown) {
        const ClientColumn& column = client_columns.columns()[index];
        columns.push_back(TextColumn{column.header, reads_as_text(column.unit) ? Align::left : Align::right, false});
    }
    const std::size_t verdict = *client_columns.find("verdict");
    TextTable table(std::move(columns));
    // On a narrow terminal the figures go, from the left, before the month and its toxicity and
    // verdict, which are what the table is for.
    std::vector<std::size_t> leave_out;
    for (std::size_t c = 0; c < shown.size(); ++c) {
        const std::string_view key = client_columns.columns()[shown[c]].key;
        if (key != "toxicity" && key != "verdict") {
            leave_out.push_back(c + 1);
        }
    }
    table.set_leave_out(true);
    table.set_leave_out_order(std::move(leave_out));
    doc.table(table, report.months.size(), [&](std::size_t r, std::vector<TextCell>& cells) {
        const MonthResult& month = report.months[r];
        const ClientResult as_client = as_client_result(month.score, month.metrics);
        cells[0].text = month.month;
        cells[0].color = {};
        for (std::size_t c = 0; c < shown.size(); ++c) {
            cells[c + 1].text = display_client_value(client_columns, as_client, shown[c]);
            cells[c + 1].color = shown[c] == verdict ? verdict_color(month.score.verdict) : std::string_view();
        }
    });
}

void write_offboarding(const Offboarding& offboarding, DocumentWriter& doc) {
    doc.heading("Offboarding");
    doc.definitions({{"notice date", {format_day(offboarding.notice_date)}},
                     {"open invoices", {fmt::format("{}", offboarding.open_invoices.size())}}});
    if (!offboarding.open_invoices.empty()) {
        TextTable table(
            {{"invoice", Align::left, true}, {"due"}, {"unpaid", Align::right}, {"days overdue", Align::right}});
        table.set_text_floor(16);
        doc.table(table, offboarding.open_invoices.size(), [&](std::size_t r, std::vector<TextCell>& cells) {
            const OpenInvoice& invoice = offboarding.open_invoices[r];
            cells[0].text = invoice.invoice_id;
            cells[1].text = format_day(invoice.due_at);
            cells[2].text = format_money(invoice.unpaid);
            cells[3].text = fmt::format("{}", invoice.days_overdue);
        });
    }
    if (!offboarding.checklist.empty()) {
        doc.heading("Offboarding checklist");
        doc.bullets(offboarding.checklist);
    }
}

/// explain's "Since the baseline" paragraph (SPEC §5 ◆11): how the client moved, and from when.
std::string change_paragraph(const ExplainReport& report) {
    const ClientChange& change = *report.client.change;
    const Period& p = report.baseline ? report.baseline->period : Period{0, 0, 0, true};
    const std::string of =
        p.undated ? std::string("the baseline") : fmt::format("the baseline of {} to {}", format_day(p.from), format_day(p.to));
    if (change.status == ChangeStatus::new_client || !change.verdict_before || !change.toxicity_before) {
        return fmt::format("New: not in {}.", of);
    }
    const std::string_view status = k_change_status_names[static_cast<std::size_t>(change.status)];
    return fmt::format("{}{}: verdict {} → {}, toxicity {} → {} ({}), against {}.",
                       static_cast<char>(status.front() - 'a' + 'A'), status.substr(1),
                       verdict_name(*change.verdict_before), verdict_name(report.client.score.verdict),
                       format_fixed(*change.toxicity_before, 1), format_fixed(report.client.score.toxicity, 1),
                       change_text(change), of);
}

void write_explain_document(const ExplainReport& report, const ClientTable& table, DocumentWriter& doc) {
    const ClientResult& client = report.client;
    doc.title(explain_title(client));
    doc.paragraph(headline(report));
    doc.paragraph(period_line(report.settings.period));
    if (client.change) {
        doc.heading("Since the baseline");
        doc.paragraph(change_paragraph(report));
    }
    if (!client.score.cause.empty()) {
        doc.heading("Why");
        doc.paragraph(client.score.cause);
    }
    doc.heading("Action");
    doc.paragraph(client.score.action.empty() ? std::string("None.") : client.score.action);
    doc.heading("Reasons");
    if (client.score.reasons.empty()) {
        doc.paragraph("No component above 0.5.");
    } else {
        doc.bullets(client.score.reasons);
    }
    doc.heading("Components");
    doc.figure([&] { return component_chart_svg(client.score.components); });
    write_components(report, doc);
    doc.heading("Metrics");
    write_metrics(report, table, doc);
    if (!report.people.empty()) {
        doc.heading("People");
        write_people(report, doc);
    }
    doc.heading("Month by month");
    doc.figure([&] {
        std::vector<std::string> months;
        std::vector<double> toxicity;
        for (const MonthResult& month : report.months) {
            months.push_back(month.month);
            toxicity.push_back(month.score.toxicity);
        }
        return month_chart_svg(months, toxicity, report.settings);
    });
    write_months(report, table, doc);
    if (report.offboarding) {
        write_offboarding(*report.offboarding, doc);
    }
}

}  // namespace

void render_explain(const ExplainReport& report, const RenderOptions& options, Writer& out) {
    const ClientTable& table = client_table(ColumnShape{report.settings.aging, report.client.change.has_value()});
    switch (options.format) {
        case OutputFormat::json:
            write_explain_json(report, table, out);
            return;
        case OutputFormat::csv:
        case OutputFormat::tsv:
            write_explain_delimited(report, table, options.format, out);
            return;
        case OutputFormat::table: {
            PlainDocumentWriter doc(out, options.color, fitted_width(options.terminal_width));
            write_explain_document(report, table, doc);
            return;
        }
        case OutputFormat::markdown: {
            MarkdownDocumentWriter doc(out);
            write_explain_document(report, table, doc);
            return;
        }
        case OutputFormat::html: {
            HtmlDocumentWriter doc(out, "clientscore: " + explain_title(report.client));
            write_explain_document(report, table, doc);
            doc.finish();
            return;
        }
        case OutputFormat::xlsx:
            write_explain_xlsx(report, table, out);
            return;
    }
}

}  // namespace clientscore

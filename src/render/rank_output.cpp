// render_rank: the ranked client list in every format (SPEC §5).

#include <fmt/format.h>

#include "clientscore/render.hpp"
#include "render/client_display.hpp"
#include "render/delimited.hpp"
#include "render/html_output.hpp"
#include "render/xlsx_output.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "render/rank_order.hpp"
#include "render/rank_summary.hpp"
#include "render/row_batches.hpp"
#include "render/text_table.hpp"

namespace clientscore {

namespace {

using namespace render;

void write_rank_json(const RankReport& report, const ClientTable& columns, const std::vector<std::size_t>& shown,
                     unsigned threads, Writer& out) {
    const Portfolio& p = report.portfolio;
    // SPEC §3 ◆2: the portfolio's figures follow the clients' rules for data never supplied.
    const bool revenue = p.supplied.invoices;
    const bool support = p.supplied.contacts;
    const bool hours = p.supplied.hours();
    const bool margins = p.supplied.margin();
    auto rounded = [](bool known, const auto& value, int decimals) {
        return known ? json_rounded(value, decimals) : Json(nullptr);
    };
    Json if_fired = Json::object();
    if_fired["fired"] = p.if_fired.fired;
    if_fired["clients"] = p.if_fired.clients;
    if_fired["net_revenue"] = rounded(revenue, p.if_fired.net_revenue, 2);
    if_fired["cost_to_serve"] = rounded(hours, p.if_fired.cost_to_serve, 2);
    if_fired["margin"] = rounded(margins, p.if_fired.margin, 2);
    if_fired["support_hours"] = rounded(support, p.if_fired.support_hours, 2);
    if_fired["hours_freed"] = rounded(hours, p.if_fired.hours_freed, 2);
    if_fired["freed_hours_value"] = rounded(margins, p.if_fired.freed_hours_value, 2);
    Json portfolio = Json::object();
    portfolio["clients"] = p.clients;
    portfolio["net_revenue"] = rounded(revenue, p.net_revenue, 2);
    portfolio["cost_to_serve"] = rounded(hours, p.cost_to_serve, 2);
    portfolio["margin"] = rounded(margins, p.margin, 2);
    portfolio["support_hours"] = rounded(support, p.support_hours, 2);
    portfolio["logged_hours"] = rounded(p.supplied.time, p.logged_hours, 2);
    portfolio["hours"] = rounded(hours, p.hours, 2);
    portfolio["max_revenue_share"] = rounded(revenue, p.max_revenue_share, 4);
    portfolio["effective_rate"] = rounded(margins, p.effective_rate, 2);
    portfolio["if_fired"] = std::move(if_fired);

    JsonObjectStream json(out);
    json.member("schema_version", 1);
    json.member("period", period_json(report.settings.period));
    json.member("settings", settings_json(report.settings));
    json.member("portfolio", portfolio);
    if (!report.people.empty()) {
        json.member("people", people_json(report.people));
    }
    if (report.baseline) {
        json.member("baseline", baseline_json(*report.baseline));
    }
    json.begin_array("clients");
    render_rows_in_batches(
        threads, shown.size(),
        [&](std::size_t i, std::string& text) {
            append_client_item(text, columns, report.clients.at(shown[i]), i == 0);
        },
        [&](std::string_view text) { json.array_items(text, 1); });
    json.end_array();
    json.member("skipped_rows", file_counts_json(report.skipped_rows));
    json.member("ignored_rows", file_counts_json(report.ignored_rows));
    json.member("warnings", strings_json(report.warnings));
    json.finish();
}

void write_rank_delimited(const RankReport& report, const ClientTable& table, const std::vector<std::size_t>& shown,
                          OutputFormat format, unsigned threads, Writer& out) {
    const auto& columns = table.columns();
    DelimitedRow row(format);
    for (const auto& column : columns) {
        row.text(column.key);
    }
    out.write(row.take_line());
    render_rows_in_batches(
        threads, shown.size(),
        [&](std::size_t i, std::string& text) {
            const ClientResult full = report.clients.at(shown[i]);
            DelimitedRow line(format);
            for (const auto& column : columns) {
                line.cell(column.get(full, column.index), column.decimals);
            }
            text += line.take_line();
        },
        [&](std::string_view text) { out.write(text); });
}

// ---- table and markdown -----------------------------------------------------------------------

struct RankTable {
    TextTable table;
    RowSource source;
};

RankTable rank_table(const RankReport& report, const ClientTable& table, const std::vector<std::size_t>& shown) {
    std::vector<TextColumn> columns;
    const std::vector<std::size_t> indexes = table.shown_in(&ClientColumn::rank_table);
    for (const std::size_t index : indexes) {
        const ClientColumn& column = table.columns()[index];
        columns.push_back(TextColumn{column.header, reads_as_text(column.unit) ? Align::left : Align::right,
                                     column.unit == Unit::text || column.unit == Unit::list});
    }
    // SPEC §5 ◆11: "change" is the last of SPEC's list, so a narrow terminal leaves it out
    // first; only the hours column, which SPEC's list does not name, goes before it. It reads two
    // columns of the table (status and delta) as one cell, so it is made here.
    const bool change = report.baseline.has_value();
    std::size_t change_at = indexes.size();
    if (change && !indexes.empty() && table.columns()[indexes.back()].key == "hours") {
        change_at = indexes.size() - 1;
    }
    if (change) {
        columns.insert(columns.begin() + static_cast<std::ptrdiff_t>(change_at),
                       TextColumn{"change", Align::left, false});
    }
    const std::size_t verdict = *table.find("verdict");
    const std::size_t cause = *table.find("cause");
    for (std::size_t c = 0; c < indexes.size(); ++c) {
        if (indexes[c] == cause) {
            // "toxicity 84.2 ≥ 60 with a -104.5% margin" whole, before the name beside it.
            columns[c].floor = 40;
        }
    }
    RowSource source = [&report, &shown, &table, indexes, verdict, change, change_at](std::size_t r,
                                                                                      std::vector<TextCell>& cells) {
        const ClientResult client = report.clients.at(shown[r]);
        for (std::size_t c = 0; c < indexes.size(); ++c) {
            TextCell& cell = cells[change && c >= change_at ? c + 1 : c];
            cell.text = display_client_value(table, client, indexes[c]);
            cell.color = indexes[c] == verdict ? verdict_color(client.score.verdict) : std::string_view();
        }
        if (change) {
            cells[change_at].text = change_text(client.change);
            cells[change_at].color = {};
        }
    };
    TextTable text_table(std::move(columns));
    text_table.set_text_floor(16);  // "Starlight Promo…" still names the client; "Sta…" does not
    text_table.set_leave_out(true);
    return RankTable{std::move(text_table), std::move(source)};
}

std::string with_currency(const std::string& amount, const std::string& currency) {
    return currency.empty() ? amount : amount + " " + currency;
}

/// Hours as the table writes them (SPEC §5: money and hours with thousands separators): a
/// time export puts a portfolio past a thousand hours.
std::string format_hours(double hours) { return format_money(hours); }

/// The one-line portfolio summary under the table.
std::string portfolio_summary(const RankReport& report) {
    const Portfolio& p = report.portfolio;
    const std::string& currency = report.settings.currency;
    const bool revenue = p.supplied.invoices;
    const bool hours = p.supplied.hours();
    std::string line = fmt::format("Portfolio: {} client{}", p.clients, p.clients == 1 ? "" : "s");
    // SPEC §3 ◆2: a figure of data never read is said to be unknown, never printed as 0.
    if (revenue) {
        line += fmt::format(", net revenue {}", with_currency(format_money(p.net_revenue), currency));
    } else {
        line += ", revenue unknown (no invoices were read)";
    }
    if (p.supplied.margin()) {
        line += fmt::format(", margin {}", with_currency(format_money(p.margin), currency));
        if (round_half_away(p.net_revenue, 2) > 0) {
            line += fmt::format(" ({})", format_percent(p.margin / p.net_revenue));
        }
    }
    if (p.supplied.time) {
        line += fmt::format(", {} hours", format_hours(p.hours));
        line += p.supplied.contacts ? fmt::format(" ({} support, {} logged).", format_hours(p.support_hours),
                                                  format_hours(p.logged_hours))
                                    : std::string(" logged.");
    } else if (hours) {
        line += fmt::format(", {} support hours.", format_hours(p.support_hours));
    } else {
        line += ", hours unknown (no calls, emails or time entries were read).";
    }
    if (const std::string people = people_summary(report); !people.empty()) {
        line += " " + people;
    }
    const IfFired& f = p.if_fired;
    if (f.fired == 0) {
        line += " No client to fire.";
        return line;
    }
    line += fmt::format(" Firing {}", f.fired);
    if (hours) {
        line += fmt::format(" frees {} hours", format_hours(f.hours_freed));
        if (f.freed_hours_value && revenue) {
            line += fmt::format(" (worth {})", with_currency(format_money(*f.freed_hours_value), currency));
        }
        line += revenue ? " and" : ".";
    }
    if (revenue) {
        line += fmt::format(" gives up {} of net revenue.",
                            with_currency(format_money(p.net_revenue - f.net_revenue), currency));
    } else if (!hours) {
        line += ".";
    }
    return line;
}

}  // namespace

void render_rank(const RankReport& report, const RenderOptions& options, Writer& out) {
    const ClientTable& columns = client_table(ColumnShape{report.settings.aging, report.baseline.has_value()});
    const std::vector<std::size_t> shown =
        ordered_clients(columns, report.clients, options.sort, options.top, options.threads);
    switch (options.format) {
        case OutputFormat::json:
            write_rank_json(report, columns, shown, options.threads, out);
            return;
        case OutputFormat::csv:
        case OutputFormat::tsv:
            write_rank_delimited(report, columns, shown, options.format, options.threads, out);
            return;
        case OutputFormat::table: {
            out.write(fmt::format("{}\n\n", period_line(report.settings.period)));
            const RankTable table = rank_table(report, columns, shown);
            // SPEC §5 ◆12: a terminal is taken as 80 columns at least.
            const std::optional<int> width =
                options.terminal_width ? std::optional<int>(std::max(*options.terminal_width, 80)) : std::nullopt;
            table.table.write_text(out, shown.size(), table.source, width, options.color);
            // The summaries name people and client ids (the baseline's too), so they pass
            // one_line like every cell.
            auto fitted = [&](const std::string& text) {
                return width ? render::wrap_words(text, static_cast<std::size_t>(*width)) : text;
            };
            out.write(fmt::format("\n{}\n", fitted(one_line(portfolio_summary(report)))));
            if (report.baseline) {
                out.write(fmt::format("\n{}\n", fitted(one_line(since_baseline(*report.baseline)))));
            }
            return;
        }
        case OutputFormat::html:
            write_rank_html(report, shown, options.threads, out);
            return;
        case OutputFormat::xlsx:
            write_rank_xlsx(report, columns, shown, options.threads, out);
            return;
        case OutputFormat::markdown: {
            out.write(fmt::format("{}\n\n", period_line(report.settings.period)));
            const RankTable table = rank_table(report, columns, shown);
            table.table.write_markdown(out, shown.size(), table.source);
            out.write(fmt::format("\n{}\n", one_line(portfolio_summary(report))));
            if (report.baseline) {
                out.write(fmt::format("\n{}\n", one_line(since_baseline(*report.baseline))));
            }
            return;
        }
    }
}

}  // namespace clientscore

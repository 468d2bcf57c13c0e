// rank's html page: a list of sections, each one function (k_rank_sections).

#include "render/html_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "render/client_display.hpp"
#include "render/html_page.hpp"
#include "render/html_plot.hpp"
#include "render/html_text.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "render/rank_summary.hpp"
#include "render/row_batches.hpp"
#include "render/text_table.hpp"

namespace clientscore::render {

namespace {

/// What every section of rank's page reads.
struct RankPage {
    const RankReport& report;
    const std::vector<std::size_t>& shown;
    unsigned threads = 1;
};

using RankSection = void (*)(const RankPage& page, HtmlDocumentWriter& doc);

std::string with_currency(const std::string& amount, const std::string& currency) {
    return currency.empty() ? amount : amount + " " + currency;
}

// ---- period and settings ------------------------------------------------------------------------

// The settings as JSON names them, nested keys joined: the page shows exactly what the JSON says.
void flatten(const Json& value, const std::string& prefix,
             std::vector<std::pair<std::string, std::vector<std::string>>>& out) {
    if (value.is_object()) {
        for (const auto& [key, item] : value.items()) {
            flatten(item, prefix.empty() ? key : prefix + "." + key, out);
        }
        return;
    }
    std::string text;
    if (value.is_null()) {
        text = std::string(k_null_text);
    } else if (value.is_string()) {
        text = value.get<std::string>();
    } else if (value.is_array()) {
        // --aging's bounds, as the option writes them: `30,60,90`.
        for (const Json& item : value) {
            text += (text.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : json_text(item));
        }
    } else {
        text = json_text(value);
    }
    out.push_back({prefix, {text}});
}

void period_section(const RankPage& page, HtmlDocumentWriter& doc) {
    const RankReport& r = page.report;
    doc.title("Clients ranked by toxicity");
    doc.paragraph(period_line(r.settings.period));
    doc.raw("<details><summary>Settings</summary>\n");
    std::vector<std::pair<std::string, std::vector<std::string>>> items;
    flatten(settings_json(r.settings), "", items);
    doc.definitions(items);
    doc.raw("</details>\n");
    if (!r.warnings.empty()) {
        doc.heading("Warnings");
        doc.bullets(r.warnings);
    }
}

// ---- portfolio ------------------------------------------------------------------------------------

void card(std::string& html, std::string_view name, const std::string& value) {
    html += "<div class=\"card\"><span>";
    append_html(html, name);
    html += "</span><b>";
    append_html(html, value);
    html += "</b></div>\n";
}

void portfolio_section(const RankPage& page, HtmlDocumentWriter& doc) {
    const Portfolio& p = page.report.portfolio;
    const std::string& currency = page.report.settings.currency;
    // SPEC §3 ◆2: figures of data never read are unknown, as in the JSON.
    const bool revenue = p.supplied.invoices;
    const bool support = p.supplied.contacts;
    const bool hours = p.supplied.hours();
    const bool margins = p.supplied.margin();
    const std::string unknown(k_null_text);
    auto money = [&](bool known, double value) { return known ? with_currency(format_money(value), currency) : unknown; };
    auto number = [&](bool known, double value) { return known ? format_money(value) : unknown; };
    doc.heading("Portfolio");
    std::string html = "<div class=\"cards\">\n";
    card(html, "clients", fmt::format("{}", p.clients));
    card(html, "net revenue", money(revenue, p.net_revenue));
    card(html, "cost to serve", money(hours, p.cost_to_serve));
    card(html, "margin", money(margins, p.margin));
    card(html, "margin share",
         margins && round_half_away(p.net_revenue, 2) > 0 ? format_percent(p.margin / p.net_revenue) : unknown);
    card(html, "hours", number(hours, p.hours));
    card(html, "support hours", number(support, p.support_hours));
    if (p.supplied.time) {
        card(html, "logged hours", number(true, p.logged_hours));
    }
    card(html, "largest revenue share", revenue && p.max_revenue_share ? format_percent(*p.max_revenue_share) : unknown);
    card(html, "effective rate", margins && p.effective_rate ? money(true, *p.effective_rate) + "/h" : unknown);
    html += "</div>\n";
    doc.raw(html);

    const IfFired& f = p.if_fired;
    doc.raw("<h3>If the fire verdicts are carried out</h3>\n");
    html = "<div class=\"cards\">\n";
    card(html, "clients fired", fmt::format("{}", f.fired));
    card(html, "clients left", fmt::format("{}", f.clients));
    card(html, "net revenue left", money(revenue, f.net_revenue));
    card(html, "cost to serve left", money(hours, f.cost_to_serve));
    card(html, "margin left", money(margins, f.margin));
    card(html, "support hours left", number(support, f.support_hours));
    card(html, "hours freed", number(hours, f.hours_freed));
    card(html, "freed hours' value",
         margins && f.freed_hours_value ? money(true, *f.freed_hours_value) : unknown);
    html += "</div>\n";
    doc.raw(html);
    if (margins && f.freed_hours_value) {
        doc.paragraph(fmt::format(
            "The freed hours' value is the revenue those {} hours could earn at the portfolio's average rate.",
            format_fixed(f.hours_freed, 2)));
    }
}

// ---- who carries the load (SPEC ◆9) -------------------------------------------------------------------

void people_section(const RankPage& page, HtmlDocumentWriter& doc) {
    const RankReport& r = page.report;
    // As in the JSON: no people known, no section (rather than an empty table).
    if (r.people.empty()) {
        return;
    }
    doc.heading("Who carries the load");
    if (const std::string most = people_summary(r); !most.empty()) {
        doc.paragraph(most);
    }
    doc.raw(fmt::format("<p class=\"muted\">Each person's hours over all clients; toxic hours are those on "
                        "clients at toxicity {} or above.</p>\n",
                        format_fixed(r.settings.fire_at, 0)));
    // Hours as the JSON rounds them (2 decimals), shares as every share of the page.
    TextTable table({{"person"},
                     {"hours", Align::right},
                     {"clients", Align::right},
                     {"toxic hours", Align::right},
                     {"toxic share", Align::right},
                     {"after-hours contacts", Align::right}});
    doc.table(table, r.people.size(), [&](std::size_t i, std::vector<TextCell>& cells) {
        const PersonRow& row = r.people[i];
        cells[0].text = row.person;
        cells[1].text = format_fixed(row.hours, 2);
        cells[2].text = fmt::format("{}", row.clients);
        cells[3].text = format_fixed(row.toxic_hours, 2);
        cells[4].text = row.toxic_share ? format_percent(*row.toxic_share) : std::string(k_null_text);
        cells[5].text = fmt::format("{}", row.after_hours_contacts);
    });
}

// ---- the scatter plot ------------------------------------------------------------------------------

std::string point_label(const ClientResult& c, const std::string& currency) {
    std::string text = c.client;
    if (c.name) {
        text += " " + *c.name;
    }
    const std::size_t margin = *client_table().find("margin_pct");
    const std::size_t revenue = *client_table().find("net_revenue");
    text += fmt::format(": {}, toxicity {}, margin {}, net revenue {}", verdict_name(c.score.verdict),
                        format_fixed(c.score.toxicity, 1), display_client_value(client_table(), c, margin),
                        with_currency(display_client_value(client_table(), c, revenue), currency));
    return text;
}

void plot_section(const RankPage& page, HtmlDocumentWriter& doc) {
    const RankReport& r = page.report;
    std::vector<PlotPoint> points(page.shown.size());
    render_rows_in_batches(
        page.threads, page.shown.size(),
        [&](std::size_t i, std::string&) {
            const ClientResult c = r.clients.at(page.shown[i]);
            PlotPoint& p = points[i];
            p.toxicity = c.score.toxicity;
            if (c.metrics.supplied.margin()) {
                p.margin_pct = c.metrics.margin_pct;
            }
            if (c.metrics.supplied.invoices) {
                p.net_revenue = c.metrics.net_revenue;
            }
            p.verdict = c.score.verdict;
            p.label = point_label(c, r.settings.currency);
        },
        [](std::string_view) {});
    doc.heading("Toxicity against margin");
    std::string html = verdict_legend();
    html += "<p class=\"muted\">One mark per client; its area grows with net revenue. Clients without a margin "
            "stand in the grey band.";
    if (points.size() > k_plot_points) {
        html += fmt::format(" The first {} clients are drawn one by one; the other {} are counted into the cells of "
                            "the grid, each mark's area growing with its count.",
                            k_plot_points, points.size() - k_plot_points);
    }
    html += "</p>\n";
    // On a phone the plot keeps a readable size and scrolls sideways, as the table does.
    html += "<div class=\"scroll\">" + scatter_svg(points, r.settings) + "</div>\n";
    doc.raw(html);
}

// ---- since the baseline (SPEC ◆11) ------------------------------------------------------------------

void baseline_section(const RankPage& page, HtmlDocumentWriter& doc) {
    if (!page.report.baseline) {
        return;
    }
    const BaselineSummary& b = *page.report.baseline;
    // A page has room for more than the text table's ten, but a million gone clients are a count.
    constexpr std::size_t k_most = 200;
    doc.heading("Since the baseline");
    doc.paragraph(since_baseline_lead(b.period) +
                  " the verdicts that moved and the clients gone (in the baseline, not listed now), every client "
                  "counted whatever --top shows. The table's change column has each client's move.");
    auto entry = [&](std::string name, const std::vector<std::string>& items) {
        return std::pair<std::string, std::vector<std::string>>{
            fmt::format("{} ({})", name, items.size()),
            {items.empty() ? std::string("none") : id_list(items, k_most)}};
    };
    doc.definitions({entry("newly fire or chase", move_texts(b.reached)), entry("worse", move_texts(b.worse)),
                     entry("better", move_texts(b.better)), entry("gone", b.gone)});
}

// ---- the ranked table --------------------------------------------------------------------------------

enum class Sort : std::uint8_t { number, text, none };

struct HtmlColumn {
    std::string header;
    std::string key;  ///< data-key, the --sort key where there is one
    Sort sort = Sort::number;
    std::optional<std::size_t> client_column;  ///< the metric table's column, if any
};

std::vector<HtmlColumn> rank_columns(bool months, bool change) {
    std::vector<HtmlColumn> out;
    auto metric = [&](std::string_view key) {
        const std::size_t index = *client_table().find(key);
        const ClientColumn& column = client_table().columns()[index];
        out.push_back(HtmlColumn{column.header, column.key, reads_as_text(column.unit) ? Sort::text : Sort::number,
                                 index});
    };
    for (const std::string_view key : {"rank", "client", "name", "verdict", "toxicity"}) {
        metric(key);
    }
    if (change) {
        // Beside the toxicity it reads, not last as on a terminal (where it is the first to go):
        // the page scrolls, and the cause and action after it are long. It sorts by the
        // toxicity's change, as --sort change_toxicity_delta does.
        out.push_back(HtmlColumn{"change", "change_toxicity_delta", Sort::number, std::nullopt});
    }
    out.push_back(HtmlColumn{"components", "components", Sort::none, std::nullopt});
    if (months) {
        out.push_back(HtmlColumn{"by month", "months", Sort::none, std::nullopt});
    }
    for (const std::string_view key : {"net_revenue", "margin_pct", "overdue", "contacts_per_week",
                                       "after_hours_share", "avg_days_late", "discount_share", "cause", "action"}) {
        metric(key);
    }
    // The verdict sorts by severity (its cells carry data-v), not by its word.
    out[3].sort = Sort::number;
    return out;
}

// The text table's cell (`↑ +12.5`, `↓ −3.0`, `new`), its arrow coloured by the verdict's move;
// data-v holds the toxicity's change for sorting, empty (sorted last) for a new client.
void append_change_cell(std::string& html, const std::optional<ClientChange>& change) {
    const ChangeStatus status = change ? change->status : ChangeStatus::same;
    html += status == ChangeStatus::worse    ? "<td class=\"up\" data-v=\""
            : status == ChangeStatus::better ? "<td class=\"dn\" data-v=\""
                                             : "<td data-v=\"";
    if (change && change->toxicity_delta) {
        append_rounded(html, *change->toxicity_delta, 1);
    }
    html += "\">";
    append_html(html, change_text(change));
    html += "</td>";
}

void append_row(std::string& html, const std::vector<HtmlColumn>& columns, const ClientResult& c,
                const std::vector<double>& months, const RankReport& r) {
    html += "<tr>";
    for (const HtmlColumn& column : columns) {
        if (column.key == "change_toxicity_delta") {
            append_change_cell(html, c.change);
            continue;
        }
        if (!column.client_column) {
            html += "<td>";
            if (column.key == "components") {
                append_component_bars(html, c.score.components);
            } else {
                append_sparkline(html, months, r.months.months, r.settings.fire_at);
            }
            html += "</td>";
            continue;
        }
        const ClientColumn& meta = client_table().columns()[*column.client_column];
        if (meta.key == "verdict") {
            html += fmt::format("<td data-v=\"{}\">{}</td>", static_cast<int>(c.score.verdict),
                                verdict_badge(c.score.verdict));
            continue;
        }
        // Alignment comes from the page's CSS by column (clients_style): no class on 20,000 × 9 cells.
        html += "<td>";
        append_html(html, display_client_value(client_table(), c, *column.client_column));
        html += "</td>";
    }
    html += "</tr>\n";
}

// Numbers right-aligned, long texts given room, by column position: a class on every cell would
// add a tenth to a page of 20,000 clients.
std::string clients_style(const std::vector<HtmlColumn>& columns) {
    std::string numbers;
    std::string texts;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const HtmlColumn& column = columns[c];
        if (!column.client_column || column.key == "verdict") {
            continue;
        }
        const Unit unit = client_table().columns()[*column.client_column].unit;
        std::string& list = column.sort == Sort::number ? numbers : unit == Unit::text && column.key != "client" &&
                                                                            column.key != "name"
                                                                        ? texts
                                                                        : numbers;
        if (column.sort != Sort::number && &list == &numbers) {
            continue;
        }
        list += fmt::format("{}#clients td:nth-child({})", list.empty() ? "" : ",", c + 1);
    }
    return fmt::format("<style>{}{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}"
                       "{}{{min-width:22em;max-width:34em}}</style>\n",
                       numbers, texts);
}

// Right-aligned under its header like the numbers; worse in the fire colour, better in the keep
// colour (Okabe and Ito's, as the verdicts), the arrow saying it as well for who cannot tell
// them apart; by column position and two classes, as clients_style does.
std::string change_style(const std::vector<HtmlColumn>& columns) {
    std::size_t position = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].key == "change_toxicity_delta") {
            position = c + 1;
        }
    }
    return fmt::format("<style>#clients td:nth-child({}){{text-align:right;white-space:nowrap;"
                       "font-variant-numeric:tabular-nums}}"
                       "#clients td.up{{color:var(--fire);font-weight:600}}"
                       "#clients td.dn{{color:var(--keep);font-weight:600}}</style>\n",
                       position);
}

// The sparklines' fire_at line, one CSS variable for all of them (html_style's svg.sp).
std::string fire_at_style(double fire_at) {
    const double from_top = (104 - std::clamp(fire_at, 0.0, 100.0)) / 108 * 100;
    return fmt::format("<style>#clients{{--fa:{}%}}</style>\n", format_fixed(from_top, 1));
}

void clients_section(const RankPage& page, HtmlDocumentWriter& doc) {
    const RankReport& r = page.report;
    const bool months = static_cast<bool>(r.months.toxicity);
    const bool change = r.baseline.has_value();
    const std::vector<HtmlColumn> columns = rank_columns(months, change);
    doc.heading("Clients");
    std::string html = "<p class=\"muted\">Click a header to sort by it (numbers as numbers, empty values last); "
                       "components are, left to right: ";
    for (std::size_t i = 0; i < k_component_count; ++i) {
        html += std::string(i == 0 ? "" : ", ") + std::string(k_component_names[i]);
    }
    html += months ? "; by month is the toxicity of each month, the orange line fire_at" : "";
    html += change ? "; change is the verdict's move since the baseline (↑ worse, ↓ better, = same) and the "
                     "toxicity's.</p>\n"
                   : ".</p>\n";
    html += clients_style(columns);
    if (change) {
        html += change_style(columns);
    }
    html += fire_at_style(r.settings.fire_at);
    html += "<div class=\"scroll\"><table class=\"sortable\" id=\"clients\">\n<thead><tr>";
    for (const HtmlColumn& column : columns) {
        if (column.sort == Sort::none) {
            html += "<th>" + html_escaped(column.header) + "</th>";
            continue;
        }
        html += fmt::format("<th data-key=\"{}\" data-sort=\"{}\"{}><button type=\"button\">{}</button></th>",
                            column.key, column.sort == Sort::number ? "num" : "text",
                            column.sort == Sort::number && column.key != "verdict" ? " class=\"n\"" : "",
                            html_escaped(column.header));
    }
    html += "</tr></thead>\n<tbody>\n";
    doc.raw(html);
    render_rows_in_batches(
        page.threads, page.shown.size(),
        [&](std::size_t i, std::string& text) {
            const ClientResult c = r.clients.at(page.shown[i]);
            append_row(text, columns, c, months ? r.months.toxicity(page.shown[i]) : std::vector<double>{}, r);
        },
        [&](std::string_view text) { doc.raw(text); });
    doc.raw("</tbody>\n</table></div>\n");
}

// The page, top to bottom. To add a section, write one function of RankSection's type and
// list it here; a section with nothing to say (no people, no --baseline) writes nothing.
constexpr std::array<RankSection, 6> k_rank_sections = {
    period_section,
    portfolio_section,
    people_section,
    plot_section,
    baseline_section,
    clients_section,
};

}  // namespace

void write_rank_html(const RankReport& report, const std::vector<std::size_t>& shown, unsigned threads,
                     Writer& out) {
    const Period& period = report.settings.period;
    HtmlDocumentWriter doc(out, period.undated ? std::string("clientscore: clients ranked")
                                               : fmt::format("clientscore: clients ranked, {} to {}",
                                                             format_day(period.from), format_day(period.to)));
    const RankPage page{report, shown, threads};
    for (const RankSection section : k_rank_sections) {
        section(page, doc);
    }
    doc.finish();
}

}  // namespace clientscore::render

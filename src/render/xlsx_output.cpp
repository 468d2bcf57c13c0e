#include "render/xlsx_output.hpp"

#include <algorithm>

#include "clientscore/numbers.hpp"
#include "clientscore/parallel.hpp"
#include "render/json_writer.hpp"

namespace clientscore::render {

namespace {

void flatten(const Json& value, const std::string& prefix, std::vector<std::pair<std::string, Json>>& out) {
    if (value.is_object()) {
        for (const auto& [key, item] : value.items()) {
            flatten(item, prefix.empty() ? key : prefix + "." + key, out);
        }
        return;
    }
    out.emplace_back(prefix, value);
}

struct PortfolioRow {
    std::string key;
    std::optional<double> value;  ///< none: unknown (null in JSON)
    XlsxStyle style;
};

}  // namespace

void add_clients_sheet(XlsxBook& book, const ClientTable& table, std::size_t count,
                       const std::function<ClientResult(std::size_t)>& row, unsigned threads) {
    XlsxSheet sheet = book.add_sheet("Clients");
    const auto& columns = table.columns();
    std::vector<std::string> names;
    for (const ClientColumn& column : columns) {
        names.push_back(column.key);
    }
    sheet.header(names);
    // The rows are made on every core a batch at a time and written in order (the book takes
    // rows top to bottom).
    constexpr std::size_t k_batch = 4096;
    const std::size_t workers = std::max(1u, threads);
    std::vector<ClientResult> rows;
    for (std::size_t begin = 0; begin < count; begin += k_batch) {
        const std::size_t size = std::min(k_batch, count - begin);
        rows.assign(size, ClientResult{});
        const std::size_t used = std::min(workers, size);
        in_parallel(used, [&](std::size_t w) {
            for (std::size_t i = size * w / used; i < size * (w + 1) / used; ++i) {
                rows[i] = row(begin + i);
            }
        });
        for (std::size_t i = 0; i < size; ++i) {
            const auto r = static_cast<std::uint32_t>(begin + i + 1);
            for (std::size_t c = 0; c < columns.size(); ++c) {
                sheet.cell(r, static_cast<std::uint16_t>(c), columns[c].get(rows[i], columns[c].index), columns[c]);
            }
        }
    }
    sheet.finish(static_cast<std::uint32_t>(count));
}

void add_settings_sheet(XlsxBook& book, const Settings& settings) {
    XlsxSheet sheet = book.add_sheet("Settings");
    sheet.header({"setting", "value"});
    std::vector<std::pair<std::string, Json>> items;
    flatten(settings_json(settings), "", items);
    std::uint32_t r = 1;
    for (const auto& [key, value] : items) {
        sheet.text(r, 0, key);
        const bool day = key == "from" || key == "to" || key == "as_of";
        if (day && !settings.period.undated) {
            sheet.date(r, 1, key == "from" ? settings.period.from : key == "to" ? settings.period.to : settings.period.as_of);
        } else if (value.is_number()) {
            sheet.number(r, 1, value.get<double>(), value.is_number_integer() ? XlsxStyle::integer : XlsxStyle::decimal4);
        } else if (value.is_string()) {
            sheet.text(r, 1, value.get<std::string>());
        } else if (value.is_array()) {
            // --aging's bounds, as the option writes them: `30,60,90`.
            std::string joined;
            for (const Json& item : value) {
                joined += (joined.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
            }
            sheet.text(r, 1, joined);
        }
        ++r;
    }
    sheet.finish(r - 1);
}

void write_rank_xlsx(const RankReport& report, const ClientTable& table, const std::vector<std::size_t>& shown,
                     unsigned threads, Writer& out) {
    XlsxBook book(report.settings.period.undated ? 0 : report.settings.period.as_of);
    add_clients_sheet(
        book, table, shown.size(), [&](std::size_t i) { return report.clients.at(shown[i]); }, threads);

    // Portfolio, with JSON's keys and rounding; SPEC §3 ◆2: what was never supplied is empty.
    const Portfolio& p = report.portfolio;
    const bool revenue = p.supplied.invoices;
    const bool support = p.supplied.contacts;
    const bool hours = p.supplied.hours();
    const bool margins = p.supplied.margin();
    auto known = [](bool is, std::optional<double> v, int decimals) -> std::optional<double> {
        if (!is || !v) {
            return std::nullopt;
        }
        return round_half_away(*v, decimals);
    };
    const IfFired& f = p.if_fired;
    const std::vector<PortfolioRow> rows = {
        {"clients", static_cast<double>(p.clients), XlsxStyle::integer},
        {"net_revenue", known(revenue, p.net_revenue, 2), XlsxStyle::money},
        {"cost_to_serve", known(hours, p.cost_to_serve, 2), XlsxStyle::money},
        {"margin", known(margins, p.margin, 2), XlsxStyle::money},
        {"support_hours", known(support, p.support_hours, 2), XlsxStyle::decimal2},
        {"logged_hours", known(p.supplied.time, p.logged_hours, 2), XlsxStyle::decimal2},
        {"hours", known(hours, p.hours, 2), XlsxStyle::decimal2},
        {"max_revenue_share", known(revenue, p.max_revenue_share, 4), XlsxStyle::percent},
        {"effective_rate", known(margins, p.effective_rate, 2), XlsxStyle::money},
        {"if_fired.fired", static_cast<double>(f.fired), XlsxStyle::integer},
        {"if_fired.clients", static_cast<double>(f.clients), XlsxStyle::integer},
        {"if_fired.net_revenue", known(revenue, f.net_revenue, 2), XlsxStyle::money},
        {"if_fired.cost_to_serve", known(hours, f.cost_to_serve, 2), XlsxStyle::money},
        {"if_fired.margin", known(margins, f.margin, 2), XlsxStyle::money},
        {"if_fired.support_hours", known(support, f.support_hours, 2), XlsxStyle::decimal2},
        {"if_fired.hours_freed", known(hours, f.hours_freed, 2), XlsxStyle::decimal2},
        {"if_fired.freed_hours_value", known(margins, f.freed_hours_value, 2), XlsxStyle::money},
    };
    XlsxSheet portfolio = book.add_sheet("Portfolio");
    portfolio.header({"figure", "value"});
    std::uint32_t r = 1;
    for (const PortfolioRow& row : rows) {
        portfolio.text(r, 0, row.key);
        if (row.value) {
            portfolio.number(r, 1, *row.value, row.style);
        }
        ++r;
    }
    portfolio.finish(r - 1);
    // SPEC ◆9: only when some export names a person; an empty sheet would read "nobody worked".
    if (!report.people.empty()) {
        XlsxSheet people = book.add_sheet("People");
        people.header({"person", "hours", "clients", "toxic_hours", "toxic_share", "after_hours_contacts"});
        std::uint32_t at = 1;
        for (const PersonRow& person : report.people) {
            people.text(at, 0, person.person);
            people.number(at, 1, round_half_away(person.hours, 2), XlsxStyle::decimal2);
            people.number(at, 2, static_cast<double>(person.clients), XlsxStyle::integer);
            people.number(at, 3, round_half_away(person.toxic_hours, 2), XlsxStyle::decimal2);
            if (person.toxic_share) {
                people.number(at, 4, round_half_away(*person.toxic_share, 4), XlsxStyle::percent);
            }
            people.number(at, 5, static_cast<double>(person.after_hours_contacts), XlsxStyle::integer);
            ++at;
        }
        people.finish(at - 1);
    }
    add_settings_sheet(book, report.settings);
    book.write_to(out);
}

}  // namespace clientscore::render

#include <cmath>
#include <stdexcept>

#include "clientscore/report.hpp"
#include "render/columns.hpp"

namespace clientscore {

namespace {

using render::ColumnStyle;

Cell optional_number(const std::optional<double>& value) {
    if (!value) {
        return std::monostate{};
    }
    return *value;
}

/// The one table: client_columns() and every style lookup come from here.
struct ColumnTable {
    std::vector<ClientColumn> columns;
    std::vector<ColumnStyle> styles;
    std::size_t first_metric = 0;

    void add(std::string key, int decimals, ColumnStyle style, Cell (*get)(const ClientResult&, std::size_t),
             std::string description) {
        columns.push_back(ClientColumn{std::move(key), {}, {}, decimals, get, 0, std::move(description)});
        styles.push_back(style);
    }

    void add_grouped(const std::string& group, std::string_view sub, std::size_t index, int decimals,
                     ColumnStyle style, Cell (*get)(const ClientResult&, std::size_t), std::string description) {
        columns.push_back(ClientColumn{group + "_" + std::string(sub), group, std::string(sub), decimals, get, index,
                                       std::move(description)});
        styles.push_back(style);
    }
};

// Decimals follow SPEC §5: money, rates, contacts per week and days late 2; shares,
// components and price_increase_needed 4; hours and minutes 2; toxicity 1.
ColumnTable build_table() {
    ColumnTable t;
    constexpr auto integer = ColumnStyle::integer;
    constexpr auto number = ColumnStyle::number;
    constexpr auto money = ColumnStyle::money;
    constexpr auto share = ColumnStyle::share;
    constexpr auto text = ColumnStyle::text;

    t.add("rank", 0, integer, [](const ClientResult& c, std::size_t) -> Cell { return c.rank; },
          "position in the toxicity ranking, 1 = most toxic");
    t.add("client", 0, text, [](const ClientResult& c, std::size_t) -> Cell { return c.client; }, "client id");
    t.add(
        "name", 0, text,
        [](const ClientResult& c, std::size_t) -> Cell {
            if (!c.name) {
                return std::monostate{};
            }
            return *c.name;
        },
        "client name, when a clients file gave one");
    t.add("toxicity", 1, number, [](const ClientResult& c, std::size_t) -> Cell { return c.score.toxicity; },
          "weighted mean of the components, 0-100");
    t.add(
        "verdict", 0, text,
        [](const ClientResult& c, std::size_t) -> Cell { return std::string(verdict_name(c.score.verdict)); },
        "keep, watch, reprice, chase or fire");
    t.add("action", 0, text, [](const ClientResult& c, std::size_t) -> Cell { return c.score.action; },
          "what to do, with numbers");
    t.add("reasons", 0, ColumnStyle::list, [](const ClientResult& c, std::size_t) -> Cell { return c.score.reasons; },
          "components above 0.5, strongest first");
    static constexpr std::array<std::string_view, k_component_count> component_descriptions = {
        "scale(contacts_per_week)", "scale(after_hours_share)", "scale(discount_share or requests per month)",
        "scale(avg_days_late)", "scale(flagged contacts and disputes per month)"};
    for (std::size_t i = 0; i < k_component_count; ++i) {
        t.add_grouped(
            "components", k_component_names[i], i, 4, number,
            [](const ClientResult& c, std::size_t index) { return optional_number(c.score.components[index]); },
            std::string(component_descriptions[i]));
    }

    t.first_metric = t.columns.size();
    t.add("calls", 0, integer, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.calls; }, "calls");
    t.add("calls_in", 0, integer, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.calls_in; },
          "inbound calls");
    t.add("call_minutes", 2, number,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.call_minutes; },
          "minutes of all calls");
    t.add("emails", 0, integer, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.emails; },
          "emails");
    t.add("emails_in", 0, integer, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.emails_in; },
          "inbound emails");
    t.add("contacts_in", 0, integer,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.contacts_in; },
          "inbound calls and emails");
    t.add("contacts_per_week", 2, number,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.contacts_per_week; },
          "inbound contacts per week");
    t.add("after_hours_share", 4, share,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.after_hours_share; },
          "share of inbound contacts outside business hours");
    t.add("off_day_share", 4, share,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.off_day_share; },
          "share of inbound contacts on weekends and holidays");
    t.add("flagged_contacts", 0, integer,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.flagged_contacts; },
          "calls and emails with a hostile tag");
    t.add("invoices", 0, integer, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.invoices; },
          "counted invoices, credit notes included");
    t.add("disputed_invoices", 0, integer,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.disputed_invoices; },
          "invoices marked disputed");
    for (std::size_t i = 0; i < k_hostile_tag_count; ++i) {
        t.add_grouped(
            "tags", k_hostile_tag_names[i], i, 0, integer,
            [](const ClientResult& c, std::size_t index) -> Cell { return c.metrics.tags[index]; },
            "contacts tagged " + std::string(k_hostile_tag_names[i]));
    }
    t.add("billed", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.billed; },
          "invoiced amounts above zero");
    t.add("credits", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.credits; },
          "credit notes");
    t.add("net_revenue", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.net_revenue; },
          "billed minus credits");
    t.add("collected", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.collected; },
          "paid part of the period's invoices");
    t.add("outstanding", 2, money,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.outstanding; },
          "unpaid part of the receivables");
    t.add("overdue", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.overdue; },
          "unpaid part of the receivables past due");
    static constexpr std::array<std::string_view, 4> aging_descriptions = {
        "overdue 1-30 days", "overdue 31-60 days", "overdue 61-90 days", "overdue over 90 days"};
    for (std::size_t i = 0; i < k_aging_names.size(); ++i) {
        t.add_grouped(
            "aging", k_aging_names[i], i, 2, money,
            [](const ClientResult& c, std::size_t index) -> Cell { return c.metrics.aging[index]; },
            std::string(aging_descriptions[i]));
    }
    t.add("avg_days_late", 2, number,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.avg_days_late; },
          "amount-weighted mean days late");
    t.add("max_days_late", 0, integer,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.max_days_late; },
          "most days late of one invoice");
    t.add("oldest_overdue_days", 0, integer,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.oldest_overdue_days; },
          "age of the oldest unpaid overdue invoice");
    t.add("late_share", 4, share, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.late_share; },
          "share of invoices paid or still open late");
    t.add("discounts", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.discounts; },
          "granted discounts");
    t.add("discount_requests", 0, integer,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.discount_requests; },
          "discount rows of any status");
    t.add("discount_share", 4, share,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.discount_share; },
          "discounts / (billed + discounts)");
    t.add("support_hours", 2, number,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.support_hours; },
          "call hours plus email handling time");
    t.add("cost_to_serve", 2, money,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.cost_to_serve; },
          "support hours x hourly cost");
    t.add("margin", 2, money, [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.margin; },
          "net revenue minus cost to serve");
    t.add("margin_pct", 4, share,
          [](const ClientResult& c, std::size_t) { return optional_number(c.metrics.margin_pct); },
          "margin / net revenue");
    t.add("effective_rate", 2, money,
          [](const ClientResult& c, std::size_t) { return optional_number(c.metrics.effective_rate); },
          "net revenue per support hour");
    t.add("revenue_share", 4, share,
          [](const ClientResult& c, std::size_t) { return optional_number(c.metrics.revenue_share); },
          "share of the portfolio's net revenue");
    t.add("price_increase_needed", 4, share,
          [](const ClientResult& c, std::size_t) -> Cell { return c.metrics.price_increase_needed; },
          "price increase that reaches the target margin");
    return t;
}

const ColumnTable& table() {
    static const ColumnTable t = build_table();
    return t;
}

}  // namespace

const std::vector<ClientColumn>& client_columns() { return table().columns; }

double round_half_away(double x, int decimals) {
    static constexpr std::array<double, 10> powers = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (!std::isfinite(x)) {
        return x;
    }
    if (decimals < 0 || decimals >= static_cast<int>(powers.size())) {
        throw std::invalid_argument("round_half_away: decimals out of range");
    }
    const double scale = powers[static_cast<std::size_t>(decimals)];
    // The 1e-9 lifts values such as 2.675, stored just below the half, to the side a person
    // expects (SPEC §3).
    const double magnitude = std::floor(std::fabs(x) * scale + 0.5 + 1e-9) / scale;
    if (magnitude == 0) {
        return 0.0;  // never -0
    }
    return x < 0 ? -magnitude : magnitude;
}

namespace render {

ColumnStyle client_column_style(std::size_t index) { return table().styles.at(index); }

std::optional<std::size_t> find_client_column(std::string_view key) {
    const auto& columns = table().columns;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key) {
            return i;
        }
    }
    return std::nullopt;
}

std::size_t first_metric_column() { return table().first_metric; }

std::size_t first_column_of_group(std::string_view group) {
    const auto& columns = table().columns;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].group == group) {
            return i;
        }
    }
    throw std::logic_error("no column group " + std::string(group));
}

Cell client_cell(const ClientResult& client, std::size_t column_index) {
    const ClientColumn& column = table().columns.at(column_index);
    return column.get(client, column.index);
}

ClientResult as_client_result(const ClientScore& score, const ClientMetrics& metrics) {
    ClientResult result;
    result.score = score;
    result.metrics = metrics;
    return result;
}

}  // namespace render

}  // namespace clientscore

// The metric table: every per-client column of SPEC §5 in JSON order, declared once.

#include <algorithm>
#include <list>
#include <mutex>
#include <stdexcept>

#include "clientscore/metrics.hpp"

namespace clientscore {

namespace {

Cell optional_number(const std::optional<double>& value) {
    if (!value) {
        return std::monostate{};
    }
    return *value;
}

using Get = Cell (*)(const ClientResult&, std::size_t);

struct Row {
    std::string key;
    int decimals;
    Unit unit;
    std::string description;
    Get get;
    std::string header = {};  ///< empty: the key with spaces for underscores
    int rank_table = 0;
    int month_table = 0;
};

struct Table {
    std::vector<ClientColumn> columns;
    std::size_t first_metric = 0;
    std::size_t metrics_end = 0;

    void add(Row row, std::string group = {}, std::string sub = {}, std::size_t index = 0) {
        std::string header = row.header;
        if (header.empty()) {
            header = row.key;
            for (char& c : header) {
                c = c == '_' ? ' ' : c;
            }
        }
        columns.push_back(ClientColumn{std::move(row.key), std::move(group), std::move(sub), row.decimals, row.unit,
                                       std::move(header), std::move(row.description), row.get, index,
                                       row.rank_table, row.month_table});
    }
    void add_grouped(const std::string& group, std::string_view sub, std::size_t index, Row row) {
        row.key = group + "_" + std::string(sub);
        add(std::move(row), group, std::string(sub), index);
    }
};

// SPEC §3 ◆2: null unless the data it needs was supplied; `need` reads the Supplied `s`.
#define CS_NEEDS(need, field)                                            \
    [](const ClientResult& c, std::size_t) -> Cell {                     \
        [[maybe_unused]] const Supplied& s = c.metrics.supplied;         \
        if (!(need)) {                                                   \
            return std::monostate{};                                     \
        }                                                                \
        return c.metrics.field;                                          \
    }
#define CS_NEEDS_OPTIONAL(need, field)                                   \
    [](const ClientResult& c, std::size_t) -> Cell {                     \
        [[maybe_unused]] const Supplied& s = c.metrics.supplied;         \
        if (!(need)) {                                                   \
            return std::monostate{};                                     \
        }                                                                \
        return optional_number(c.metrics.field);                         \
    }

// Decimals follow SPEC §5: money, rates, contacts per week and days late 2; shares,
// components and price_increase_needed 4; hours and minutes 2; toxicity 1.
Table build_table(const ColumnShape& shape) {
    Table t;
    using enum Unit;
    t.add({"rank", 0, count, "position in the toxicity ranking, 1 = most toxic",
           [](const ClientResult& c, std::size_t) -> Cell { return c.rank; }, "", 1});
    t.add({"client", 0, text, "client id", [](const ClientResult& c, std::size_t) -> Cell { return c.client; }, "",
           2});
    t.add({"name", 0, text, "client name, when a clients file gave one",
           [](const ClientResult& c, std::size_t) -> Cell {
               if (!c.name) {
                   return std::monostate{};
               }
               return *c.name;
           },
           "", 6});
    t.add({"toxicity", 1, number, "weighted mean of the components, 0-100",
           [](const ClientResult& c, std::size_t) -> Cell { return c.score.toxicity; }, "", 4, 7});
    t.add({"verdict", 0, word, "keep, watch, reprice, chase or fire",
           [](const ClientResult& c, std::size_t) -> Cell { return std::string(verdict_name(c.score.verdict)); }, "",
           3, 8});
    t.add({"cause", 0, text, "why the verdict, with the numbers of the rule that decided it",
           [](const ClientResult& c, std::size_t) -> Cell { return c.score.cause; }, "why", 5});
    t.add({"action", 0, text, "what to do, with numbers",
           [](const ClientResult& c, std::size_t) -> Cell { return c.score.action; }});
    t.add({"reasons", 0, list, "components above 0.5, strongest first",
           [](const ClientResult& c, std::size_t) -> Cell { return c.score.reasons; }});
    static constexpr std::array<std::string_view, k_component_count> component_descriptions = {
        "scale(contacts_per_week)", "scale(after_hours_share)", "scale(discount_share or requests per month)",
        "scale(avg_days_late)", "scale(flagged contacts and disputes per month)"};
    for (std::size_t i = 0; i < k_component_count; ++i) {
        t.add_grouped("components", k_component_names[i], i,
                      {"", 4, number, std::string(component_descriptions[i]),
                       [](const ClientResult& c, std::size_t index) {
                           return optional_number(c.score.components[index]);
                       }});
    }

    t.first_metric = t.columns.size();
    t.add({"calls", 0, count, "calls", CS_NEEDS(s.contacts, calls)});
    t.add({"calls_in", 0, count, "inbound calls", CS_NEEDS(s.contacts, calls_in)});
    t.add({"call_minutes", 2, number, "minutes of all calls", CS_NEEDS(s.contacts, call_minutes)});
    t.add({"emails", 0, count, "emails", CS_NEEDS(s.contacts, emails)});
    t.add({"emails_in", 0, count, "inbound emails", CS_NEEDS(s.contacts, emails_in)});
    t.add({"contacts_in", 0, count, "inbound calls and emails", CS_NEEDS(s.contacts, contacts_in), "", 0, 1});
    t.add({"contacts_per_week", 2, number, "inbound contacts per week", CS_NEEDS(s.contacts, contacts_per_week),
           "contacts/wk", 10});
    t.add({"after_hours_share", 4, share, "share of inbound contacts outside business hours",
           CS_NEEDS(s.contacts, after_hours_share), "after hours", 11, 2});
    t.add({"off_day_share", 4, share, "share of inbound contacts on weekends and holidays", CS_NEEDS(s.contacts, off_day_share)});
    t.add({"flagged_contacts", 0, count, "calls and emails with a hostile tag", CS_NEEDS(s.contacts, flagged_contacts)});
    t.add({"invoices", 0, count, "counted invoices, credit notes included", CS_NEEDS(s.invoices, invoices)});
    t.add({"disputed_invoices", 0, count, "invoices marked disputed", CS_NEEDS(s.invoices, disputed_invoices)});
    for (std::size_t i = 0; i < k_hostile_tag_count; ++i) {
        t.add_grouped("tags", k_hostile_tag_names[i], i,
                      {"", 0, count, "contacts tagged " + std::string(k_hostile_tag_names[i]),
                       [](const ClientResult& c, std::size_t index) -> Cell {
                           if (!c.metrics.supplied.contacts) {
                               return std::monostate{};
                           }
                           return c.metrics.tags[index];
                       }});
    }
    t.add({"billed", 2, money, "invoiced amounts above zero", CS_NEEDS(s.invoices, billed)});
    t.add({"credits", 2, money, "credit notes", CS_NEEDS(s.invoices, credits)});
    t.add({"net_revenue", 2, money, "billed minus credits", CS_NEEDS(s.invoices, net_revenue), "", 7, 4});
    t.add({"collected", 2, money, "paid part of the period's invoices", CS_NEEDS(s.invoices, collected)});
    t.add({"outstanding", 2, money, "unpaid part of the receivables", CS_NEEDS(s.invoices, outstanding)});
    t.add({"overdue", 2, money, "unpaid part of the receivables past due", CS_NEEDS(s.invoices, overdue), "", 9, 6});
    // SPEC §3 ◆10: one column a bucket of --aging; a client measured with other buckets (never
    // in a run, where one AgingBuckets feeds both) reads null rather than another bucket.
    for (std::size_t i = 0; i < shape.aging.size(); ++i) {
        t.add_grouped("aging", shape.aging.name(i), i,
                      {"", 2, money, shape.aging.description(i),
                       [](const ClientResult& c, std::size_t index) -> Cell {
                           if (!c.metrics.supplied.invoices || index >= c.metrics.aging.size()) {
                               return std::monostate{};
                           }
                           return c.metrics.aging[index];
                       }});
    }
    t.add({"avg_days_late", 2, number, "amount-weighted mean days late", CS_NEEDS(s.invoices, avg_days_late), "days late", 12});
    t.add({"max_days_late", 0, count, "most days late of one invoice", CS_NEEDS(s.invoices, max_days_late)});
    t.add({"oldest_overdue_days", 0, count, "age of the oldest unpaid overdue invoice",
           CS_NEEDS(s.invoices, oldest_overdue_days)});
    t.add({"late_share", 4, share, "share of invoices paid or still open late", CS_NEEDS(s.invoices, late_share)});
    t.add({"discounts", 2, money, "granted discounts", CS_NEEDS(s.discounts, discounts)});
    t.add({"discount_requests", 0, count, "discount rows of any status", CS_NEEDS(s.discounts, discount_requests)});
    t.add({"discount_share", 4, share, "discounts / (billed + discounts)", CS_NEEDS(s.discounts && s.invoices, discount_share), "discounts", 13});
    t.add({"support_hours", 2, number, "call hours plus email handling time", CS_NEEDS(s.contacts, support_hours)});
    t.add({"logged_hours", 2, number, "hours of the time entries", CS_NEEDS(s.time, logged_hours), "", 0, 3});
    t.add({"hours", 2, number, "support hours plus logged hours", CS_NEEDS(s.hours(), hours), "", 14});
    t.add({"cost_to_serve", 2, money, "hours x hourly cost", CS_NEEDS(s.hours(), cost_to_serve)});
    t.add({"margin", 2, money, "net revenue minus cost to serve", CS_NEEDS(s.margin(), margin), "", 0, 5});
    t.add({"margin_pct", 4, share, "margin / net revenue", CS_NEEDS_OPTIONAL(s.margin(), margin_pct), "margin", 8});
    t.add({"effective_rate", 2, money, "net revenue per hour", CS_NEEDS_OPTIONAL(s.margin(), effective_rate)});
    t.add({"people", 0, count, "people who handled its calls, emails and time entries", CS_NEEDS(s.hours(), people)});
    t.add({"top_person", 0, text, "the person with the most hours on it",
           [](const ClientResult& c, std::size_t) -> Cell {
               if (!c.metrics.top_person) {
                   return std::monostate{};
               }
               return *c.metrics.top_person;
           }});
    t.add({"top_person_share", 4, share, "the top person's share of its hours",
           CS_NEEDS_OPTIONAL(s.hours(), top_person_share)});
    t.add({"revenue_share", 4, share, "share of the portfolio's net revenue", CS_NEEDS_OPTIONAL(s.invoices, revenue_share)});
    t.add({"price_increase_needed", 4, share, "price increase that reaches the target margin",
           CS_NEEDS(s.margin(), price_increase_needed)});
    t.metrics_end = t.columns.size();
    if (shape.change) {
        // SPEC §4 ◆11: after every metric, as the JSON client object ends with `change`.
        t.add_grouped("change", "status", 0,
                      {"", 0, word, "new, worse, better or same against the baseline",
                       [](const ClientResult& c, std::size_t) -> Cell {
                           if (!c.change) {
                               return std::monostate{};
                           }
                           return std::string(k_change_status_names[static_cast<std::size_t>(c.change->status)]);
                       }});
        t.add_grouped("change", "verdict_before", 0,
                      {"", 0, word, "the verdict in the baseline",
                       [](const ClientResult& c, std::size_t) -> Cell {
                           if (!c.change || !c.change->verdict_before) {
                               return std::monostate{};
                           }
                           return std::string(verdict_name(*c.change->verdict_before));
                       }});
        t.add_grouped("change", "toxicity_before", 0,
                      {"", 1, number, "the toxicity in the baseline",
                       [](const ClientResult& c, std::size_t) -> Cell {
                           return c.change ? optional_number(c.change->toxicity_before) : Cell{};
                       }});
        t.add_grouped("change", "toxicity_delta", 0,
                      {"", 1, number, "toxicity minus the baseline's toxicity",
                       [](const ClientResult& c, std::size_t) -> Cell {
                           return c.change ? optional_number(c.change->toxicity_delta) : Cell{};
                       }});
    }
    return t;
}

#undef CS_NEEDS
#undef CS_NEEDS_OPTIONAL

}  // namespace

ClientTable::ClientTable(const ColumnShape& shape) : m_shape(shape) {
    Table t = build_table(shape);
    m_columns = std::move(t.columns);
    m_first_metric = t.first_metric;
    m_metrics_end = t.metrics_end;
}

const ClientTable& client_table(const ColumnShape& shape) {
    // A run asks for one or two shapes; a list keeps every table where it was made, so the
    // references handed out stay valid while later shapes are added.
    static std::mutex mutex;
    static std::list<ClientTable> tables;
    const std::lock_guard lock(mutex);
    for (const ClientTable& table : tables) {
        if (table.shape() == shape) {
            return table;
        }
    }
    return tables.emplace_back(shape);
}

std::optional<std::size_t> ClientTable::find(std::string_view key) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].key == key) {
            return i;
        }
    }
    return std::nullopt;
}

std::size_t ClientTable::first_of_group(std::string_view group) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].group == group) {
            return i;
        }
    }
    throw std::logic_error("no column group " + std::string(group));
}

Cell ClientTable::cell(const ClientResult& client, std::size_t column_index) const {
    const ClientColumn& column = m_columns.at(column_index);
    return column.get(client, column.index);
}

std::vector<std::size_t> ClientTable::shown_in(int ClientColumn::*position) const {
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].*position > 0) {
            shown.push_back(i);
        }
    }
    std::sort(shown.begin(), shown.end(),
              [&](std::size_t a, std::size_t b) { return m_columns[a].*position < m_columns[b].*position; });
    return shown;
}

}  // namespace clientscore

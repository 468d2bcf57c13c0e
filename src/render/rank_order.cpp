#include "clientscore/normalize.hpp"
#include "render/rank_order.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clientscore/error.hpp"
#include "render/columns.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

namespace {

[[noreturn]] void unknown_key(std::string_view key) {
    std::string closest;
    std::size_t best = 3;  // suggest only near misses
    for (const auto& column : client_columns()) {
        const std::size_t distance = edit_distance(key, column.key);
        if (distance < best) {
            best = distance;
            closest = column.key;
        }
    }
    std::string message = fmt::format("--sort: unknown key \"{}\"", key);
    if (!closest.empty()) {
        message += fmt::format(" (did you mean \"{}\"?)", closest);
    }
    throw UsageError(message,
                     "sort by a column of the CSV output, e.g. rank, toxicity, net_revenue, margin, margin_pct, "
                     "contacts_per_week, avg_days_late, overdue, name; add :asc for ascending");
}

/// A client's value in the sort column, as printed.
struct SortValue {
    enum class Type : std::uint8_t { null, number, text } type = Type::null;
    double number = 0;
    std::string text;
};

SortValue sort_value(const Cell& cell, int decimals) {
    SortValue value;
    if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        value.type = SortValue::Type::number;
        value.number = static_cast<double>(*i);
    } else if (const auto* d = std::get_if<double>(&cell)) {
        value.type = SortValue::Type::number;
        value.number = round_half_away(*d, decimals);
    } else if (const auto* s = std::get_if<std::string>(&cell)) {
        value.type = SortValue::Type::text;
        value.text = *s;
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&cell)) {
        value.type = SortValue::Type::text;
        value.text = join_list(*list);
    }
    return value;
}

}  // namespace

std::vector<const ClientResult*> ordered_clients(const std::vector<ClientResult>& clients, const SortKey& sort,
                                                 std::optional<long> top) {
    const auto column_index = find_client_column(sort.key);
    if (!column_index) {
        unknown_key(sort.key);
    }
    std::vector<std::size_t> order(clients.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (sort.key == "rank") {
        // The toxicity ranking: rank 1 first, or last with :asc.
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return sort.ascending ? clients[a].rank > clients[b].rank : clients[a].rank < clients[b].rank;
        });
    } else {
        const ClientColumn& column = client_columns()[*column_index];
        std::vector<SortValue> values;
        values.reserve(clients.size());
        for (const auto& client : clients) {
            values.push_back(sort_value(column.get(client, column.index), column.decimals));
        }
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const SortValue& va = values[a];
            const SortValue& vb = values[b];
            const bool a_null = va.type == SortValue::Type::null;
            const bool b_null = vb.type == SortValue::Type::null;
            if (a_null != b_null) {
                return b_null;  // nulls last, whatever the direction
            }
            if (!a_null) {
                int cmp = 0;
                if (va.type == SortValue::Type::number) {
                    cmp = va.number < vb.number ? -1 : (vb.number < va.number ? 1 : 0);
                } else {
                    // std::string compares as unsigned bytes: byte order.
                    cmp = va.text.compare(vb.text);
                    cmp = cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
                }
                if (cmp != 0) {
                    return sort.ascending ? cmp < 0 : cmp > 0;
                }
            }
            return clients[a].rank < clients[b].rank;
        });
    }
    std::size_t shown = order.size();
    if (top) {
        shown = std::min(shown, static_cast<std::size_t>(std::max(*top, 0L)));
    }
    std::vector<const ClientResult*> result;
    result.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i) {
        result.push_back(&clients[order[i]]);
    }
    return result;
}

}  // namespace clientscore::render

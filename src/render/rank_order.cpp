#include "render/rank_order.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <stdexcept>

#include "clientscore/metrics.hpp"
#include "clientscore/numbers.hpp"
#include "clientscore/parallel.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

namespace {

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

std::vector<std::size_t> ordered_clients(const ClientTable& table, const ClientRows& clients, const SortKey& sort,
                                         std::optional<long> top, unsigned threads) {
    const auto column_index = table.find(sort.key);
    if (!column_index) {
        throw std::logic_error("--sort key \"" + sort.key + "\" was not checked against the metric table");
    }
    std::vector<std::size_t> order(clients.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (sort.key == "rank") {
        // The toxicity ranking is the rows' order: rank 1 first, or last with :asc.
        if (sort.ascending) {
            std::reverse(order.begin(), order.end());
        }
    } else {
        // Every row's value in the column, made on every core: a row is built to read it.
        const ClientColumn& column = table.columns()[*column_index];
        std::vector<SortValue> values(clients.size());
        const std::size_t workers =
            std::min<std::size_t>(std::max(1u, threads), std::max<std::size_t>(1, values.size()));
        in_parallel(workers, [&](std::size_t w) {
            for (std::size_t i = values.size() * w / workers; i < values.size() * (w + 1) / workers; ++i) {
                values[i] = sort_value(column.get(clients.at(i), column.index), column.decimals);
            }
        });
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
            return a < b;  // ties by rank: the rows' order
        });
    }
    if (top) {
        order.resize(std::min(order.size(), static_cast<std::size_t>(std::max(*top, 0L))));
    }
    return order;
}

}  // namespace clientscore::render

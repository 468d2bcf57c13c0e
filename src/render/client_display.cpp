#include "render/client_display.hpp"

#include <fmt/format.h>

#include <cmath>

#include "clientscore/numbers.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

std::string display_client_value(const ClientTable& table, const ClientResult& client, std::size_t index) {
    const ClientColumn& column = table.columns().at(index);
    const Cell cell = column.get(client, column.index);
    if (std::holds_alternative<std::monostate>(cell)) {
        return std::string(k_null_text);
    }
    if (!std::holds_alternative<double>(cell)) {
        return cell_plain_text(cell, column.decimals);
    }
    const double value = std::get<double>(cell);
    switch (column.unit) {
        case Unit::money:
            return format_money(value);
        case Unit::share:
            return format_percent(value);
        case Unit::number:
            return format_fixed(value, column.decimals);
        case Unit::count:
        case Unit::word:
        case Unit::text:
        case Unit::list:
            break;
    }
    return cell_plain_text(cell, column.decimals);
}

std::string change_text(const std::optional<ClientChange>& change) {
    if (!change) {
        return std::string(k_null_text);
    }
    if (change->status == ChangeStatus::new_client) {
        return "new";
    }
    const std::string_view arrow = change->status == ChangeStatus::worse    ? "↑"
                                   : change->status == ChangeStatus::better ? "↓"
                                                                            : "=";
    if (!change->toxicity_delta) {
        return std::string(arrow);
    }
    // One decimal as the toxicity; a true minus sign (U+2212) as SPEC §5 writes it, and no sign on 0.
    const double delta = round_half_away(*change->toxicity_delta, 1);
    const std::string figure = format_fixed(std::fabs(delta), 1);
    const std::string_view sign = delta > 0 ? "+" : delta < 0 ? "−" : "";
    return fmt::format("{} {}{}", arrow, sign, figure);
}

ClientResult as_client_result(const ClientScore& score, const ClientMetrics& metrics) {
    ClientResult result;
    result.score = score;
    result.metrics = metrics;
    return result;
}

}  // namespace clientscore::render

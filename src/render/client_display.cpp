#include "render/client_display.hpp"

#include "clientscore/numbers.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

std::string display_client_value(const ClientResult& client, std::size_t index) {
    const ClientColumn& column = client_columns().at(index);
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

ClientResult as_client_result(const ClientScore& score, const ClientMetrics& metrics) {
    ClientResult result;
    result.score = score;
    result.metrics = metrics;
    return result;
}

}  // namespace clientscore::render

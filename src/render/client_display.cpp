#include "render/client_display.hpp"

#include "clientscore/render.hpp"
#include "render/columns.hpp"
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
    switch (client_column_style(index)) {
        case ColumnStyle::money:
            return format_money(value);
        case ColumnStyle::share:
            return format_percent(value);
        case ColumnStyle::number:
            return format_fixed(value, column.decimals);
        case ColumnStyle::integer:
        case ColumnStyle::text:
        case ColumnStyle::list:
            break;
    }
    return cell_plain_text(cell, column.decimals);
}

}  // namespace clientscore::render

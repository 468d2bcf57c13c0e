#pragma once
// Render-private view of the client column table (report.hpp declares the public part): how
// each column is displayed, and lookups by key. Built in columns.cpp from the same table as
// client_columns(), so the two can never disagree.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/report.hpp"

namespace clientscore::render {

/// How a column's value reads to a person (JSON and CSV ignore this: they print the rounded
/// number). `share` is a fraction shown as a percentage in the table formats.
enum class ColumnStyle : std::uint8_t { integer, number, money, share, text, list };

/// The style of client_columns()[index].
ColumnStyle client_column_style(std::size_t index);

/// The index in client_columns() of the column whose flat (CSV) key is `key`, if any.
std::optional<std::size_t> find_client_column(std::string_view key);

/// Index of the first metric column (`calls`): the columns before it describe the verdict
/// (rank, client, name, toxicity, verdict, action, reasons, components).
std::size_t first_metric_column();

/// The index of the first column of `group` (`components`, `tags`, `aging`).
std::size_t first_column_of_group(std::string_view group);

/// A client's value in a column (a shorthand for `columns[i].get(client, columns[i].index)`).
Cell client_cell(const ClientResult& client, std::size_t column_index);

/// A ClientResult that carries only a score and metrics (a month of explain), so that months
/// are rendered from the same table as clients.
ClientResult as_client_result(const ClientScore& score, const ClientMetrics& metrics);

}  // namespace clientscore::render

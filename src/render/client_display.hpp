#pragma once
// A client column's value as a person reads it (explain and the rank table): money with
// thousands separators, shares as percentages, fixed decimals, `—` for null.

#include <optional>
#include <string>
#include <string_view>

#include "clientscore/metrics.hpp"

namespace clientscore::render {

/// What the table formats print for a value that is not there (null).
inline constexpr std::string_view k_null_text = "—";

/// True for the units a table aligns left (words, text, lists).
inline bool reads_as_text(Unit unit) { return unit == Unit::word || unit == Unit::text || unit == Unit::list; }

/// table.columns()[index] of `client`, formatted by the column's unit (std::out_of_range past
/// the table).
std::string display_client_value(const ClientTable& table, const ClientResult& client, std::size_t index);

/// The rank table's "change" cell (SPEC §5 ◆11): `new`; the verdict's move, ↑ worse, ↓ better,
/// = same, before the toxicity's change (`↑ +12.5`, `↓ −3.0`, `= 0.0`); `—` without a change.
std::string change_text(const std::optional<ClientChange>& change);

/// A ClientResult that carries only a score and metrics (a month of explain), so that months
/// are rendered from the same table as clients.
ClientResult as_client_result(const ClientScore& score, const ClientMetrics& metrics);

}  // namespace clientscore::render

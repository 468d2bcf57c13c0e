#pragma once
// A client column's value as a person reads it (explain and the rank table): money with
// thousands separators, shares as percentages, fixed decimals, `—` for null.

#include <string>
#include <string_view>

#include "clientscore/report.hpp"

namespace clientscore::render {

/// What the table formats print for a value that is not there (null).
inline constexpr std::string_view k_null_text = "—";

/// client_columns()[index] of `client`, formatted by the column's style.
std::string display_client_value(const ClientResult& client, std::size_t index);

}  // namespace clientscore::render

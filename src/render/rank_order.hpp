#pragma once
// --sort and --top (SPEC §1): which clients a rank report shows, and in which order.

#include <optional>
#include <vector>

#include "clientscore/options.hpp"
#include "clientscore/report.hpp"

namespace clientscore::render {

/// The clients to show: ordered by `sort.key` (any CSV header key; descending unless
/// ascending; nulls last either way; ties by rank; text in byte order; numbers as printed,
/// i.e. rounded), then the first `top`. `rank` is the toxicity ranking itself: descending
/// shows rank 1 first. Throws UsageError for an unknown key, naming valid ones.
std::vector<const ClientResult*> ordered_clients(const std::vector<ClientResult>& clients, const SortKey& sort,
                                                 std::optional<long> top);

}  // namespace clientscore::render

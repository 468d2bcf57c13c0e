#pragma once
// --sort and --top (SPEC §1): which clients a rank report shows, and in which order.

#include <optional>
#include <vector>

#include "clientscore/options.hpp"
#include "clientscore/report.hpp"

namespace clientscore::render {

/// The positions of the clients to show: ordered by `sort.key` (any CSV header key;
/// descending unless ascending; nulls last either way; ties by rank; text in byte order;
/// numbers as printed, i.e. rounded), then the first `top`. `rank` is the toxicity ranking
/// itself (the rows' own order): descending shows rank 1 first. Throws UsageError for an
/// unknown key, naming valid ones.
std::vector<std::size_t> ordered_clients(const ClientRows& clients, const SortKey& sort,
                                         std::optional<long> top);

}  // namespace clientscore::render

#pragma once
// --sort and --top (SPEC §1): which clients a rank report shows, and in which order.

#include <optional>
#include <vector>

#include "clientscore/render.hpp"
#include "clientscore/report.hpp"

namespace clientscore::render {

/// The positions of the clients to show: ordered by `sort.key` (any CSV header key;
/// descending unless ascending; nulls last either way; ties by rank; text in byte order;
/// numbers as printed, i.e. rounded), then the first `top`. `rank` is the toxicity ranking
/// itself (the rows' own order): descending shows rank 1 first. The command line has checked
/// the key against the metric table; an unknown one is a logic_error. Values are read on
/// `threads` workers.
std::vector<std::size_t> ordered_clients(const ClientTable& table, const ClientRows& clients, const SortKey& sort,
                                         std::optional<long> top, unsigned threads);

}  // namespace clientscore::render

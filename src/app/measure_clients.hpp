#pragma once
// Every client's metrics and verdict, on every worker: after reading, the bulk of the work.

#include <vector>

#include "clientscore/aggregate.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

struct MeasuredClients {
    /// The listed clients (SPEC §5: an event or counted invoice in the period, or a
    /// receivable), in the aggregator's order.
    std::vector<RankedClient> clients;
    /// Some listed client has an event or a counted invoice in the period.
    bool any_event = false;
};

/// Measures and scores every client of the aggregator on `threads` workers. The order of the
/// result is the aggregator's whatever the number of threads.
MeasuredClients measure_clients(const Aggregator& aggregator, const InvoicesByClient& invoices,
                                const PeopleByClient& people, const MetricContext& metrics, const ScoreContext& score, unsigned threads);

}  // namespace clientscore

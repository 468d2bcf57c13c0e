#include "app/measure_clients.hpp"

#include <algorithm>
#include <atomic>

#include "clientscore/parallel.hpp"

namespace clientscore {

MeasuredClients measure_clients(const Aggregator& ag, const InvoicesByClient& invoices,
                                const PeopleByClient& people, const MetricContext& metrics, const ScoreContext& score, unsigned threads) {
    // Clients go in chunks, taken by whichever worker is free (a few clients hold most of the
    // invoices); each chunk's results have their place fixed by the chunks before it.
    const std::size_t client_count = ag.client_ids().size();
    constexpr std::size_t k_chunk = 1024;
    const std::size_t chunks = (client_count + k_chunk - 1) / k_chunk;
    const std::size_t workers = std::min<std::size_t>(std::max(1u, threads), chunks);
    auto for_each_chunk = [&](const auto& task) {
        std::atomic<std::size_t> next{0};
        in_parallel(workers, [&](std::size_t) {
            for (std::size_t k = next++; k < chunks; k = next++) {
                task(k, k * k_chunk, std::min(client_count, (k + 1) * k_chunk));
            }
        });
    };
    std::vector<std::uint8_t> listed(client_count);
    std::vector<std::size_t> listed_before(chunks + 1, 0);
    std::vector<std::uint8_t> chunk_has_event(chunks, 0);
    for_each_chunk([&](std::size_t k, std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
            listed[c] = is_listed(ag.totals()[c], invoices[static_cast<std::uint32_t>(c)], metrics);
            listed_before[k + 1] += listed[c];
        }
    });
    for (std::size_t k = 0; k < chunks; ++k) {
        listed_before[k + 1] += listed_before[k];
    }
    MeasuredClients out;
    out.clients.resize(listed_before[chunks]);
    for_each_chunk([&](std::size_t k, std::size_t begin, std::size_t end) {
        std::size_t at = listed_before[k];
        for (std::size_t c = begin; c < end; ++c) {
            if (listed[c] == 0) {
                continue;
            }
            // revenue_share needs every client's revenue first; the score does not use it.
            const ClientMetrics m = compute_metrics(ag.totals()[c], invoices[static_cast<std::uint32_t>(c)], metrics,
                                                    people[static_cast<std::uint32_t>(c)]);
            const ClientScore s = score_client(m, score, ScoreText::later);
            RankedClient& r = out.clients[at++];
            r.index = static_cast<std::uint32_t>(c);
            r.verdict = s.verdict;
            r.toxicity = s.toxicity;
            r.net_revenue = m.net_revenue;
            r.cost_to_serve = m.cost_to_serve;
            r.support_hours = m.support_hours;
            r.logged_hours = m.logged_hours;
            r.margin = m.margin;
            chunk_has_event[k] |= ag.totals()[c].has_event || m.invoices > 0;
        }
    });
    out.any_event =
        std::any_of(chunk_has_event.begin(), chunk_has_event.end(), [](std::uint8_t e) { return e != 0; });
    return out;
}

}  // namespace clientscore

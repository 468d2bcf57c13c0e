#include "clientscore/aggregate.hpp"

namespace clientscore {

InvoicesByClient::InvoicesByClient(const Aggregator& aggregator) {
    // A counting sort by client keeps each client's invoices in reading order.
    m_start.assign(aggregator.client_ids().size() + 1, 0);
    for (const Invoice& inv : aggregator.invoices()) {
        ++m_start[inv.client + 1];
    }
    for (std::size_t c = 1; c < m_start.size(); ++c) {
        m_start[c] += m_start[c - 1];
    }
    m_invoices.assign(aggregator.invoices().size(), nullptr);
    std::vector<std::size_t> next(m_start.begin(), m_start.end() - 1);
    for (const Invoice& inv : aggregator.invoices()) {
        m_invoices[next[inv.client]++] = &inv;
    }
}

}  // namespace clientscore

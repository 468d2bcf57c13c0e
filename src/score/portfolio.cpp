#include <algorithm>

#include "clientscore/indirect_sort.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

void rank_clients(std::vector<ClientResult>& clients) {
    sort_indirect(clients, [](const ClientResult& a, const ClientResult& b) {
        return ranks_before(a.score.toxicity, a.metrics.margin, a.client, b.score.toxicity, b.metrics.margin,
                            b.client);
    });
    for (std::size_t i = 0; i < clients.size(); ++i) {
        clients[i].rank = static_cast<std::int64_t>(i) + 1;
    }
}

void PortfolioSum::add(const ClientMetrics& m, Verdict verdict) {
    Portfolio& p = m_portfolio;
    IfFired& f = p.if_fired;
    ++p.clients;
    p.net_revenue += m.net_revenue;
    p.cost_to_serve += m.cost_to_serve;
    p.margin += m.margin;
    p.support_hours += m.support_hours;
    if (m.revenue_share) {
        p.max_revenue_share = std::max(p.max_revenue_share.value_or(*m.revenue_share), *m.revenue_share);
    }
    if (verdict == Verdict::fire) {
        ++f.fired;
        f.hours_freed += m.support_hours;
    } else {
        ++f.clients;
        f.net_revenue += m.net_revenue;
        f.cost_to_serve += m.cost_to_serve;
        f.margin += m.margin;
        f.support_hours += m.support_hours;
    }
}

Portfolio PortfolioSum::result() const {
    Portfolio p = m_portfolio;
    if (p.support_hours != 0) {
        p.effective_rate = p.net_revenue / p.support_hours;
        p.if_fired.freed_hours_value = p.if_fired.hours_freed * *p.effective_rate;
    }
    return p;
}

Portfolio compute_portfolio(const std::vector<ClientResult>& clients) {
    PortfolioSum sum;
    for (const ClientResult& c : clients) {
        sum.add(c.metrics, c.score.verdict);
    }
    return sum.result();
}

}  // namespace clientscore

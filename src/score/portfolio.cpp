#include <algorithm>

#include "clientscore/indirect_sort.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

void rank_clients(std::vector<ClientResult>& clients) {
    sort_indirect(clients, [](const ClientResult& a, const ClientResult& b) {
        if (a.score.toxicity != b.score.toxicity) {
            return a.score.toxicity > b.score.toxicity;
        }
        if (a.metrics.margin != b.metrics.margin) {
            return a.metrics.margin < b.metrics.margin;
        }
        return a.client < b.client;
    });
    for (std::size_t i = 0; i < clients.size(); ++i) {
        clients[i].rank = static_cast<std::int64_t>(i) + 1;
    }
}

Portfolio compute_portfolio(const std::vector<ClientResult>& clients) {
    Portfolio p;
    IfFired& f = p.if_fired;
    for (const ClientResult& c : clients) {
        const ClientMetrics& m = c.metrics;
        ++p.clients;
        p.net_revenue += m.net_revenue;
        p.cost_to_serve += m.cost_to_serve;
        p.margin += m.margin;
        p.support_hours += m.support_hours;
        if (m.revenue_share) {
            p.max_revenue_share = std::max(p.max_revenue_share.value_or(*m.revenue_share), *m.revenue_share);
        }
        if (c.score.verdict == Verdict::fire) {
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
    if (p.support_hours != 0) {
        p.effective_rate = p.net_revenue / p.support_hours;
        f.freed_hours_value = f.hours_freed * *p.effective_rate;
    }
    return p;
}

}  // namespace clientscore

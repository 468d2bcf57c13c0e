#include "clientscore/indirect_sort.hpp"
#include "clientscore/numbers.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

std::optional<double> revenue_share(double net_revenue, double total_net_revenue) {
    if (round_half_away(total_net_revenue, 2) > 0) {
        return net_revenue / total_net_revenue;
    }
    return std::nullopt;
}

Ranking rank_clients(std::vector<RankedClient> clients, const std::vector<std::string>& ids) {
    Ranking ranking;
    sort_indirect(clients, [&ids](const RankedClient& x, const RankedClient& y) { return ids[x.index] < ids[y.index]; });
    for (const RankedClient& c : clients) {
        ranking.total_net_revenue += c.net_revenue;
    }
    sort_indirect(clients, [&ids](const RankedClient& x, const RankedClient& y) {
        return ranks_before(x.toxicity, x.margin, ids[x.index], y.toxicity, y.margin, ids[y.index]);
    });
    PortfolioSum portfolio;
    for (const RankedClient& c : clients) {
        ClientMetrics m;
        m.net_revenue = c.net_revenue;
        m.cost_to_serve = c.cost_to_serve;
        m.margin = c.margin;
        m.support_hours = c.support_hours;
        m.logged_hours = c.logged_hours;
        m.hours = c.support_hours + c.logged_hours;
        m.revenue_share = revenue_share(c.net_revenue, ranking.total_net_revenue);
        portfolio.add(m, c.verdict);
    }
    ranking.portfolio = portfolio.result();
    ranking.clients = std::move(clients);
    return ranking;
}

}  // namespace clientscore

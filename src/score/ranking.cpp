#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

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
    // Id order first, on the ids' first eight bytes as one big-endian integer (the same order
    // as the bytes') and the whole ids only where those agree: comparing a million strings
    // through their table missed the cache on every compare.
    struct IdKey {
        std::uint64_t prefix;
        std::uint32_t at;
    };
    std::vector<IdKey> by_id(clients.size());
    for (std::uint32_t i = 0; i < clients.size(); ++i) {
        const std::string& id = ids[clients[i].index];
        std::uint64_t prefix = 0;
        for (std::size_t b = 0; b < 8; ++b) {
            prefix = prefix << 8 | (b < id.size() ? static_cast<unsigned char>(id[b]) : 0u);
        }
        by_id[i] = IdKey{prefix, i};
    }
    std::sort(by_id.begin(), by_id.end(), [&](const IdKey& x, const IdKey& y) {
        if (x.prefix != y.prefix) {
            return x.prefix < y.prefix;
        }
        return ids[clients[x.at].index] < ids[clients[y.at].index];
    });
    std::vector<std::uint32_t> order(clients.size());
    for (std::size_t r = 0; r < by_id.size(); ++r) {
        order[r] = by_id[r].at;
    }
    by_id = {};
    move_into_order(clients, order);
    for (const RankedClient& c : clients) {
        ranking.total_net_revenue += c.net_revenue;
    }
    // Then SPEC §4's order, on a compact copy of what it compares. A client's place in id order
    // stands for its id (ranks_before's last key), and std::sort makes the same moves on these
    // keys as it would on the clients, whose comparisons come out the same.
    struct RankKey {
        double toxicity;
        double margin;
        std::uint32_t at;
    };
    std::vector<RankKey> by_rank(clients.size());
    for (std::uint32_t i = 0; i < clients.size(); ++i) {
        by_rank[i] = RankKey{clients[i].toxicity, clients[i].margin, i};
    }
    std::sort(by_rank.begin(), by_rank.end(), [](const RankKey& x, const RankKey& y) {
        return ranks_before_by(x.toxicity, x.margin, x.at, y.toxicity, y.margin, y.at);
    });
    for (std::size_t r = 0; r < by_rank.size(); ++r) {
        order[r] = by_rank[r].at;
    }
    by_rank = {};
    move_into_order(clients, order);
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

#include <algorithm>

#include "clientscore/score.hpp"

namespace clientscore {

void PortfolioSum::add(const ClientMetrics& m, Verdict verdict) {
    Portfolio& p = m_portfolio;
    IfFired& f = p.if_fired;
    ++p.clients;
    p.net_revenue += m.net_revenue;
    p.cost_to_serve += m.cost_to_serve;
    p.margin += m.margin;
    p.support_hours += m.support_hours;
    p.logged_hours += m.logged_hours;
    p.hours += m.hours;
    if (m.revenue_share) {
        p.max_revenue_share = std::max(p.max_revenue_share.value_or(*m.revenue_share), *m.revenue_share);
    }
    if (verdict == Verdict::fire) {
        ++f.fired;
        f.hours_freed += m.hours;
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
    if (p.hours != 0) {
        p.effective_rate = p.net_revenue / p.hours;
        p.if_fired.freed_hours_value = p.if_fired.hours_freed * *p.effective_rate;
    }
    return p;
}

}  // namespace clientscore

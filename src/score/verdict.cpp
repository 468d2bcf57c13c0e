#include "clientscore/score.hpp"

namespace clientscore {

MarginState margin_state(const ClientMetrics& m, const ScoreContext& context) {
    const bool no_revenue = round_half_away(m.net_revenue, 2) <= 0;
    // SPEC §4 ◆2: unknown unless invoices and hours (contacts or time entries) were both supplied.
    if (!context.supplied.margin() || (no_revenue && m.hours == 0)) {
        return MarginState::unknown;
    }
    if (!m.margin_pct || *m.margin_pct < context.settings->target_margin) {
        return MarginState::weak;
    }
    return MarginState::healthy;
}

Verdict decide_verdict(double toxicity, MarginState margin, const ClientMetrics& m, const Settings& s) {
    if (toxicity >= s.fire_at && margin != MarginState::healthy) {
        return Verdict::fire;
    }
    if (static_cast<double>(m.oldest_overdue_days) >= s.chase_days) {
        return Verdict::chase;
    }
    if (margin == MarginState::weak || toxicity >= s.fire_at) {
        return Verdict::reprice;
    }
    if (toxicity >= s.watch_at) {
        return Verdict::watch;
    }
    return Verdict::keep;
}

int quarters_of_ten_percent(double increase) {
    int n = 0;
    double level = 1.0;
    // Bounded: an increase needing more than a thousand quarters is reported as that.
    while (level < 1.0 + increase && n < 1000) {
        level *= 1.1;
        ++n;
    }
    return n;
}

}  // namespace clientscore

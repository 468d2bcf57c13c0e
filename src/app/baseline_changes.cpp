#include "app/baseline_changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "clientscore/normalize.hpp"

namespace clientscore {

BaselineComparison compare_with_baseline(const Baseline& baseline, const std::string& file, const Ranking& ranking,
                                         const std::vector<std::string>& ids, const Period& period) {
    BaselineComparison out;
    out.summary.period = baseline.period;
    out.changes.reserve(ranking.clients.size());
    std::vector<std::string_view> listed;
    listed.reserve(ranking.clients.size());
    for (const RankedClient& r : ranking.clients) {
        const std::string& id = ids[r.index];
        listed.push_back(id);
        const ClientChange change = change_against(r.verdict, r.toxicity, baseline.find(id));
        if (r.verdict >= Verdict::chase && reaches_new_verdict(r.verdict, change, Verdict::chase)) {
            out.summary.reached.push_back(BaselineMove{id, r.verdict, change.verdict_before});
        }
        if (change.status == ChangeStatus::worse) {
            out.summary.worse.push_back(BaselineMove{id, r.verdict, change.verdict_before});
        }
        if (change.status == ChangeStatus::better) {
            out.summary.better.push_back(BaselineMove{id, r.verdict, change.verdict_before});
        }
        out.changes.push_back(change);
    }
    // Both lists in byte order, walked side by side: a million ids need no hash set.
    std::sort(listed.begin(), listed.end());
    auto next = listed.begin();
    for (const BaselineClient& before : baseline.clients) {
        next = std::lower_bound(next, listed.end(), std::string_view(before.client));
        if (next == listed.end() || *next != before.client) {
            out.summary.gone.push_back(before.client);
        }
    }

    const Period& b = baseline.period;
    if (!b.undated && !period.undated && b.from <= period.to && period.from <= b.to) {
        out.warnings.push_back(fmt::format(
            "warning: --baseline {}: its period {} to {} overlaps this one ({} to {}), so the change compares "
            "periods that share days",
            file, format_date(b.from), format_date(b.to), format_date(period.from), format_date(period.to)));
    }
    if (baseline.portfolio_clients &&
        *baseline.portfolio_clients > static_cast<std::int64_t>(baseline.clients.size())) {
        out.warnings.push_back(fmt::format(
            "warning: --baseline {}: it lists {} of the {} clients it counted (written with --top?), so a client it "
            "left out reads as new here",
            file, baseline.clients.size(), *baseline.portfolio_clients));
    }
    return out;
}

std::vector<std::size_t> reached_on_change(const Ranking& ranking, const std::vector<ClientChange>& changes,
                                           const std::optional<Verdict>& threshold) {
    std::vector<std::size_t> out;
    if (!threshold) {
        return out;
    }
    for (std::size_t i = 0; i < ranking.clients.size() && i < changes.size(); ++i) {
        if (reaches_new_verdict(ranking.clients[i].verdict, changes[i], *threshold)) {
            out.push_back(i);
        }
    }
    return out;
}

}  // namespace clientscore

#include <algorithm>

#include "app/analysis.hpp"
#include "app/baseline_changes.hpp"

namespace clientscore {

ClientResult client_row(const Analysis& a, std::size_t position) {
    const std::uint32_t c = a.ranking.clients.at(position).index;
    ClientResult r;
    r.rank = static_cast<std::int64_t>(position) + 1;
    r.client = a.aggregator->client_ids()[c];
    r.name = a.directory.name_of(r.client);
    r.metrics = compute_metrics(a.aggregator->totals()[c], a.invoices_by_client[c], a.context, a.people_by_client[c]);
    r.metrics.revenue_share = revenue_share(r.metrics.net_revenue, a.ranking.total_net_revenue);
    r.score = score_client(r.metrics, ScoreContext{&a.settings, a.supplied, a.settings.period});
    if (a.baseline) {
        r.change = a.changes.at(position);
    }
    return r;
}

bool fails(const Analysis& a, const std::optional<Verdict>& fail_on) {
    return fail_on && std::any_of(a.ranking.clients.begin(), a.ranking.clients.end(),
                                  [&](const RankedClient& r) { return r.verdict >= *fail_on; });
}

bool fails(const Analysis& a, const Options& o) {
    return fails(a, o.fail_on) || fails_on_change(a.ranking, a.changes, o.fail_on_change);
}

namespace {

void add_count(FileCounts& counts, const std::string& name, std::int64_t n) {
    for (auto& [file, count] : counts) {
        if (file == name) {
            count += n;
            return;
        }
    }
    counts.emplace_back(name, n);
}

// As explain's months (app/explain_report.cpp), from the totals the aggregator kept for every
// client; the texts are not written (ScoreText::later): a sparkline needs the toxicity only.
std::vector<double> month_toxicity(const Analysis& a, const std::vector<Period>& months, std::size_t position) {
    const std::uint32_t index = a.ranking.clients.at(position).index;
    const ClientTotals empty;
    std::vector<double> out;
    out.reserve(months.size());
    MetricContext context = a.context;  // one copy of its rates for all the months
    for (const Period& month : months) {
        const CivilDate c = civil_from_days(month.from);
        const ClientTotals* totals = a.aggregator->client_month(index, c.year * 12 + static_cast<int>(c.month) - 1);
        context.period = month;
        const ClientMetrics m = compute_metrics(totals == nullptr ? empty : *totals, a.invoices_by_client[index], context);
        out.push_back(score_client(m, ScoreContext{&a.settings, a.supplied, month}, ScoreText::later).toxicity);
    }
    return out;
}

}  // namespace

RankReport build_rank_report(Analysis&& a) {
    RankReport r;
    r.settings = a.settings;
    r.portfolio = a.ranking.portfolio;
    r.people = a.people;
    r.baseline = a.baseline;
    for (const FileReport& f : a.reports) {
        add_count(r.skipped_rows, f.file.display_name, f.bad_rows.count);
        add_count(r.ignored_rows, f.file.display_name, f.ignored);
    }
    r.warnings = std::move(a.warnings);
    auto kept = std::make_shared<const Analysis>(std::move(a));
    r.clients = ClientRows(kept->ranking.clients.size(),
                           [kept](std::size_t position) { return client_row(*kept, position); });
    if (kept->months_kept && !kept->settings.period.undated) {
        auto months = std::make_shared<const std::vector<Period>>(months_of(kept->settings.period));
        for (const Period& month : *months) {
            r.months.months.push_back(month_label(month.from));
        }
        r.months.toxicity = [kept, months](std::size_t position) {
            return month_toxicity(*kept, *months, position);
        };
    }
    return r;
}

}  // namespace clientscore

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

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

std::vector<std::size_t> at_or_worse(const Analysis& a, const std::optional<Verdict>& fail_on) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; fail_on && i < a.ranking.clients.size(); ++i) {
        if (a.ranking.clients[i].verdict >= *fail_on) {
            out.push_back(i);
        }
    }
    return out;
}

std::optional<std::string> failure_reason(const Analysis& a, const Options& o) {
    constexpr std::size_t k_named = 5;
    const auto& ids = a.aggregator->client_ids();
    std::vector<std::string> parts;
    // The first k_named of `positions`, each as `name(position)`, and how many more.
    auto list = [&](const std::vector<std::size_t>& positions, auto name) {
        std::string text;
        for (std::size_t i = 0; i < positions.size() && i < k_named; ++i) {
            text += (i == 0 ? "" : ", ") + name(positions[i]);
        }
        if (positions.size() > k_named) {
            text += fmt::format(" and {} more", positions.size() - k_named);
        }
        return text;
    };
    const std::vector<std::size_t> matched = at_or_worse(a, o.fail_on);
    if (!matched.empty()) {
        const bool one = matched.size() == 1;
        parts.push_back(fmt::format("--fail-on {}: {} client{} {} at {} or worse: {}", verdict_name(*o.fail_on),
                                    matched.size(), one ? "" : "s", one ? "is" : "are", verdict_name(*o.fail_on),
                                    list(matched, [&](std::size_t at) { return ids[a.ranking.clients[at].index]; })));
    }
    const std::vector<std::size_t> reached = reached_on_change(a.ranking, a.changes, o.fail_on_change);
    if (!reached.empty()) {
        auto name = [&](std::size_t at) {
            const RankedClient& c = a.ranking.clients[at];
            const ClientChange& change = a.changes[at];
            return change.verdict_before ? fmt::format("{} ({}, was {})", ids[c.index], verdict_name(c.verdict),
                                                       verdict_name(*change.verdict_before))
                                         : fmt::format("{} ({}, new)", ids[c.index], verdict_name(c.verdict));
        };
        const bool one = reached.size() == 1;
        parts.push_back(fmt::format("--fail-on-change {}: {} client{} {} now at {} or worse and worse than in the baseline: {}",
                                    verdict_name(*o.fail_on_change), reached.size(), one ? "" : "s", one ? "is" : "are",
                                    verdict_name(*o.fail_on_change), list(reached, name)));
    }
    if (parts.empty()) {
        return std::nullopt;
    }
    std::string text = "exit status 1: " + parts[0];
    for (std::size_t i = 1; i < parts.size(); ++i) {
        text += "; " + parts[i];
    }
    return text;
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

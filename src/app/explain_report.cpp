#include <fmt/format.h>

#include "app/analysis.hpp"
#include "app/evidence_command.hpp"
#include "clientscore/numbers.hpp"

namespace clientscore {

namespace {

Days first_of_next_month(Days day) {
    CivilDate c = civil_from_days(day);
    return c.month == 12 ? days_from_civil(c.year + 1, 1, 1) : days_from_civil(c.year, c.month + 1, 1);
}

// The portfolio's net revenue in one month, from the invoices (in reading order, so that no
// thread changes the sum): rank's total comes from the clients' rows, which a month has not.
double month_net_revenue(const Analysis& a, const MetricContext& context) {
    double total = 0;
    for (const Invoice& inv : a.aggregator->invoices()) {
        InvoiceFacts f = invoice_facts(inv, context);
        if (f.in_period && round_half_away(f.amount, 2) != 0) {
            total += f.amount;
        }
    }
    return total;
}

Offboarding offboarding_for(const Analysis& a, const ClientResult& client, std::uint32_t index,
                            const Options& options) {
    Offboarding off;
    const Period& p = a.settings.period;
    off.notice_date = p.as_of + k_notice_days;
    double open_total = 0;
    for (const Invoice* inv : a.invoices_by_client[index]) {
        InvoiceFacts f = invoice_facts(*inv, a.context);
        if (!f.receivable || round_half_away(f.unpaid(), 2) <= 0) {
            continue;
        }
        OpenInvoice o;
        o.invoice_id = a.aggregator->invoice_id(*inv);
        o.due_at = inv->due;
        o.unpaid = f.unpaid();
        o.days_overdue = std::max<std::int64_t>(0, static_cast<std::int64_t>(p.as_of) - inv->due);
        open_total += o.unpaid;
        off.open_invoices.push_back(std::move(o));
    }
    const std::string currency = a.settings.currency.empty() ? "" : " " + a.settings.currency;
    off.checklist = {
        fmt::format("Send written notice on {} that the engagement ends on {} ({} days).",
                    format_date(p.as_of), format_date(off.notice_date), k_notice_days),
        // The whole command, so that it can be pasted: the same exports, period and reading options.
        fmt::format("Keep the evidence log with it: {}", evidence_command(options, client.client, p)),
        off.open_invoices.empty()
            ? std::string("No invoice is open: confirm the final invoice terms in the notice.")
            : fmt::format(
                  "Collect the {} open invoice{} ({}{}) before the notice ends; do no new work on credit.",
                  off.open_invoices.size(), off.open_invoices.size() == 1 ? "" : "s",
                  format_money(open_total), currency),
        "Put every further request, discount and scope change in writing until the end date.",
        "Plan the hand-over: deliverables, credentials and files returned by the end date.",
    };
    return off;
}

}  // namespace

// SPEC §5: each month is scored as if it, clipped to the period, were the period.
std::vector<Period> months_of(const Period& p) {
    std::vector<Period> out;
    Days start = p.from;
    while (start <= p.to) {
        Period m;
        m.from = start;
        m.to = std::min<Days>(first_of_next_month(start) - 1, p.to);
        m.as_of = std::min(m.to, p.as_of);
        out.push_back(m);
        start = m.to + 1;
    }
    return out;
}

std::string month_label(Days day) {
    const CivilDate c = civil_from_days(day);
    return fmt::format("{:04}-{:02}", c.year, c.month);
}

ExplainReport build_explain_report(const Analysis& a, const std::string& typed, const Options& options) {
    const std::size_t position = find_client(a, typed);
    ExplainReport r;
    r.settings = a.settings;
    r.client = client_row(a, position);
    r.baseline = a.baseline;
    const ClientResult& client = r.client;
    r.warnings = a.warnings;
    r.client_count = static_cast<std::int64_t>(a.ranking.clients.size());

    const Aggregator& ag = *a.aggregator;
    const std::uint32_t index = a.ranking.clients[position].index;
    const ClientTotals empty;
    for (const Period& month : months_of(a.settings.period)) {
        CivilDate c = civil_from_days(month.from);
        auto found = ag.focus_months().find(c.year * 12 + static_cast<int>(c.month) - 1);
        const ClientTotals& totals = found == ag.focus_months().end() ? empty : found->second;
        MetricContext context = a.context;
        context.period = month;
        MonthResult m;
        m.month = month_label(month.from);
        m.period = month;
        const auto people = ag.focus_month_people().find(c.year * 12 + static_cast<int>(c.month) - 1);
        std::vector<ClientPerson> loads;
        ClientPeople month_people;
        if (people != ag.focus_month_people().end()) {
            loads = people->second.by_client();
            month_people = ClientPeople{loads, &people->second.names()};
        }
        m.metrics = compute_metrics(totals, a.invoices_by_client[index], context, month_people);
        m.metrics.revenue_share = revenue_share(m.metrics.net_revenue, month_net_revenue(a, context));
        m.score = score_client(m.metrics, ScoreContext{&a.settings, a.supplied, month});
        r.months.push_back(std::move(m));
    }
    r.people = client_people(a.people_by_client[index], client.metrics.hours, a.context.email_minutes);
    if (client.score.verdict == Verdict::fire) {
        r.offboarding = offboarding_for(a, client, index, options);
    }
    return r;
}

}  // namespace clientscore

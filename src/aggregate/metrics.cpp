#include <algorithm>

#include "clientscore/aggregate.hpp"

namespace clientscore {

namespace {

double cents(double x) { return round_half_away(x, 2); }

// A client's invoices lie where reading put them, scattered over the whole invoice store:
// asking for the one a few places ahead lets the memory fetch them side by side instead of
// one miss at a time (the invoice loop was half of the work after reading, waiting on memory).
void prefetch_ahead(std::span<const Invoice* const> invoices, std::size_t i) {
    constexpr std::size_t k_ahead = 8;
    if (i + k_ahead < invoices.size()) {
        const auto* bytes = reinterpret_cast<const char*>(invoices[i + k_ahead]);
        __builtin_prefetch(bytes);
        __builtin_prefetch(bytes + sizeof(Invoice) - 1);
    }
}

}  // namespace

ClientMetrics compute_metrics(const ClientTotals& t, std::span<const Invoice* const> invoices,
                              const MetricContext& context, const ClientPeople& people) {
    const Period& p = context.period;
    const double days = static_cast<double>(p.days());
    const ContactTotals& c = t.contacts;
    ClientMetrics m;
    m.supplied = context.supplied;
    m.aging.assign(context.aging.size(), 0.0);

    m.calls = c.calls;
    m.calls_in = c.calls_in;
    m.call_minutes = static_cast<double>(c.call_ms) / 60000.0;
    m.emails = c.emails;
    m.emails_in = c.emails_in;
    m.contacts_in = c.calls_in + c.emails_in;
    m.contacts_per_week = static_cast<double>(m.contacts_in) / (days / 7.0);
    if (m.contacts_in > 0) {
        m.after_hours_share = static_cast<double>(c.after_hours_in) / static_cast<double>(m.contacts_in);
        m.off_day_share = static_cast<double>(c.off_day_in) / static_cast<double>(m.contacts_in);
    }
    m.flagged_contacts = c.flagged;
    std::copy(c.tags.begin(), c.tags.end(), m.tags.begin());

    double weighted_days = 0;
    double weight = 0;
    std::int64_t with_days_late = 0;
    std::int64_t late = 0;
    for (std::size_t i = 0; i < invoices.size(); ++i) {
        prefetch_ahead(invoices, i);
        const Invoice* inv = invoices[i];
        InvoiceFacts f = invoice_facts(*inv, context);
        if (f.in_period) {
            ++m.invoices;
            m.disputed_invoices += inv->disputed;
            if (cents(f.amount) > 0) {
                m.billed += f.amount;
                m.collected += f.paid_part;
            } else if (cents(f.amount) < 0) {
                m.credits -= f.amount;
            }
        }
        if (!f.receivable) {
            continue;
        }
        const double unpaid = f.unpaid();
        m.outstanding += unpaid;
        const std::int64_t overdue_days = static_cast<std::int64_t>(p.as_of) - inv->due;
        if (overdue_days > 0) {
            m.overdue += unpaid;
            m.aging[context.aging.bucket_of(overdue_days)] += unpaid;
            if (cents(unpaid) > 0) {
                m.oldest_overdue_days = std::max(m.oldest_overdue_days, overdue_days);
            }
        }
        if (f.days_late) {
            weighted_days += f.amount * static_cast<double>(*f.days_late);
            weight += f.amount;
            ++with_days_late;
            late += *f.days_late > 0;
            m.max_days_late = std::max(m.max_days_late, *f.days_late);
        }
    }
    m.net_revenue = m.billed - m.credits;
    if (with_days_late > 0) {
        m.avg_days_late = weight != 0 ? weighted_days / weight : 0;
        m.late_share = static_cast<double>(late) / static_cast<double>(with_days_late);
    }

    for (const auto& [currency, sum] : t.discounts.granted) {
        m.discounts += to_reporting(sum, currency, context);
    }
    m.discount_requests = t.discounts.requests;
    if (m.billed + m.discounts != 0) {
        m.discount_share = m.discounts / (m.billed + m.discounts);
    }

    m.support_hours = m.call_minutes / 60.0 + static_cast<double>(m.emails) * context.email_minutes / 60.0;
    m.logged_hours = static_cast<double>(t.logged_ms) / 3'600'000.0;
    m.hours = m.support_hours + m.logged_hours;
    m.cost_to_serve = m.hours * context.hourly_cost;
    m.margin = m.net_revenue - m.cost_to_serve;
    if (cents(m.net_revenue) > 0) {
        m.margin_pct = m.margin / m.net_revenue;
    }
    if (m.hours != 0) {
        m.effective_rate = m.net_revenue / m.hours;
    }

    // The loads come by person name in byte order: the first of the most hours wins a tie.
    m.people = static_cast<std::int64_t>(people.loads.size());
    double top_hours = -1;
    for (const ClientPerson& entry : people.loads) {
        const double hours = entry.load.hours(context.email_minutes);
        if (hours > top_hours) {
            top_hours = hours;
            m.top_person = (*people.names)[entry.person];
        }
    }
    if (m.top_person && m.hours != 0) {
        m.top_person_share = top_hours / m.hours;
    }
    if (m.margin_pct && *m.margin_pct < context.target_margin && cents(m.net_revenue) > 0) {
        m.price_increase_needed = m.cost_to_serve / ((1.0 - context.target_margin) * m.net_revenue) - 1.0;
    }
    return m;
}

bool is_listed(const ClientTotals& totals, std::span<const Invoice* const> invoices,
               const MetricContext& context) {
    if (totals.has_event) {
        return true;
    }
    for (const Invoice* inv : invoices) {
        InvoiceFacts f = invoice_facts(*inv, context);
        if (f.in_period || f.receivable) {
            return true;
        }
    }
    return false;
}

}  // namespace clientscore

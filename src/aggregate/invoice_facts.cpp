#include <algorithm>

#include "clientscore/aggregate.hpp"

namespace clientscore {

namespace {

// SPEC §3 makes its yes/no tests on amounts on values rounded to cents, so that a rounding
// crumb of a conversion never turns a settled invoice into an open one.
double cents(double x) { return round_half_away(x, 2); }

}  // namespace

double to_reporting(Money amount, std::uint16_t currency, const MetricContext& context) {
    double rate = currency < context.rates.size() ? context.rates[currency] : 1.0;
    double units = static_cast<double>(amount) / static_cast<double>(k_money_scale);
    return rate == 1.0 ? units : units * rate;
}

InvoiceFacts invoice_facts(const Invoice& inv, const MetricContext& context) {
    const Period& p = context.period;
    InvoiceFacts f;
    f.counted = !inv.ignored;
    f.amount = to_reporting(inv.amount, inv.currency, context);
    const Days issued = inv.issued.date;
    f.in_period = f.counted && issued >= p.from && issued <= p.to;

    const std::optional<Days> paid = inv.paid();
    const std::optional<Money> amount_paid = inv.amount_paid();
    if (paid && *paid > p.as_of) {
        f.paid_part = 0;  // paid after the day we measure against: still open on as_of
    } else if (amount_paid) {
        f.paid_part = to_reporting(*amount_paid, inv.currency, context);
    } else if (paid) {
        f.paid_part = f.amount;
    }
    f.paid_in_full = cents(f.paid_part) >= cents(f.amount);

    const bool positive = cents(f.amount) > 0;
    const bool paid_before_from =
        f.paid_in_full && ((paid && *paid < p.from) || (!paid && issued < p.from));
    f.receivable = f.counted && positive && issued <= p.to && !paid_before_from;

    if (f.receivable && inv.due <= p.as_of) {
        if (f.paid_in_full && paid) {
            f.days_late = std::max<std::int64_t>(0, static_cast<std::int64_t>(*paid) - inv.due);
        } else if (!f.paid_in_full) {
            f.days_late = std::max<std::int64_t>(0, static_cast<std::int64_t>(p.as_of) - inv.due);
        }
    }
    return f;
}

}  // namespace clientscore

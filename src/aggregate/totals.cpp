#include "clientscore/aggregate.hpp"

namespace clientscore {

bool add_saturating(std::int64_t& sum, std::int64_t value) {
    if (__builtin_add_overflow(sum, value, &sum)) {
        sum = value < 0 ? INT64_MIN : INT64_MAX;
        return false;
    }
    return true;
}

bool ContactTotals::add(const ContactTotals& o) {
    const std::uint64_t contacts = std::uint64_t{calls} + emails + o.calls + o.emails;
    if (contacts > k_max_contacts) {
        return false;
    }
    calls += o.calls;
    calls_in += o.calls_in;
    emails += o.emails;
    emails_in += o.emails_in;
    after_hours_in += o.after_hours_in;
    off_day_in += o.off_day_in;
    flagged += o.flagged;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        tags[i] += o.tags[i];
    }
    return add_saturating(call_ms, o.call_ms);
}

bool DiscountTotals::add_granted(std::uint16_t currency, Money amount) {
    for (auto& [id, sum] : granted) {
        if (id == currency) {
            return add_saturating(sum, amount);
        }
    }
    granted.emplace_back(currency, amount);
    return true;
}

}  // namespace clientscore

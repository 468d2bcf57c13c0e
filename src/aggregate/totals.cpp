#include "clientscore/aggregate.hpp"

namespace clientscore {

void ContactTotals::add(const ContactTotals& o) {
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
    call_ms += o.call_ms;
}

void DiscountTotals::add_granted(std::uint16_t currency, Money amount) {
    for (auto& [id, sum] : granted) {
        if (id == currency) {
            sum += amount;
            return;
        }
    }
    granted.emplace_back(currency, amount);
}

}  // namespace clientscore

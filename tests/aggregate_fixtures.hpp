#pragma once
// Records for the aggregate tests (test_aggregate_*.cpp): dates, money and contact, email and
// invoice records, and a hand-built client whose metrics test_aggregate_metrics.cpp works out.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "clientscore/aggregate.hpp"

namespace clientscore::testing {

inline Days d(int y, unsigned m, unsigned day) { return days_from_civil(y, m, day); }
inline LocalDateTime at(int y, unsigned m, unsigned day, int hh = -1, int mm = 0) {
    return LocalDateTime{d(y, m, day), hh < 0 ? -1 : hh * 3600 + mm * 60};
}
inline Money eur(double units) { return static_cast<Money>(units * k_money_scale); }

inline ContactRecord call(std::string_view client, LocalDateTime when, std::int64_t seconds,
                          Direction dir = Direction::inbound, TagSet tags = 0) {
    ContactRecord r;
    r.client = client;
    r.channel = Channel::call;
    r.when = when;
    r.duration_ms = seconds * 1000;
    r.direction = dir;
    r.tags = tags;
    return r;
}

inline ContactRecord email(std::string_view client, LocalDateTime when, Direction dir = Direction::inbound,
                           TagSet tags = 0) {
    ContactRecord r = call(client, when, 0, dir, tags);
    r.channel = Channel::email;
    return r;
}

inline InvoiceRecord invoice(std::string_view id, LocalDateTime issued, Days due, std::optional<Days> paid,
                             double amount, std::int64_t line) {
    InvoiceRecord r;
    r.client = "ACME";
    r.invoice_id = id;
    r.issued = issued;
    r.due = due;
    r.paid = paid;
    r.amount = eur(amount);
    r.source = SourceRef{1, line};
    return r;
}

struct Fixture {
    ClientDirectory directory;
    Aggregator aggregator{AggregateSettings{std::nullopt, std::nullopt, BusinessCalendar({9 * 60, 18 * 60}, 0x1F, {}),
                                            false, std::nullopt},
                          directory, {"calls.csv", "invoices.csv", "discounts.csv"}};
    MetricContext context;

    Fixture() {
        // September 2026: the 1st is a Tuesday, the 5th a Saturday, the 6th a Sunday.
        auto& a = aggregator;
        a.on_contact(call("ACME", at(2026, 9, 1, 10), 600));
        a.on_contact(call("ACME", at(2026, 9, 1, 11), 600));
        a.on_contact(call("ACME", at(2026, 9, 1, 12), 600));
        a.on_contact(call("ACME", at(2026, 9, 1, 22), 600));                       // after hours
        a.on_contact(call("ACME", at(2026, 9, 5, 11), 600));                       // Saturday
        a.on_contact(call("ACME", at(2026, 9, 2, 10), 300, Direction::outbound));  // not inbound
        a.on_contact(email("ACME", at(2026, 9, 7, 9, 30)));
        a.on_contact(email("ACME", at(2026, 9, 6, 10), Direction::inbound, tag_bit(HostileTag::threat)));  // Sunday
        a.on_contact(email("ACME", at(2026, 9, 8, 10), Direction::outbound));

        a.on_invoice(invoice("INV1", at(2026, 9, 1), d(2026, 9, 15), d(2026, 9, 20), 1000, 2));  // 5 days late
        a.on_invoice(invoice("INV2", at(2026, 7, 1), d(2026, 7, 31), std::nullopt, 500, 3));     // open, 61 days
        a.on_invoice(invoice("CN1", at(2026, 9, 10), d(2026, 9, 10), std::nullopt, -200, 4));    // credit note
        a.on_invoice(invoice("INV4", at(2026, 6, 1), d(2026, 7, 1), d(2026, 6, 20), 900, 5));    // settled before
        InvoiceRecord voided = invoice("INV5", at(2026, 9, 5), d(2026, 10, 5), std::nullopt, 300, 6);
        voided.ignored = true;
        a.on_invoice(voided);

        DiscountRecord granted;
        granted.client = "ACME";
        granted.when = at(2026, 9, 3);
        granted.amount = eur(100);
        a.on_discount(granted);
        DiscountRecord asked = granted;
        asked.amount = eur(50);
        asked.status = DiscountStatus::requested;
        a.on_discount(asked);

        context.period = Period{d(2026, 9, 1), d(2026, 9, 30), d(2026, 9, 30)};
        context.rates.assign(a.currencies().size(), 1.0);
    }

    ClientMetrics metrics() const {
        std::vector<const Invoice*> invoices;
        for (const Invoice& inv : aggregator.invoices()) {
            invoices.push_back(&inv);
        }
        return compute_metrics(aggregator.totals().at(0), invoices, context);
    }
};

}  // namespace clientscore::testing

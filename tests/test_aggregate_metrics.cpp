// Metrics of SPEC §3 on a small hand-built client; every expected number is worked out in the
// comments from the records below.

#include <deque>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "clientscore/aggregate.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

namespace {

Days d(int y, unsigned m, unsigned day) { return days_from_civil(y, m, day); }
LocalDateTime at(int y, unsigned m, unsigned day, int hh = -1, int mm = 0) {
    return LocalDateTime{d(y, m, day), hh < 0 ? -1 : hh * 3600 + mm * 60};
}
Money eur(double units) { return static_cast<Money>(units * k_money_scale); }

ContactRecord call(std::string_view client, LocalDateTime when, std::int64_t seconds, Direction dir = Direction::inbound,
                   TagSet tags = 0) {
    ContactRecord r;
    r.client = client;
    r.channel = Channel::call;
    r.when = when;
    r.duration_ms = seconds * 1000;
    r.direction = dir;
    r.tags = tags;
    return r;
}

ContactRecord email(std::string_view client, LocalDateTime when, Direction dir = Direction::inbound, TagSet tags = 0) {
    ContactRecord r = call(client, when, 0, dir, tags);
    r.channel = Channel::email;
    return r;
}

InvoiceRecord invoice(std::string_view id, LocalDateTime issued, Days due, std::optional<Days> paid, double amount,
                      std::int64_t line) {
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

}  // namespace

TEST_CASE("aggregate::compute_metrics contacts", "[aggregate]") {
    Fixture f;
    ClientMetrics m = f.metrics();
    CHECK(m.calls == 6);
    CHECK(m.calls_in == 5);
    CHECK(m.call_minutes == Approx(55.0));  // 5 × 10 min + 5 min
    CHECK(m.emails == 3);
    CHECK(m.emails_in == 2);
    CHECK(m.contacts_in == 7);
    CHECK(m.contacts_per_week == Approx(7.0 / (30.0 / 7.0)));
    CHECK(m.after_hours_share == Approx(3.0 / 7.0));  // 22:00, Saturday, Sunday
    CHECK(m.off_day_share == Approx(2.0 / 7.0));      // Saturday, Sunday
    CHECK(m.flagged_contacts == 1);
    CHECK(m.tags[static_cast<std::size_t>(HostileTag::threat)] == 1);
    CHECK(m.support_hours == Approx(55.0 / 60.0 + 3 * 5.0 / 60.0));
    CHECK(m.cost_to_serve == Approx(70.0));
}

TEST_CASE("aggregate::compute_metrics invoices and receivables", "[aggregate]") {
    Fixture f;
    ClientMetrics m = f.metrics();
    CHECK(m.invoices == 2);  // INV1 and the credit note; INV2/INV4 issued before, INV5 void
    CHECK(m.billed == Approx(1000));
    CHECK(m.credits == Approx(200));
    CHECK(m.net_revenue == Approx(800));
    CHECK(m.collected == Approx(1000));
    CHECK(m.outstanding == Approx(500));  // INV2 only: INV1 is paid, INV4 was settled before the period
    CHECK(m.overdue == Approx(500));
    CHECK(m.aging[2] == Approx(500));  // 61 days: 61_90
    CHECK(m.aging[0] == Approx(0));
    CHECK(m.oldest_overdue_days == 61);
    CHECK(m.max_days_late == 61);
    CHECK(m.avg_days_late == Approx((1000.0 * 5 + 500.0 * 61) / 1500.0));
    CHECK(m.late_share == Approx(1.0));
    CHECK(m.margin == Approx(730));
    REQUIRE(m.margin_pct);
    CHECK(*m.margin_pct == Approx(730.0 / 800.0));
    REQUIRE(m.effective_rate);
    CHECK(*m.effective_rate == Approx(800.0 / (55.0 / 60.0 + 0.25)));
    CHECK(m.price_increase_needed == 0);
}

TEST_CASE("aggregate::compute_metrics discounts", "[aggregate]") {
    Fixture f;
    ClientMetrics m = f.metrics();
    CHECK(m.discounts == Approx(100));  // the requested one is not granted
    CHECK(m.discount_requests == 2);
    CHECK(m.discount_share == Approx(100.0 / 1100.0));
}

TEST_CASE("aggregate::Aggregator counts ignored invoice rows and joins lines", "[aggregate]") {
    Fixture f;
    CHECK(f.aggregator.file_extras().at(1).ignored == 1);
    InvoiceRecord second_line = invoice("INV1", at(2026, 9, 2), d(2026, 9, 30), std::nullopt, 250, 7);
    f.aggregator.on_invoice(second_line);
    ClientMetrics m = f.metrics();
    // The second line adds its amount; the first line's dates stand for the invoice.
    CHECK(m.billed == Approx(1250));
    CHECK(m.invoices == 2);

    InvoiceRecord other_client = invoice("INV1", at(2026, 9, 2), d(2026, 9, 30), std::nullopt, 10, 8);
    other_client.client = "OTHER";
    f.aggregator.on_invoice(other_client);
    CHECK(f.aggregator.file_extras().at(1).bad_rows.count == 1);
    REQUIRE(f.aggregator.file_extras().at(1).bad_rows.kept.size() == 1);
    CHECK(f.aggregator.file_extras().at(1).bad_rows.kept[0].line == 8);
}

TEST_CASE("aggregate::compute_metrics price increase and null margins", "[aggregate]") {
    MetricContext context;
    context.period = Period{d(2026, 9, 1), d(2026, 9, 30), d(2026, 9, 30)};
    context.rates = {1.0};
    context.hourly_cost = 60;

    SECTION("a weak margin needs cost / ((1 - target) × revenue) - 1") {
        ClientTotals t;
        t.contacts.calls = 1;
        t.contacts.call_ms = static_cast<std::int64_t>(800.0 / 60.0 * 3600 * 1000);  // 13.33 h → cost 800
        Invoice inv;
        inv.issued = at(2026, 9, 1);
        inv.due = d(2026, 9, 30);
        inv.amount = eur(1000);
        inv.set_paid(d(2026, 9, 10));
        const std::vector<const Invoice*> invoices{&inv};
        ClientMetrics m = compute_metrics(t, invoices, context);
        CHECK(m.cost_to_serve == Approx(800));
        REQUIRE(m.margin_pct);
        CHECK(*m.margin_pct == Approx(0.2));
        CHECK(m.price_increase_needed == Approx(800.0 / (0.7 * 1000.0) - 1.0));
    }
    SECTION("no revenue: margin_pct null, price increase 0") {
        ClientTotals t;
        t.contacts.emails = 12;
        ClientMetrics m = compute_metrics(t, {}, context);
        CHECK_FALSE(m.margin_pct);
        REQUIRE(m.effective_rate);
        CHECK(*m.effective_rate == Approx(0));
        CHECK(m.price_increase_needed == 0);
        CHECK(m.margin == Approx(-60));
    }
    SECTION("no support hours: effective_rate null") {
        ClientTotals t;
        ClientMetrics m = compute_metrics(t, {}, context);
        CHECK_FALSE(m.effective_rate);
        CHECK(m.contacts_per_week == 0);
        CHECK(m.after_hours_share == 0);
    }
}

TEST_CASE("aggregate::invoice_facts paid part and as_of", "[aggregate]") {
    MetricContext context;
    context.period = Period{d(2026, 9, 1), d(2026, 9, 30), d(2026, 9, 30)};
    context.rates = {1.0, 2.0};
    Invoice inv;
    inv.issued = at(2026, 9, 1);
    inv.due = d(2026, 9, 10);
    inv.amount = eur(100);

    SECTION("paid after as_of counts as unpaid on as_of") {
        inv.set_paid(d(2026, 10, 5));
        InvoiceFacts f = invoice_facts(inv, context);
        CHECK(f.paid_part == 0);
        CHECK_FALSE(f.paid_in_full);
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 20);
    }
    SECTION("amount_paid wins over paid_at; a partial payment stays open") {
        inv.set_paid(d(2026, 9, 12));
        inv.set_amount_paid(eur(40));
        InvoiceFacts f = invoice_facts(inv, context);
        CHECK(f.paid_part == Approx(40));
        CHECK(f.unpaid() == Approx(60));
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 20);  // not paid in full: measured to as_of
    }
    SECTION("paid in full without paid_at has no days_late") {
        inv.set_amount_paid(eur(100));
        InvoiceFacts f = invoice_facts(inv, context);
        CHECK(f.paid_in_full);
        CHECK(f.receivable);
        CHECK_FALSE(f.days_late);
    }
    SECTION("issued before from and paid in full without paid_at is settled before the period") {
        inv.issued = at(2026, 8, 1);
        inv.set_amount_paid(eur(100));
        CHECK_FALSE(invoice_facts(inv, context).receivable);
    }
    SECTION("amounts are converted with the currency's rate") {
        inv.currency = 1;
        CHECK(invoice_facts(inv, context).amount == Approx(200));
    }
    SECTION("an overpayment is not clamped") {
        inv.set_amount_paid(eur(120));
        CHECK(invoice_facts(inv, context).unpaid() == Approx(-20));
    }
}

TEST_CASE("aggregate::ClientDirectory attributes names to ids", "[aggregate]") {
    ClientDirectory dir;
    dir.on_client(ClientRecord{"C1", "Acme Ltd", {}});
    dir.on_client(ClientRecord{"C2", "Twin", {}});
    dir.on_client(ClientRecord{"C3", "Twin", {}});
    CHECK(dir.resolve("C1") == "C1");
    CHECK(dir.resolve("Acme Ltd") == "C1");
    CHECK(dir.resolve("Twin") == "Twin");  // two ids share the name: not attributed
    CHECK(dir.resolve("Unknown") == "Unknown");
    CHECK(dir.name_of("C1") == std::optional<std::string>("Acme Ltd"));
    CHECK_FALSE(dir.name_of("Unknown"));
}

TEST_CASE("aggregate::Aggregator filters on the given period but spans all events", "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.from = d(2026, 9, 1);
    settings.to = d(2026, 9, 30);
    Aggregator a(settings, directory, {"calls.csv"});
    a.on_contact(call("A", at(2026, 8, 31, 10), 60));
    a.on_contact(call("A", at(2026, 9, 15, 10), 60));
    a.on_contact(call("B", at(2026, 10, 1, 10), 60));
    REQUIRE(a.first_event());
    CHECK(*a.first_event() == d(2026, 8, 31));
    CHECK(*a.last_event() == d(2026, 10, 1));
    CHECK(a.totals().at(0).contacts.calls == 1);
    CHECK(a.totals().at(1).contacts.calls == 0);
    CHECK_FALSE(a.totals().at(1).has_event);
}

TEST_CASE("aggregate::Aggregator::merge gives the totals of one pass", "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.calendar = BusinessCalendar({9 * 60, 18 * 60}, 0x1F, {});
    const std::vector<std::string> files = {"calls.csv", "discounts.csv"};
    std::vector<ContactRecord> calls;
    for (int i = 0; i < 40; ++i) {
        calls.push_back(call(i % 3 == 0 ? "A" : "B", at(2026, 9, 1 + i % 20, 7 + i % 14), 60 * i,
                             i % 4 == 0 ? Direction::outbound : Direction::inbound,
                             i % 5 == 0 ? tag_bit(HostileTag::blame) : TagSet{0}));
    }
    DiscountRecord usd;
    usd.client = "B";
    usd.when = at(2026, 9, 2);
    usd.amount = eur(10);
    usd.currency = "USD";
    DiscountRecord eur_discount = usd;
    eur_discount.currency = "EUR";

    Aggregator whole(settings, directory, files);
    Aggregator first(settings, directory, files);
    Aggregator second(settings, directory, files);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        whole.on_contact(calls[i]);
        (i < 17 ? first : second).on_contact(calls[i]);
    }
    whole.on_discount(usd);
    whole.on_discount(eur_discount);
    second.on_discount(eur_discount);  // second sees EUR first: its currency ids differ
    second.on_discount(usd);
    first.merge(std::move(second));

    REQUIRE(first.client_ids().size() == whole.client_ids().size());
    for (std::size_t i = 0; i < whole.client_ids().size(); ++i) {
        const std::string& id = whole.client_ids()[i];
        std::size_t j = 0;
        while (first.client_ids()[j] != id) {
            ++j;
        }
        const ContactTotals& a = whole.totals()[i].contacts;
        const ContactTotals& b = first.totals()[j].contacts;
        CHECK(a.calls == b.calls);
        CHECK(a.calls_in == b.calls_in);
        CHECK(a.after_hours_in == b.after_hours_in);
        CHECK(a.call_ms == b.call_ms);
        CHECK(a.flagged == b.flagged);
        CHECK(a.tags == b.tags);
        CHECK(whole.totals()[i].discounts.requests == first.totals()[j].discounts.requests);
        for (const auto& [currency, sum] : whole.totals()[i].discounts.granted) {
            const std::string& code = whole.currencies()[currency];
            Money other = 0;
            for (const auto& [c2, s2] : first.totals()[j].discounts.granted) {
                if (first.currencies()[c2] == code) {
                    other = s2;
                }
            }
            CHECK(sum == other);
        }
    }
    CHECK(first.first_event() == whole.first_event());
    CHECK(first.last_event() == whole.last_event());
}

TEST_CASE("aggregate::Aggregator counts held contacts as it counts them one by one", "[aggregate]") {
    // Between begin_records and end_records the aggregator counts each contact some records
    // after it arrives (to prefetch its client): the client order, the totals and the bad rows
    // must be those of counting at once, and nothing may stay held at end_records.
    ClientDirectory directory;
    AggregateSettings settings;
    settings.from = d(2026, 9, 1);
    settings.calendar = BusinessCalendar({9 * 60, 18 * 60}, 0x1F, {});
    std::deque<std::string> clients;  // records view these: they must not move as more are added
    for (int i = 0; i < 60; ++i) {
        clients.push_back(fmt::format("client-with-a-long-id-{:03}", i));  // longer than a slot's inline key
    }
    std::vector<ContactRecord> records;
    for (int i = 0; i < 203; ++i) {
        // New clients keep appearing late, some records fall before the period, one call's
        // duration overflows its client's total (the client is marked too large).
        const std::string& client =
            i >= 200 ? clients.emplace_back(fmt::format("late-{}", i))
                     : clients[static_cast<std::size_t>((i * 7) % (i < 100 ? 30 : 60))];
        ContactRecord r = i % 2 ? call(client, at(2026, 8 + i % 2 * (i % 3), 1 + i % 28, i % 24), 60 * i)
                                : email(client, at(2026, 9, 1 + i % 28, i % 24), Direction::outbound);
        if (i == 150) {
            r = call(clients[5], at(2026, 9, 3, 10), 0);
            r.duration_ms = INT64_MAX;
        }
        r.source = SourceRef{0, i + 2};
        records.push_back(r);
    }
    Aggregator direct(settings, directory, {"contacts.csv"});
    Aggregator held(settings, directory, {"contacts.csv"});
    held.begin_records();
    for (const ContactRecord& r : records) {
        direct.on_contact(r);
        held.on_contact(r);
    }
    CHECK(held.client_ids().size() < direct.client_ids().size());  // some are still held here
    held.end_records();

    REQUIRE(held.client_ids() == direct.client_ids());
    REQUIRE(held.client_ids().size() == 62);  // 60 but clients[30], whose one record is replaced, and 3 late
    std::int64_t counted = 0;
    for (std::size_t i = 0; i < direct.totals().size(); ++i) {
        const ContactTotals& a = direct.totals()[i].contacts;
        const ContactTotals& b = held.totals()[i].contacts;
        CHECK(a.calls == b.calls);
        CHECK(a.calls_in == b.calls_in);
        CHECK(a.emails == b.emails);
        CHECK(a.after_hours_in == b.after_hours_in);
        CHECK(a.off_day_in == b.off_day_in);
        CHECK(a.call_ms == b.call_ms);
        CHECK(direct.totals()[i].has_event == held.totals()[i].has_event);
        CHECK(direct.totals()[i].too_large == held.totals()[i].too_large);
        counted += b.calls + b.emails;
    }
    CHECK(counted > 100);
    CHECK(counted < 203);  // the records before the period are left out
    CHECK(held.too_large_client() == clients[5]);
    CHECK(direct.too_large_client() == clients[5]);
    CHECK(held.first_event() == direct.first_event());
}

TEST_CASE("aggregate::ContactTotals::add keeps the calls and emails of a client under the 32-bit limit",
          "[aggregate]") {
    // The counters are 32-bit; the calls and emails together bound every other count, so the
    // sum of those two is what is checked when parts read by different threads are added up.
    ContactTotals a;
    a.calls = ContactTotals::k_max_contacts - 10;
    a.calls_in = 5;
    a.call_ms = 1000;
    ContactTotals b;
    b.emails = 10;
    b.emails_in = 10;
    b.tags[0] = 3;
    b.call_ms = 500;
    CHECK(a.add(b));  // exactly at the limit
    CHECK(a.calls + a.emails == ContactTotals::k_max_contacts);
    CHECK(a.emails_in == 10);
    CHECK(a.tags[0] == 3);
    CHECK(a.call_ms == 1500);
    ContactTotals one;
    one.calls = 1;
    const ContactTotals before = a;
    CHECK_FALSE(a.add(one));  // one more would pass it: nothing is added
    CHECK(a.calls == before.calls);
    CHECK(a.call_ms == before.call_ms);
    ContactTotals slow;
    slow.call_ms = INT64_MAX;
    CHECK_FALSE(a.add(slow));  // the call time saturates
    CHECK(a.call_ms == INT64_MAX);
}

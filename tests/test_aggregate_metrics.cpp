// Metrics of SPEC §3 (src/aggregate/metrics.cpp) on a small hand-built client (Fixture in
// aggregate_fixtures.hpp); every expected number is worked out in the comments from its records.

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "aggregate_fixtures.hpp"
#include "clientscore/aggregate.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using Catch::Detail::Approx;

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

TEST_CASE("aggregate::compute_metrics logged hours, hours and the top person (SPEC ◆9)", "[aggregate][people]") {
    MetricContext context;
    context.period = Period{d(2026, 9, 1), d(2026, 9, 30), d(2026, 9, 30)};
    context.rates = {1.0};
    context.hourly_cost = 60;
    context.email_minutes = 6;

    ClientTotals t;
    t.contacts.calls = 1;
    t.contacts.call_ms = 30 * 60'000;      // 0.5 h of calls
    t.contacts.emails = 10;                // 10 × 6 min = 1 h of email
    t.logged_ms = 4 * 3'600'000 + 1'800'000;  // 4.5 h logged
    PeopleLedger ledger;
    PersonLoad kim;                        // Kim: the call and 2.5 h logged = 3 h
    kim.ms = 30 * 60'000 + 9'000'000;
    PersonLoad jo;                         // Jo: 10 emails and 2 h logged = 3 h: a tie with Kim
    jo.emails = 10;
    jo.ms = 7'200'000;
    ledger.add(0, ledger.person_id("Kim"), kim);
    ledger.add(0, ledger.person_id("Jo"), jo);
    const PeopleByClient people(ledger, 1);

    const ClientMetrics m = compute_metrics(t, {}, context, people[0]);
    CHECK(m.support_hours == Approx(1.5));
    CHECK(m.logged_hours == Approx(4.5));
    CHECK(m.hours == Approx(6));
    CHECK(m.cost_to_serve == Approx(360));
    CHECK(m.people == 2);
    REQUIRE(m.top_person);
    CHECK(*m.top_person == "Jo");  // 3 h each: the first name in byte order
    REQUIRE(m.top_person_share);
    CHECK(*m.top_person_share == Approx(0.5));

    SECTION("time entries only") {
        ClientTotals only;
        only.logged_ms = 2 * 3'600'000;
        const ClientMetrics o = compute_metrics(only, {}, context);
        CHECK(o.support_hours == 0);
        CHECK(o.hours == Approx(2));
        CHECK(o.cost_to_serve == Approx(120));
        REQUIRE(o.effective_rate);
        CHECK(*o.effective_rate == 0);
        CHECK(o.people == 0);
        CHECK_FALSE(o.top_person);
        CHECK_FALSE(o.top_person_share);
    }
}

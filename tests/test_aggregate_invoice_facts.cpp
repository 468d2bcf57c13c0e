// invoice_facts and to_reporting (src/aggregate/invoice_facts.cpp): the invoice-side facts of
// SPEC §3 for one invoice against a period and as_of: counted, in the period, receivable, the
// paid part, paid in full (on cents), and days_late.

#include <catch2/catch.hpp>

#include <optional>

#include "aggregate_fixtures.hpp"
#include "clientscore/aggregate.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using Catch::Detail::Approx;

namespace {

MetricContext september() {
    MetricContext context;
    context.period = Period{d(2026, 9, 1), d(2026, 9, 30), d(2026, 9, 30)};
    context.rates = {1.0, 2.0};
    return context;
}

Invoice open_invoice(LocalDateTime issued, Days due, double amount) {
    Invoice inv;
    inv.issued = issued;
    inv.due = due;
    inv.amount = eur(amount);
    return inv;
}

}  // namespace

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

TEST_CASE("aggregate::to_reporting converts minor units with the currency's rate", "[aggregate]") {
    MetricContext context;
    context.rates = {1.0, 2.5, 0.5};
    CHECK(to_reporting(eur(12.5), 0, context) == Approx(12.5));
    CHECK(to_reporting(eur(12.5), 1, context) == Approx(31.25));
    CHECK(to_reporting(eur(-3), 2, context) == Approx(-1.5));
    CHECK(to_reporting(1, 0, context) == Approx(0.0001));  // one minor unit is 1/10000
}

TEST_CASE("aggregate::invoice_facts in the period and counted", "[aggregate]") {
    const MetricContext context = september();
    SECTION("issued on the last day of the period is in it; a day later is not, nor a receivable") {
        const Invoice last = open_invoice(at(2026, 9, 30, 23, 59), d(2026, 10, 30), 100);
        const InvoiceFacts in = invoice_facts(last, context);
        CHECK(in.counted);
        CHECK(in.in_period);
        CHECK(in.receivable);
        CHECK_FALSE(in.days_late);  // due after as_of
        const InvoiceFacts after = invoice_facts(open_invoice(at(2026, 10, 1), d(2026, 10, 30), 100), context);
        CHECK_FALSE(after.in_period);
        CHECK_FALSE(after.receivable);
    }
    SECTION("an ignored invoice is neither counted, in the period, nor a receivable") {
        Invoice voided = open_invoice(at(2026, 9, 2), d(2026, 9, 10), 100);
        voided.ignored = true;
        const InvoiceFacts f = invoice_facts(voided, context);
        CHECK_FALSE(f.counted);
        CHECK_FALSE(f.in_period);
        CHECK_FALSE(f.receivable);
        CHECK_FALSE(f.days_late);
    }
    SECTION("a credit note is counted in the period but is no receivable") {
        const InvoiceFacts f = invoice_facts(open_invoice(at(2026, 9, 2), d(2026, 9, 2), -200), context);
        CHECK(f.counted);
        CHECK(f.in_period);
        CHECK(f.amount == Approx(-200));
        CHECK_FALSE(f.receivable);
        CHECK_FALSE(f.days_late);
    }
    SECTION("an old invoice still open is a receivable, late from its due date to as_of") {
        const InvoiceFacts f = invoice_facts(open_invoice(at(2026, 5, 1), d(2026, 5, 31), 80), context);
        CHECK_FALSE(f.in_period);
        CHECK(f.receivable);
        CHECK(f.unpaid() == Approx(80));
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 122);  // 31 May to 30 September: 30 + 31 + 31 + 30
    }
}

TEST_CASE("aggregate::invoice_facts paid before the period, on time and late", "[aggregate]") {
    const MetricContext context = september();
    SECTION("issued before from and paid in full before from: settled, no receivable") {
        Invoice inv = open_invoice(at(2026, 8, 1), d(2026, 8, 31), 100);
        inv.set_paid(d(2026, 8, 31));
        CHECK_FALSE(invoice_facts(inv, context).receivable);
    }
    SECTION("issued before from and paid in the period: a receivable, paid late") {
        Invoice inv = open_invoice(at(2026, 8, 1), d(2026, 8, 31), 100);
        inv.set_paid(d(2026, 9, 3));
        const InvoiceFacts f = invoice_facts(inv, context);
        CHECK(f.receivable);
        CHECK(f.paid_in_full);
        CHECK(f.paid_part == Approx(100));
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 3);
    }
    SECTION("paid before its due date is 0 days late, not negative") {
        Invoice inv = open_invoice(at(2026, 9, 1), d(2026, 9, 20), 100);
        inv.set_paid(d(2026, 9, 5));
        const InvoiceFacts f = invoice_facts(inv, context);
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 0);
    }
    SECTION("paid on as_of still counts as paid") {
        Invoice inv = open_invoice(at(2026, 9, 1), d(2026, 9, 10), 100);
        inv.set_paid(d(2026, 9, 30));
        const InvoiceFacts f = invoice_facts(inv, context);
        CHECK(f.paid_in_full);
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 20);
    }
}

TEST_CASE("aggregate::invoice_facts decides paid in full on cents", "[aggregate]") {
    const MetricContext context = september();
    Invoice inv = open_invoice(at(2026, 9, 1), d(2026, 9, 10), 100);
    SECTION("99.996 paid of 100.00 rounds to 100.00: paid in full") {
        inv.set_amount_paid(999960);
        const InvoiceFacts f = invoice_facts(inv, context);
        CHECK(f.paid_in_full);
        CHECK(f.paid_part == Approx(99.996));
    }
    SECTION("99.994 paid rounds to 99.99: still open") {
        inv.set_amount_paid(999940);
        const InvoiceFacts f = invoice_facts(inv, context);
        CHECK_FALSE(f.paid_in_full);
        REQUIRE(f.days_late);
        CHECK(*f.days_late == 20);
    }
    SECTION("an amount below half a cent is no receivable") {
        Invoice crumb = open_invoice(at(2026, 9, 1), d(2026, 9, 10), 0);
        crumb.amount = 40;  // 0.004
        CHECK_FALSE(invoice_facts(crumb, context).receivable);
    }
}

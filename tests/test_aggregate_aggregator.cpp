// The Aggregator (src/aggregate/aggregator.cpp) as a RecordSink: which client a record counts
// for, the period filter and the span of events, invoice lines joined by invoice_id and the bad
// rows only it can see, discounts per currency, the focused client of explain/evidence, and
// merging the aggregators of parts read apart. Every expected number is worked out from the
// records in the test.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fmt/format.h>

#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "aggregate_fixtures.hpp"
#include "clientscore/aggregate.hpp"
#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using Catch::Detail::Approx;

namespace {

// Monday to Friday, 09:00-18:00 (bit 0 is Monday: the fixture's Saturday is an off-day).
BusinessCalendar office() { return BusinessCalendar({9 * 60, 18 * 60}, 0x1F, {}); }

DiscountRecord discount(std::string_view client, LocalDateTime when, double amount, std::string_view currency,
                        DiscountStatus status = DiscountStatus::granted) {
    DiscountRecord r;
    r.client = client;
    r.when = when;
    r.amount = eur(amount);
    r.currency = currency;
    r.status = status;
    return r;
}

}  // namespace

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

TEST_CASE("aggregate::Aggregator counts a record for the clients file's id, clients in order of first appearance",
          "[aggregate]") {
    ClientDirectory directory;
    directory.on_client(ClientRecord{"C1", "Acme Ltd", {}});
    directory.on_client(ClientRecord{"C2", "Beta", {}});
    Aggregator a(AggregateSettings{}, directory, {"calls.csv"});
    a.on_contact(call("Beta", at(2026, 9, 1, 10), 60));      // the name of C2
    a.on_contact(call("Acme Ltd", at(2026, 9, 1, 11), 60));  // the name of C1
    a.on_contact(call("C2", at(2026, 9, 2, 10), 60));        // C2's id: the same client as "Beta"
    a.on_contact(call("Zed", at(2026, 9, 2, 11), 60));       // unknown: its own client
    a.on_contact(call("Beta", at(2026, 9, 3, 11), 60));
    REQUIRE(a.client_ids() == std::vector<std::string>{"C2", "C1", "Zed"});
    CHECK(a.totals().at(0).contacts.calls == 3);
    CHECK(a.totals().at(1).contacts.calls == 1);
    CHECK(a.totals().at(2).contacts.calls == 1);
}

TEST_CASE("aggregate::Aggregator counts contacts by direction, off-day and after hours", "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.calendar = office();
    Aggregator a(settings, directory, {"contacts.csv"});
    // 2026-09-01 is a Tuesday, 09-05 a Saturday.
    a.on_contact(call("A", at(2026, 9, 1, 10), 60));                                  // in, business hours
    a.on_contact(call("A", at(2026, 9, 1, 20), 120));                                 // in, after hours
    a.on_contact(call("A", at(2026, 9, 5, 10), 30, Direction::inbound));              // in, Saturday
    a.on_contact(call("A", at(2026, 9, 1, 23), 600, Direction::outbound));            // out: no after-hours count
    a.on_contact(email("A", at(2026, 9, 5), Direction::inbound));                     // date only, Saturday
    a.on_contact(email("A", at(2026, 9, 2), Direction::inbound));                     // date only, business day
    a.on_contact(email("A", at(2026, 9, 2, 8), Direction::outbound,
                       tag_bit(HostileTag::blame) | tag_bit(HostileTag::threat)));   // flagged, two tags
    a.on_contact(call("A", at(2026, 9, 2, 9), 0, Direction::inbound, tag_bit(HostileTag::blame)));
    const ContactTotals& c = a.totals().at(0).contacts;
    CHECK(c.calls == 5);
    CHECK(c.calls_in == 4);
    CHECK(c.call_ms == (60 + 120 + 30 + 600 + 0) * 1000);
    CHECK(c.emails == 3);
    CHECK(c.emails_in == 2);
    CHECK(c.after_hours_in == 3);  // 20:00 and the two Saturday contacts; a date alone is not after hours
    CHECK(c.off_day_in == 2);      // the two Saturday contacts
    CHECK(c.flagged == 2);
    CHECK(c.tags[static_cast<std::size_t>(HostileTag::blame)] == 2);
    CHECK(c.tags[static_cast<std::size_t>(HostileTag::threat)] == 1);
    CHECK(c.tags[static_cast<std::size_t>(HostileTag::dispute)] == 0);
    CHECK(a.totals().at(0).has_event);
}

TEST_CASE("aggregate::Aggregator counts every discount request and the granted amounts per currency",
          "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.from = d(2026, 9, 1);
    settings.to = d(2026, 9, 30);
    Aggregator a(settings, directory, {"discounts.csv"});
    a.on_discount(discount("A", at(2026, 9, 3), 100, "EUR"));
    a.on_discount(discount("A", at(2026, 9, 4), 50, "EUR", DiscountStatus::requested));
    a.on_discount(discount("A", at(2026, 9, 5), 20, "EUR", DiscountStatus::denied));
    a.on_discount(discount("A", at(2026, 9, 6), 30, ""));  // the reporting currency
    a.on_discount(discount("A", at(2026, 9, 7), 5, "EUR"));
    a.on_discount(discount("A", at(2026, 8, 31), 70, "EUR"));  // before the period
    const ClientTotals& t = a.totals().at(0);
    CHECK(t.has_event);
    CHECK(t.discounts.requests == 5);  // every status, in the period only
    Money eur_granted = -1;
    Money local_granted = -1;
    for (const auto& [currency, sum] : t.discounts.granted) {
        (a.currencies().at(currency) == "EUR" ? eur_granted : local_granted) = sum;
    }
    CHECK(eur_granted == eur(105));
    CHECK(local_granted == eur(30));
    CHECK(a.currencies().at(0).empty());  // id 0 is the reporting currency
    REQUIRE(a.first_event());
    CHECK(*a.first_event() == d(2026, 8, 31));  // the span counts the discount before the period
    CHECK(*a.last_event() == d(2026, 9, 7));
}

TEST_CASE("aggregate::Aggregator invoice lines: another client or currency is a bad row, an empty currency agrees",
          "[aggregate]") {
    ClientDirectory directory;
    Aggregator a(AggregateSettings{}, directory, {"calls.csv", "invoices.csv"});
    InvoiceRecord first = invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 100, 2);
    first.currency = "EUR";
    first.amount_paid = eur(40);
    first.status = "Sent";
    a.on_invoice(first);
    InvoiceRecord no_currency = invoice("INV1", at(2026, 9, 3), d(2026, 10, 3), d(2026, 9, 4), 50, 3);
    no_currency.amount_paid = eur(10);
    a.on_invoice(no_currency);  // joins: an empty currency cell is the reporting currency
    InvoiceRecord dollars = invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 7, 4);
    dollars.currency = "USD";
    a.on_invoice(dollars);
    InvoiceRecord other = invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 9, 5);
    other.client = "OTHER";
    other.currency = "EUR";
    a.on_invoice(other);

    REQUIRE(a.invoices().size() == 1);
    const Invoice& inv = a.invoices().front();
    CHECK(inv.amount == eur(150));
    CHECK(inv.amount_paid() == eur(50));
    CHECK(inv.issued == at(2026, 9, 1));  // the first line's dates stand for the invoice
    CHECK(inv.due == d(2026, 9, 30));
    CHECK_FALSE(inv.paid());
    CHECK(a.invoice_id(inv) == "INV1");
    CHECK(a.invoice_status(inv) == "Sent");
    CHECK(a.currencies().at(inv.currency) == "EUR");

    const ProblemLog& bad = a.file_extras().at(1).bad_rows;
    CHECK(bad.count == 2);
    REQUIRE(bad.kept.size() == 2);
    CHECK(bad.kept[0].line == 4);
    CHECK(bad.kept[0].column == "currency");
    CHECK(bad.kept[0].message == "invoice \"INV1\" is in EUR on an earlier line, not USD");
    CHECK(bad.kept[1].line == 5);
    CHECK(bad.kept[1].column == "client");
    CHECK(bad.kept[1].message == "invoice \"INV1\" belongs to client \"ACME\" on an earlier line, not \"OTHER\"");
    CHECK(a.file_extras().at(0).bad_rows.count == 0);  // the invoices file's log, not the calls file's
    CHECK(a.totals().at(0).contacts.calls == 0);
}

TEST_CASE("aggregate::Aggregator under --strict: an invoice line at odds with its first line is an input error",
          "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.strict = true;
    Aggregator a(settings, directory, {"calls.csv", "invoices.csv"});
    a.on_invoice(invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 100, 2));
    InvoiceRecord other = invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 9, 7);
    other.client = "OTHER";
    try {
        a.on_invoice(other);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().file == "invoices.csv");
        CHECK(e.where().line == 7);
        CHECK(e.where().column == "client");
        CHECK(e.hint() == "without --strict, bad rows are skipped and counted");
    }
    REQUIRE(a.invoices().size() == 1);
    CHECK(a.invoices().front().amount == eur(100));  // nothing of the bad line was added
}

TEST_CASE("aggregate::Aggregator keeps invoices without an id apart, and ignored ones do not date events",
          "[aggregate]") {
    ClientDirectory directory;
    Aggregator a(AggregateSettings{}, directory, {"invoices.csv"});
    InvoiceRecord one = invoice("", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 100, 2);
    one.source.file_index = 0;
    InvoiceRecord two = invoice("", at(2026, 9, 2), d(2026, 9, 30), std::nullopt, 200, 3);
    two.source.file_index = 0;
    InvoiceRecord draft = invoice("D1", at(2020, 1, 1), d(2020, 1, 31), std::nullopt, 300, 4);
    draft.source.file_index = 0;
    draft.ignored = true;
    draft.status = "Draft";
    InvoiceRecord draft_line = draft;
    draft_line.source.line = 5;
    a.on_invoice(one);
    a.on_invoice(two);
    a.on_invoice(draft);
    a.on_invoice(draft_line);  // a line of the draft: joined, and counted as ignored too
    REQUIRE(a.invoices().size() == 3);
    CHECK(a.invoices()[0].amount == eur(100));
    CHECK(a.invoices()[1].amount == eur(200));
    CHECK(a.invoices()[2].ignored);
    CHECK(a.invoices()[2].amount == eur(600));
    CHECK(a.invoice_status(a.invoices()[2]) == "Draft");
    CHECK(a.invoice_id(a.invoices()[0]).empty());
    CHECK(a.file_extras().at(0).ignored == 2);
    REQUIRE(a.first_event());
    CHECK(*a.first_event() == d(2026, 9, 1));  // the 2020 draft is not an event
    CHECK(*a.last_event() == d(2026, 9, 2));

    a.release_invoice_texts();
    CHECK_THROWS_AS(a.invoice_id(a.invoices()[0]), std::logic_error);
    CHECK_THROWS_AS(a.invoice_status(a.invoices()[0]), std::logic_error);
}

TEST_CASE("aggregate::Aggregator keeps the focused client's events by month and as an evidence log",
          "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.calendar = office();
    settings.focus = "ACME";
    Aggregator a(settings, directory, {"calls.csv", "discounts.csv"});
    CHECK(a.wants_contact_text());
    ContactRecord noted = call("ACME", at(2026, 9, 5, 10), 90);
    noted.text = "shouted";
    noted.tags_text = "rude";
    noted.tags = tag_bit(HostileTag::abusive);
    noted.source = SourceRef{0, 2};
    a.on_contact(call("BETA", at(2026, 9, 1, 10), 60));
    a.on_contact(noted);
    a.on_contact(email("ACME", at(2026, 10, 1, 10)));
    DiscountRecord asked = discount("ACME", at(2026, 10, 2), 25, "EUR", DiscountStatus::requested);
    asked.status_text = "Pending";
    asked.reason = "loyal";
    a.on_discount(asked);

    REQUIRE(a.focus_index());
    CHECK(a.client_ids().at(*a.focus_index()) == "ACME");
    const int september = 2026 * 12 + 8;
    const int october = 2026 * 12 + 9;
    REQUIRE(a.focus_months().size() == 2);
    CHECK(a.focus_months().at(september).contacts.calls == 1);
    CHECK(a.focus_months().at(september).contacts.off_day_in == 1);
    CHECK(a.focus_months().at(october).contacts.emails == 1);
    CHECK(a.focus_months().at(october).discounts.requests == 1);

    const std::vector<FocusEvent>& events = a.focus_events();
    REQUIRE(events.size() == 3);  // BETA's call is not ACME's
    CHECK(events[0].kind == EventKind::call);
    CHECK(events[0].text == "shouted");
    CHECK(events[0].tags == "rude");
    CHECK(events[0].duration_ms == 90000);
    CHECK(events[0].off_day);
    CHECK(events[0].after_hours);
    CHECK(events[0].source.line == 2);
    CHECK(events[1].kind == EventKind::email);
    CHECK_FALSE(events[1].after_hours);
    CHECK(events[2].kind == EventKind::discount);
    CHECK(events[2].amount == eur(25));
    CHECK(events[2].status == "Pending");
    CHECK(events[2].text == "loyal");
    CHECK(a.currencies().at(events[2].currency) == "EUR");

    Aggregator unfocused(AggregateSettings{}, directory, {"calls.csv"});
    CHECK_FALSE(unfocused.wants_contact_text());
    unfocused.on_contact(call("ACME", at(2026, 9, 1, 10), 60));
    CHECK_FALSE(unfocused.focus_index());
    CHECK(unfocused.focus_events().empty());

    AggregateSettings elsewhere = settings;
    elsewhere.focus = "NOBODY";
    Aggregator absent(elsewhere, directory, {"calls.csv"});
    absent.on_contact(call("ACME", at(2026, 9, 1, 10), 60));
    CHECK_FALSE(absent.focus_index());
}

TEST_CASE("aggregate::Aggregator names the first client in byte order whose totals pass 64 bits",
          "[aggregate]") {
    ClientDirectory directory;
    Aggregator a(AggregateSettings{}, directory, {"calls.csv", "discounts.csv"});
    ContactRecord longest = call("zeta", at(2026, 9, 1, 10), 0);
    longest.duration_ms = INT64_MAX;
    a.on_contact(longest);
    a.on_contact(call("fine", at(2026, 9, 1, 10), 60));
    CHECK_FALSE(a.too_large_client());  // INT64_MAX alone still fits
    a.on_contact(call("zeta", at(2026, 9, 1, 11), 1));
    REQUIRE(a.too_large_client());
    CHECK(*a.too_large_client() == "zeta");
    DiscountRecord huge = discount("alpha", at(2026, 9, 2), 0, "EUR");
    huge.amount = INT64_MAX;
    a.on_discount(huge);
    a.on_discount(huge);
    CHECK(*a.too_large_client() == "alpha");  // "alpha" < "zeta"
    const std::size_t fine = a.client_ids()[1] == "fine" ? 1 : 0;
    CHECK_FALSE(a.totals()[fine].too_large);
}

TEST_CASE("aggregate::Aggregator::merge appends the other part's invoices and bad rows", "[aggregate]") {
    ClientDirectory directory;
    const std::vector<std::string> files = {"calls.csv", "invoices.csv"};
    Aggregator first(AggregateSettings{}, directory, files);
    Aggregator second(AggregateSettings{}, directory, files);
    first.on_invoice(invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 100, 2));
    InvoiceRecord stranger = invoice("INV1", at(2026, 9, 1), d(2026, 9, 30), std::nullopt, 1, 9);
    stranger.client = "OTHER";
    first.on_invoice(stranger);  // bad row at line 9
    InvoiceRecord b = invoice("INV2", at(2026, 8, 1), d(2026, 8, 31), std::nullopt, 40, 4);
    b.client = "BETA";
    b.currency = "USD";
    b.status = "Open";
    second.on_invoice(b);
    InvoiceRecord b_bad = b;
    b_bad.client = "ACME";
    b_bad.source.line = 5;
    second.on_invoice(b_bad);  // bad row at line 5
    first.merge(std::move(second));

    REQUIRE(first.invoices().size() == 2);
    const Invoice& merged = first.invoices()[1];
    CHECK(first.invoice_id(merged) == "INV2");
    CHECK(first.invoice_status(merged) == "Open");
    CHECK(first.client_ids().at(merged.client) == "BETA");
    CHECK(first.currencies().at(merged.currency) == "USD");
    CHECK(merged.amount == eur(40));
    const ProblemLog& bad = first.file_extras().at(1).bad_rows;
    CHECK(bad.count == 2);
    REQUIRE(bad.kept.size() == 2);
    CHECK(bad.kept[0].line == 5);  // kept by line
    CHECK(bad.kept[1].line == 9);
    CHECK(*first.first_event() == d(2026, 8, 1));
    CHECK(*first.last_event() == d(2026, 9, 1));
}

TEST_CASE("aggregate::Aggregator as the sink of read_export gives the totals of its rows", "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.calendar = office();
    Aggregator a(settings, directory, {"calls.csv"});
    std::string text = "client,date,duration,direction\n";
    text += "A,2026-09-01 10:00,60,in\n";   // Tuesday, business hours
    text += "A,2026-09-05 11:00,120,in\n";  // Saturday
    text += "B,2026-09-02 20:00,30,out\n";  // outbound: not an after-hours contact
    text += "A,2026-09-02 23:00,,in\n";     // after hours, no duration
    text += "A,not a date,60,in\n";         // a bad row: counted by nobody
    for (int i = 0; i < 20; ++i) {
        text += "C,2026-09-03 12:00,1,in\n";
    }
    const FileReport report =
        read_export(text, InputFile{"(not opened)", Kind::calls, "calls.csv", std::nullopt}, 0, {}, a);
    CHECK(report.bad_rows.count == 1);
    REQUIRE(a.client_ids() == std::vector<std::string>{"A", "B", "C"});
    const ContactTotals& ta = a.totals()[0].contacts;
    CHECK(ta.calls == 3);
    CHECK(ta.calls_in == 3);
    CHECK(ta.call_ms == 180000);
    CHECK(ta.after_hours_in == 2);
    CHECK(ta.off_day_in == 1);
    const ContactTotals& tb = a.totals()[1].contacts;
    CHECK(tb.calls == 1);
    CHECK(tb.calls_in == 0);
    CHECK(tb.after_hours_in == 0);
    CHECK(a.totals()[2].contacts.calls == 20);
    CHECK(a.totals()[2].contacts.call_ms == 20000);
    CHECK(*a.first_event() == d(2026, 9, 1));
    CHECK(*a.last_event() == d(2026, 9, 5));
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

TEST_CASE("aggregate::Aggregator keeps every client's months when asked, across a merge", "[aggregate]") {
    ClientDirectory directory;
    AggregateSettings settings;
    settings.calendar = office();
    settings.months_for_all = true;
    Aggregator a(settings, directory, {"calls.csv", "discounts.csv"});
    Aggregator b(settings, directory, {"calls.csv", "discounts.csv"});
    a.on_contact(call("ACME", at(2026, 9, 5, 10), 90));
    b.on_contact(call("BETA", at(2026, 9, 1, 10), 60));
    b.on_contact(call("ACME", at(2026, 9, 7, 10), 60));
    b.on_discount(discount("ACME", at(2026, 10, 2), 25, "EUR", DiscountStatus::requested));
    a.end_records();
    b.end_records();
    a.merge(std::move(b));
    const int september = 2026 * 12 + 8;
    const int october = 2026 * 12 + 9;
    const auto index_of = [&](const std::string& id) {
        const auto& ids = a.client_ids();
        return static_cast<std::uint32_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    };
    REQUIRE(a.client_month(index_of("ACME"), september) != nullptr);
    CHECK(a.client_month(index_of("ACME"), september)->contacts.calls == 2);
    CHECK(a.client_month(index_of("ACME"), october)->discounts.requests == 1);
    CHECK(a.client_month(index_of("BETA"), september)->contacts.calls == 1);
    CHECK(a.client_month(index_of("BETA"), october) == nullptr);

    AggregateSettings off = settings;
    off.months_for_all = false;
    Aggregator c(off, directory, {"calls.csv"});
    c.on_contact(call("ACME", at(2026, 9, 5, 10), 90));
    c.end_records();
    CHECK(c.client_month(0, september) == nullptr);
}

TEST_CASE("aggregate::Aggregator keeps the first row of each unlisted client, whatever part read it",
          "[aggregate]") {
    ClientDirectory directory;
    directory.on_client(ClientRecord{"A", "Acme", {}});
    AggregateSettings settings;
    settings.calendar = BusinessCalendar({9 * 60, 18 * 60}, 0x1F, {});
    const std::vector<std::string> files = {"clients.csv", "calls.csv", "time.csv"};
    auto row = [](std::string_view client, std::uint32_t file, std::int64_t line) {
        ContactRecord c = call(client, at(2026, 9, 1, 10), 60);
        c.source = SourceRef{file, line};
        return c;
    };
    // X's rows: calls.csv lines 9 and 4, time.csv line 2; Y's: time.csv line 7. A is listed.
    const std::vector<ContactRecord> rows = {row("A", 1, 2), row("X", 1, 9), row("X", 2, 2), row("X", 1, 4),
                                             row("Y", 2, 7)};
    for (std::size_t cut = 0; cut <= rows.size(); ++cut) {
        // the rows cut in two parts at every place; the later part merged into the earlier,
        // and the other way round
        for (const bool forward : {true, false}) {
            Aggregator a(settings, directory, files);
            Aggregator b(settings, directory, files);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                (i < cut ? a : b).on_contact(rows[i]);
            }
            Aggregator& into = forward ? a : b;
            into.merge(std::move(forward ? b : a));
            std::vector<std::string> seen;
            for (const auto& [client, where] : into.unlisted_first_seen()) {
                seen.push_back(into.client_ids()[client] + ": " + where);
            }
            std::sort(seen.begin(), seen.end());
            CHECK(seen == std::vector<std::string>{"X: calls.csv line 4", "Y: time.csv line 7"});
        }
    }
    // without a clients file nothing is kept
    const ClientDirectory none;
    Aggregator plain(settings, none, files);
    plain.on_contact(rows[1]);
    CHECK(plain.unlisted_first_seen().empty());
}

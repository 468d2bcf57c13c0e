// InvoicesByClient (src/aggregate/invoices_by_client.cpp): each client's invoices, in the order
// they were read, out of the aggregator's one list.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "aggregate_fixtures.hpp"
#include "clientscore/aggregate.hpp"

using namespace clientscore;
using namespace clientscore::testing;

namespace {

InvoiceRecord of(std::string_view client, std::string_view id, double amount, std::int64_t line) {
    InvoiceRecord r = invoice(id, at(2026, 9, 1), d(2026, 9, 30), std::nullopt, amount, line);
    r.client = client;
    return r;
}

std::vector<Money> amounts(std::span<const Invoice* const> invoices) {
    std::vector<Money> out;
    for (const Invoice* inv : invoices) {
        out.push_back(inv->amount);
    }
    return out;
}

}  // namespace

TEST_CASE("aggregate::InvoicesByClient groups invoices by client in reading order", "[aggregate]") {
    ClientDirectory directory;
    Aggregator a(AggregateSettings{}, directory, {"calls.csv", "invoices.csv"});
    a.on_contact(call("NOINV", at(2026, 9, 1, 10), 60));  // client 0: no invoices
    a.on_invoice(of("B", "1", 10, 2));                    // client 1
    a.on_invoice(of("A", "2", 20, 3));                    // client 2
    a.on_invoice(of("B", "3", 30, 4));
    a.on_invoice(of("B", "1", 5, 5));  // a line of invoice 1: joined, not another invoice
    a.on_invoice(of("A", "", 40, 6));
    a.on_invoice(of("B", "", 50, 7));
    REQUIRE(a.client_ids() == std::vector<std::string>{"NOINV", "B", "A"});

    const InvoicesByClient by_client(a);
    CHECK(by_client[0].empty());
    CHECK(amounts(by_client[1]) == std::vector<Money>{eur(15), eur(30), eur(50)});
    CHECK(amounts(by_client[2]) == std::vector<Money>{eur(20), eur(40)});
    for (std::uint32_t c = 0; c < 3; ++c) {
        for (const Invoice* inv : by_client[c]) {
            CHECK(inv->client == c);
        }
    }
    // They point at the aggregator's own invoices.
    CHECK(by_client[2][0] == &a.invoices()[1]);
}

TEST_CASE("aggregate::InvoicesByClient of an aggregator without invoices", "[aggregate]") {
    ClientDirectory directory;
    Aggregator a(AggregateSettings{}, directory, {"calls.csv"});
    a.on_contact(call("A", at(2026, 9, 1, 10), 60));
    a.on_contact(call("B", at(2026, 9, 1, 11), 60));
    const InvoicesByClient by_client(a);
    CHECK(by_client[0].empty());
    CHECK(by_client[1].empty());
}

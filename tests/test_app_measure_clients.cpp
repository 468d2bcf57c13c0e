// measure_clients (src/app/measure_clients.cpp): every listed client's metrics and verdict,
// on any number of workers, in the aggregator's order.

#include <catch2/catch.hpp>

#include "app/analysis.hpp"
#include "app/measure_clients.hpp"
#include "app_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using Catch::Detail::Approx;

namespace {

MeasuredClients measure(const Analysis& a, unsigned threads) {
    return measure_clients(*a.aggregator, a.invoices_by_client, a.people_by_client, a.context,
                           ScoreContext{&a.settings, a.supplied, a.settings.period}, threads);
}

}  // namespace

TEST_CASE("app::measure_clients scores each listed client", "[app]") {
    // 2026-09-01 (a Tuesday) to 2026-09-07, one week. W: 14 inbound calls in business hours
    // of business days, 14 a week: communication 1, after_hours 0, toxicity 50: watch.
    // K: one call: 1 a week, toxicity 0.
    const std::vector<std::string> weekdays = {"01", "02", "03", "04", "07"};
    std::string calls = "client,started_at\n";
    for (std::size_t i = 0; i < 14; ++i) {
        calls += "W,2026-09-" + weekdays[i % weekdays.size()] + " 1" + std::to_string(i % 2) + ":00\n";
    }
    calls += "K,2026-09-02 10:00\nGONE,2026-08-01 10:00\n";
    ExportFolder dir({{"calls.csv", calls}});
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-09-01", "--to", "2026-09-07"}),
                               std::nullopt, {});
    const MeasuredClients m = measure(a, 1);
    CHECK(m.any_event);
    REQUIRE(m.clients.size() == 2);  // GONE has nothing in the period
    const std::vector<std::string>& ids = a.aggregator->client_ids();
    CHECK(ids[m.clients[0].index] == "W");
    CHECK(ids[m.clients[1].index] == "K");
    CHECK(m.clients[0].index < m.clients[1].index);  // the aggregator's order, not the rank
    CHECK(m.clients[0].toxicity == Approx(50.0));
    CHECK(m.clients[0].verdict == Verdict::watch);
    CHECK(m.clients[1].toxicity == Approx(0.0));
    CHECK(m.clients[1].verdict == Verdict::keep);
}

TEST_CASE("app::measure_clients gives the same result on any number of workers", "[app]") {
    // More clients than one chunk of 1024, with revenue, calls and a few out of the period.
    std::string calls = "client,started_at,duration\n";
    std::string invoices = "client,issued_at,due_at,paid_at,amount\n";
    for (int c = 0; c < 2600; ++c) {
        const std::string id = "C" + std::to_string(c);
        const std::string d = std::to_string(10 + c % 19);
        calls += id + ",2026-09-" + d + " " + std::to_string(c % 24) + ":00," + std::to_string(60 * (c % 50)) + "\n";
        if (c % 3 == 0) {
            invoices += id + ",2026-08-" + d + ",2026-09-0" + std::to_string(1 + c % 9) + ",," +
                        std::to_string(100 + c) + ".00\n";
        }
    }
    ExportFolder dir({{"calls.csv", calls}, {"invoices.csv", invoices}});
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-09-10", "--to", "2026-09-28"}),
                               std::nullopt, {});
    const MeasuredClients one = measure(a, 1);
    REQUIRE(one.clients.size() == 2600);
    for (const unsigned threads : {2u, 3u, 8u}) {
        CAPTURE(threads);
        const MeasuredClients many = measure(a, threads);
        REQUIRE(many.clients.size() == one.clients.size());
        CHECK(many.any_event == one.any_event);
        for (std::size_t i = 0; i < one.clients.size(); ++i) {
            const RankedClient& x = one.clients[i];
            const RankedClient& y = many.clients[i];
            if (x.index != y.index || x.verdict != y.verdict || x.toxicity != y.toxicity ||
                x.net_revenue != y.net_revenue || x.margin != y.margin || x.support_hours != y.support_hours ||
                x.cost_to_serve != y.cost_to_serve) {
                FAIL_CHECK("client at " << i << " differs");
                break;
            }
        }
    }
    for (std::size_t i = 1; i < one.clients.size(); ++i) {
        REQUIRE(one.clients[i - 1].index < one.clients[i].index);
    }
}

TEST_CASE("app::measure_clients: receivables alone are listed but are not events", "[app]") {
    // Billing only, with a disputed column: payment 1, hostility 0, toxicity 50.
    ExportFolder dir(
        {{"invoices.csv", "client,issued_at,due_at,amount,disputed\nA,2026-08-01,2026-08-31,100.00,no\n"}});
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-10-01", "--to", "2026-10-31"}),
                               std::nullopt, {});
    const MeasuredClients m = measure(a, 2);
    REQUIRE(m.clients.size() == 1);
    CHECK_FALSE(m.any_event);
    CHECK(a.aggregator->client_ids()[m.clients[0].index] == "A");
    CHECK(m.clients[0].net_revenue == Approx(0.0));  // issued before the period
    CHECK(m.clients[0].verdict == Verdict::chase);   // 61 days overdue on 2026-10-31
}

TEST_CASE("app::measure_clients of no client is empty", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\n"}});
    const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
    const MeasuredClients m = measure(a, 4);
    CHECK(m.clients.empty());
    CHECK_FALSE(m.any_event);
}

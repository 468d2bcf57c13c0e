// One client's score (src/score/score_client.cpp): components, toxicity, verdict, and the reasons
// and action written now or left for later.

#include <catch2/catch.hpp>

#include <string>

#include "clientscore/score.hpp"
#include "test_score_fixtures.hpp"

using namespace clientscore;
using Catch::Detail::Approx;
using test::Context;

TEST_CASE("score::score_client reasons and actions", "[score]") {
    Context c;
    c.settings.currency = "EUR";
    ClientMetrics m;
    m.contacts_per_week = 14;  // communication 1
    m.calls_in = 50;
    m.emails_in = 10;
    m.after_hours_share = 0.41;  // after_hours 1
    m.avg_days_late = 38;        // payment 0.8158
    m.max_days_late = 70;
    m.net_revenue = 1000;
    m.support_hours = 30;
    m.hours = 30;
    m.cost_to_serve = 1800;
    m.margin = -800;
    m.margin_pct = -0.8;

    ClientScore s = score_client(m, c.score);
    // components 1, 1, 0, 0.8158, 0 → 100 × 2.8158 / 5 = 56.3
    CHECK(s.toxicity == Approx(56.3));
    CHECK(s.verdict == Verdict::reprice);
    REQUIRE(s.reasons.size() == 3);
    CHECK(s.reasons[0].find("14.0 inbound contacts a week") != std::string::npos);
    CHECK(s.reasons[1].find("41% of inbound contacts after hours") != std::string::npos);
    CHECK(s.reasons[2].find("pays 38 days late on average") != std::string::npos);
    CHECK(s.action.rfind("Reprice:", 0) == 0);

    SECTION("ScoreText::later leaves the texts out and decides the same") {
        ClientScore later = score_client(m, c.score, ScoreText::later);
        CHECK(later.reasons.empty());
        CHECK(later.action.empty());
        CHECK(later.toxicity == s.toxicity);
        CHECK(later.verdict == s.verdict);
        CHECK(later.components == s.components);
    }
    SECTION("fire names the notice date, the revenue and the hours") {
        m.flagged_contacts = 10;  // hostility 1 → 100 × 3.8158 / 5 = 76.3
        ClientScore f = score_client(m, c.score);
        CHECK(f.verdict == Verdict::fire);
        CHECK(f.action.find("2026-12-29") != std::string::npos);  // 2026-09-30 + 90 days
        CHECK(f.action.find("1,000.00 EUR") != std::string::npos);
        CHECK(f.action.find("30.0 support hours") != std::string::npos);
    }
    SECTION("reprice with an increase names it and the quarters of 10%") {
        m = ClientMetrics{};
        m.net_revenue = 1000;
        m.support_hours = 13;
        m.hours = 13;
        m.cost_to_serve = 800;
        m.margin = 200;
        m.margin_pct = 0.2;
        m.price_increase_needed = 800.0 / 700.0 - 1.0;  // 14.3% → 2 quarters
        ClientScore r = score_client(m, c.score);
        CHECK(r.verdict == Verdict::reprice);
        CHECK(r.action.find("raise prices by 14%") != std::string::npos);
        CHECK(r.action.find("2 quarters") != std::string::npos);
    }
}

TEST_CASE("score::score_client with nothing measured keeps the client", "[score]") {
    Context c;
    const ClientScore s = score_client(ClientMetrics{}, c.score);
    for (const auto& component : s.components) {
        REQUIRE(component.has_value());
        CHECK(*component == 0);
    }
    CHECK(s.toxicity == 0);
    CHECK(s.verdict == Verdict::keep);
    CHECK(s.reasons.empty());
    CHECK(s.action == "Keep: no warning sign at the watch level.");
}

TEST_CASE("score::score_client of a billing-only run scores payment and disputes alone", "[score]") {
    Context c;
    c.score.supplied = Supplied{false, false, true, true};
    ClientMetrics m;
    m.avg_days_late = 45;  // payment 1
    m.max_days_late = 60;
    m.net_revenue = 1000;
    m.margin = 1000;
    m.margin_pct = 1.0;
    const ClientScore s = score_client(m, c.score);
    CHECK_FALSE(s.components[0]);
    CHECK_FALSE(s.components[1]);
    CHECK_FALSE(s.components[2]);
    REQUIRE(s.components[3]);
    REQUIRE(s.components[4]);
    CHECK(*s.components[3] == 1);
    CHECK(*s.components[4] == 0);
    CHECK(s.toxicity == Approx(50.0));  // 100 × (1 + 0) / 2, not diluted to 20 by the missing three
    CHECK(s.verdict == Verdict::watch);
    CHECK(s.reasons == std::vector<std::string>{"pays 45 days late on average (worst 60 days)"});
    CHECK(s.action == "Watch: toxicity 50.0 is at or above 30.0; review again next month.");
}

TEST_CASE("score::score_client takes weights and verdict thresholds from the settings", "[score]") {
    Context c;
    ClientMetrics m;
    m.contacts_per_week = 10;  // communication 1
    m.avg_days_late = 26;      // payment 0.5
    m.net_revenue = 1000;
    m.support_hours = 20;
    m.hours = 20;
    m.cost_to_serve = 1200;
    m.margin = -200;
    m.margin_pct = -0.2;
    m.price_increase_needed = 1200.0 / 700.0 - 1;
    // defaults: 100 × 1.5 / 5 = 30 → watch, but the margin is weak → reprice
    CHECK(score_client(m, c.score).toxicity == Approx(30.0));
    CHECK(score_client(m, c.score).verdict == Verdict::reprice);
    // only payment weighs: 50
    c.settings.weights = {0, 0, 0, 1, 0};
    CHECK(score_client(m, c.score).toxicity == Approx(50.0));
    // only communication weighs: 100 → fire with a weak margin
    c.settings.weights = {1, 0, 0, 0, 0};
    const ClientScore fired = score_client(m, c.score);
    CHECK(fired.toxicity == Approx(100.0));
    CHECK(fired.verdict == Verdict::fire);
    CHECK(fired.action.rfind("Fire:", 0) == 0);
    // a higher fire_at turns it back to reprice
    c.settings.fire_at = 100.1;
    CHECK(score_client(m, c.score).verdict == Verdict::reprice);
}

TEST_CASE("score::score_client chase and the hours to bill", "[score]") {
    Context c;
    ClientMetrics m;
    SECTION("money owed for chase_days: chase, with the amount and its age") {
        m.net_revenue = 5000;
        m.margin = 4000;
        m.margin_pct = 0.8;
        m.support_hours = 10;
        m.hours = 10;
        m.overdue = 2500;
        m.oldest_overdue_days = 60;
        const ClientScore s = score_client(m, c.score);
        CHECK(s.verdict == Verdict::chase);
        CHECK(s.action == "Chase: stop work until 2,500.00 overdue is paid; the oldest unpaid invoice is 60 days overdue.");
    }
    SECTION("zero revenue with hours: a weak margin, reprice by billing the hours") {
        m.support_hours = 2.5;
        m.hours = 2.5;
        m.cost_to_serve = 150;
        m.margin = -150;
        const ClientScore s = score_client(m, c.score);
        CHECK(s.toxicity == 0);
        CHECK(s.verdict == Verdict::reprice);
        CHECK(s.action ==
              "Reprice: bill the 2.5 support hours (150.00 at 60.00 an hour); they brought no revenue this period.");
    }
}

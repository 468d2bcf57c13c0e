// The margin state and the verdict rules of SPEC §4 (src/score/verdict.cpp), with numbers worked
// out by hand.

#include <catch2/catch.hpp>

#include "clientscore/score.hpp"
#include "test_score_fixtures.hpp"

using namespace clientscore;

using test::Context;

TEST_CASE("score::decide_verdict rules in order", "[score]") {
    Settings s;
    ClientMetrics m;
    SECTION("fire: toxic with a weak or unknown margin") {
        CHECK(decide_verdict(60, MarginState::weak, m, s) == Verdict::fire);
        CHECK(decide_verdict(75, MarginState::unknown, m, s) == Verdict::fire);
    }
    SECTION("chase comes before reprice, after fire") {
        m.oldest_overdue_days = 60;
        CHECK(decide_verdict(10, MarginState::weak, m, s) == Verdict::chase);
        CHECK(decide_verdict(65, MarginState::weak, m, s) == Verdict::fire);
        CHECK(decide_verdict(65, MarginState::healthy, m, s) == Verdict::chase);
        m.oldest_overdue_days = 59;
        CHECK(decide_verdict(10, MarginState::healthy, m, s) == Verdict::keep);
    }
    SECTION("reprice: weak margin, or toxic but healthy (headache tax)") {
        CHECK(decide_verdict(0, MarginState::weak, m, s) == Verdict::reprice);
        CHECK(decide_verdict(60, MarginState::healthy, m, s) == Verdict::reprice);
    }
    SECTION("watch and keep") {
        CHECK(decide_verdict(30, MarginState::healthy, m, s) == Verdict::watch);
        CHECK(decide_verdict(29.9, MarginState::healthy, m, s) == Verdict::keep);
        CHECK(decide_verdict(59.9, MarginState::unknown, m, s) == Verdict::watch);
    }
    SECTION("thresholds come from the settings") {
        s.fire_at = 80;
        s.watch_at = 10;
        s.chase_days = 30;
        CHECK(decide_verdict(70, MarginState::weak, m, s) == Verdict::reprice);
        CHECK(decide_verdict(10, MarginState::healthy, m, s) == Verdict::watch);
        m.oldest_overdue_days = 30;
        CHECK(decide_verdict(0, MarginState::healthy, m, s) == Verdict::chase);
    }
}

TEST_CASE("score::margin_state", "[score]") {
    Context c;
    ClientMetrics m;
    CHECK(margin_state(m, c.score) == MarginState::unknown);  // no revenue, no hours
    m.support_hours = 2;
    m.hours = 2;
    CHECK(margin_state(m, c.score) == MarginState::weak);  // hours without revenue: margin_pct null
    m.net_revenue = 1000;
    m.margin_pct = 0.30;
    CHECK(margin_state(m, c.score) == MarginState::healthy);
    m.margin_pct = 0.2999;
    CHECK(margin_state(m, c.score) == MarginState::weak);
    c.score.supplied.invoices = false;
    CHECK(margin_state(m, c.score) == MarginState::unknown);
}

TEST_CASE("score::quarters_of_ten_percent", "[score]") {
    CHECK(quarters_of_ten_percent(0) == 0);
    CHECK(quarters_of_ten_percent(0.1) == 1);
    CHECK(quarters_of_ten_percent(0.1001) == 2);
    CHECK(quarters_of_ten_percent(0.21) == 2);  // 1.1² = 1.21
    CHECK(quarters_of_ten_percent(1.0) == 8);   // 1.1⁷ = 1.949, 1.1⁸ = 2.144
}


// The portfolio of SPEC §4 (src/score/portfolio.cpp): totals of the unrounded client values,
// the portfolio's effective rate, and what firing the `fire` clients would leave and free.

#include <catch2/catch.hpp>

#include "clientscore/score.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

namespace {

ClientMetrics client(double net_revenue, double support_hours, std::optional<double> revenue_share) {
    ClientMetrics m;
    m.net_revenue = net_revenue;
    m.support_hours = support_hours;
    m.hours = support_hours;
    m.cost_to_serve = support_hours * 60;
    m.margin = net_revenue - m.cost_to_serve;
    m.revenue_share = revenue_share;
    return m;
}

}  // namespace

TEST_CASE("score::PortfolioSum with no client", "[score]") {
    const Portfolio p = PortfolioSum{}.result();
    CHECK(p.clients == 0);
    CHECK(p.net_revenue == 0);
    CHECK(p.cost_to_serve == 0);
    CHECK(p.margin == 0);
    CHECK(p.support_hours == 0);
    CHECK_FALSE(p.max_revenue_share.has_value());
    CHECK_FALSE(p.effective_rate.has_value());
    CHECK(p.if_fired.fired == 0);
    CHECK(p.if_fired.clients == 0);
    CHECK(p.if_fired.hours_freed == 0);
    CHECK_FALSE(p.if_fired.freed_hours_value.has_value());
}

TEST_CASE("score::PortfolioSum totals, effective rate and if_fired", "[score]") {
    PortfolioSum sum;
    sum.add(client(1000, 10, 0.8), Verdict::keep);   // cost 600, margin 400
    sum.add(client(250, 20, 0.2), Verdict::fire);    // cost 1200, margin -950
    sum.add(client(0, 2.5, 0), Verdict::reprice);    // cost 150, margin -150
    const Portfolio p = sum.result();
    CHECK(p.clients == 3);
    CHECK(p.net_revenue == Approx(1250));
    CHECK(p.cost_to_serve == Approx(1950));
    CHECK(p.margin == Approx(-700));
    CHECK(p.margin == Approx(p.net_revenue - p.cost_to_serve));
    CHECK(p.support_hours == Approx(32.5));
    REQUIRE(p.max_revenue_share.has_value());
    CHECK(*p.max_revenue_share == Approx(0.8));
    REQUIRE(p.effective_rate.has_value());
    CHECK(*p.effective_rate == Approx(1250 / 32.5));

    const IfFired& f = p.if_fired;
    CHECK(f.fired == 1);
    CHECK(f.clients == 2);
    CHECK(f.net_revenue == Approx(1000));
    CHECK(f.cost_to_serve == Approx(750));
    CHECK(f.margin == Approx(250));
    CHECK(f.support_hours == Approx(12.5));
    CHECK(f.hours_freed == Approx(20));
    // the remaining and the fired add up to the whole
    CHECK(f.clients + f.fired == p.clients);
    CHECK(f.support_hours + f.hours_freed == Approx(p.support_hours));
    // the freed hours at the portfolio's average rate
    REQUIRE(f.freed_hours_value.has_value());
    CHECK(*f.freed_hours_value == Approx(20 * 1250 / 32.5));
}

TEST_CASE("score::PortfolioSum without hours has no effective rate and no freed value", "[score]") {
    PortfolioSum sum;
    sum.add(client(500, 0, 0.5), Verdict::fire);
    sum.add(client(500, 0, 0.5), Verdict::keep);
    const Portfolio p = sum.result();
    CHECK(p.support_hours == 0);
    CHECK_FALSE(p.effective_rate.has_value());
    CHECK(p.if_fired.fired == 1);
    CHECK(p.if_fired.hours_freed == 0);
    CHECK_FALSE(p.if_fired.freed_hours_value.has_value());
    CHECK(p.if_fired.net_revenue == Approx(500));
}

TEST_CASE("score::PortfolioSum max_revenue_share over the clients that have one", "[score]") {
    SECTION("none has a share: null") {
        PortfolioSum sum;
        sum.add(client(-100, 1, std::nullopt), Verdict::keep);
        sum.add(client(50, 1, std::nullopt), Verdict::keep);
        CHECK_FALSE(sum.result().max_revenue_share.has_value());
    }
    SECTION("a null share is skipped, not taken as 0") {
        PortfolioSum sum;
        sum.add(client(-100, 1, -0.25), Verdict::keep);
        sum.add(client(0, 1, std::nullopt), Verdict::keep);
        REQUIRE(sum.result().max_revenue_share.has_value());
        CHECK(*sum.result().max_revenue_share == Approx(-0.25));
    }
    SECTION("the largest, in whatever order") {
        PortfolioSum sum;
        sum.add(client(100, 1, 0.1), Verdict::keep);
        sum.add(client(700, 1, 0.7), Verdict::fire);
        sum.add(client(200, 1, 0.2), Verdict::keep);
        CHECK(*sum.result().max_revenue_share == Approx(0.7));
    }
}

TEST_CASE("score::PortfolioSum of fired clients only", "[score]") {
    PortfolioSum sum;
    sum.add(client(300, 5, 0.6), Verdict::fire);
    sum.add(client(200, 5, 0.4), Verdict::fire);
    const Portfolio p = sum.result();
    CHECK(p.if_fired.fired == 2);
    CHECK(p.if_fired.clients == 0);
    CHECK(p.if_fired.net_revenue == 0);
    CHECK(p.if_fired.support_hours == 0);
    CHECK(p.if_fired.hours_freed == Approx(10));
    CHECK(*p.if_fired.freed_hours_value == Approx(500));  // all 10 hours at 500 / 10 an hour
}

// Components, toxicity and the verdict rules of SPEC §4, with numbers worked out by hand.

#include <catch2/catch.hpp>

#include "clientscore/score.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

namespace {

struct Context {
    Settings settings;
    ScoreContext score;
    Context() {
        score.settings = &settings;
        score.supplied = Supplied{true, true, true, true};
        // 30 days: months = 30 / 30.4375
        score.period = Period{days_from_civil(2026, 9, 1), days_from_civil(2026, 9, 30), days_from_civil(2026, 9, 30)};
    }
};

}  // namespace

TEST_CASE("score::scale clamps to 0..1", "[score]") {
    CHECK(scale(1, 2, 10) == 0);
    CHECK(scale(6, 2, 10) == Approx(0.5));
    CHECK(scale(12, 2, 10) == 1);
}

TEST_CASE("score::compute_components", "[score]") {
    Context c;
    ClientMetrics m;
    m.contacts_per_week = 6;         // (6-2)/8 = 0.5
    m.after_hours_share = 0.25;      // (0.25-0.1)/0.3 = 0.5
    m.discount_share = 0.10;         // (0.10-0.05)/0.2 = 0.25
    m.discount_requests = 1;         // 1/(30/30.4375) = 1.0146 → (1.0146-0.5)/1.5 = 0.3431
    m.avg_days_late = 26;            // (26-7)/38 = 0.5
    m.flagged_contacts = 1;          // (1+0)/0.98563 → /2 = 0.5073
    auto comp = compute_components(m, c.score);
    CHECK(*comp[0] == Approx(0.5));
    CHECK(*comp[1] == Approx(0.5));
    CHECK(*comp[2] == Approx((1.0 / (30.0 / 30.4375) - 0.5) / 1.5));
    CHECK(*comp[3] == Approx(0.5));
    CHECK(*comp[4] == Approx(30.4375 / 30.0 / 2.0));

    SECTION("data not supplied is null and leaves the toxicity") {
        c.score.supplied = Supplied{false, false, true, false};
        auto billing_only = compute_components(m, c.score);
        CHECK_FALSE(billing_only[0]);
        CHECK_FALSE(billing_only[1]);
        CHECK_FALSE(billing_only[2]);
        CHECK_FALSE(billing_only[4]);
        CHECK(compute_toxicity(billing_only, c.settings.weights) == Approx(50.0));
    }
    SECTION("thresholds are settings") {
        c.settings.thresholds[0] = Threshold{0, 12};
        CHECK(*compute_components(m, c.score)[0] == Approx(0.5));
    }
}

TEST_CASE("score::compute_toxicity weights and rounding", "[score]") {
    std::array<std::optional<double>, k_component_count> comp = {0.5, 1.0, 0.0, std::nullopt, 0.25};
    CHECK(compute_toxicity(comp, {1, 1, 1, 1, 1}) == Approx(43.8));  // 100 × 1.75 / 4 = 43.75 → 43.8
    CHECK(compute_toxicity(comp, {2, 1, 1, 5, 1}) == Approx(45.0));  // 100 × 2.25 / 5
    CHECK(compute_toxicity(comp, {0, 0, 0, 1, 0}) == 0);              // only the null one weighs
}

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

TEST_CASE("score::rank_clients ranks, sums in id order and reconciles the portfolio", "[score]") {
    const std::vector<std::string> ids = {"b", "a", "c", "d"};
    const double tox[] = {50, 50, 70, 10};
    const double margin[] = {100, 100, -5, 300};
    const double revenue[] = {400, 600, 100, 900};
    const double hours[] = {5, 10, 20, 1};
    std::vector<RankedClient> clients(4);
    for (std::size_t i = 0; i < clients.size(); ++i) {
        clients[i].index = static_cast<std::uint32_t>(i);
        clients[i].toxicity = tox[i];
        clients[i].margin = margin[i];
        clients[i].net_revenue = revenue[i];
        clients[i].support_hours = hours[i];
        clients[i].cost_to_serve = hours[i] * 60;
    }
    clients[2].verdict = Verdict::fire;
    const Ranking r = rank_clients(clients, ids);
    REQUIRE(r.clients.size() == 4);
    CHECK(ids[r.clients[0].index] == "c");
    CHECK(ids[r.clients[1].index] == "a");  // same toxicity and margin as b: id order
    CHECK(ids[r.clients[2].index] == "b");
    CHECK(ids[r.clients[3].index] == "d");
    CHECK(r.total_net_revenue == 2000);

    const Portfolio& p = r.portfolio;
    CHECK(p.clients == 4);
    CHECK(p.net_revenue == Approx(2000));
    CHECK(p.support_hours == Approx(36));
    CHECK(p.cost_to_serve == Approx(36 * 60));
    CHECK(*p.max_revenue_share == Approx(0.45));
    CHECK(*p.effective_rate == Approx(2000.0 / 36.0));
    CHECK(p.if_fired.fired == 1);
    CHECK(p.if_fired.clients == 3);
    CHECK(p.if_fired.net_revenue == Approx(1900));
    CHECK(p.if_fired.hours_freed == Approx(20));
    CHECK(p.if_fired.support_hours + p.if_fired.hours_freed == Approx(p.support_hours));
    CHECK(*p.if_fired.freed_hours_value == Approx(20 * 2000.0 / 36.0));

    SECTION("the input order changes nothing") {
        std::vector<RankedClient> reversed(clients.rbegin(), clients.rend());
        const Ranking again = rank_clients(reversed, ids);
        CHECK(again.total_net_revenue == r.total_net_revenue);
        for (std::size_t i = 0; i < 4; ++i) {
            CHECK(again.clients[i].index == r.clients[i].index);
        }
    }
}

TEST_CASE("score::revenue_share", "[score]") {
    CHECK(*revenue_share(250, 1000) == 0.25);
    CHECK_FALSE(revenue_share(0, 0).has_value());
    CHECK_FALSE(revenue_share(10, 0.004).has_value());  // the total rounds to 0.00
    CHECK_FALSE(revenue_share(-5, -100).has_value());
}

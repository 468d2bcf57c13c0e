// The sentences of a score (src/score/reasons.cpp): one reason per component above 0.5,
// strongest first, and an action with the numbers of SPEC §4.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "clientscore/normalize.hpp"
#include "clientscore/score.hpp"
#include "score/reasons.hpp"
#include "test_score_fixtures.hpp"

using namespace clientscore;
using test::Context;

namespace {

using Components = std::array<std::optional<double>, k_component_count>;
constexpr std::nullopt_t none = std::nullopt;

}  // namespace

TEST_CASE("score::reasons_for lists the components above 0.5, strongest first", "[score]") {
    Context c;  // 30 days: months = 30 / 30.4375
    ClientMetrics m;
    m.contacts_per_week = 10.25;  // exactly 10.25: half away from zero gives 10.3
    m.calls_in = 40;
    m.emails_in = 4;
    m.after_hours_share = 0.415;  // 41.5% → 42%
    m.off_day_share = 0.125;      // 12.5% → 13%
    m.avg_days_late = 37.5;       // → 38
    m.max_days_late = 70;

    SECTION("order by strength; equal strengths in SPEC order; exactly 0.5 is not above it") {
        const std::vector<std::string> reasons = reasons_for(Components{0.6, 0.9, none, 0.9, 0.5}, m, c.score);
        CHECK(reasons == std::vector<std::string>{
                             "42% of inbound contacts after hours, 13% on weekends or holidays",
                             "pays 38 days late on average (worst 70 days)",
                             "10.3 inbound contacts a week (40 calls, 4 emails in)",
                         });
    }
    SECTION("nothing above 0.5, or nothing supplied: no reasons") {
        CHECK(reasons_for(Components{0.5, 0.5, 0.5, 0.5, 0.5}, m, c.score).empty());
        CHECK(reasons_for(Components{}, m, c.score).empty());
    }
    SECTION("no weekend share when none was off-day") {
        m.off_day_share = 0;
        m.after_hours_share = 0.25;
        CHECK(reasons_for(Components{none, 0.51, none, none, none}, m, c.score) ==
              std::vector<std::string>{"25% of inbound contacts after hours"});
    }
}

TEST_CASE("score::reasons_for the discounts: the stronger measure first", "[score]") {
    Context c;
    ClientMetrics m;
    const Components discounts_only = {none, none, 0.8, none, none};
    SECTION("the share") {
        m.discount_share = 0.20;   // (0.20 - 0.05) / 0.20 = 0.75
        m.discount_requests = 1;   // 1.0146 a month → 0.343
        CHECK(reasons_for(discounts_only, m, c.score) ==
              std::vector<std::string>{"discounts are 20% of list price, 1.0 discount requests a month"});
    }
    SECTION("the requests") {
        m.discount_share = 0;
        m.discount_requests = 3;  // 3 × 30.4375 / 30 = 3.04375 a month → 1
        CHECK(reasons_for(discounts_only, m, c.score) ==
              std::vector<std::string>{"3.0 discount requests a month, discounts are 0% of list price"});
    }
}

TEST_CASE("score::reasons_for hostility names the tags and the disputes", "[score]") {
    Context c;
    ClientMetrics m;
    const Components hostility_only = {none, none, none, none, 1.0};
    m.flagged_contacts = 3;
    m.tags = {2, 0, 0, 0, 0, 1};  // threat 2, rework 1
    m.disputed_invoices = 1;
    // (3 + 1) / (30 / 30.4375) = 4.058 a month
    CHECK(reasons_for(hostility_only, m, c.score) ==
          std::vector<std::string>{"4.1 hostile contacts or disputes a month (threat 2, rework 1, 1 disputed invoice)"});
    m = ClientMetrics{};
    m.disputed_invoices = 2;  // 2.029 a month
    CHECK(reasons_for(hostility_only, m, c.score) ==
          std::vector<std::string>{"2.0 hostile contacts or disputes a month (2 disputed invoices)"});
}

TEST_CASE("score::action_for fire names the notice date from as_of, the revenue and the hours", "[score]") {
    Context c;
    ClientMetrics m;
    m.net_revenue = 1234.565;  // rounds half away to 1,234.57
    m.support_hours = 12.25;   // 12.3
    m.hours = 12.25;
    CHECK(action_for(Verdict::fire, 80, MarginState::weak, m, c.score) ==
          "Fire: give three months' notice in writing, ending 2026-12-29 (as of + 90 days), with the evidence log; "
          "this loses 1,234.57 of revenue and frees 12.3 support hours.");
    SECTION("as_of, not the end of the period; the currency after amounts") {
        c.score.period.as_of = days_from_civil(2026, 10, 15);
        c.settings.currency = "EUR";
        const std::string action = action_for(Verdict::fire, 80, MarginState::weak, m, c.score);
        CHECK(action.find("ending 2027-01-13 (as of + 90 days)") != std::string::npos);
        CHECK(action.find("loses 1,234.57 EUR of revenue") != std::string::npos);
    }
    SECTION("no revenue and no hours are zeros") {
        const std::string action = action_for(Verdict::fire, 80, MarginState::unknown, ClientMetrics{}, c.score);
        CHECK(action.find("this loses 0.00 of revenue and frees 0.0 support hours.") != std::string::npos);
    }
}

TEST_CASE("score::action_for chase names the overdue amount and its age", "[score]") {
    Context c;
    c.settings.currency = "EUR";
    ClientMetrics m;
    m.overdue = 2500;
    m.oldest_overdue_days = 75;
    CHECK(action_for(Verdict::chase, 10, MarginState::healthy, m, c.score) ==
          "Chase: stop work until 2,500.00 EUR overdue is paid; the oldest unpaid invoice is 75 days overdue.");
}

TEST_CASE("score::action_for reprice: the increase, the hours to bill, or the headache tax", "[score]") {
    Context c;
    ClientMetrics m;
    SECTION("a weak margin: the increase and the quarters of 10% that reach it") {
        m.net_revenue = 1000;
        m.cost_to_serve = 1050;
        m.margin = -50;
        m.margin_pct = -0.05;
        m.price_increase_needed = 1050.0 / (0.7 * 1000) - 1;  // 0.5: 1.1⁴ = 1.46, 1.1⁵ = 1.61
        CHECK(action_for(Verdict::reprice, 10, MarginState::weak, m, c.score) ==
              "Reprice: raise prices by 50% to reach a 30% margin, with 30 days' notice, or by 10% a quarter for 5 "
              "quarters.");
        m.price_increase_needed = 0.08;
        CHECK(action_for(Verdict::reprice, 10, MarginState::weak, m, c.score)
                  .find("raise prices by 8% to reach a 30% margin, with 30 days' notice, or by 10% a quarter for 1 "
                        "quarter.") != std::string::npos);
    }
    SECTION("no revenue: the hours to bill at the hourly cost") {
        c.settings.currency = "EUR";
        m.support_hours = 2.5;
        m.hours = 2.5;
        m.cost_to_serve = 150;
        m.margin = -150;
        const std::string expected =
            "Reprice: bill the 2.5 support hours (150.00 EUR at 60.00 EUR an hour); they brought no revenue this "
            "period.";
        CHECK(action_for(Verdict::reprice, 0, MarginState::weak, m, c.score) == expected);
        m.net_revenue = 0.004;  // zero at cents
        CHECK(action_for(Verdict::reprice, 0, MarginState::weak, m, c.score) == expected);
        m.net_revenue = -20;  // credits only
        CHECK(action_for(Verdict::reprice, 0, MarginState::weak, m, c.score) == expected);
    }
    SECTION("toxic with a healthy margin: the headache tax") {
        m.net_revenue = 1000;
        m.margin_pct = 0.45;
        CHECK(action_for(Verdict::reprice, 65, MarginState::healthy, m, c.score) ==
              "Reprice: add a headache tax to the contract (toxicity 65.0 with a 45% margin), with 30 days' notice.");
    }
}

TEST_CASE("score::action_for watch and keep", "[score]") {
    Context c;
    ClientMetrics m;
    CHECK(action_for(Verdict::watch, 30, MarginState::healthy, m, c.score) ==
          "Watch: toxicity 30.0 is at or above 30.0; review again next month.");
    c.settings.watch_at = 25.5;
    CHECK(action_for(Verdict::watch, 27.3, MarginState::unknown, m, c.score) ==
          "Watch: toxicity 27.3 is at or above 25.5; review again next month.");

    m.margin_pct = 0.625;  // 62.5% → 63%
    CHECK(action_for(Verdict::keep, 0, MarginState::healthy, m, c.score) ==
          "Keep: 63% margin and no warning sign at the watch level.");
    CHECK(action_for(Verdict::keep, 0, MarginState::unknown, m, c.score) == "Keep: no warning sign at the watch level.");
    m.margin_pct.reset();
    CHECK(action_for(Verdict::keep, 0, MarginState::healthy, m, c.score) == "Keep: no warning sign at the watch level.");
}

TEST_CASE("score::cause_for says why the verdict with the numbers of its rule (SPEC §4 ◆12)", "[score]") {
    Context c;
    ClientMetrics m;
    ClientScore score;
    score.components = Components{0.2, 0.9, none, 0.4, 0.1};
    SECTION("fire: the toxicity against fire_at and the margin against the target") {
        score.toxicity = 84.2;
        m.margin_pct = 0.195;
        CHECK(cause_for(Verdict::fire, score, MarginState::weak, m, c.score) ==
              "toxicity 84.2 ≥ 60 with a 19.5% margin, below the 30% target");
        c.score.supplied.invoices = false;
        CHECK(cause_for(Verdict::fire, score, MarginState::unknown, m, c.score) ==
              "toxicity 84.2 ≥ 60 with the margin unknown: no invoices were read");
        c.score.supplied.invoices = true;
        c.score.supplied.contacts = false;
        CHECK(cause_for(Verdict::fire, score, MarginState::unknown, m, c.score) ==
              "toxicity 84.2 ≥ 60 with the margin unknown: no calls, emails or time entries were read");
    }
    SECTION("chase: the overdue amount and the oldest invoice's age") {
        c.settings.currency = "EUR";
        m.overdue = 7400;
        m.oldest_overdue_days = 73;
        CHECK(cause_for(Verdict::chase, score, MarginState::healthy, m, c.score) ==
              "7,400.00 EUR overdue, the oldest invoice 73 days (≥ 60)");
    }
    SECTION("reprice: a weak margin, no revenue against hours, or the headache tax") {
        m.margin_pct = 0.2;
        CHECK(cause_for(Verdict::reprice, score, MarginState::weak, m, c.score) == "a 20% margin, below the 30% target");
        m.margin_pct.reset();
        m.support_hours = 1.66;
        m.hours = 1.66;
        CHECK(cause_for(Verdict::reprice, score, MarginState::weak, m, c.score) ==
              "no revenue against 1.7 support hours");
        score.toxicity = 73.3;
        m.margin_pct = 0.9358;
        CHECK(cause_for(Verdict::reprice, score, MarginState::healthy, m, c.score) ==
              "toxicity 73.3 ≥ 60 with a healthy 93.6% margin: the headache tax");
    }
    SECTION("watch: the toxicity against watch_at and its strongest component") {
        score.toxicity = 41.0;
        CHECK(cause_for(Verdict::watch, score, MarginState::healthy, m, c.score) ==
              "toxicity 41.0 ≥ 30, mostly after hours (0.90)");
        c.settings.watch_at = 27.5;
        CHECK(cause_for(Verdict::watch, score, MarginState::healthy, m, c.score) ==
              "toxicity 41.0 ≥ 27.5, mostly after hours (0.90)");
    }
    SECTION("keep: empty") {
        CHECK(cause_for(Verdict::keep, score, MarginState::healthy, m, c.score).empty());
    }
}

// Components and toxicity of SPEC §4 (src/score/components.cpp), with numbers worked out by hand
// from the formulas and the default thresholds of clientscore/metrics.hpp.

#include <catch2/catch.hpp>

#include <optional>

#include "clientscore/normalize.hpp"
#include "clientscore/score.hpp"
#include "test_score_fixtures.hpp"

using namespace clientscore;
using Catch::Detail::Approx;
using test::Context;

namespace {

using Components = std::array<std::optional<double>, k_component_count>;

/// A context whose period is 487 days: months = 487 / 30.4375 = 16 exactly.
struct SixteenMonths : Context {
    SixteenMonths() {
        const Days from = days_from_civil(2025, 1, 1);
        score.period = Period{from, from + 486, from + 486};
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

TEST_CASE("score::scale at and between the ok and bad values", "[score]") {
    CHECK(scale(2, 2, 10) == 0);      // at ok
    CHECK(scale(10, 2, 10) == 1);     // at bad
    CHECK(scale(4, 2, 10) == 0.25);   // (4 - 2) / 8
    CHECK(scale(-3, 2, 10) == 0);     // below ok
    CHECK(scale(1e9, 2, 10) == 1);    // far above bad
    CHECK(scale(1, 0, 2) == 0.5);     // hostility's pair
    CHECK(scale(0.175, 0.10, 0.40) == Approx(0.25));
}

TEST_CASE("score::compute_components at SPEC §4's default thresholds", "[score]") {
    SixteenMonths c;
    REQUIRE(c.score.period.months() == 16.0);
    ClientMetrics m;

    SECTION("nothing measured: every supplied component is 0, not null") {
        const Components comp = compute_components(m, c.score);
        for (std::size_t i = 0; i < k_component_count; ++i) {
            INFO(k_component_names[i]);
            REQUIRE(comp[i].has_value());
            CHECK(*comp[i] == 0);
        }
        CHECK(compute_toxicity(comp, c.settings.weights) == 0);
    }
    SECTION("communication: contacts per week from 2 to 10") {
        m.contacts_per_week = 2;
        CHECK(*compute_components(m, c.score)[0] == 0);
        m.contacts_per_week = 4;
        CHECK(*compute_components(m, c.score)[0] == Approx(0.25));
        m.contacts_per_week = 10;
        CHECK(*compute_components(m, c.score)[0] == 1);
        m.contacts_per_week = 40;
        CHECK(*compute_components(m, c.score)[0] == 1);
    }
    SECTION("after_hours: share from 0.10 to 0.40") {
        m.after_hours_share = 0.10;
        CHECK(*compute_components(m, c.score)[1] == Approx(0).margin(1e-12));
        m.after_hours_share = 0.25;
        CHECK(*compute_components(m, c.score)[1] == Approx(0.5));
        m.after_hours_share = 0.40;
        CHECK(*compute_components(m, c.score)[1] == Approx(1));
        m.after_hours_share = 1.0;
        CHECK(*compute_components(m, c.score)[1] == 1);
    }
    SECTION("payment: average days late from 7 to 45") {
        m.avg_days_late = 7;
        CHECK(*compute_components(m, c.score)[3] == 0);
        m.avg_days_late = 26;  // 19 / 38
        CHECK(*compute_components(m, c.score)[3] == 0.5);
        m.avg_days_late = 45;
        CHECK(*compute_components(m, c.score)[3] == 1);
        m.avg_days_late = 0;  // pays early or on time
        CHECK(*compute_components(m, c.score)[3] == 0);
    }
    SECTION("hostility: flagged contacts and disputed invoices per month, from 0 to 2") {
        m.flagged_contacts = 12;
        m.disputed_invoices = 4;  // 16 / 16 months = 1 a month
        CHECK(*compute_components(m, c.score)[4] == 0.5);
        m.flagged_contacts = 28;  // 32 / 16 = 2 a month
        CHECK(*compute_components(m, c.score)[4] == 1);
        m.flagged_contacts = 100;
        CHECK(*compute_components(m, c.score)[4] == 1);
    }
    SECTION("discounts: the larger of the share's scale and the requests' scale") {
        m.discount_requests = 8;  // 0.5 a month: the requests' ok value
        CHECK(*compute_components(m, c.score)[2] == 0);
        m.discount_requests = 20;  // 1.25 a month: (1.25 - 0.5) / 1.5
        CHECK(*compute_components(m, c.score)[2] == 0.5);
        m.discount_requests = 32;  // 2 a month: the requests' bad value
        CHECK(*compute_components(m, c.score)[2] == 1);

        m.discount_requests = 14;  // 0.875 a month → 0.25
        m.discount_share = 0.20;   // (0.20 - 0.05) / 0.20 = 0.75
        CHECK(*compute_components(m, c.score)[2] == Approx(0.75));
        m.discount_share = 0.06;  // 0.05, below the requests' 0.25
        CHECK(*compute_components(m, c.score)[2] == Approx(0.25));
        m.discount_share = 0.25;
        CHECK(*compute_components(m, c.score)[2] == Approx(1));
    }
}

TEST_CASE("score::compute_components null exactly where the data was not supplied", "[score]") {
    SixteenMonths c;
    ClientMetrics m;
    m.contacts_per_week = 6;
    m.after_hours_share = 0.25;
    m.discount_requests = 20;
    m.avg_days_late = 26;
    m.disputed_invoices = 16;

    SECTION("contacts only") {
        c.score.supplied = Supplied{true, false, false, false};
        const Components comp = compute_components(m, c.score);
        REQUIRE(comp[0]);
        REQUIRE(comp[1]);
        CHECK(*comp[0] == Approx(0.5));
        CHECK(*comp[1] == Approx(0.5));
        CHECK_FALSE(comp[2]);
        CHECK_FALSE(comp[3]);
        CHECK_FALSE(comp[4]);
    }
    SECTION("a disputed column without contacts: hostility from the disputes alone") {
        c.score.supplied = Supplied{false, false, true, true};
        const Components comp = compute_components(m, c.score);
        CHECK_FALSE(comp[0]);
        CHECK_FALSE(comp[1]);
        CHECK_FALSE(comp[2]);
        REQUIRE(comp[3]);
        REQUIRE(comp[4]);
        CHECK(*comp[3] == 0.5);
        CHECK(*comp[4] == 0.5);  // 16 disputes / 16 months = 1 a month
        // the mean of the two, not diluted by zeros for the three missing ones
        CHECK(compute_toxicity(comp, c.settings.weights) == Approx(50.0));
    }
    SECTION("discounts without invoices: the requests alone") {
        c.score.supplied = Supplied{false, true, false, false};
        const Components comp = compute_components(m, c.score);
        REQUIRE(comp[2]);
        CHECK(*comp[2] == 0.5);
        CHECK_FALSE(comp[3]);
    }
    SECTION("nothing supplied: every component null, toxicity 0") {
        c.score.supplied = Supplied{};
        const Components comp = compute_components(m, c.score);
        for (const auto& value : comp) {
            CHECK_FALSE(value.has_value());
        }
        CHECK(compute_toxicity(comp, c.settings.weights) == 0);
    }
}

TEST_CASE("score::compute_components reads every component's thresholds from the settings", "[score]") {
    SixteenMonths c;
    ClientMetrics m;
    c.settings.thresholds[1] = Threshold{0.2, 0.3};
    m.after_hours_share = 0.25;
    c.settings.thresholds[3] = Threshold{0, 10};
    m.avg_days_late = 5;
    c.settings.thresholds[4] = Threshold{1, 3};
    m.flagged_contacts = 32;  // 2 a month
    c.settings.thresholds[2] = Threshold{0, 0.5};
    m.discount_share = 0.25;
    const Components comp = compute_components(m, c.score);
    CHECK(*comp[1] == Approx(0.5));
    CHECK(*comp[3] == Approx(0.5));
    CHECK(*comp[4] == Approx(0.5));
    CHECK(*comp[2] == Approx(0.5));

    SECTION("the discounts pair is the share's: the requests keep 0.5 to 2 a month") {
        c.settings.thresholds[2] = Threshold{0.9, 1.0};
        m.discount_requests = 20;  // 1.25 a month
        CHECK(*compute_components(m, c.score)[2] == Approx(0.5));
    }
}

TEST_CASE("score::compute_toxicity leaves null components and their weights out", "[score]") {
    const std::array<double, k_component_count> ones = {1, 1, 1, 1, 1};
    CHECK(compute_toxicity(Components{}, ones) == 0);  // nothing to score
    CHECK(compute_toxicity(Components{1.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt}, ones) == 100);
    CHECK(compute_toxicity(Components{1.0, 1.0, 1.0, 1.0, 1.0}, ones) == 100);
    CHECK(compute_toxicity(Components{0.0, 0.0, 0.0, 0.0, 0.0}, ones) == 0);

    const Components two = {1.0, 0.0, std::nullopt, std::nullopt, std::nullopt};
    CHECK(compute_toxicity(two, ones) == 50);
    CHECK(compute_toxicity(two, {0, 1, 1, 1, 1}) == 0);    // a zero weight drops the 1.0
    CHECK(compute_toxicity(two, {1, 0, 1, 1, 1}) == 100);  // and here the 0.0
    CHECK(compute_toxicity(two, {3, 1, 1, 1, 1}) == 75);
    CHECK(compute_toxicity(two, {0, 0, 1, 1, 1}) == 0);  // the present weights add up to 0
}

TEST_CASE("score::compute_toxicity rounds to one decimal, half away from zero", "[score]") {
    const std::array<double, k_component_count> ones = {1, 1, 1, 1, 1};
    // 100 × (0.25 + 0.375) / 2 = 31.25 exactly: half away gives 31.3 (half to even 31.2)
    CHECK(compute_toxicity(Components{0.25, 0.375, std::nullopt, std::nullopt, std::nullopt}, ones) == Approx(31.3));
    // 0.1225 is stored just below 0.1225: the 1e-9 of SPEC §3 still rounds 12.25 up
    CHECK(compute_toxicity(Components{0.1225, std::nullopt, std::nullopt, std::nullopt, std::nullopt}, ones) ==
          Approx(12.3));
    // 100 × 0.12345 = 12.345 → 12.3, not up
    CHECK(compute_toxicity(Components{0.12345, std::nullopt, std::nullopt, std::nullopt, std::nullopt}, ones) ==
          Approx(12.3));
    // 100 × (1 + 1 + 0) / 3 = 66.666… → 66.7
    CHECK(compute_toxicity(Components{1.0, 1.0, 0.0, std::nullopt, std::nullopt}, ones) == Approx(66.7));
}

#include <catch2/catch.hpp>

#include "clientscore/report.hpp"
#include "render/columns.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

TEST_CASE("render::round_half_away", "[render]") {
    SECTION("halves go away from zero") {
        CHECK(round_half_away(0.5, 0) == 1);
        CHECK(round_half_away(-0.5, 0) == -1);
        CHECK(round_half_away(1.25, 1) == 1.3);
        CHECK(round_half_away(-1.25, 1) == -1.3);
    }
    SECTION("a value stored just below the half still rounds up (the 1e-9 rule)") {
        CHECK(round_half_away(2.675, 2) == 2.68);
        CHECK(round_half_away(1.005, 2) == 1.01);
        CHECK(round_half_away(-2.675, 2) == -2.68);
    }
    SECTION("minus zero becomes zero") {
        const double r = round_half_away(-0.004, 2);
        CHECK(r == 0);
        CHECK_FALSE(std::signbit(r));
        CHECK_FALSE(std::signbit(round_half_away(-0.0, 1)));
    }
    SECTION("plain rounding") {
        CHECK(round_half_away(0.41666666, 4) == 0.4167);
        CHECK(round_half_away(38.333333, 2) == 38.33);
        CHECK(round_half_away(72.45, 1) == 72.5);
        CHECK(round_half_away(123456.789, 0) == 123457);
    }
}

TEST_CASE("render::client_columns", "[render]") {
    const auto& columns = client_columns();
    std::vector<std::string> keys;
    for (const auto& column : columns) {
        keys.push_back(column.key);
    }
    SECTION("SPEC §5 order: the verdict first, then every metric of §3 in its order") {
        const std::vector<std::string> expected = {
            "rank", "client", "name", "toxicity", "verdict", "action", "reasons",
            "components_communication", "components_after_hours", "components_discounts", "components_payment",
            "components_hostility", "calls", "calls_in", "call_minutes", "emails", "emails_in", "contacts_in",
            "contacts_per_week", "after_hours_share", "off_day_share", "flagged_contacts", "invoices",
            "disputed_invoices", "tags_threat", "tags_abusive", "tags_escalation", "tags_blame", "tags_dispute",
            "tags_rework", "billed", "credits", "net_revenue", "collected", "outstanding", "overdue", "aging_1_30",
            "aging_31_60", "aging_61_90", "aging_over_90", "avg_days_late", "max_days_late", "oldest_overdue_days",
            "late_share", "discounts", "discount_requests", "discount_share", "support_hours", "cost_to_serve",
            "margin", "margin_pct", "effective_rate", "revenue_share", "price_increase_needed"};
        CHECK(keys == expected);
    }
    SECTION("decimals follow SPEC §5") {
        auto decimals = [&](std::string_view key) { return columns[*render::find_client_column(key)].decimals; };
        CHECK(decimals("toxicity") == 1);
        CHECK(decimals("components_payment") == 4);
        CHECK(decimals("call_minutes") == 2);
        CHECK(decimals("contacts_per_week") == 2);
        CHECK(decimals("after_hours_share") == 4);
        CHECK(decimals("net_revenue") == 2);
        CHECK(decimals("aging_over_90") == 2);
        CHECK(decimals("avg_days_late") == 2);
        CHECK(decimals("support_hours") == 2);
        CHECK(decimals("margin_pct") == 4);
        CHECK(decimals("effective_rate") == 2);
        CHECK(decimals("revenue_share") == 4);
        CHECK(decimals("price_increase_needed") == 4);
    }
    SECTION("groups and sub keys") {
        const auto& aging = columns[*render::find_client_column("aging_31_60")];
        CHECK(aging.group == "aging");
        CHECK(aging.sub == "31_60");
        CHECK(aging.index == 1);
        CHECK(columns[*render::find_client_column("margin")].group.empty());
        CHECK(render::first_metric_column() == 12);
        CHECK(render::first_column_of_group("components") == 7);
    }
    SECTION("every column has a description, and getters read the right field") {
        const ClientResult c = test::acme();
        for (const auto& column : columns) {
            CHECK_FALSE(column.description.empty());
        }
        CHECK(std::get<std::int64_t>(render::client_cell(c, *render::find_client_column("tags_threat"))) == 2);
        CHECK(std::get<double>(render::client_cell(c, *render::find_client_column("aging_31_60"))) == 800);
        CHECK(std::holds_alternative<std::monostate>(
            render::client_cell(c, *render::find_client_column("components_discounts"))));
        CHECK(std::get<std::string>(render::client_cell(c, *render::find_client_column("verdict"))) == "fire");
        CHECK(std::holds_alternative<std::monostate>(
            render::client_cell(test::bistro(), *render::find_client_column("margin_pct"))));
    }
}

// A client column's value as a person reads it (src/render/client_display.cpp): money grouped,
// shares as percentages, numbers with the column's decimals, `—` for null.

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

#include "clientscore/metrics.hpp"
#include "render/client_display.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::render;

namespace {

std::string shown(const ClientResult& client, std::string_view key) {
    const auto index = client_table().find(key);
    REQUIRE(index.has_value());
    return display_client_value(client_table(), client, *index);
}

}  // namespace

TEST_CASE("render::display_client_value money, shares and numbers by the column's unit", "[render]") {
    ClientResult c = test::acme();
    SECTION("money: two decimals, thousands separators, half away from zero, no -0") {
        c.metrics.net_revenue = 1234567.891;
        CHECK(shown(c, "net_revenue") == "1,234,567.89");
        c.metrics.margin = -1234.5;
        CHECK(shown(c, "margin") == "-1,234.50");
        c.metrics.overdue = 0.125;  // exactly 0.125: half away gives 0.13
        CHECK(shown(c, "overdue") == "0.13");
        c.metrics.credits = -0.004;
        CHECK(shown(c, "credits") == "0.00");
        CHECK(shown(c, "aging_31_60") == "800.00");
        // effective_rate is money: 1200 / (135.5 / 60) = 531.365…
        CHECK(shown(c, "effective_rate") == "531.37");
    }
    SECTION("shares: a percentage with one decimal") {
        CHECK(shown(c, "after_hours_share") == "41.7%");  // 5 / 12
        CHECK(shown(c, "off_day_share") == "12.5%");
        CHECK(shown(c, "revenue_share") == "80.0%");
        c.metrics.late_share = 0.12345;  // 12.345% → 12.3%
        CHECK(shown(c, "late_share") == "12.3%");
        c.metrics.discount_share = 0.0625;  // 6.25% exactly → 6.3%, half away from zero
        CHECK(shown(c, "discount_share") == "6.3%");
        c.metrics.margin_pct = -0.00004;  // -0.004% → 0.0%, never -0.0%
        CHECK(shown(c, "margin_pct") == "0.0%");
        c.metrics.margin_pct = -1.5;
        CHECK(shown(c, "margin_pct") == "-150.0%");
    }
    SECTION("numbers: exactly the column's decimals") {
        CHECK(shown(c, "toxicity") == "57.0");
        CHECK(shown(c, "call_minutes") == "95.50");
        CHECK(shown(c, "contacts_per_week") == "1.87");  // 16 / (60 / 7) = 1.8666…
        c.metrics.contacts_per_week = 2.125;             // exact: half away gives 2.13
        CHECK(shown(c, "contacts_per_week") == "2.13");
        c.metrics.avg_days_late = -2.125;
        CHECK(shown(c, "avg_days_late") == "-2.13");
        CHECK(shown(c, "components_communication") == "0.8125");
        CHECK(shown(c, "components_after_hours") == "0.4167");
        CHECK(shown(c, "support_hours") == "2.26");  // 135.5 / 60
    }
    SECTION("counts, words, text and lists") {
        CHECK(shown(c, "rank") == "1");
        CHECK(shown(c, "calls") == "12");
        CHECK(shown(c, "tags_threat") == "2");
        CHECK(shown(c, "tags_rework") == "0");
        CHECK(shown(c, "max_days_late") == "45");
        CHECK(shown(c, "client") == "C001");
        CHECK(shown(c, "name") == "Acme Ltd");
        CHECK(shown(c, "verdict") == "fire");
        CHECK(shown(c, "action") == "Fire: give notice by 2024-05-29.");
        CHECK(shown(c, "reasons") == "41.7% of inbound contacts after hours | pays 38.3 days late on average");
        c.score.reasons.clear();
        CHECK(shown(c, "reasons").empty());
    }
}

TEST_CASE("render::display_client_value shows null as a dash, and only null", "[render]") {
    ClientResult c = test::bistro();
    CHECK(std::string(k_null_text) == "—");
    CHECK(shown(c, "name") == "—");
    CHECK(shown(c, "margin_pct") == "—");
    CHECK(shown(c, "effective_rate") == "—");
    CHECK(shown(c, "revenue_share") == "—");
    CHECK(shown(test::acme(), "components_discounts") == "—");
    // zero and empty text are values, not nulls
    CHECK(shown(c, "net_revenue") == "0.00");
    CHECK(shown(c, "calls_in") == "0");
    c.name = "";
    CHECK(shown(c, "name").empty());
}

TEST_CASE("render::display_client_value for an index past the table throws", "[render]") {
    CHECK_THROWS_AS(display_client_value(client_table(), test::acme(), client_table().columns().size()), std::out_of_range);
}

TEST_CASE("render::reads_as_text: words, text and lists align left", "[render]") {
    CHECK(reads_as_text(Unit::word));
    CHECK(reads_as_text(Unit::text));
    CHECK(reads_as_text(Unit::list));
    CHECK_FALSE(reads_as_text(Unit::count));
    CHECK_FALSE(reads_as_text(Unit::number));
    CHECK_FALSE(reads_as_text(Unit::money));
    CHECK_FALSE(reads_as_text(Unit::share));
}

TEST_CASE("render::as_client_result carries a month's score and metrics only", "[render]") {
    const ClientResult whole = test::acme();
    const ClientResult month = as_client_result(whole.score, whole.metrics);
    CHECK(month.rank == 0);
    CHECK(month.client.empty());
    CHECK_FALSE(month.name.has_value());
    CHECK(month.score.toxicity == whole.score.toxicity);
    CHECK(month.score.verdict == whole.score.verdict);
    CHECK(month.score.components == whole.score.components);
    CHECK(month.score.reasons == whole.score.reasons);
    CHECK(month.metrics.net_revenue == whole.metrics.net_revenue);
    CHECK(month.metrics.tags == whole.metrics.tags);
    // rendered from the same table as a client
    CHECK(shown(month, "toxicity") == "57.0");
    CHECK(shown(month, "overdue") == "800.00");
    CHECK(shown(month, "name") == "—");
}

TEST_CASE("render::change_text", "[render]") {
    CHECK(change_text(std::nullopt) == "—");
    CHECK(change_text(ClientChange{}) == "new");
    CHECK(change_text(ClientChange{ChangeStatus::worse, Verdict::watch, 40.0, 12.5}) == "↑ +12.5");
    CHECK(change_text(ClientChange{ChangeStatus::better, Verdict::fire, 70.0, -3.0}) == "↓ −3.0");  // U+2212
    CHECK(change_text(ClientChange{ChangeStatus::same, Verdict::keep, 5.0, 0.0}) == "= 0.0");
    CHECK(change_text(ClientChange{ChangeStatus::same, Verdict::keep, 5.0, -0.04}) == "= 0.0");  // no −0.0
    // the verdict gives the arrow, the figure the toxicity: chased while calmer
    CHECK(change_text(ClientChange{ChangeStatus::worse, Verdict::watch, 40.0, -2.5}) == "↑ −2.5");
}

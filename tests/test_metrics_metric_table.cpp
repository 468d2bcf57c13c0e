#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "clientscore/metrics.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

TEST_CASE("metrics::client_columns", "[metrics]") {
    const auto& columns = client_table().columns();
    std::vector<std::string> keys;
    for (const auto& column : columns) {
        keys.push_back(column.key);
    }
    SECTION("SPEC §5 order: the verdict first, then every metric of §3 in its order") {
        const std::vector<std::string> expected = {
            "rank", "client", "name", "toxicity", "verdict", "cause", "action", "reasons",
            "components_communication", "components_after_hours", "components_discounts", "components_payment",
            "components_hostility", "calls", "calls_in", "call_minutes", "emails", "emails_in", "contacts_in",
            "contacts_per_week", "after_hours_share", "off_day_share", "flagged_contacts", "invoices",
            "disputed_invoices", "tags_threat", "tags_abusive", "tags_escalation", "tags_blame", "tags_dispute",
            "tags_rework", "billed", "credits", "net_revenue", "collected", "outstanding", "overdue", "aging_1_30",
            "aging_31_60", "aging_61_90", "aging_over_90", "avg_days_late", "max_days_late", "oldest_overdue_days",
            "late_share", "discounts", "discount_requests", "discount_share", "support_hours", "logged_hours", "hours",
            "cost_to_serve", "margin", "margin_pct", "effective_rate", "people", "top_person", "top_person_share",
            "revenue_share", "price_increase_needed"};
        CHECK(keys == expected);
    }
    SECTION("decimals follow SPEC §5") {
        auto decimals = [&](std::string_view key) { return columns[*client_table().find(key)].decimals; };
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
        const auto& aging = columns[*client_table().find("aging_31_60")];
        CHECK(aging.group == "aging");
        CHECK(aging.sub == "31_60");
        CHECK(aging.index == 1);
        CHECK(columns[*client_table().find("margin")].group.empty());
        CHECK(client_table().first_metric() == 13);
        CHECK(client_table().first_of_group("components") == 8);
    }
    SECTION("every column has a description, and getters read the right field") {
        const ClientResult c = test::acme();
        for (const auto& column : columns) {
            CHECK_FALSE(column.description.empty());
        }
        CHECK(std::get<std::int64_t>(client_table().cell(c, *client_table().find("tags_threat"))) == 2);
        CHECK(std::get<double>(client_table().cell(c, *client_table().find("aging_31_60"))) == 800);
        CHECK(std::holds_alternative<std::monostate>(
            client_table().cell(c, *client_table().find("components_discounts"))));
        CHECK(std::get<std::string>(client_table().cell(c, *client_table().find("verdict"))) == "fire");
        CHECK(std::holds_alternative<std::monostate>(
            client_table().cell(test::bistro(), *client_table().find("margin_pct"))));
    }
}

TEST_CASE("metrics::table_columns: the rank table and explain's months come from the table", "[metrics]") {
    auto keys = [](const std::vector<std::size_t>& indexes) {
        std::vector<std::string> out;
        for (std::size_t i : indexes) {
            out.push_back(client_table().columns()[i].key);
        }
        return out;
    };
    auto headers = [](const std::vector<std::size_t>& indexes) {
        std::vector<std::string> out;
        for (std::size_t i : indexes) {
            out.push_back(client_table().columns()[i].header);
        }
        return out;
    };
    const auto rank = client_table().shown_in(&ClientColumn::rank_table);
    // SPEC §5 ◆12: rank, client, verdict, toxicity, cause ("why"), name, then the figures.
    CHECK(keys(rank) == std::vector<std::string>{"rank", "client", "verdict", "toxicity", "cause", "name",
                                                 "net_revenue", "margin_pct", "overdue", "contacts_per_week",
                                                 "after_hours_share", "avg_days_late", "discount_share", "hours"});
    CHECK(headers(rank) == std::vector<std::string>{"rank", "client", "verdict", "toxicity", "why", "name",
                                                    "net revenue", "margin", "overdue", "contacts/wk",
                                                    "after hours", "days late", "discounts", "hours"});
    const auto months = client_table().shown_in(&ClientColumn::month_table);
    CHECK(keys(months) == std::vector<std::string>{"contacts_in", "after_hours_share", "logged_hours", "net_revenue",
                                                   "margin", "overdue", "toxicity", "verdict"});
    SECTION("a header defaults to the key with spaces") {
        CHECK(client_table().columns()[*client_table().find("price_increase_needed")].header == "price increase needed");
    }
    SECTION("units") {
        CHECK(client_table().columns()[*client_table().find("verdict")].unit == Unit::word);
        CHECK(client_table().columns()[*client_table().find("margin_pct")].unit == Unit::share);
        CHECK(client_table().columns()[*client_table().find("overdue")].unit == Unit::money);
        CHECK(client_table().columns()[*client_table().find("calls")].unit == Unit::count);
    }
}

TEST_CASE("metrics::every column is in the README's glossary", "[metrics][docs]") {
    std::ifstream in(std::string(CLIENTSCORE_SOURCE_DIR) + "/README.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string readme = text.str();
    const std::size_t start = readme.find("\n## Glossary");
    REQUIRE(start != std::string::npos);
    const std::string glossary = readme.substr(start, readme.find("\n## ", start + 1) - start);
    ColumnShape shape;
    shape.change = true;
    for (const ClientColumn& column : client_table(shape).columns()) {
        INFO(column.key);
        CHECK(glossary.find("| `" + column.key + "` |") != std::string::npos);
    }
}

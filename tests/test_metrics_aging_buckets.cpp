// AgingBuckets (src/metrics/aging_buckets.cpp): SPEC §3 ◆10's buckets of --aging, and the
// aging columns of the metric table that follow them.

#include <catch2/catch.hpp>

#include "clientscore/metrics.hpp"

using namespace clientscore;

TEST_CASE("metrics::AgingBuckets::bucket_of puts day D in the bucket it bounds, D+1 in the next", "[metrics]") {
    SECTION("the default 30,60,90") {
        const AgingBuckets aging;
        CHECK(aging.size() == 4);
        CHECK(aging.bucket_of(1) == 0);
        CHECK(aging.bucket_of(30) == 0);
        CHECK(aging.bucket_of(31) == 1);
        CHECK(aging.bucket_of(60) == 1);
        CHECK(aging.bucket_of(61) == 2);
        CHECK(aging.bucket_of(90) == 2);
        CHECK(aging.bucket_of(91) == 3);
        CHECK(aging.bucket_of(10000) == 3);
    }
    SECTION("custom 15,45") {
        const AgingBuckets aging{{15, 45}};
        CHECK(aging.size() == 3);
        CHECK(aging.bucket_of(15) == 0);
        CHECK(aging.bucket_of(16) == 1);
        CHECK(aging.bucket_of(45) == 1);
        CHECK(aging.bucket_of(46) == 2);
    }
    SECTION("one bound") {
        const AgingBuckets aging{{1}};
        CHECK(aging.bucket_of(1) == 0);
        CHECK(aging.bucket_of(2) == 1);
    }
}

TEST_CASE("metrics::AgingBuckets names 1_D1, D1+1_D2, ..., over_Dn", "[metrics]") {
    const AgingBuckets aging{{15, 30, 60}};
    CHECK(aging.name(0) == "1_15");
    CHECK(aging.name(1) == "16_30");
    CHECK(aging.name(2) == "31_60");
    CHECK(aging.name(3) == "over_60");
    CHECK(aging.description(0) == "overdue 1-15 days");
    CHECK(aging.description(3) == "overdue over 60 days");
    CHECK(AgingBuckets{{1, 2}}.description(0) == "overdue 1 day");
    CHECK(AgingBuckets{{1, 2}}.description(1) == "overdue 2 days");
    CHECK(aging.text() == "15,30,60");
    CHECK(AgingBuckets{}.text() == "30,60,90");
}

TEST_CASE("metrics::client_table has one aging column a bucket of its shape", "[metrics]") {
    const ClientTable& table = client_table(ColumnShape{AgingBuckets{{15, 30}}, false});
    REQUIRE(table.find("aging_1_15"));
    REQUIRE(table.find("aging_16_30"));
    REQUIRE(table.find("aging_over_30"));
    CHECK_FALSE(table.find("aging_1_30"));
    CHECK_FALSE(table.find("aging_over_90"));
    const ClientColumn& first = table.columns()[*table.find("aging_1_15")];
    CHECK(first.group == "aging");
    CHECK(first.sub == "1_15");
    CHECK(first.description == "overdue 1-15 days");
    // The same shape is the same table: renderers hold it by reference.
    CHECK(&client_table(ColumnShape{AgingBuckets{{15, 30}}, false}) == &table);
    CHECK(&client_table() != &table);

    ClientResult c;
    c.metrics.aging = {100, 200, 300};
    CHECK(std::get<double>(table.cell(c, *table.find("aging_16_30"))) == 200);
    // Metrics measured with other buckets read null, never another bucket's amount.
    c.metrics.aging = {100, 200};
    CHECK(std::holds_alternative<std::monostate>(table.cell(c, *table.find("aging_over_30"))));
}

// SPEC §4's ranking and the revenue share it is taken of (src/score/ranking.cpp): toxicity
// descending, then margin ascending, then client id in byte order.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clientscore/score.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

namespace {

RankedClient ranked(std::uint32_t index, double toxicity, double margin, double net_revenue = 0) {
    RankedClient c;
    c.index = index;
    c.toxicity = toxicity;
    c.margin = margin;
    c.net_revenue = net_revenue;
    return c;
}

std::vector<std::string> ranked_ids(const Ranking& ranking, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const RankedClient& c : ranking.clients) {
        out.push_back(ids.at(c.index));
    }
    return out;
}

}  // namespace

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

TEST_CASE("score::ranks_before orders by toxicity, then margin, then id in byte order", "[score]") {
    // toxicity first, whatever the margin and the id
    CHECK(ranks_before(60, 1000, "z", 59.9, -1000, "a"));
    CHECK_FALSE(ranks_before(59.9, -1000, "a", 60, 1000, "z"));
    // equal toxicity: the lower margin first, compared unrounded (both are 0.00 at cents)
    CHECK(ranks_before(50, -100, "z", 50, 50, "a"));
    CHECK(ranks_before(50, -0.001, "z", 50, 0.001, "a"));
    CHECK_FALSE(ranks_before(50, 0.001, "a", 50, -0.001, "z"));
    // equal toxicity and margin: byte order of the ids, not a natural or case-blind order
    CHECK(ranks_before(50, 1, "B", 50, 1, "a"));
    CHECK(ranks_before(50, 1, "a10", 50, 1, "a9"));
    CHECK(ranks_before(50, 1, "z", 50, 1, "\xc3\xa9"));  // é after every ASCII letter
    CHECK(ranks_before(50, 1, "a", 50, 1, "ab"));
    // a strict order: nothing ranks before itself
    CHECK_FALSE(ranks_before(50, 1, "a", 50, 1, "a"));
}

TEST_CASE("score::rank_clients breaks ties by margin, then by id", "[score]") {
    SECTION("equal toxicity: margin ascending, negative first") {
        const std::vector<std::string> ids = {"a", "b", "c"};
        const Ranking r = rank_clients({ranked(0, 40, 10), ranked(1, 40, -10), ranked(2, 40, 0)}, ids);
        CHECK(ranked_ids(r, ids) == std::vector<std::string>{"b", "c", "a"});
    }
    SECTION("equal toxicity and margin: byte order of the ids") {
        const std::vector<std::string> ids = {"a", "B", "\xc3\xa9", "a10", "a9"};
        std::vector<RankedClient> clients;
        for (std::uint32_t i = 0; i < ids.size(); ++i) {
            clients.push_back(ranked(i, 12.5, 100));
        }
        const Ranking r = rank_clients(clients, ids);
        CHECK(ranked_ids(r, ids) == std::vector<std::string>{"B", "a", "a10", "a9", "\xc3\xa9"});
    }
    SECTION("toxicity wins over margin and id") {
        const std::vector<std::string> ids = {"a", "b", "c"};
        const Ranking r = rank_clients({ranked(0, 10, -500), ranked(1, 10.1, 900), ranked(2, 0, -1000)}, ids);
        CHECK(ranked_ids(r, ids) == std::vector<std::string>{"b", "a", "c"});
    }
}

TEST_CASE("score::rank_clients with no clients or no revenue", "[score]") {
    SECTION("no clients: an empty ranking and an empty portfolio") {
        const Ranking r = rank_clients({}, {});
        CHECK(r.clients.empty());
        CHECK(r.total_net_revenue == 0);
        CHECK(r.portfolio.clients == 0);
        CHECK_FALSE(r.portfolio.max_revenue_share.has_value());
        CHECK_FALSE(r.portfolio.effective_rate.has_value());
        CHECK(r.portfolio.if_fired.fired == 0);
    }
    SECTION("a total of zero or less: no revenue shares") {
        const std::vector<std::string> ids = {"a", "b"};
        const Ranking r = rank_clients({ranked(0, 0, 0, -100), ranked(1, 0, 0, 50)}, ids);
        CHECK(r.total_net_revenue == -50);
        CHECK_FALSE(r.portfolio.max_revenue_share.has_value());
        CHECK(r.portfolio.net_revenue == -50);
    }
    SECTION("a negative client inside a positive total: shares above 1 and below 0") {
        const std::vector<std::string> ids = {"a", "b"};
        const Ranking r = rank_clients({ranked(0, 0, 0, 1000), ranked(1, 0, 0, -200)}, ids);
        REQUIRE(r.portfolio.max_revenue_share.has_value());
        CHECK(*r.portfolio.max_revenue_share == Approx(1000.0 / 800.0));
    }
    SECTION("the total is tested at cents") {
        const std::vector<std::string> ids = {"a", "b"};
        // 0.006 rounds to 0.01 > 0: shares of one half each
        const Ranking some = rank_clients({ranked(0, 0, 0, 0.003), ranked(1, 0, 0, 0.003)}, ids);
        REQUIRE(some.portfolio.max_revenue_share.has_value());
        CHECK(*some.portfolio.max_revenue_share == Approx(0.5));
        // 0.004 rounds to 0.00: none
        const Ranking none = rank_clients({ranked(0, 0, 0, 0.002), ranked(1, 0, 0, 0.002)}, ids);
        CHECK_FALSE(none.portfolio.max_revenue_share.has_value());
    }
}

TEST_CASE("score::revenue_share at the edges", "[score]") {
    CHECK(*revenue_share(0, 500) == 0);
    CHECK(*revenue_share(-50, 200) == Approx(-0.25));
    CHECK(*revenue_share(300, 200) == Approx(1.5));
    CHECK(*revenue_share(1, 0.005) == Approx(200));  // 0.005 rounds half away to 0.01
    CHECK_FALSE(revenue_share(100, -0.001).has_value());
}

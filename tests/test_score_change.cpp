// change_against and reaches_new_verdict (src/score/change.cpp): SPEC §4 ◆11.

#include <catch2/catch.hpp>

#include "clientscore/score.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

TEST_CASE("score::change_against", "[score]") {
    SECTION("a client not in the baseline is new, its other keys null") {
        const ClientChange c = change_against(Verdict::fire, 70.0, nullptr);
        CHECK(c.status == ChangeStatus::new_client);
        CHECK_FALSE(c.verdict_before);
        CHECK_FALSE(c.toxicity_before);
        CHECK_FALSE(c.toxicity_delta);
    }
    SECTION("worse, better and same follow the verdict, not the toxicity") {
        const BaselineClient was{"A", Verdict::watch, 41.0};
        const ClientChange worse = change_against(Verdict::fire, 62.3, &was);
        CHECK(worse.status == ChangeStatus::worse);
        CHECK(worse.verdict_before == Verdict::watch);
        CHECK(worse.toxicity_before == 41.0);
        CHECK(*worse.toxicity_delta == Approx(21.3));
        // chase for an old invoice while the toxicity falls: still worse
        CHECK(change_against(Verdict::chase, 35.0, &was).status == ChangeStatus::worse);
        const ClientChange better = change_against(Verdict::keep, 12.0, &was);
        CHECK(better.status == ChangeStatus::better);
        CHECK(*better.toxicity_delta == Approx(-29.0));
        const ClientChange same = change_against(Verdict::watch, 41.0, &was);
        CHECK(same.status == ChangeStatus::same);
        CHECK(*same.toxicity_delta == 0.0);
    }
    SECTION("toxicity_delta is rounded to one decimal") {
        // 84.2 − 71.7 is 12.500000000000014 in doubles; 0.3 − 0.2 is 0.09999999999999998.
        const BaselineClient a{"A", Verdict::fire, 71.7};
        CHECK(*change_against(Verdict::fire, 84.2, &a).toxicity_delta == 12.5);
        const BaselineClient b{"B", Verdict::keep, 0.2};
        CHECK(*change_against(Verdict::keep, 0.3, &b).toxicity_delta == 0.1);
        // A baseline toxicity with more decimals than rank prints still gives one decimal:
        // 50 − 47.25 = 2.75 → 2.8 (half away from zero).
        const BaselineClient c{"C", Verdict::watch, 47.25};
        CHECK(*change_against(Verdict::watch, 50.0, &c).toxicity_delta == 2.8);
        const BaselineClient d{"D", Verdict::watch, 52.75};
        CHECK(*change_against(Verdict::watch, 50.0, &d).toxicity_delta == -2.8);
    }
}

TEST_CASE("score::reaches_new_verdict", "[score]") {
    const BaselineClient chase{"A", Verdict::chase, 20};
    const BaselineClient fire{"B", Verdict::fire, 80};
    const BaselineClient watch{"C", Verdict::watch, 35};
    // A new client at or past the threshold reaches it.
    CHECK(reaches_new_verdict(Verdict::fire, change_against(Verdict::fire, 80, nullptr), Verdict::fire));
    CHECK(reaches_new_verdict(Verdict::chase, change_against(Verdict::chase, 10, nullptr), Verdict::chase));
    CHECK_FALSE(reaches_new_verdict(Verdict::reprice, change_against(Verdict::reprice, 10, nullptr), Verdict::chase));
    // Worse into or past it: reached.
    CHECK(reaches_new_verdict(Verdict::fire, change_against(Verdict::fire, 80, &watch), Verdict::chase));
    CHECK(reaches_new_verdict(Verdict::fire, change_against(Verdict::fire, 80, &chase), Verdict::chase));
    // It had it already (same), or came down to it (better): nothing reached.
    CHECK_FALSE(reaches_new_verdict(Verdict::fire, change_against(Verdict::fire, 90, &fire), Verdict::fire));
    CHECK_FALSE(reaches_new_verdict(Verdict::chase, change_against(Verdict::chase, 30, &fire), Verdict::chase));
    // Worse but below the threshold.
    CHECK_FALSE(reaches_new_verdict(Verdict::reprice, change_against(Verdict::reprice, 40, &watch), Verdict::chase));
}

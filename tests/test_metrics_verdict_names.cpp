#include <catch2/catch.hpp>

#include "clientscore/options.hpp"

using clientscore::parse_verdict;
using clientscore::Verdict;
using clientscore::verdict_name;

TEST_CASE("cli::verdict_name", "[cli]") {
    SECTION("every verdict has its SPEC name") {
        CHECK(verdict_name(Verdict::keep) == "keep");
        CHECK(verdict_name(Verdict::watch) == "watch");
        CHECK(verdict_name(Verdict::reprice) == "reprice");
        CHECK(verdict_name(Verdict::chase) == "chase");
        CHECK(verdict_name(Verdict::fire) == "fire");
    }
}

TEST_CASE("cli::parse_verdict", "[cli]") {
    SECTION("round trip through verdict_name") {
        for (Verdict v : {Verdict::keep, Verdict::watch, Verdict::reprice, Verdict::chase, Verdict::fire}) {
            CHECK(parse_verdict(verdict_name(v)) == v);
        }
    }
    SECTION("any case") {
        CHECK(parse_verdict("FIRE") == Verdict::fire);
        CHECK(parse_verdict("Reprice") == Verdict::reprice);
    }
    SECTION("anything else is no verdict") {
        CHECK_FALSE(parse_verdict(""));
        CHECK_FALSE(parse_verdict("fired"));
        CHECK_FALSE(parse_verdict("fir"));
        CHECK_FALSE(parse_verdict(" fire"));
    }
}

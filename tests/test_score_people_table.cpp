// Who carries the load (src/score/people_table.cpp, SPEC ◆9), with hand-worked numbers.

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "clientscore/score.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

namespace {

PersonLoad hours(double h, std::uint32_t after_hours = 0) {
    PersonLoad load;
    load.ms = static_cast<std::int64_t>(h * 3'600'000);
    load.after_hours_in = after_hours;
    return load;
}

}  // namespace

TEST_CASE("score::people_table: hours, clients, toxic hours at the fire_at boundary", "[score][people]") {
    // Clients: 0 "A" toxicity 60 (exactly fire_at: toxic), 1 "B" 59.9 (not), 2 "C" not listed.
    const std::vector<std::string> ids = {"A", "B", "C"};
    const std::vector<double> toxicity = {60.0, 59.9, NAN};
    PeopleLedger ledger;
    const std::uint32_t ana = ledger.person_id("Ana");
    const std::uint32_t ben = ledger.person_id("Ben");
    const std::uint32_t cy = ledger.person_id("Cy");
    ledger.add(0, ana, hours(30, 4));  // Ana: 30 h on A (toxic), 90 h on B → 120 h, 25% toxic
    ledger.add(1, ana, hours(90, 1));
    ledger.add(1, ben, hours(120));    // Ben: 120 h, none toxic; ties with Ana on hours
    PersonLoad calls;
    calls.ms = 0;                 // Cy: a call of 0 minutes on C: 0 h, share null
    ledger.add(2, cy, calls);
    const PeopleByClient people(ledger, ids.size());

    const std::vector<PersonRow> rows = people_table(people, ids, toxicity, 5, 60);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].person == "Ana");  // 120 h each: by name
    CHECK(rows[0].hours == Approx(120));
    CHECK(rows[0].clients == 2);
    CHECK(rows[0].toxic_hours == Approx(30));
    REQUIRE(rows[0].toxic_share);
    CHECK(*rows[0].toxic_share == Approx(0.25));
    CHECK(rows[0].after_hours_contacts == 5);
    CHECK(rows[1].person == "Ben");
    CHECK(rows[1].toxic_hours == 0);
    CHECK(*rows[1].toxic_share == 0);
    CHECK(rows[2].person == "Cy");
    CHECK(rows[2].hours == 0);
    CHECK_FALSE(rows[2].toxic_share);  // hours = 0: null
}

TEST_CASE("score::client_people: most hours first, ties by name, share of the client's hours", "[score][people]") {
    PeopleLedger ledger;
    ledger.add(0, ledger.person_id("Zed"), hours(2));
    ledger.add(0, ledger.person_id("Amy"), hours(2));
    ledger.add(0, ledger.person_id("Max"), hours(4));
    const PeopleByClient people(ledger, 1);
    // The client's hours also hold 2 h of calls that name no person: 10 h in all.
    const std::vector<ClientPersonRow> rows = client_people(people[0], 10, 5);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].person == "Max");
    CHECK(*rows[0].share == Approx(0.4));
    CHECK(rows[1].person == "Amy");
    CHECK(rows[2].person == "Zed");
    CHECK(client_people(people[0], 0, 5)[0].share == std::nullopt);
}

// The people ledger (src/aggregate/people_ledger.cpp): loads per client and person, merged
// across readers by name, listed by client then name (SPEC ◆9 breaks ties by name).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "clientscore/aggregate.hpp"

using namespace clientscore;
using Catch::Detail::Approx;

namespace {

PersonLoad call(std::int64_t minutes, std::uint32_t after_hours = 0) {
    PersonLoad load;
    load.ms = minutes * 60'000;
    load.after_hours_in = after_hours;
    return load;
}

PersonLoad logged(double hours) {
    PersonLoad load;
    load.ms = static_cast<std::int64_t>(hours * 3'600'000);
    return load;
}

}  // namespace

TEST_CASE("aggregate::PersonLoad hours: call minutes, email minutes and logged hours", "[aggregate][people]") {
    PersonLoad load = call(30);
    load.emails = 6;
    load.ms += 2 * 3'600'000;  // logged time adds to the call time
    // 0.5 h of calls + 6 × 5 min = 0.5 h of email + 2 h logged
    CHECK(load.hours(5) == Approx(3.0));
    CHECK(load.hours(0) == Approx(2.5));
}

TEST_CASE("aggregate::PeopleLedger adds per client and person, and lists by client then name", "[aggregate][people]") {
    PeopleLedger ledger;
    const std::uint32_t zoe = ledger.person_id("Zoë Adams");
    const std::uint32_t ana = ledger.person_id("Ana Petrova");
    CHECK(ledger.person_id("Zoë Adams") == zoe);  // compared exactly: the same id
    CHECK(ledger.person_id("ana petrova") != ana);  // another person: names are not folded
    ledger.add(1, zoe, call(10, 1));
    ledger.add(0, zoe, logged(1.5));
    ledger.add(1, ana, logged(2));
    ledger.add(1, zoe, call(20));

    const std::vector<ClientPerson> loads = ledger.by_client();
    REQUIRE(loads.size() == 3);
    CHECK(loads[0].client == 0);
    CHECK(ledger.names()[loads[0].person] == "Zoë Adams");
    CHECK(loads[1].client == 1);
    CHECK(ledger.names()[loads[1].person] == "Ana Petrova");  // byte order within a client
    CHECK(ledger.names()[loads[2].person] == "Zoë Adams");
    CHECK(loads[2].load.ms == 30 * 60'000);
    CHECK(loads[2].load.after_hours_in == 1);
}

TEST_CASE("aggregate::PeopleLedger merge maps clients and persons by name", "[aggregate][people]") {
    PeopleLedger mine;
    mine.add(0, mine.person_id("Ben Ortiz"), logged(1));
    PeopleLedger theirs;
    theirs.add(0, theirs.person_id("Ana Petrova"), logged(2));  // their client 0 is my client 4
    theirs.add(1, theirs.person_id("Ben Ortiz"), logged(3));    // their client 1 is my client 0
    const std::vector<std::uint32_t> client_map = {4, 0};
    REQUIRE(mine.merge(theirs, client_map));

    const std::vector<ClientPerson> loads = mine.by_client();
    REQUIRE(loads.size() == 2);
    CHECK(loads[0].client == 0);
    CHECK(mine.names()[loads[0].person] == "Ben Ortiz");
    CHECK(loads[0].load.ms == 4 * 3'600'000);
    CHECK(loads[1].client == 4);
    CHECK(mine.names()[loads[1].person] == "Ana Petrova");
}

TEST_CASE("aggregate::PeopleLedger sums stop at their limit and say so", "[aggregate][people]") {
    PeopleLedger ledger;
    const std::uint32_t p = ledger.person_id("P");
    PersonLoad huge;
    huge.ms = INT64_MAX - 1;
    CHECK(ledger.add(0, p, huge));
    CHECK_FALSE(ledger.add(0, p, call(1)));
    CHECK(ledger.by_client()[0].load.ms == INT64_MAX);
}

TEST_CASE("aggregate::PeopleByClient finds each client's loads", "[aggregate][people]") {
    PeopleLedger ledger;
    ledger.add(2, ledger.person_id("B"), logged(1));
    ledger.add(0, ledger.person_id("A"), logged(1));
    ledger.add(2, ledger.person_id("A"), logged(1));
    const PeopleByClient people(ledger, 3);
    CHECK(people[0].loads.size() == 1);
    CHECK(people[1].loads.empty());
    REQUIRE(people[2].loads.size() == 2);
    CHECK((*people[2].names)[people[2].loads[0].person] == "A");
    CHECK(people.all().size() == 3);

    const PeopleByClient none;
    CHECK(none.empty());
    CHECK(none[7].loads.empty());  // no time entries and no persons: every client has none
}

TEST_CASE("aggregate::PeopleLedger lists the same loads as a matrix and as an open table", "[aggregate][people]") {
    // The same pairs into a ledger with the default budget (a matrix) and one whose budget of
    // 512 cells (one block of 64 clients × 8 people) is passed when client 70 arrives, so that
    // it moves every pair to its open table.
    PeopleLedger matrix;
    PeopleLedger table(512);
    for (PeopleLedger* ledger : {&matrix, &table}) {
        const std::uint32_t zoe = ledger->person_id("Zoë");
        const std::uint32_t ana = ledger->person_id("Ana");
        ledger->add(3, zoe, call(10, 1));
        ledger->add(0, ana, call(0));  // a call of no time still makes the pair
        ledger->add(3, ana, logged(1));
        CHECK(ledger->dense());
        ledger->add(70, zoe, logged(2));
        ledger->add(3, zoe, call(5));
        // a person past the matrix's columns widens it
        for (int p = 0; p < 9; ++p) {
            ledger->add(1, ledger->person_id("P" + std::to_string(p)), call(p));
        }
    }
    CHECK(matrix.dense());
    CHECK_FALSE(table.dense());
    const std::vector<ClientPerson> a = matrix.by_client();
    const std::vector<ClientPerson> b = table.by_client();
    REQUIRE(a.size() == 13);  // 1 on client 0, 9 on client 1, 2 on client 3, 1 on client 70
    REQUIRE(b.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].client == b[i].client);
        CHECK(matrix.names()[a[i].person] == table.names()[b[i].person]);
        CHECK(a[i].load.ms == b[i].load.ms);
        CHECK(a[i].load.after_hours_in == b[i].load.after_hours_in);
    }
    CHECK(a[0].client == 0);
    CHECK(a[0].load.ms == 0);
    CHECK(a.back().client == 70);
    // client 3: Ana, then Zoë with 15 minutes of calls and one after-hours contact
    const auto zoe3 = std::find_if(a.begin(), a.end(), [&](const ClientPerson& e) {
        return e.client == 3 && matrix.names()[e.person] == "Zoë";
    });
    REQUIRE(zoe3 != a.end());
    CHECK(zoe3->load.ms == 15 * 60'000);
    CHECK(zoe3->load.after_hours_in == 1);

    // a matrix merges into a table and a table into a matrix
    PeopleLedger into_table(512);
    const std::vector<std::uint32_t> same = [] {
        std::vector<std::uint32_t> ids(71);
        for (std::uint32_t c = 0; c < ids.size(); ++c) ids[c] = c;
        return ids;
    }();
    REQUIRE(into_table.merge(matrix, same));
    REQUIRE(into_table.merge(table, same));
    const std::vector<ClientPerson> twice = into_table.by_client();
    REQUIRE(twice.size() == a.size());
    CHECK(twice.back().load.ms == 2 * a.back().load.ms);
}

// unlisted_clients_warning (src/aggregate/unlisted_clients.cpp): the clients of the exports
// that the clients file does not list, each with the listed client it is a near miss of.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "clientscore/aggregate.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

ClientDirectory listed() {
    ClientDirectory dir;
    dir.on_client(ClientRecord{"C001", "Nordlicht Apotheken GmbH", {}});
    dir.on_client(ClientRecord{"C002", "Weber, Klein & Partner", {}});
    dir.on_client(ClientRecord{"C025", "Quartier 7 Bäckerei", {}});
    return dir;
}

}  // namespace

TEST_CASE("aggregate::unlisted_clients_warning says nothing without a clients file or when all are listed",
          "[aggregate]") {
    CHECK_FALSE(unlisted_clients_warning(ClientDirectory{}, {"C001", "X"}, "clients.csv"));
    CHECK_FALSE(unlisted_clients_warning(listed(), {"C002", "C001"}, "clients.csv"));
    CHECK_FALSE(unlisted_clients_warning(listed(), {}, "clients.csv"));
}

TEST_CASE("aggregate::unlisted_clients_warning names each unlisted client and its near miss", "[aggregate]") {
    const std::optional<std::string> w = unlisted_clients_warning(
        listed(), {"C001", "nordlicht apotheken gmbh.", "C0O1", "C026", "Weber Klein and Partner"}, "clients.csv");
    REQUIRE(w);
    CHECK_THAT(*w, StartsWith("warning: 4 clients in the exports are not in the clients list (clients.csv) and are "
                              "counted as their own clients (2 close to a listed client): "));
    // the near misses first, then the others, each in byte order; a letter O typed for a zero
    // folds to the id
    CHECK_THAT(*w, Contains(": \"C0O1\" (close to C001), \"nordlicht apotheken gmbh.\" (close to C001, "
                            "\"Nordlicht Apotheken GmbH\"), \"C026\", \"Weber Klein and Partner\"; "));
    // C026 is the next client after C025, not a typo of it: one digit for another is no near
    // miss; "Weber Klein and Partner" folded is three edits from "Weber, Klein & Partner" (its
    // 20 characters allow two)
    CHECK_THAT(*w, !Contains("C026\" (close"));
    CHECK_THAT(*w, Contains("`clientscore evidence CLIENT` lists their rows"));
}

TEST_CASE("aggregate::unlisted_clients_warning allows one edit in eight characters of a longer name",
          "[aggregate]") {
    // "Nordlicht Apoteken GbH" folded is 20 characters, two edits from the listed name: near;
    // "Nordlicht Apotke GbH" is four: not
    const std::optional<std::string> near = unlisted_clients_warning(listed(), {"Nordlicht Apoteken GbH"}, "c.csv");
    REQUIRE(near);
    CHECK_THAT(*near, StartsWith("warning: 1 client in the exports is not in the clients list (c.csv) and is counted "
                                 "as its own client: \"Nordlicht Apoteken GbH\" (close to C001,"));
    CHECK_THAT(*near, Contains("add it to the clients list (`clientscore evidence CLIENT` lists its rows)"));
    const std::optional<std::string> far = unlisted_clients_warning(listed(), {"Nordlicht Apotke GbH"}, "c.csv");
    REQUIRE(far);
    CHECK_THAT(*far, !Contains("close to"));
}

TEST_CASE("aggregate::unlisted_clients_warning shows five and counts the rest", "[aggregate]") {
    std::vector<std::string> ids;
    for (const char* id : {"Z9", "A1", "B2", "C3", "D4", "E5", "F6"}) {
        ids.emplace_back(id);
    }
    const std::optional<std::string> w = unlisted_clients_warning(listed(), ids, "clients.csv");
    REQUIRE(w);
    CHECK_THAT(*w, Contains(": \"A1\", \"B2\", \"C3\", \"D4\", \"E5\" and 2 more; "));

    // A near miss far down the byte order still comes first: the folded text is looked up for
    // every unlisted client, the edit distance for the first twenty without one.
    for (int i = 0; i < 30; ++i) {
        ids.push_back(fmt::format("X{:02}", i));
    }
    ids.emplace_back("weber, KLEIN & partner!");
    const std::optional<std::string> far_down = unlisted_clients_warning(listed(), ids, "clients.csv");
    REQUIRE(far_down);
    CHECK_THAT(*far_down, Contains("(1 close to a listed client): \"weber, KLEIN & partner!\" (close to C002, "
                                   "\"Weber, Klein & Partner\"), \"A1\", \"B2\", \"C3\", \"D4\" and 33 more; "));
}

TEST_CASE("aggregate::unlisted_clients_warning compares without accents", "[aggregate]") {
    ClientDirectory dir;
    dir.on_client(ClientRecord{"C006", "Café Lindenhof", {}});
    dir.on_client(ClientRecord{"C009", "Müller & Söhne GmbH", {}});
    dir.on_client(ClientRecord{"C012", "Atelier Rosé", {}});
    const std::optional<std::string> w = unlisted_clients_warning(
        dir, {"Cafe Lindenhof", "ATELIER ROSE", "Mueller & Soehne GmbH", "Straße 9"}, "clients.csv");
    REQUIRE(w);
    CHECK_THAT(*w, Contains("(3 close to a listed client): \"ATELIER ROSE\" (close to C012, \"Atelier Rosé\"), "
                            "\"Cafe Lindenhof\" (close to C006, \"Café Lindenhof\"), \"Mueller & Soehne GmbH\" "
                            "(close to C009, \"Müller & Söhne GmbH\"), \"Straße 9\"; "));
}

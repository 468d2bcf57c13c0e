// ClientDirectory (src/aggregate/client_directory.cpp): the ids and names of the clients file,
// and the attribution of SPEC §2: a client value that is not a known id but is the name of
// exactly one known id stands for that id.

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "clientscore/aggregate.hpp"

using namespace clientscore;

TEST_CASE("aggregate::ClientDirectory attributes names to ids", "[aggregate]") {
    ClientDirectory dir;
    dir.on_client(ClientRecord{"C1", "Acme Ltd", {}});
    dir.on_client(ClientRecord{"C2", "Twin", {}});
    dir.on_client(ClientRecord{"C3", "Twin", {}});
    CHECK(dir.resolve("C1") == "C1");
    CHECK(dir.resolve("Acme Ltd") == "C1");
    CHECK(dir.resolve("Twin") == "Twin");  // two ids share the name: not attributed
    CHECK(dir.resolve("Unknown") == "Unknown");
    CHECK(dir.name_of("C1") == std::optional<std::string>("Acme Ltd"));
    CHECK_FALSE(dir.name_of("Unknown"));
}

TEST_CASE("aggregate::ClientDirectory keeps the first row of an id", "[aggregate]") {
    ClientDirectory dir;
    CHECK(dir.empty());
    dir.on_client(ClientRecord{"C1", "Acme Ltd", {}});
    dir.on_client(ClientRecord{"C1", "Acme Renamed", {}});  // a later row of the same id is not read
    CHECK_FALSE(dir.empty());
    CHECK(dir.name_of("C1") == std::optional<std::string>("Acme Ltd"));
    CHECK(dir.resolve("Acme Ltd") == "C1");
    CHECK(dir.resolve("Acme Renamed") == "Acme Renamed");
}

TEST_CASE("aggregate::ClientDirectory: an id wins over a name, an empty name attributes nothing",
          "[aggregate]") {
    ClientDirectory dir;
    dir.on_client(ClientRecord{"C1", "C2", {}});  // C1's name is the other client's id
    dir.on_client(ClientRecord{"C2", "Beta", {}});
    dir.on_client(ClientRecord{"C3", "", {}});
    dir.on_client(ClientRecord{"C4", "", {}});
    CHECK(dir.resolve("C2") == "C2");  // a known id stands for itself
    CHECK(dir.resolve("Beta") == "C2");
    CHECK(dir.resolve("") == "");  // two ids without a name: no name to attribute
    CHECK(dir.resolve("C3") == "C3");
    CHECK_FALSE(dir.name_of("C3"));  // known id, no name: null
    CHECK(dir.name_of("C1") == std::optional<std::string>("C2"));
}

TEST_CASE("aggregate::ClientDirectory compares ids and names exactly", "[aggregate]") {
    ClientDirectory dir;
    dir.on_client(ClientRecord{"C1", "Acme Ltd", {}});
    CHECK(dir.resolve("acme ltd") == "acme ltd");  // case matters
    CHECK(dir.resolve("c1") == "c1");
    CHECK(dir.resolve("Acme Ltd ") == "Acme Ltd ");
    CHECK_FALSE(dir.name_of("c1"));
}

TEST_CASE("aggregate::ClientDirectory is a RecordSink of the clients file", "[aggregate]") {
    ClientDirectory dir;
    RecordSink& sink = dir;
    sink.on_client(ClientRecord{"C7", "Seven", {}});
    sink.on_contact(ContactRecord{});  // other records are no business of the directory
    CHECK(dir.resolve("Seven") == "C7");
    CHECK(dir.name_of("C7") == std::optional<std::string>("Seven"));
}

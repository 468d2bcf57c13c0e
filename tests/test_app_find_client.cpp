// find_client (src/app/find_client.cpp): the listed client a user typed, by id or by a known
// name; an InputError naming the closest ids when there is none.

#include <catch2/catch.hpp>

#include "app/analysis.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"

using namespace clientscore;
using namespace clientscore::testing;

namespace {

const std::vector<std::pair<std::string, std::string>> k_files = {
    {"clients.csv", "client,name\nC001,Acme Ltd\nC002,Beta\n"},
    {"calls.csv",
     "client,started_at\n"
     "C001,2026-09-01 10:00\n"
     "C002,2026-09-02 10:00\n"
     "C002,2026-09-02 11:00\n"
     "C010,2026-09-03 10:00\n"
     "Z999,2026-09-03 10:00\n"
     "OLD,2026-08-01 10:00\n"},
};

InputError error_of(const Analysis& a, const std::string& typed) {
    try {
        find_client(a, typed);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError for " << typed);
    return InputError({}, "");
}

}  // namespace

TEST_CASE("app::find_client finds a listed client by id and by name", "[app]") {
    ExportFolder dir(k_files);
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-09-01"}), std::nullopt, {});
    for (const char* typed : {"C001", "C002", "C010", "Z999", "Acme Ltd", "Beta"}) {
        CAPTURE(typed);
        const std::size_t at = find_client(a, typed);
        REQUIRE(at < a.ranking.clients.size());
        const std::string expected = std::string(typed) == "Acme Ltd" ? "C001"
                                     : std::string(typed) == "Beta"   ? "C002"
                                                                      : typed;
        CHECK(client_row(a, at).client == expected);
    }
}

TEST_CASE("app::find_client names the three closest ids of an unknown client", "[app]") {
    ExportFolder dir(k_files);
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-09-01"}), std::nullopt, {});
    const InputError e = error_of(a, "C01");
    CHECK(std::string(e.what()) == "unknown client \"C01\"");
    // Edit distances: C001 1, C010 1, C002 2, OLD 3, Z999 4; ties in id order.
    CHECK(e.hint() == "the closest ids are: C001, C010, C002");
}

TEST_CASE("app::find_client: a client known only outside the period is not an unknown one", "[app]") {
    ExportFolder dir(k_files);
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-09-01", "--to", "2026-09-30"}),
                               std::nullopt, {});
    const InputError e = error_of(a, "OLD");
    CHECK(std::string(e.what()) == "client \"OLD\" has no activity or receivable in the period 2026-09-01 to 2026-09-30");
    CHECK(e.hint() == "widen the period with --from/--to");
}

TEST_CASE("app::find_client is exact: case and spaces matter", "[app]") {
    ExportFolder dir(k_files);
    const Analysis a = analyse(options_for({"rank", dir.path(), "--from", "2026-09-01"}), std::nullopt, {});
    CHECK_THROWS_AS(find_client(a, "c001"), InputError);
    CHECK_THROWS_AS(find_client(a, "acme ltd"), InputError);
}

TEST_CASE("app::find_client in an export without clients says so", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\n"}});
    const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
    const InputError e = error_of(a, "A");
    CHECK(e.hint() == "the exports name no client");
}

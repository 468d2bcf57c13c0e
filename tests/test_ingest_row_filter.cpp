// --where (SPEC §1 ◆8): parse_row_filter, and RowFilters through read_export, which counts the
// rows it leaves out in ignored_rows.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "read_export_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::read_fixtures;
using Catch::Matchers::Contains;

namespace {

const std::string k_calls =
    "client,started_at,duration,direction,Call Queue\n"
    "A,2026-07-01 10:00,60,in,Sales\n"
    "B,2026-07-01 10:00,60,in, sales \n"
    "C,2026-07-01 10:00,60,out,Support\n"
    "D,2026-07-01 10:00,60,in,\n"
    "E,2026-07-01 10:00,60,in,Billing\n";

ReadSettings where(std::vector<std::string> options) {
    ReadSettings s;
    for (const std::string& o : options) {
        s.filters.push_back(parse_row_filter(o));
    }
    return s;
}

std::vector<std::string> clients_of(const Read& r) {
    std::vector<std::string> out;
    for (const Contact& c : r.got.contacts) {
        out.push_back(c.client);
    }
    return out;
}

}  // namespace

TEST_CASE("ingest::parse_row_filter", "[ingest]") {
    const RowFilter f = parse_row_filter("Contacts.Channel Type = Phone | E-Mail");
    CHECK(f.kind == Kind::contacts);
    CHECK(f.header == "Channel Type");
    CHECK(f.equal);
    CHECK(f.values == std::vector<std::string>{"phone", "e-mail"});
    CHECK(f.text == "Contacts.Channel Type = Phone | E-Mail");
    const RowFilter g = parse_row_filter("invoices.status!=void");
    CHECK_FALSE(g.equal);
    CHECK(g.header == "status");
    // The header may hold a dot; the kind ends at the first one.
    CHECK(parse_row_filter("calls.No. of seats=1").header == "No. of seats");
    CHECK(parse_row_filter("calls.a=b=c").values == std::vector<std::string>{"b=c"});
    CHECK_THROWS_AS(parse_row_filter("calls.Queue"), UsageError);
    CHECK_THROWS_AS(parse_row_filter("nothing=1"), UsageError);
    CHECK_THROWS_WITH(parse_row_filter("tickets.Queue=1"), Contains("unknown kind \"tickets\""));
    CHECK_THROWS_WITH(parse_row_filter("calls.=1"), Contains("header name is empty"));
}

TEST_CASE("ingest::RowFilters keep the rows --where names", "[ingest]") {
    SECTION("= keeps the rows with one of the values, trimmed and in any case") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls, where({"calls.Call Queue=SALES|billing"}));
        CHECK(clients_of(r) == std::vector<std::string>{"A", "B", "E"});
        CHECK(r.report.ignored == 2);
        CHECK(r.report.rows == 5);
        CHECK(r.report.bad_rows.count == 0);
    }
    SECTION("!= keeps the rows with none of them") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls, where({"calls.Call Queue!=sales|billing"}));
        CHECK(clients_of(r) == std::vector<std::string>{"C", "D"});
        CHECK(r.report.ignored == 3);
    }
    SECTION("an empty value stands for an empty cell") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls, where({"calls.Call Queue=|support"}));
        CHECK(clients_of(r) == std::vector<std::string>{"C", "D"});
    }
    SECTION("several on one kind must all hold, on the same column or on others") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls,
                                 where({"calls.Call Queue!=billing", "calls.direction=in", "calls.client!=D"}));
        CHECK(clients_of(r) == std::vector<std::string>{"A", "B"});
        CHECK(r.report.ignored == 3);
    }
    SECTION("the header is found as --map finds one: exactly, else by its normalised name") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls, where({"calls.call_queue=support"}));
        CHECK(clients_of(r) == std::vector<std::string>{"C"});
    }
    SECTION("#N names the Nth column, as for --map") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls, where({"calls.#5=billing"}));
        CHECK(clients_of(r) == std::vector<std::string>{"E"});
    }
    SECTION("filters of another kind do not apply") {
        const Read r = read_text("calls.csv", Kind::calls, k_calls, where({"emails.Mailbox=x"}));
        CHECK(r.got.contacts.size() == 5);
        CHECK(r.report.ignored == 0);
    }
    SECTION("rows left out are not read, so their bad values are not bad rows") {
        const std::string text = k_calls + "F,not a date,60,in,Billing\n";
        const Read r = read_text("calls.csv", Kind::calls, text, where({"calls.Call Queue!=billing"}));
        CHECK(r.report.bad_rows.count == 0);
        CHECK(r.report.ignored == 2);
    }
    SECTION("a header the file lacks is an input error that lists its columns") {
        const std::string error = input_error("calls.csv", Kind::calls, k_calls, where({"calls.Queue=Sales"}));
        CHECK_THAT(error, Contains("calls.csv:1"));
        CHECK_THAT(error, Contains("--where calls.Queue=Sales: the file has no column \"Queue\""));
        CHECK_THAT(error, Contains("its columns are: client, started_at, duration, direction, Call Queue"));
    }
}

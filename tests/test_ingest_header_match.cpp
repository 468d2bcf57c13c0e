// Header matching and --map (src/ingest/header_match.cpp).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/presets/presets.hpp"

using namespace clientscore;
using clientscore::ingest::match_header;
using clientscore::ingest::normalize_header;

namespace {

std::string header_of(const ingest::HeaderMatch& m, const std::vector<std::string>& header, std::string_view field) {
    const int column = m.column(field);
    return column < 0 ? std::string("-") : header[static_cast<std::size_t>(column)];
}

}  // namespace

TEST_CASE("ingest::normalize_header", "[ingest]") {
    CHECK(normalize_header("Due Date (UTC)") == "duedate");
    CHECK(normalize_header("due_date") == "duedate");
    CHECK(normalize_header("  Invoice #") == "invoice");
    CHECK(normalize_header("Client.ID*") == "clientid");
    CHECK(normalize_header("call-start-time") == "callstarttime");
    CHECK(normalize_header("Amount (USD) (net)") == "amount");
    CHECK(normalize_header("Amount (unclosed") == "amount");
    CHECK(normalize_header("Ümlaut") == "Ümlaut");  // only ASCII letters are folded
}

TEST_CASE("ingest::match_header aliases in order", "[ingest]") {
    SECTION("own name before aliases, first alias that names a column wins") {
        const std::vector<std::string> h = {"Date", "Customer", "Client ID", "Start Time"};
        const auto m = match_header(Kind::calls, h, {}, "calls.csv", 1);
        CHECK(header_of(m, h, "client") == "Client ID");       // client_id comes before customer
        CHECK(header_of(m, h, "started_at") == "Start Time");  // start_time comes before date
    }
    SECTION("a column serves one field") {
        const std::vector<std::string> h = {"client", "type", "date"};
        const auto m = match_header(Kind::contacts, h, {}, "contacts.csv", 1);
        CHECK(header_of(m, h, "channel") == "type");
        CHECK(header_of(m, h, "direction") == "-");  // `type` is taken by channel
    }
    SECTION("of two look-alike columns the leftmost wins, the other is never matched") {
        const std::vector<std::string> h = {"Amount", "amount", "date", "due", "client"};
        const auto m = match_header(Kind::invoices, h, {}, "invoices.csv", 1);
        CHECK(m.column("amount") == 0);
        CHECK(m.column("amount_paid") == -1);
    }
    SECTION("clients: customer_name names the name, not the client") {
        const std::vector<std::string> h = {"customer_name", "customer_id"};
        const auto m = match_header(Kind::clients, h, {}, "clients.csv", 1);
        CHECK(header_of(m, h, "client") == "customer_id");
        CHECK(header_of(m, h, "name") == "customer_name");
    }
    SECTION("contacts accept opened_at and sent_at") {
        const std::vector<std::string> h = {"caller", "Medium", "Opened At", "account"};
        const auto m = match_header(Kind::contacts, h, {}, "contacts.csv", 1);
        CHECK(header_of(m, h, "started_at") == "Opened At");
        CHECK(header_of(m, h, "client") == "account");
        CHECK(header_of(m, h, "channel") == "Medium");
    }
    SECTION("every kind's required fields") {
        CHECK_THROWS_AS(match_header(Kind::emails, {"client", "when"}, {}, "e.csv", 1), InputError);
        CHECK_THROWS_AS(match_header(Kind::invoices, {"client", "date", "amount"}, {}, "i.csv", 1), InputError);
        CHECK_NOTHROW(match_header(Kind::invoices, {"client", "date", "due", "amount"}, {}, "i.csv", 1));
        CHECK_THROWS_AS(match_header(Kind::discounts, {"client", "date"}, {}, "d.csv", 1), InputError);
        CHECK_NOTHROW(match_header(Kind::clients, {"Company"}, {}, "c.csv", 1));
        CHECK_THROWS_AS(match_header(Kind::contacts, {"client", "date"}, {}, "c.csv", 1), InputError);
    }
}

TEST_CASE("ingest::match_header --map", "[ingest]") {
    const std::vector<std::string> h = {"Account Name", "client", "When", "Kind"};
    const std::vector<FieldMapping> maps = {parse_field_mapping("calls.client=Account Name"),
                                            parse_field_mapping("calls.started_at=when"),
                                            parse_field_mapping("emails.client=client")};
    const auto m = match_header(Kind::calls, h, maps, "calls.csv", 1);
    CHECK(header_of(m, h, "client") == "Account Name");
    CHECK(header_of(m, h, "started_at") == "When");  // normalised match when no exact one
    CHECK(header_of(m, h, "direction") == "-");
    try {
        match_header(Kind::calls, h, {parse_field_mapping("calls.duration=Length")}, "calls.csv", 1);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.located_message() == "calls.csv:1: --map calls.duration=Length: the file has no column \"Length\"");
        CHECK(e.hint() == "its columns are: Account Name, client, When, Kind (or #1 to #4 by position)");
    }
}

TEST_CASE("ingest::parse_field_mapping", "[ingest]") {
    const FieldMapping m = parse_field_mapping("calls.client=Account Name");
    CHECK(m.kind == Kind::calls);
    CHECK(m.field == "client");
    CHECK(m.header == "Account Name");
    const FieldMapping upper = parse_field_mapping("Invoices.Due_At= Payment Due Date (UTC) ");
    CHECK(upper.kind == Kind::invoices);
    CHECK(upper.field == "due_at");
    CHECK(upper.header == "Payment Due Date (UTC)");
    CHECK(parse_field_mapping("clients.name=a=b").header == "a=b");  // the header is all after the first `=`
}

TEST_CASE("ingest::parse_field_mapping errors", "[ingest]") {
    CHECK_THROWS_AS(parse_field_mapping("calls.client"), UsageError);
    CHECK_THROWS_AS(parse_field_mapping("client=Name"), UsageError);
    CHECK_THROWS_AS(parse_field_mapping("meetings.client=Name"), UsageError);
    CHECK_THROWS_AS(parse_field_mapping("calls.amount=Name"), UsageError);
    // An empty header is not an error: it leaves the field unread (SPEC §1).
    CHECK(parse_field_mapping("calls.direction=").header.empty());
    CHECK(parse_field_mapping("calls.direction= ").header.empty());
    CHECK_THROWS_WITH(parse_field_mapping("calls.amount=Name"), "--map \"calls.amount=Name\": calls has no field \"amount\"");
}

TEST_CASE("ingest::time_sibling finds the time column beside a date column", "[ingest]") {
    const std::vector<std::string> header = {"Account", "Start Date", "Start Time", "due_date", "due_time", "Date"};
    CHECK(ingest::time_sibling(header, 1) == 2);
    CHECK(ingest::time_sibling(header, 3) == 4);
    CHECK(ingest::time_sibling(header, 5) == -1);  // "time" alone is no column here
    CHECK(ingest::time_sibling(header, 0) == -1);  // no "date" in the name
    CHECK(ingest::time_sibling(header, -1) == -1);
}

TEST_CASE("ingest::preset_column: a preset's name with parentheses names that column alone", "[ingest]") {
    const std::vector<std::string> header = {"Duration (decimal)", "Start Date", "Duration (h)", "Hours"};
    CHECK(ingest::preset_column(header, "duration_(h)") == 2);
    CHECK(ingest::preset_column(header, "Duration (H)") == 2);  // case and spaces as ever
    CHECK(ingest::preset_column(header, "duration_(decimal)") == 0);
    CHECK(ingest::preset_column(header, "duration") == 0);  // a plain name: the leftmost that normalises alike
    CHECK(ingest::preset_column(header, "start_date") == 1);
    CHECK(ingest::preset_column(header, "duration_(ms)") == -1);
    CHECK(ingest::preset_column(header, "") == -1);

    SECTION("a preset alias reads the column it names, not the leftmost look-alike") {
        ingest::Preset preset;
        preset.aliases = {{"duration", "duration_(h),duration_(decimal)"}};
        const std::vector<std::string> time = {"Client", "Start Date", "Duration (decimal)", "Duration (h)"};
        const ingest::HeaderMatch m = match_header(Kind::time, time, {}, "time.csv", 1, &preset);
        CHECK(header_of(m, time, "duration") == "Duration (h)");
        const std::vector<std::string> decimal_only = {"Client", "Start Date", "Duration (decimal)"};
        const ingest::HeaderMatch d = match_header(Kind::time, decimal_only, {}, "time.csv", 1, &preset);
        CHECK(header_of(d, decimal_only, "duration") == "Duration (decimal)");
    }
}

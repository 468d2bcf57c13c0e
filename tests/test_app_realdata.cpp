// End-to-end runs on the third-party exports in ../shared/realdata, read in place.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::stringstream s(line);
    std::string cell;
    while (std::getline(s, cell, sep)) {
        out.push_back(cell);
    }
    return out;
}

}  // namespace

TEST_CASE("realdata::IBM accounts receivable: days late match its DaysLate column", "[realdata][e2e]") {
    const std::string file = realdata_path("business/ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv");
    // The file's own oracle: DaysLate = max(0, SettledDate − DueDate) on every row. Read it
    // with a plain split (the file has no quotes) and aggregate per customer.
    std::istringstream in(read_file(file));
    std::string line;
    std::getline(in, line);
    struct Expected {
        std::int64_t max_late = 0;
        double weighted = 0;
        double amount = 0;
        std::int64_t invoices = 0;
    };
    std::map<std::string, Expected> expected;
    std::size_t rows = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        auto cells = split(line, ',');
        REQUIRE(cells.size() == 12);
        Expected& e = expected[cells[1]];
        double amount = std::stod(cells[6]);
        std::int64_t late = std::stoll(cells[11]);
        e.max_late = std::max(e.max_late, late);
        e.weighted += amount * static_cast<double>(late);
        e.amount += amount;
        ++e.invoices;
        ++rows;
    }
    REQUIRE(rows == 2466);
    REQUIRE(expected.size() == 100);

    // as_of = the last settlement date, so every invoice counts as paid when it was.
    RunResult r = run_clientscore({"rank", "--invoices", file, "--as-of", "2014-01-09", "--format", "json"});
    REQUIRE(r.status == 0);
    json report = json::parse(r.out);
    REQUIRE(report["clients"].size() == 100);
    CHECK(report["skipped_rows"]["WA_Fn-UseC_-Accounts-Receivable.csv"] == 0);
    double billed = 0;
    for (const auto& c : report["clients"]) {
        const Expected& e = expected.at(c["client"].get<std::string>());
        CAPTURE(c["client"].get<std::string>());
        CHECK(c["max_days_late"] == e.max_late);
        CHECK(c["avg_days_late"].get<double>() == Approx(e.weighted / e.amount).margin(0.005001));
        CHECK(c["invoices"] == e.invoices);
        billed += c["billed"].get<double>();
        // Only payment and disputes were supplied: the contact and discount components are null.
        CHECK(c["components"]["communication"].is_null());
        CHECK(c["components"]["discounts"].is_null());
        CHECK_FALSE(c["components"]["payment"].is_null());
    }
    CHECK(billed == Approx(147703.18).margin(0.01));
}

TEST_CASE("realdata::ServiceNow incident log reads as contacts with --map", "[realdata][e2e]") {
    const std::string file = realdata_path("business/uci-incident-management-servicenow/Master_Ticket_Dataset.csv.gz");
    RunResult r = run_clientscore({"rank", "--contacts", file, "--map", "contacts.client=caller_id", "--map",
                                   "contacts.started_at=opened_at", "--map", "contacts.channel=contact_type",
                                   "--preset", "none", "--format", "json", "--quiet"});
    REQUIRE(r.status == 0);
    json report = json::parse(r.out);
    std::int64_t contacts = 0;
    for (const auto& c : report["clients"]) {
        contacts += c["calls"].get<std::int64_t>() + c["emails"].get<std::int64_t>();
    }
    // 119,998 update rows: 29 have no caller (`?`) and are skipped; every other row is a
    // phone or email contact (one row per update until the preset joins them per incident).
    CHECK(report["skipped_rows"]["Master_Ticket_Dataset.csv.gz"] == 29);
    CHECK(contacts == 119998 - 29);
}

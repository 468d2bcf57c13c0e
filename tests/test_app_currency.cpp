// choose_currency (src/app/currency.cpp): the reporting currency and a rate for every currency
// the aggregator saw (SPEC §1 --currency, --fx).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/currency.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

FileReport holding(const std::string& name, std::vector<std::string> currencies) {
    FileReport r;
    r.file = InputFile{"exports/" + name, Kind::invoices, name, std::nullopt};
    r.currencies = std::move(currencies);
    return r;
}

const std::vector<FileReport> k_reports = {holding("invoices.csv", {"EUR"}), holding("invoices_us.csv", {"USD"})};

}  // namespace

TEST_CASE("app::choose_currency takes the single currency seen", "[app]") {
    // Id 0 is the empty code (the reporting currency); ids follow the aggregator's order.
    const CurrencyChoice c = choose_currency("", {"", "EUR", "EUR"}, {}, std::nullopt, k_reports);
    CHECK(c.reporting == "EUR");
    CHECK(c.rates == std::vector<double>{1.0, 1.0, 1.0});
}

TEST_CASE("app::choose_currency with no currency seen reports in none", "[app]") {
    const CurrencyChoice c = choose_currency("", {""}, {}, std::nullopt, {});
    CHECK(c.reporting.empty());
    CHECK(c.rates == std::vector<double>{1.0});
}

TEST_CASE("app::choose_currency: mixed currencies without --fx are an input error naming a file", "[app]") {
    try {
        choose_currency("", {"", "USD", "EUR"}, {}, std::nullopt, k_reports);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("mix currencies (EUR, USD)") != std::string::npos);
        CHECK(e.where().file == "invoices_us.csv");  // the file of the second code in byte order
        CHECK_FALSE(e.hint().empty());
    }
}

TEST_CASE("app::choose_currency: --fx with several currencies and no --currency is a usage error", "[app]") {
    try {
        choose_currency("", {"", "USD", "EUR"}, {{"USD", 0.9}}, std::string("rates.csv"), k_reports);
        FAIL("no UsageError");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("(EUR, USD)") != std::string::npos);
        CHECK(e.hint() == "add --currency EUR");
    }
}

TEST_CASE("app::choose_currency gives each currency id its --fx rate", "[app]") {
    const CurrencyChoice c =
        choose_currency("EUR", {"", "USD", "EUR", "GBP"}, {{"GBP", 1.15}, {"USD", 0.9}}, std::string("rates.csv"),
                        k_reports);
    CHECK(c.reporting == "EUR");
    REQUIRE(c.rates.size() == 4);
    CHECK(c.rates[0] == 1.0);  // empty code: the reporting currency
    CHECK(c.rates[1] == Approx(0.9));
    CHECK(c.rates[2] == 1.0);  // the reporting currency needs no line in the file
    CHECK(c.rates[3] == Approx(1.15));
}

TEST_CASE("app::choose_currency: a currency without a rate is an input error", "[app]") {
    SECTION("an --fx file without its line names the fx file and the export") {
        try {
            choose_currency("GBP", {"", "USD"}, {{"EUR", 0.8}}, std::string("rates.csv"), k_reports);
            FAIL("no InputError");
        } catch (const InputError& e) {
            CHECK(e.where().file == "rates.csv");
            CHECK(std::string(e.what()) == "no rate for USD (seen in invoices_us.csv)");
            CHECK(e.hint() == "add a line `USD,RATE` giving 1 USD in GBP");
        }
    }
    SECTION("no --fx file at all names the export") {
        try {
            choose_currency("GBP", {"", "EUR"}, {}, std::nullopt, k_reports);
            FAIL("no InputError");
        } catch (const InputError& e) {
            CHECK(e.where().file == "invoices.csv");
            CHECK(std::string(e.what()).find("EUR") != std::string::npos);
            CHECK(std::string(e.what()).find("GBP") != std::string::npos);
        }
    }
}

TEST_CASE("app::currency: --fx converts amounts before they are summed", "[app]") {
    // 100 EUR + 100 USD at 0.9 = 190 EUR billed; the discount 10 USD = 9 EUR.
    ExportFolder dir({{"invoices.csv",
                       "client,issued_at,due_at,paid_at,amount,currency\n"
                       "A,2026-09-01,2026-09-30,2026-09-05,100.00,EUR\n"
                       "A,2026-09-02,2026-09-30,2026-09-05,100.00,USD\n"},
                      {"discounts.csv", "client,granted_at,amount,currency\nA,2026-09-03,10.00,USD\n"}});
    TempDir rates;
    write_file(rates / "rates.csv", "currency,rate\nUSD,0.9\n");
    // The period is given: from activity alone it would be the discount's day (SPEC §3 ◆3).
    const RunResult r = run_clientscore({"rank", dir.path(), "--from", "2026-09-01", "--fx",
                                         (rates / "rates.csv").string(), "--currency", "EUR", "--format", "json"});
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["settings"]["currency"] == "EUR");
    REQUIRE(report["clients"].size() == 1);
    CHECK(report["clients"][0]["billed"].get<double>() == Approx(190.0));
    CHECK(report["clients"][0]["discounts"].get<double>() == Approx(9.0));
}

TEST_CASE("app::currency: mixed currencies exit 3, and --fx without --currency exits 2", "[app]") {
    ExportFolder dir({{"invoices.csv",
                       "client,issued_at,due_at,amount,currency\n"
                       "A,2026-09-01,2026-09-30,100.00,EUR\n"
                       "B,2026-09-01,2026-09-30,100.00,USD\n"}});
    const RunResult mixed = run_clientscore({"rank", dir.path()});
    CHECK(mixed.status == 3);
    CHECK(mixed.err.rfind("clientscore: invoices.csv: the exports mix currencies (EUR, USD)", 0) == 0);
    TempDir rates;
    write_file(rates / "rates.csv", "currency,rate\nUSD,0.9\n");
    const RunResult no_currency = run_clientscore({"rank", dir.path(), "--fx", (rates / "rates.csv").string()});
    CHECK(no_currency.status == 2);
    CHECK(no_currency.err.find("--currency") != std::string::npos);
}

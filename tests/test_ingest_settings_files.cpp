// read_holidays and read_fx_rates (src/ingest/settings_files.cpp).

#include <catch2/catch.hpp>

#include "temp_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"

namespace fs = std::filesystem;
using namespace clientscore;

namespace {

using clientscore::testing::TempFile;

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.located_message();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("ingest::read_holidays", "[ingest]") {
    SECTION("any date form, extra columns, blank cells") {
        const TempFile f("holidays.csv", "Name,Date\nNew Year,2024-01-01\nLabour,1.5.2024\nXmas,25/12/2024\nnone,\n");
        CHECK(read_holidays(f.path(), {}) ==
              std::vector<Days>{days_from_civil(2024, 1, 1), days_from_civil(2024, 5, 1), days_from_civil(2024, 12, 25)});
    }
    SECTION("month names, two-digit years, and --date-format before the built-in forms (SPEC ◆7)") {
        const TempFile f("holidays.csv", "date\n25 Dec 2024\n\"Jan 1, 2025\"\n31.12.24\n2024/05/01\nDay 3 of 10 2024\n");
        ReadSettings settings;
        settings.date_formats.push_back(*DateFormat::compile("Day %d of %m %Y"));
        CHECK(read_holidays(f.path(), settings) ==
              std::vector<Days>{days_from_civil(2024, 12, 25), days_from_civil(2025, 1, 1),
                                days_from_civil(2024, 12, 31), days_from_civil(2024, 5, 1),
                                days_from_civil(2024, 10, 3)});
        const TempFile impossible("holidays.csv", "date\nDay 31 of 02 2024\n");
        CHECK(error_of([&] { read_holidays(impossible.path(), settings); }) ==
              "holidays.csv:2: column \"date\": \"Day 31 of 02 2024\" is not a date (no such day)");
    }
    SECTION("ambiguous slash dates settled by another row") {
        const TempFile f("holidays.csv", "date\n07/04/2024\n12/25/2024\n");
        CHECK(read_holidays(f.path(), {}) ==
              std::vector<Days>{days_from_civil(2024, 7, 4), days_from_civil(2024, 12, 25)});
    }
    SECTION("errors") {
        const TempFile no_column("holidays.csv", "day\n2024-01-01\n");
        CHECK(error_of([&] { read_holidays(no_column.path(), {}); }) == "holidays.csv:1: no column \"date\"");
        const TempFile bad("holidays.csv", "date\n2024-01-01\nsoon\n");
        CHECK(error_of([&] { read_holidays(bad.path(), {}); }).rfind("holidays.csv:3: column \"date\": \"soon\" ", 0) ==
              0);
        const TempFile empty("holidays.csv", "");
        CHECK(error_of([&] { read_holidays(empty.path(), {}); }) == "holidays.csv: is empty: there is no header line");
        CHECK_THROWS_AS(read_holidays("/nonexistent/holidays.csv", {}), InputError);
    }
}

TEST_CASE("ingest::read_fx_rates", "[ingest]") {
    SECTION("codes upper-cased, later duplicates win") {
        const TempFile f("fx.csv", "currency,rate\neur,1.08\nGBP , 1.27\nEUR,1.1\n");
        const auto rates = read_fx_rates(f.path(), {});
        REQUIRE(rates.size() == 2);
        CHECK(rates[0].first == "EUR");
        CHECK(rates[0].second == Approx(1.1));
        CHECK(rates[1].first == "GBP");
        CHECK(rates[1].second == Approx(1.27));
    }
    SECTION("bad rate, bad code, missing column") {
        const TempFile bad_rate("fx.csv", "currency,rate\nEUR,1,08\n");
        CHECK(error_of([&] { read_fx_rates(bad_rate.path(), {}); }) == "fx.csv:2: has 3 fields, the header has 2");
        const TempFile negative("fx.csv", "currency,rate\nEUR,-1\n");
        CHECK(error_of([&] { read_fx_rates(negative.path(), {}); })
                  .rfind("fx.csv:2: column \"rate\": \"-1\" is not a rate", 0) == 0);
        const TempFile word("fx.csv", "currency,rate\nEUR,high\n");
        CHECK(error_of([&] { read_fx_rates(word.path(), {}); })
                  .rfind("fx.csv:2: column \"rate\": \"high\" is not a rate", 0) == 0);
        const TempFile code("fx.csv", "currency,rate\nEURO,1\n");
        CHECK(error_of([&] { read_fx_rates(code.path(), {}); }).rfind("fx.csv:2: column \"currency\": \"EURO\" ", 0) ==
              0);
        const TempFile no_rate("fx.csv", "currency,value\nEUR,1\n");
        CHECK(error_of([&] { read_fx_rates(no_rate.path(), {}); }) == "fx.csv:1: no column \"rate\"");
    }
}

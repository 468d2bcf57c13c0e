// Errors (src/common/error.cpp, include/clientscore/error.hpp): the exit codes of SPEC §1 and
// the `FILE:LINE: column "X": message` line every error and warning is written as.

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "clientscore/error.hpp"

using namespace clientscore;

TEST_CASE("common::format_location_message leaves out the parts that are empty", "[common]") {
    CHECK(format_location_message(Location{"calls.csv", 12, "Start"}, "is not a date") ==
          "calls.csv:12: column \"Start\": is not a date");
    CHECK(format_location_message(Location{"calls.csv", 12, ""}, "has 3 fields") == "calls.csv:12: has 3 fields");
    CHECK(format_location_message(Location{"calls.csv", 0, ""}, "is empty") == "calls.csv: is empty");
    CHECK(format_location_message(Location{"calls.csv", 0, "client"}, "x") == "calls.csv: column \"client\": x");
    CHECK(format_location_message(Location{"", 0, ""}, "no input") == "no input");
    CHECK(format_location_message(Location{"", 0, "amount"}, "x") == "column \"amount\": x");
    // A line without a file names nothing: there is no FILE to put it after.
    CHECK(format_location_message(Location{"", 7, ""}, "x") == "x");
    // A negative line is no line either.
    CHECK(format_location_message(Location{"in.csv", -1, ""}, "x") == "in.csv: x");
}

TEST_CASE("common::InputError keeps the message, the location and the hint apart", "[common]") {
    const InputError e(Location{"invoices.csv", 4, "Total"}, "\"10x\" is not an amount", "check the column");
    CHECK(std::string(e.what()) == "\"10x\" is not an amount");
    CHECK(e.where().file == "invoices.csv");
    CHECK(e.where().line == 4);
    CHECK(e.where().column == "Total");
    CHECK(e.hint() == "check the column");
    CHECK(e.located_message() == "invoices.csv:4: column \"Total\": \"10x\" is not an amount");
    const InputError bare(Location{"-", 0, {}}, "is empty");
    CHECK(bare.hint().empty());
    CHECK(bare.located_message() == "-: is empty");
    // Caught where the exit codes are decided, as a runtime_error.
    CHECK_THROWS_AS(throw InputError(Location{}, "x"), std::runtime_error);
}

TEST_CASE("common::UsageError and OutputError", "[common]") {
    const UsageError usage("--from after --to", "swap them");
    CHECK(std::string(usage.what()) == "--from after --to");
    CHECK(usage.hint() == "swap them");
    CHECK(UsageError("x").hint().empty());
    const OutputError output("cannot write report.json");
    CHECK(std::string(output.what()) == "cannot write report.json");
    CHECK_THROWS_AS(throw OutputError("x"), std::runtime_error);
}

TEST_CASE("common::ExitCode values are those of SPEC §1", "[common]") {
    CHECK(static_cast<int>(ExitCode::ok) == 0);
    CHECK(static_cast<int>(ExitCode::fail_on) == 1);
    CHECK(static_cast<int>(ExitCode::usage) == 2);
    CHECK(static_cast<int>(ExitCode::input) == 3);
    CHECK(static_cast<int>(ExitCode::output) == 4);
}

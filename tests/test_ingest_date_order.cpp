// --date-order (src/ingest/rows/date_order.cpp, SPEC §2): slash dates settle day-first or
// month-first per file; a date is never read in the wrong order. DateOrderResolver directly,
// scan_for_date_order over a file, and the whole rule through read_export.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/rows/date_order.hpp"
#include "read_export_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::ingest;
using namespace clientscore::read_fixtures;

namespace {

// A scan that must not be needed.
DateOrderResolver::Scan no_scan() {
    return [] {
        FAIL("the file was scanned");
        return std::optional<DecidingDate>();
    };
}

std::string error_message(DateOrderResolver& resolver, std::string_view text, std::int64_t line,
                          const std::string& column) {
    try {
        resolver.order_for(text, line, column);
    } catch (const InputError& e) {
        return e.located_message() + "\n" + e.hint();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("ingest::DateOrderResolver: values that are not slash dates need no order", "[ingest]") {
    DateOrderResolver resolver(DateOrder::automatic, "calls.csv", no_scan());
    CHECK(resolver.order_for("2024-03-04", 2, "date") == DateOrder::dmy);
    CHECK(resolver.order_for("3.4.2024", 3, "date") == DateOrder::dmy);  // dotted dates are day-first
    CHECK(resolver.order_for("1704067200", 4, "date") == DateOrder::dmy);
    CHECK(resolver.order_for("15 Jul 2026", 5, "date") == DateOrder::dmy);
    CHECK(resolver.report_name().empty());
    // Equal parts read the same either way: nothing to settle.
    CHECK(resolver.order_for("03/03/2024", 6, "date") == DateOrder::dmy);
    CHECK(resolver.report_name().empty());
}

TEST_CASE("ingest::DateOrderResolver settles on the first date with a part above 12", "[ingest]") {
    SECTION("day-first") {
        DateOrderResolver resolver(DateOrder::automatic, "calls.csv", no_scan());
        CHECK(resolver.order_for("13/02/2024", 2, "date") == DateOrder::dmy);
        CHECK(resolver.order_for("03/04/2024", 3, "date") == DateOrder::dmy);  // ambiguous: the settled order
        CHECK(resolver.order_for("25/12/2024 10:00", 4, "date") == DateOrder::dmy);
        CHECK(resolver.report_name() == "dmy");
    }
    SECTION("month-first, with a time and AM/PM after the date") {
        DateOrderResolver resolver(DateOrder::automatic, "calls.csv", no_scan());
        CHECK(resolver.order_for("2/13/2024 9:05 PM", 2, "date") == DateOrder::mdy);
        CHECK(resolver.order_for("1/2/2024", 3, "date") == DateOrder::mdy);
        CHECK(resolver.report_name() == "mdy");
    }
}

TEST_CASE("ingest::DateOrderResolver: dates that contradict the settled order are an input error", "[ingest]") {
    DateOrderResolver resolver(DateOrder::automatic, "calls.csv", no_scan());
    resolver.order_for("13/02/2024", 2, "Start");
    const std::string message = error_message(resolver, "02/13/2024", 9, "Due");
    CHECK(message ==
          "calls.csv:9: column \"Due\": \"02/13/2024\" can only be month-first, but \"13/02/2024\" on line 2 can "
          "only be day-first: the file mixes date orders\n"
          "say which order the file uses: --date-order dmy (day/month/year) or --date-order mdy (month/day/year); "
          "dates in the other order are then skipped as bad rows");
}

TEST_CASE("ingest::DateOrderResolver scans the file once for an ambiguous date met first", "[ingest]") {
    SECTION("the scan settles it") {
        int scans = 0;
        DateOrderResolver resolver(DateOrder::automatic, "calls.csv", [&scans] {
            ++scans;
            return std::optional<DecidingDate>(DecidingDate{DateOrder::mdy, 7, "date", "1/31/2024"});
        });
        CHECK(resolver.order_for("03/04/2024", 2, "date") == DateOrder::mdy);
        CHECK(resolver.order_for("05/06/2024", 3, "date") == DateOrder::mdy);
        CHECK(scans == 1);
        CHECK(resolver.report_name() == "mdy");
        // The scan's date is the one a contradicting date is told about.
        CHECK(error_message(resolver, "31/01/2024", 4, "date").find("but \"1/31/2024\" on line 7") !=
              std::string::npos);
    }
    SECTION("nothing settles it: an input error asking for --date-order, and no second scan") {
        int scans = 0;
        DateOrderResolver resolver(DateOrder::automatic, "calls.csv", [&scans] {
            ++scans;
            return std::optional<DecidingDate>();
        });
        CHECK(error_message(resolver, "03/04/2024", 2, "date") ==
              "calls.csv:2: column \"date\": \"03/04/2024\" could be day-first or month-first, and no date in the "
              "file settles which\n"
              "say which order the file uses: --date-order dmy (day/month/year) or --date-order mdy "
              "(month/day/year)");
        CHECK_THROWS_AS(resolver.order_for("05/06/2024", 3, "date"), InputError);
        CHECK(scans == 1);
    }
    SECTION("no scan given") {
        DateOrderResolver resolver(DateOrder::automatic, "calls.csv", nullptr);
        CHECK_THROWS_AS(resolver.order_for("03/04/2024", 2, "date"), InputError);
    }
}

TEST_CASE("ingest::DateOrderResolver: --date-order dmy or mdy is used as given", "[ingest]") {
    DateOrderResolver mdy(DateOrder::mdy, "calls.csv", no_scan());
    CHECK(mdy.report_name().empty());
    CHECK(mdy.order_for("2024-01-05", 2, "date") == DateOrder::mdy);
    CHECK(mdy.order_for("04/04/2024", 3, "date") == DateOrder::mdy);
    CHECK(mdy.report_name().empty());  // no slash date needed an order yet
    CHECK(mdy.order_for("13/04/2024", 4, "date") == DateOrder::mdy);  // no error: the parser rejects it
    CHECK(mdy.report_name() == "mdy");
    DateOrderResolver dmy(DateOrder::dmy, "calls.csv", no_scan());
    CHECK(dmy.order_for("03/04/2024", 2, "date") == DateOrder::dmy);
    CHECK(dmy.order_for("2/13/2024", 3, "date") == DateOrder::dmy);
    CHECK(dmy.report_name() == "dmy");
}

TEST_CASE("ingest::scan_for_date_order finds the first deciding date in the date columns", "[ingest]") {
    const std::vector<std::string> header = {"client", "date", "due", "note"};
    SECTION("in file order, across the columns given, passing over rows with another field count") {
        const RawInput raw = RawInput::from_text(
            "client,date,due,note\n"
            "A,01/02/2024,02/03/2024,13/13/13\n"  // ambiguous; the note column is not a date column
            "B,25/01/2024\n"                      // deciding, but the row has 2 fields
            "C,03/04/2024,2/29/2024,x\n"          // month-first in "due"
            "D,31/01/2024,01/01/2024,x\n",
            "calls.csv");
        const std::optional<DecidingDate> found = scan_for_date_order(raw, "utf-8", {1, 2}, header);
        REQUIRE(found);
        CHECK(found->order == DateOrder::mdy);
        CHECK(found->line == 4);
        CHECK(found->column == "due");
        CHECK(found->text == "2/29/2024");
    }
    SECTION("values are trimmed") {
        const RawInput raw = RawInput::from_text("client,date,due,note\nA, 30/1/2024 ,,\n", "calls.csv");
        const std::optional<DecidingDate> found = scan_for_date_order(raw, "utf-8", {1}, header);
        REQUIRE(found);
        CHECK(found->order == DateOrder::dmy);
        CHECK(found->text == "30/1/2024");
    }
    SECTION("nothing decides") {
        const RawInput raw = RawInput::from_text("client,date,due,note\nA,01/02/2024,2024-05-30,x\n", "calls.csv");
        CHECK_FALSE(scan_for_date_order(raw, "utf-8", {1, 2}, header));
    }
}

TEST_CASE("ingest::read_export date order", "[ingest]") {
    SECTION("settled by a day above 12 before any ambiguous date") {
        const Read r = read_text("calls.csv", Kind::calls, "client,date\nA,13/02/2024\nA,03/04/2024\n");
        CHECK(r.report.date_order == "dmy");
        CHECK(r.got.contacts[1].when.date == day(2024, 4, 3));
    }
    SECTION("ambiguous first, settled by a later row (a scan)") {
        const Read r = read_text("calls.csv", Kind::calls, "client,date\nA,03/04/2024\nA,04/03/2024\nA,1/31/2024\n");
        CHECK(r.report.date_order == "mdy");
        REQUIRE(r.got.contacts.size() == 3);
        CHECK(r.got.contacts[0].when.date == day(2024, 3, 4));
    }
    SECTION("settled from another date column") {
        const Read r = read_text("invoices.csv", Kind::invoices,
                                 "client,date,due,amount\nA,1/2/2024,2/1/2024,5\nA,2/1/2024,2/29/2024,5\n");
        CHECK(r.report.date_order == "mdy");
        CHECK(r.got.invoices[0].issued.date == day(2024, 1, 2));
    }
    SECTION("equal parts need no settling") {
        const Read r = read_text("calls.csv", Kind::calls, "client,date\nA,03/03/2024\nA,2024-01-01\n");
        CHECK(r.report.date_order.empty());
        CHECK(r.got.contacts[0].when.date == day(2024, 3, 3));
    }
    SECTION("ambiguous dates only: an input error asking for --date-order") {
        const std::string message = input_error("calls.csv", Kind::calls, "client,date\nA,03/04/2024\nA,05/06/2024\n");
        CHECK(message.rfind("calls.csv:2: column \"date\": \"03/04/2024\" could be day-first or month-first", 0) == 0);
        CHECK(message.find("--date-order dmy") != std::string::npos);
    }
    SECTION("contradicting dates: an input error") {
        const std::string message =
            input_error("calls.csv", Kind::calls, "client,date\nA,13/02/2024\nA,01/02/2024\nA,02/13/2024\n");
        CHECK(message.rfind("calls.csv:4: column \"date\": \"02/13/2024\" can only be month-first, but "
                            "\"13/02/2024\" on line 2 can only be day-first",
                            0) == 0);
    }
    SECTION("explicit order") {
        ReadSettings s;
        s.date_order = DateOrder::mdy;
        const Read r = read_text("calls.csv", Kind::calls, "client,date\nA,03/04/2024\nA,13/04/2024\n", s);
        CHECK(r.report.date_order == "mdy");
        REQUIRE(r.got.contacts.size() == 1);
        CHECK(r.got.contacts[0].when.date == day(2024, 3, 4));
        CHECK(r.report.bad_rows.count == 1);
    }
    SECTION("dotted dates are day-first") {
        const Read r = read_text("calls.csv", Kind::calls, "client,date\nA,3.4.2024 9:05\n");
        CHECK(r.got.contacts[0].when == LocalDateTime{day(2024, 4, 3), 9 * 3600 + 5 * 60});
        CHECK(r.report.date_order.empty());
    }
}

TEST_CASE("ingest::date order: two-digit years settle like the others, --date-format values do not (SPEC ◆7)",
          "[ingest]") {
    SECTION("a two-digit-year slash date with a part above 12 settles the file") {
        const Read r = read_text("calls.csv", Kind::calls,
                                 "client,started_at\nA,12/1/10 8:26\nB,13/1/10 9:00\n");
        REQUIRE(r.got.contacts.size() == 2);
        CHECK(r.got.contacts[0].when.date == day(2010, 1, 12));
        CHECK(r.report.date_order == "dmy");
    }
    SECTION("two-digit and four-digit slash dates that contradict each other are an input error") {
        const std::string error = input_error("calls.csv", Kind::calls,
                                              "client,started_at\nA,13/1/10\nB,1/13/2010\n");
        CHECK(error.find("the file mixes date orders") != std::string::npos);
    }
    SECTION("a value a --date-format reads decides nothing in the scan") {
        // `%m/%d/%Y` reads line 2 month-first; line 3 is ambiguous and the scan must not take
        // line 2's 13 as deciding day-first-or-not for the built-in forms.
        ReadSettings settings;
        settings.date_formats.push_back(*DateFormat::compile("%m/%d/%Y"));
        const std::string text = "client,started_at\nA,01/13/2026\nB,3/4/26\nC,5/6/26\n";
        CHECK(input_error("calls.csv", Kind::calls, text, settings).find("could be day-first or month-first") !=
              std::string::npos);
        // Without the format, line 2 settles the file month-first.
        const Read r = read_text("calls.csv", Kind::calls, text);
        REQUIRE(r.got.contacts.size() == 3);
        CHECK(r.got.contacts[1].when.date == day(2026, 3, 4));
        CHECK(r.report.date_order == "mdy");
    }
}

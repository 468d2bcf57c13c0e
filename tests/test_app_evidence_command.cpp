// shell_quoted and evidence_command (src/app/evidence_command.cpp): the evidence line of a
// fire client's checklist can be pasted into a shell as it is.

#include <catch2/catch.hpp>

#include "app/evidence_command.hpp"
#include "cli_parse.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using clientscore::testing::options_of;

namespace {

Period period(std::string_view from, std::string_view to, std::string_view as_of) {
    return Period{*parse_iso_date(from), *parse_iso_date(to), *parse_iso_date(as_of), false};
}

}  // namespace

TEST_CASE("app::shell_quoted", "[app]") {
    CHECK(shell_quoted("sample_data/") == "sample_data/");
    CHECK(shell_quoted("C018") == "C018");
    CHECK(shell_quoted("--map=calls.client=Kunde") == "--map=calls.client=Kunde");
    CHECK(shell_quoted("My Exports/Sept 2026") == "'My Exports/Sept 2026'");
    CHECK(shell_quoted("O'Brien & Sons") == "'O'\\''Brien & Sons'");
    CHECK(shell_quoted("$HOME") == "'$HOME'");
    CHECK(shell_quoted("a;rm -rf x") == "'a;rm -rf x'");
    CHECK(shell_quoted("") == "''");
    CHECK(shell_quoted("Müller") == "'Müller'");
}

TEST_CASE("app::evidence_command names the exports and the period of the run", "[app]") {
    SECTION("a folder with a space, the period and as_of") {
        const Options o = options_of({"explain", "C018", "My Exports", "--from", "2026-09-01"});
        CHECK(evidence_command(o, "C018", period("2026-09-01", "2026-10-31", "2026-10-31")) ==
              "clientscore evidence C018 'My Exports' --from 2026-09-01 --to 2026-10-31 --format csv -o "
              "evidence-C018.csv");
        CHECK(evidence_command(o, "C018", period("2026-09-01", "2026-10-31", "2026-11-15")) ==
              "clientscore evidence C018 'My Exports' --from 2026-09-01 --to 2026-10-31 --as-of 2026-11-15 "
              "--format csv -o evidence-C018.csv");
    }
    SECTION("files given one by one, and the current folder when nothing was named") {
        const Options files = options_of({"explain", "Acme Ltd", "--calls", "a b/calls.csv", "--invoices", "inv.csv"});
        CHECK(evidence_command(files, "Acme Ltd", period("2026-09-01", "2026-09-30", "2026-09-30")) ==
              "clientscore evidence 'Acme Ltd' --calls 'a b/calls.csv' --invoices inv.csv --from 2026-09-01 "
              "--to 2026-09-30 --format csv -o evidence-Acme_Ltd.csv");
        const Options here = options_of({"explain", "C1"});
        CHECK(evidence_command(here, "C1", period("2026-09-01", "2026-09-30", "2026-09-30")) ==
              "clientscore evidence C1 . --from 2026-09-01 --to 2026-09-30 --format csv -o evidence-C1.csv");
    }
    SECTION("the options that change what evidence reads or prints come along") {
        const Options o = options_of({"explain", "C1", "exports", "--timezone", "Europe/Berlin", "--business-hours",
                                      "08:00-17:00", "--business-days", "Sun-Thu", "--map", "calls.client=Kunde Nr",
                                      "--where", "calls.Queue=Support", "--date-format", "%d.%m.%Y %H:%M",
                                      "--encoding", "windows-1252", "--date-order", "dmy", "--decimal", ",",
                                      "--currency", "eur", "--strict", "--hourly-cost", "75", "--top", "3"});
        CHECK(evidence_command(o, "C1", period("2026-09-01", "2026-09-30", "2026-09-30")) ==
              "clientscore evidence C1 exports --from 2026-09-01 --to 2026-09-30 --timezone Europe/Berlin "
              "--business-hours 08:00-17:00 --business-days Mon,Tue,Wed,Thu,Sun --currency EUR "
              "--map 'calls.client=Kunde Nr' --where calls.Queue=Support --date-format '%d.%m.%Y %H:%M' "
              "--encoding windows-1252 --date-order dmy --decimal , --strict --format csv -o evidence-C1.csv");
    }
}

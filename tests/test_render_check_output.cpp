#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "clientscore/render.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

namespace {

CheckReport check_report() {
    CheckReport c;
    c.ok = false;
    FileReport calls;
    calls.file = InputFile{"exports/calls.csv", Kind::calls, "calls.csv", std::nullopt};
    calls.delimiter = ';';
    calls.bom = true;
    calls.date_order = "dmy";
    calls.decimal = ",";
    calls.mapping = {{"client", "Kunde"}, {"started_at", "Datum"}};
    calls.rows = 120;
    calls.bad_rows.count = 7;
    calls.ignored = 1;
    calls.header_line = 3;  // below two title lines
    calls.from = test::k_2024_01_01;
    calls.to = test::k_2024_02_29;
    for (int i = 0; i < 7; ++i) {
        calls.bad_rows.kept.push_back(Problem{10 + i, "Datum", "\"gestern\" is not a date"});
    }
    FileReport clients;
    clients.file = InputFile{"exports/clients.tsv", Kind::clients, "clients.tsv", std::nullopt};
    clients.delimiter = '\t';
    clients.mapping = {{"id", "id"}};
    clients.rows = 3;
    clients.currencies = {"EUR", "USD"};
    c.files = {calls, clients};
    c.not_read = {NotRead{"exports/invoices.xlsx", "save it as CSV"}};
    c.errors = {"exports/discounts.csv: required column \"client\" is absent"};
    return c;
}

std::string check_text(const CheckReport& report, OutputFormat format) {
    RenderOptions options;
    options.format = format;
    StringWriter out;
    render_check(report, options, out);
    return out.text();
}

}  // namespace

TEST_CASE("render::render_check table", "[render]") {
    SECTION("per file, then files not read, then errors, then the verdict") {
        CHECK(check_text(check_report(), OutputFormat::table) == R"txt(exports/calls.csv
  kind         calls
  preset       none
  delimiter    ;
  encoding     utf-8
  bom          yes
  header line  3
  date order   dmy
  decimal      ,
  rows         120 (7 skipped, 1 ignored)
  dates        2024-01-01 to 2024-02-29
  currencies   —
  mapping      client ← Kunde
               started_at ← Datum
  problems     line 10, column "Datum": "gestern" is not a date
               line 11, column "Datum": "gestern" is not a date
               line 12, column "Datum": "gestern" is not a date
               line 13, column "Datum": "gestern" is not a date
               line 14, column "Datum": "gestern" is not a date
               … and 2 more

exports/clients.tsv
  kind         clients
  preset       none
  delimiter    tab
  encoding     utf-8
  bom          no
  header line  —
  date order   —
  decimal      —
  rows         3 (0 skipped)
  dates        —
  currencies   EUR, USD
  mapping      id ← id

Not read
  - exports/invoices.xlsx: not read; save it as CSV

Errors
  - exports/discounts.csv: required column "client" is absent

NOT OK
)txt");
    }
    SECTION("all good") {
        CheckReport report;
        report.files = {check_report().files[1]};
        const std::string text = check_text(report, OutputFormat::table);
        CHECK(text.substr(text.size() - 4) == "\nOK\n");
    }
}

TEST_CASE("render::render_check markdown", "[render]") { CHECK(check_text(check_report(), OutputFormat::markdown) == R"txt(# exports/calls.csv

- kind: calls
- preset: none
- delimiter: ;
- encoding: utf-8
- bom: yes
- header line: 3
- date order: dmy
- decimal: ,
- rows: 120 (7 skipped, 1 ignored)
- dates: 2024-01-01 to 2024-02-29
- currencies: —
- mapping:
  - client ← Kunde
  - started_at ← Datum
- problems:
  - line 10, column "Datum": "gestern" is not a date
  - line 11, column "Datum": "gestern" is not a date
  - line 12, column "Datum": "gestern" is not a date
  - line 13, column "Datum": "gestern" is not a date
  - line 14, column "Datum": "gestern" is not a date
  - … and 2 more

## exports/clients.tsv

- kind: clients
- preset: none
- delimiter: tab
- encoding: utf-8
- bom: no
- header line: —
- date order: —
- decimal: —
- rows: 3 (0 skipped)
- dates: —
- currencies: EUR, USD
- mapping: id ← id

## Not read

- exports/invoices.xlsx: not read; save it as CSV

## Errors

- exports/discounts.csv: required column "client" is absent

## NOT OK
)txt"); }

TEST_CASE("render::render_check csv", "[render]") { CHECK(check_text(check_report(), OutputFormat::csv) == R"txt(status,path,kind,preset,delimiter,bom,encoding,date_order,decimal,rows,skipped,from,to,currencies,mapping,problems
read,exports/calls.csv,calls,none,;,true,utf-8,dmy,",",120,7,2024-01-01,2024-02-29,,client=Kunde | started_at=Datum,"line 10, column ""Datum"": ""gestern"" is not a date | line 11, column ""Datum"": ""gestern"" is not a date | line 12, column ""Datum"": ""gestern"" is not a date | line 13, column ""Datum"": ""gestern"" is not a date | line 14, column ""Datum"": ""gestern"" is not a date | line 15, column ""Datum"": ""gestern"" is not a date | line 16, column ""Datum"": ""gestern"" is not a date"
read,exports/clients.tsv,clients,none,tab,false,utf-8,,,3,0,,,EUR USD,id=id,
not_read,exports/invoices.xlsx,,,,,,,,,,,,,,not read: save it as CSV
error,,,,,,,,,,,,,,,"exports/discounts.csv: required column ""client"" is absent"
)txt"); }

TEST_CASE("render::render_check json", "[render]") {
    SECTION("exactly the keys of SPEC §5, errors after not_read") {
        CHECK(check_text(check_report(), OutputFormat::json) == R"txt({
  "ok": false,
  "files": [
    {
      "path": "exports/calls.csv",
      "kind": "calls",
      "found_by": "name",
      "preset": "none",
      "preset_forced": false,
      "preset_columns": [],
      "preset_notes": [],
      "delimiter": ";",
      "bom": true,
      "encoding": "utf-8",
      "sheet": null,
      "header_line": 3,
      "date_order": "dmy",
      "decimal": ",",
      "mapping": {
        "client": "Kunde",
        "started_at": "Datum"
      },
      "passed_over": [],
      "rows": 120,
      "skipped": 7,
      "problems": [
        {
          "line": 10,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        },
        {
          "line": 11,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        },
        {
          "line": 12,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        },
        {
          "line": 13,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        },
        {
          "line": 14,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        },
        {
          "line": 15,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        },
        {
          "line": 16,
          "column": "Datum",
          "message": "\"gestern\" is not a date"
        }
      ],
      "from": "2024-01-01",
      "to": "2024-02-29",
      "currencies": []
    },
    {
      "path": "exports/clients.tsv",
      "kind": "clients",
      "found_by": "name",
      "preset": "none",
      "preset_forced": false,
      "preset_columns": [],
      "preset_notes": [],
      "delimiter": "\t",
      "bom": false,
      "encoding": "utf-8",
      "sheet": null,
      "header_line": null,
      "date_order": null,
      "decimal": null,
      "mapping": {
        "id": "id"
      },
      "passed_over": [],
      "rows": 3,
      "skipped": 0,
      "problems": [],
      "from": null,
      "to": null,
      "currencies": [
        "EUR",
        "USD"
      ]
    }
  ],
  "not_read": [
    {
      "path": "exports/invoices.xlsx",
      "why": "save it as CSV"
    }
  ],
  "errors": [
    "exports/discounts.csv: required column \"client\" is absent"
  ]
}
)txt");
    }
    SECTION("nothing found") {
        CheckReport report;
        CHECK(check_text(report, OutputFormat::json) ==
              "{\n  \"ok\": true,\n  \"files\": [],\n  \"not_read\": [],\n  \"errors\": []\n}\n");
    }
}

TEST_CASE("render::render_check table wraps to a terminal's width", "[render]") {
    CheckReport report = check_report();
    report.not_read.push_back(NotRead{"exports/請求書_株式会社スターライト・プロモーション_2024年第一四半期_最終版.xls",
                                      "a spreadsheet in a form not read: open it and save it as CSV (UTF-8) or .xlsx"});
    report.errors.push_back("exports/👨\u200D👩\u200D👧-Zoe\u0308.csv: required column \"client\" is absent; the "
                            "header has Kunde, Datum, Dauer, Richtung, Notizen, Stichworte");
    report.files[0].bad_rows.kept[0].message =
        "\"gestern um halb drei, nach dem Anruf von Frau Müller wegen der Rechnung\" is not a date";
    for (const int width : {80, 100, 120, 200}) {
        RenderOptions options;
        options.format = OutputFormat::table;
        options.terminal_width = width;
        StringWriter out;
        render_check(report, options, out);
        INFO(width);
        CHECK(test::lines_wider_than(test::lines_of_text(out.text()), width).empty());
        // Wrapped, not cut: every word is still there.
        CHECK(out.text().find("Stichworte") != std::string::npos);
        const bool no_ellipsis = out.text().find("…") == std::string::npos;
        const bool only_more_line = out.text().find("… and") != std::string::npos;
        CHECK((no_ellipsis || only_more_line));
    }
    // Off a terminal each item stays on one line.
    CHECK(check_text(report, OutputFormat::table).find("Notizen, Stichworte\n") != std::string::npos);
}

TEST_CASE("render::render_check names the worksheet read from an .xlsx file", "[render][xlsx]") {
    CheckReport report = check_report();
    report.files[0].sheet = "Invoices";
    const std::string json = check_text(report, OutputFormat::json);
    CHECK(json.find("\"encoding\": \"utf-8\",\n      \"sheet\": \"Invoices\",\n") != std::string::npos);
    CHECK(json.find("\"sheet\": null") != std::string::npos);  // the second file is text
    const std::string table = check_text(report, OutputFormat::table);
    CHECK(table.find("  kind         calls\n  sheet        Invoices\n") != std::string::npos);
    // The sheet's delimiter, encoding and bom are the reader's own: not shown for a workbook.
    const std::size_t sheet_at = table.find("  sheet        Invoices\n");
    const std::string block = table.substr(sheet_at, table.find("  header line", sheet_at) - sheet_at);
    CHECK(block.find("delimiter") == std::string::npos);
    CHECK(block.find("bom") == std::string::npos);
    CHECK(check_text(check_report(), OutputFormat::table).find("sheet") == std::string::npos);
}

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "clientscore/render.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

namespace {

std::string rank_text(const RankReport& report, OutputFormat format, std::optional<int> width = std::nullopt,
                      bool color = false) {
    RenderOptions options;
    options.format = format;
    options.terminal_width = width;
    options.color = color;
    StringWriter out;
    render_rank(report, options, out);
    return out.text();
}

const std::string k_csv_header =
    "rank,client,name,toxicity,verdict,cause,action,reasons,components_communication,components_after_hours,"
    "components_discounts,components_payment,components_hostility,calls,calls_in,call_minutes,emails,emails_"
    "in,contacts_in,contacts_per_week,after_hours_share,off_day_share,flagged_contacts,invoices,disputed_"
    "invoices,tags_threat,tags_abusive,tags_escalation,tags_blame,tags_dispute,tags_rework,billed,credits,"
    "net_revenue,collected,outstanding,overdue,aging_1_30,aging_31_60,aging_61_90,aging_over_90,avg_days_"
    "late,max_days_late,oldest_overdue_days,late_share,discounts,discount_requests,discount_share,support_"
    "hours,logged_hours,hours,cost_to_serve,margin,margin_pct,effective_rate,people,top_person,top_person_share,"
    "revenue_share,price_increase_needed";

}  // namespace

TEST_CASE("render::render_rank json", "[render]") {
    SECTION("the whole document, streamed, for one client with nulls and custom settings") {
        RankReport report = test::sample_rank_report();
        ClientResult only = test::bistro();
        only.rank = 1;
        report.clients = {only};
        report.portfolio = Portfolio{};
        report.portfolio.clients = 1;
        report.settings.time_zone = "Europe/Berlin";
        report.settings.weights[3] = 2;
        report.settings.thresholds[0] = Threshold{2.5, 12};
        report.warnings.clear();
        const std::string expected = R"json({
  "schema_version": 1,
  "period": {
    "from": "2024-01-01",
    "to": "2024-02-29",
    "as_of": "2024-02-29",
    "days": 60
  },
  "settings": {
    "from": "2024-01-01",
    "to": "2024-02-29",
    "as_of": "2024-02-29",
    "time_zone": "Europe/Berlin",
    "business_hours": "09:00-18:00",
    "business_days": "Mon,Tue,Wed,Thu,Fri",
    "holidays": 2,
    "hourly_cost": 60,
    "email_minutes": 5,
    "target_margin": 0.3,
    "currency": "EUR",
    "fire_at": 60,
    "watch_at": 30,
    "chase_days": 60,
    "aging": [
      30,
      60,
      90
    ],
    "thresholds": {
      "communication": {
        "ok": 2.5,
        "bad": 12
      },
      "after_hours": {
        "ok": 0.1,
        "bad": 0.4
      },
      "discounts": {
        "ok": 0.05,
        "bad": 0.25
      },
      "payment": {
        "ok": 7,
        "bad": 45
      },
      "hostility": {
        "ok": 0,
        "bad": 2
      }
    },
    "weights": {
      "communication": 1,
      "after_hours": 1,
      "discounts": 1,
      "payment": 2,
      "hostility": 1
    }
  },
  "portfolio": {
    "clients": 1,
    "net_revenue": 0,
    "cost_to_serve": 0,
    "margin": 0,
    "support_hours": 0,
    "logged_hours": 0,
    "hours": 0,
    "max_revenue_share": null,
    "effective_rate": null,
    "if_fired": {
      "fired": 0,
      "clients": 0,
      "net_revenue": 0,
      "cost_to_serve": 0,
      "margin": 0,
      "support_hours": 0,
      "hours_freed": 0,
      "freed_hours_value": null
    }
  },
  "clients": [
    {
      "rank": 1,
      "client": "C002",
      "name": null,
      "toxicity": 12.5,
      "verdict": "keep",
      "cause": "",
      "action": "Keep.",
      "reasons": [],
      "components": {
        "communication": 0.1,
        "after_hours": 0,
        "discounts": 0.5,
        "payment": 0,
        "hostility": 0
      },
      "calls": 1,
      "calls_in": 0,
      "call_minutes": 12.5,
      "emails": 0,
      "emails_in": 0,
      "contacts_in": 0,
      "contacts_per_week": 0.1,
      "after_hours_share": 0,
      "off_day_share": 0,
      "flagged_contacts": 0,
      "invoices": 0,
      "disputed_invoices": 0,
      "tags": {},
      "billed": 0,
      "credits": 0,
      "net_revenue": 0,
      "collected": 0,
      "outstanding": 0,
      "overdue": 0,
      "aging": {
        "1_30": 0,
        "31_60": 0,
        "61_90": 0,
        "over_90": 0
      },
      "avg_days_late": 0,
      "max_days_late": 0,
      "oldest_overdue_days": 0,
      "late_share": 0,
      "discounts": 300,
      "discount_requests": 2,
      "discount_share": 1,
      "support_hours": 0.21,
      "logged_hours": null,
      "hours": 0.21,
      "cost_to_serve": 12.5,
      "margin": -12.5,
      "margin_pct": null,
      "effective_rate": null,
      "people": 0,
      "top_person": null,
      "top_person_share": null,
      "revenue_share": null,
      "price_increase_needed": 0
    }
  ],
  "skipped_rows": {
    "calls.csv": 3,
    "invoices.csv": 0
  },
  "ignored_rows": {
    "calls.csv": 0,
    "invoices.csv": 4
  },
  "warnings": []
}
)json";
        CHECK(rank_text(report, OutputFormat::json) == expected);
    }
    SECTION("a client object: rounding, tags only when seen, nested groups") {
        const std::string expected = R"json({
  "rank": 1,
  "client": "C001",
  "name": "Acme Ltd",
  "toxicity": 57,
  "verdict": "fire",
  "cause": "toxicity 57.0 ≥ 50 with a weak margin",
  "action": "Fire: give notice by 2024-05-29.",
  "reasons": [
    "41.7% of inbound contacts after hours",
    "pays 38.3 days late on average"
  ],
  "components": {
    "communication": 0.8125,
    "after_hours": 0.4167,
    "discounts": null,
    "payment": 0.8,
    "hostility": 0.25
  },
  "calls": 12,
  "calls_in": 10,
  "call_minutes": 95.5,
  "emails": 8,
  "emails_in": 6,
  "contacts_in": 16,
  "contacts_per_week": 1.87,
  "after_hours_share": 0.4167,
  "off_day_share": 0.125,
  "flagged_contacts": 2,
  "invoices": 3,
  "disputed_invoices": 1,
  "tags": {
    "threat": 2
  },
  "billed": 1200,
  "credits": 0,
  "net_revenue": 1200,
  "collected": 400,
  "outstanding": 800,
  "overdue": 800,
  "aging": {
    "1_30": 0,
    "31_60": 800,
    "61_90": 0,
    "over_90": 0
  },
  "avg_days_late": 38.33,
  "max_days_late": 45,
  "oldest_overdue_days": 45,
  "late_share": 0.6667,
  "discounts": 0,
  "discount_requests": 0,
  "discount_share": 0,
  "support_hours": 2.26,
  "logged_hours": null,
  "hours": 2.26,
  "cost_to_serve": 135.5,
  "margin": 1064.5,
  "margin_pct": 0.8871,
  "effective_rate": 531.37,
  "people": 0,
  "top_person": null,
  "top_person_share": null,
  "revenue_share": 0.8,
  "price_increase_needed": 0
})json";
        CHECK(render::json_text(render::client_json(client_table(), test::acme())) == expected);
    }
    SECTION("the streamed document parses, and equal file names add up") {
        const auto json =
            nlohmann::ordered_json::parse(rank_text(test::sample_rank_report(), OutputFormat::json));
        CHECK(json["clients"].size() == 2);
        CHECK(json["clients"][1]["margin"] == -12.5);
        CHECK(json["skipped_rows"]["calls.csv"] == 3);
        CHECK(json["portfolio"]["if_fired"]["freed_hours_value"] == 1373.31);
        CHECK(json["warnings"].size() == 1);
    }
    SECTION("no clients: an empty array") {
        RankReport report;
        const auto text = rank_text(report, OutputFormat::json);
        CHECK(text.find("\n  \"clients\": [],\n") != std::string::npos);
        CHECK(nlohmann::json::parse(text)["clients"].empty());
    }
    SECTION("the same report gives the same bytes") {
        CHECK(rank_text(test::sample_rank_report(), OutputFormat::json) ==
              rank_text(test::sample_rank_report(), OutputFormat::json));
    }
}

TEST_CASE("render::render_rank csv", "[render]") {
    SECTION("header, rounded numbers, nulls empty, reasons joined, all six tags") {
        const std::string expected =
            k_csv_header +
            "\n"
            "1,C001,Acme Ltd,57,fire,toxicity 57.0 ≥ 50 with a weak margin,Fire: give notice by 2024-05-29.,41.7% of inbound contacts after hours "
            "| pays "
            "38.3 days late on "
            "average,0.8125,0.4167,,0.8,0.25,12,10,95.5,8,6,16,1.87,0.4167,0.125,2,3,1,2,0,0,0,0,0,"
            "1200,0,1200,400,800,800,0,800,0,0,38.33,45,45,0.6667,0,0,0,2.26,,2.26,135.5,1064.5,0.8871,531.37,0,,,0.8,"
            "0\n"
            "2,C002,,12.5,keep,,Keep.,,0.1,0,0.5,0,0,1,0,12.5,0,0,0,0.1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
            "0,0,0,0,"
            "0,0,300,2,1,0.21,,0.21,12.5,-12.5,,,0,,,,0\n";
        CHECK(rank_text(test::sample_rank_report(), OutputFormat::csv) == expected);
    }
    SECTION("formula guard on text cells, RFC 4180 quoting, negative numbers left alone") {
        RankReport report;
        report.clients = test::formula_clients();
        // every figure up to cost_to_serve is 0 (logged_hours and hours too: the fixture supplies all data)
        const std::string zeros = "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";
        const std::string tail = ",keep,,Keep.,,,,,,," + zeros + ",-12.5,,,0,,,,0\n";
        const std::string expected =
            k_csv_header + "\n" + "1,C010,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0" + tail +
            "2,'+1,'-2,0" + tail + "3,'@SUM(A1),\"Tab\tand \"\"quotes\"\", commas\",0" + tail;
        CHECK(rank_text(report, OutputFormat::csv) == expected);
    }
}

TEST_CASE("render::render_rank tsv", "[render]") {
    RankReport report;
    std::vector<ClientResult> clients = test::formula_clients();
    clients[0].name = "line\nbreak\r\\ and\ttab";
    clients[1].name = "\tstarts with a tab";
    report.clients = clients;
    const std::string text = rank_text(report, OutputFormat::tsv);
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    REQUIRE(lines.size() == 4);
    std::string header = k_csv_header;
    std::replace(header.begin(), header.end(), ',', '\t');
    CHECK(lines[0] == header);
    CHECK(lines[1].rfind("1\tC010\tline\\nbreak\\r\\\\ and\\ttab\t0\tkeep\t\tKeep.\t", 0) == 0);
    CHECK(lines[2].rfind("2\t'+1\t'\\tstarts with a tab\t0\t", 0) == 0);
    CHECK(lines[3].rfind("3\t'@SUM(A1)\tTab\\tand \"quotes\", commas\t0\t", 0) == 0);
    CHECK(lines[3].find("\t-12.5\t") != std::string::npos);
}

TEST_CASE("render::render_rank table", "[render]") {
    // SPEC §5 ◆12: the period line, then rank, client, verdict, toxicity, why (the cause), name
    // and the figures; a portfolio summary under it.
    SECTION("no width: nothing shortened, numbers right-aligned, money grouped, shares as percentages") {
        const std::string expected =
            "Period 2024-01-01 to 2024-02-29 (60 days), as of 2024-02-29\n"
            "\n"
            "rank  client  verdict  toxicity  why                                    name      net revenue  margin  overdue  contacts/wk  after hours  days late  discounts  hours\n"
            "----  ------  -------  --------  -------------------------------------  --------  -----------  ------  -------  -----------  -----------  ---------  ---------  -----\n"
            "   1  C001    fire         57.0  toxicity 57.0 ≥ 50 with a weak margin  Acme Ltd     1,200.00   88.7%   800.00         1.87        41.7%      38.33       0.0%   2.26\n"
            "   2  C002    keep         12.5                                         —                0.00       —     0.00         0.10         0.0%       0.00     100.0%   0.21\n"
            "\n"
            "Portfolio: 2 clients, net revenue 1,500.00 EUR, margin 1,352.00 EUR (90.1%), 2.47 support hours. Firing 1 frees 2.26 hours (worth 1,373.31 EUR) and gives up 1,200.00 EUR of net revenue.\n";
        CHECK(rank_text(test::sample_rank_report(), OutputFormat::table) == expected);
    }
    SECTION("a terminal width leaves out columns from the end, then shortens the text columns") {
        // The cause keeps 40 columns (or its whole text) before any column after it is shown.
        const std::string expected =
            "Period 2024-01-01 to 2024-02-29 (60 days), as of 2024-02-29\n"
            "\n"
            "rank  client  verdict  toxicity  why                                    name      net revenue  margin  overdue  contacts/wk\n"
            "----  ------  -------  --------  -------------------------------------  --------  -----------  ------  -------  -----------\n"
            "   1  C001    fire         57.0  toxicity 57.0 ≥ 50 with a weak margin  Acme Ltd     1,200.00   88.7%   800.00         1.87\n"
            "   2  C002    keep         12.5                                         —                0.00       —     0.00         0.10\n"
            "(left out: after hours, days late, discounts, hours; --format csv has every column)\n"
            "\n"
            "Portfolio: 2 clients, net revenue 1,500.00 EUR, margin 1,352.00 EUR (90.1%), 2.47 support hours. Firing 1 frees 2.26 hours (worth\n"
            "1,373.31 EUR) and gives up 1,200.00 EUR of net revenue.\n";
        const std::string text = rank_text(test::sample_rank_report(), OutputFormat::table, 130);
        CHECK(text == expected);
        const std::string narrow =
            "Period 2024-01-01 to 2024-02-29 (60 days), as of 2024-02-29\n"
            "\n"
            "rank  client  verdict  toxicity  why                                    name\n"
            "----  ------  -------  --------  -------------------------------------  --------\n"
            "   1  C001    fire         57.0  toxicity 57.0 ≥ 50 with a weak margin  Acme Ltd\n"
            "   2  C002    keep         12.5                                         —\n"
            "(left out: net revenue, margin, overdue, contacts/wk, after hours, days late,\n"
            "discounts, hours; --format csv has every column)\n"
            "\n"
            "Portfolio: 2 clients, net revenue 1,500.00 EUR, margin 1,352.00 EUR (90.1%),\n"
            "2.47 support hours. Firing 1 frees 2.26 hours (worth 1,373.31 EUR) and gives up\n"
            "1,200.00 EUR of net revenue.\n";
        CHECK(rank_text(test::sample_rank_report(), OutputFormat::table, 80) == narrow);
        // A terminal is taken as 80 columns at least (SPEC §5 ◆12).
        CHECK(rank_text(test::sample_rank_report(), OutputFormat::table, 40) == narrow);
        // every line fits the width
        std::size_t start = 0;
        while (start < narrow.size()) {
            const std::size_t end = narrow.find('\n', start);
            CHECK(render::display_width(narrow.substr(start, end - start)) <= 80);
            start = end + 1;
        }
    }
    SECTION("colour wraps the verdict and keeps the alignment") {
        const std::string text =
            rank_text(test::sample_rank_report(), OutputFormat::table, std::nullopt, true);
        CHECK(text.find("  C001    \x1b[31mfire\x1b[0m         57.0") != std::string::npos);
        CHECK(text.find("  C002    \x1b[32mkeep\x1b[0m         12.5") != std::string::npos);
    }
    SECTION("no client to fire, singular client, nothing dated") {
        RankReport report;
        report.portfolio.clients = 1;
        report.settings.period.undated = true;
        const std::string expected =
            "Period unknown: nothing in the exports is dated\n"
            "\n"
            "rank  client  verdict  toxicity  why  name  net revenue  margin  overdue  contacts/wk  after hours  days late  discounts  hours\n"
            "----  ------  -------  --------  ---  ----  -----------  ------  -------  -----------  -----------  ---------  ---------  -----\n"
            "\n"
            "Portfolio: 1 client, net revenue 0.00, margin 0.00, 0.00 hours (0.00 support, 0.00 logged). No client to fire.\n";
        CHECK(rank_text(report, OutputFormat::table) == expected);
    }
}

TEST_CASE("render::render_rank markdown", "[render]") {
    RankReport report = test::sample_rank_report();
    ClientResult second = report.clients.at(1);
    second.name = "Pipe | Co";
    report.clients = {report.clients.at(0), second};
    const std::string expected =
        "Period 2024-01-01 to 2024-02-29 (60 days), as of 2024-02-29\n"
        "\n"
        "| rank | client | verdict | toxicity | why | name | net revenue | margin | overdue | contacts/wk | after hours | days late | discounts | hours |\n"
        "| ---: | --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        "| 1 | C001 | fire | 57.0 | toxicity 57.0 ≥ 50 with a weak margin | Acme Ltd | 1,200.00 | 88.7% | 800.00 | 1.87 | 41.7% | 38.33 | 0.0% | 2.26 |\n"
        "| 2 | C002 | keep | 12.5 | | Pipe \\| Co | 0.00 | — | 0.00 | 0.10 | 0.0% | 0.00 | 100.0% | 0.21 |\n"
        "\n"
        "Portfolio: 2 clients, net revenue 1,500.00 EUR, margin 1,352.00 EUR (90.1%), 2.47 support hours. Firing 1 frees 2.26 hours (worth 1,373.31 EUR) and gives up 1,200.00 EUR of net revenue.\n";
    CHECK(rank_text(report, OutputFormat::markdown, 40, true) == expected);
}

TEST_CASE("render::render_rank table fits 80 to 200 columns with wide, emoji and accented names", "[render]") {
    RankReport report = test::sample_rank_report();
    ClientResult wide = test::acme();
    wide.name = "株式会社スターライト・プロモーション東京本社営業部第二課";
    ClientResult emoji = test::bistro();
    emoji.name = "👨\u200D👩\u200D👧 Zoe\u0308 Me\u0301tivier Cafe\u0301 🇩🇪 ❤\uFE0F Bakery and Sons Limited";
    report.clients = {wide, emoji};
    for (const int width : {80, 100, 120, 200}) {
        INFO(width);
        const std::vector<std::string> lines = test::lines_of_text(rank_text(report, OutputFormat::table, width));
        CHECK(test::lines_wider_than(lines, width).empty());
        const std::size_t rule = test::first_rule(lines);
        REQUIRE(rule < lines.size());
        CHECK(test::aligned_under_rule(lines, rule));
    }
    // Off a terminal the names are whole.
    const std::string full = rank_text(report, OutputFormat::table);
    CHECK(full.find(*wide.name) != std::string::npos);
    CHECK(full.find(*emoji.name) != std::string::npos);
}

TEST_CASE("render::render_rank with a baseline: the change column, last to stay, and the block", "[render]") {
    RankReport report = test::sample_rank_report();
    ClientResult acme = test::acme();
    acme.change = ClientChange{ChangeStatus::worse, Verdict::watch, 41.0, 21.3};
    ClientResult bistro = test::bistro();
    bistro.change = ClientChange{};  // new
    report.clients = {acme, bistro};
    BaselineSummary baseline;
    baseline.period = Period{test::k_2024_01_01 - 31, test::k_2024_01_01 - 1, test::k_2024_01_01 - 1, false};
    baseline.gone = {"C009", "C010"};
    baseline.reached = {BaselineMove{acme.client, Verdict::fire, Verdict::watch}};
    baseline.worse = {BaselineMove{acme.client, Verdict::fire, Verdict::watch}};
    report.baseline = baseline;
    const std::string since = "Since the baseline (2023-12-01 to 2023-12-31): newly fire or chase: C001 fire (was "
                              "watch); worse: C001; none better; gone: C009, C010.";
    SECTION("off a terminal every column, the change last of SPEC's, then hours") {
        const std::vector<std::string> lines = test::lines_of_text(rank_text(report, OutputFormat::table));
        const std::size_t rule = test::first_rule(lines);
        REQUIRE(rule > 0);
        CHECK(lines[rule - 1].ends_with("  change   hours"));
        CHECK(lines[rule + 1].find("  ↑ +21.3   ") != std::string::npos);
        CHECK(lines[rule + 2].find("  new       ") != std::string::npos);
        CHECK(lines.back() == since);
    }
    SECTION("at 80 columns the change is the first column left out; the block wraps to the width") {
        const std::string text = rank_text(report, OutputFormat::table, 80);
        CHECK_THAT(text, Catch::Matchers::Contains("days late,\ndiscounts, change, hours; --format csv"));
        CHECK(test::lines_wider_than(test::lines_of_text(text), 80).empty());
        CHECK_THAT(text, Catch::Matchers::Contains("\n\nSince the baseline (2023-12-01 to 2023-12-31): newly fire or "
                                                   "chase: C001 fire\n(was watch); worse: C001; none better; gone: C009, "
                                                   "C010.\n"));
    }
    SECTION("json: the baseline before the clients, each client's change last") {
        const auto json = nlohmann::ordered_json::parse(rank_text(report, OutputFormat::json));
        CHECK(json["baseline"].dump() ==
              R"({"period":{"from":"2023-12-01","to":"2023-12-31","as_of":"2023-12-31","days":31},"gone":["C009","C010"]})");
        CHECK(json["clients"][0]["change"].dump() ==
              R"({"status":"worse","verdict_before":"watch","toxicity_before":41,"toxicity_delta":21.3})");
        CHECK(json["clients"][1]["change"].dump() ==
              R"({"status":"new","verdict_before":null,"toxicity_before":null,"toxicity_delta":null})");
    }
    SECTION("markdown ends with the block") {
        const std::string text = rank_text(report, OutputFormat::markdown);
        CHECK(text.ends_with("\n\n" + since + "\n"));
    }
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "clientscore/render.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

namespace {

ExplainReport explain_report() {
    ExplainReport e;
    e.settings = test::sample_settings();
    e.client = test::acme();
    e.client_count = 2;
    MonthResult jan;
    jan.month = "2024-01";
    jan.period = Period{test::k_2024_01_01, test::k_2024_01_31, test::k_2024_01_31};
    jan.score = test::acme().score;
    jan.metrics = test::acme().metrics;
    MonthResult feb;
    feb.month = "2024-02";
    feb.period = Period{test::k_2024_02_01, test::k_2024_02_29, test::k_2024_02_29};
    feb.score = test::bistro().score;
    feb.metrics = test::bistro().metrics;
    e.months = {jan, feb};
    Offboarding off;
    off.notice_date = test::k_2024_02_29 + 90;
    off.open_invoices = {OpenInvoice{"INV-7", test::k_2024_01_31, 800, 29}};
    off.checklist = {"Send the notice in writing.", "Chase INV-7."};
    e.offboarding = off;
    e.warnings = {"w1"};
    return e;
}

std::string explain_text(const ExplainReport& report, OutputFormat format, bool color = false) {
    RenderOptions options;
    options.format = format;
    options.color = color;
    StringWriter out;
    render_explain(report, options, out);
    return out.text();
}

}  // namespace

TEST_CASE("render::render_explain table", "[render]") {
    SECTION("header, action, reasons, components with contributions, metrics, months, offboarding") {
        CHECK(explain_text(explain_report(), OutputFormat::table) == R"txt(Client C001 (Acme Ltd)
Rank 1 of 2 · verdict fire · toxicity 57.0
Period 2024-01-01 to 2024-02-29 (60 days), as of 2024-02-29

Why
  toxicity 57.0 ≥ 50 with a weak margin

Action
  Fire: give notice by 2024-05-29.

Reasons
  - 41.7% of inbound contacts after hours
  - pays 38.3 days late on average

Components
  component        value    ok   bad  weight  contribution
  -------------  -------  ----  ----  ------  ------------
  communication   0.8125     2    10       1         20.31
  after_hours     0.4167   0.1   0.4       1         10.42
  discounts      no data  0.05  0.25       1             —
  payment         0.8000     7    45       1         20.00
  hostility       0.2500     0     2       1          6.25
  toxicity                                            57.0

Metrics
  metric                    value  meaning
  ---------------------  --------  -----------------------------------------------------
  calls                        12  calls
  calls_in                     10  inbound calls
  call_minutes              95.50  minutes of all calls
  emails                        8  emails
  emails_in                     6  inbound emails
  contacts_in                  16  inbound calls and emails
  contacts_per_week          1.87  inbound contacts per week
  after_hours_share         41.7%  share of inbound contacts outside business hours
  off_day_share             12.5%  share of inbound contacts on weekends and holidays
  flagged_contacts              2  calls and emails with a hostile tag
  invoices                      3  counted invoices, credit notes included
  disputed_invoices             1  invoices marked disputed
  tags_threat                   2  contacts tagged threat
  tags_abusive                  0  contacts tagged abusive
  tags_escalation               0  contacts tagged escalation
  tags_blame                    0  contacts tagged blame
  tags_dispute                  0  contacts tagged dispute
  tags_rework                   0  contacts tagged rework
  billed                 1,200.00  invoiced amounts above zero
  credits                    0.00  credit notes
  net_revenue            1,200.00  billed minus credits
  collected                400.00  paid part of the period's invoices
  outstanding              800.00  unpaid part of the receivables
  overdue                  800.00  unpaid part of the receivables past due
  aging_1_30                 0.00  overdue 1-30 days
  aging_31_60              800.00  overdue 31-60 days
  aging_61_90                0.00  overdue 61-90 days
  aging_over_90              0.00  overdue over 90 days
  avg_days_late             38.33  amount-weighted mean days late
  max_days_late                45  most days late of one invoice
  oldest_overdue_days          45  age of the oldest unpaid overdue invoice
  late_share                66.7%  share of invoices paid or still open late
  discounts                  0.00  granted discounts
  discount_requests             0  discount rows of any status
  discount_share             0.0%  discounts / (billed + discounts)
  support_hours              2.26  call hours plus email handling time
  logged_hours                  —  hours of the time entries
  hours                      2.26  support hours plus logged hours
  cost_to_serve            135.50  hours x hourly cost
  margin                 1,064.50  net revenue minus cost to serve
  margin_pct                88.7%  margin / net revenue
  effective_rate           531.37  net revenue per hour
  people                        0  people who handled its calls, emails and time entries
  top_person                    —  the person with the most hours on it
  top_person_share              —  the top person's share of its hours
  revenue_share             80.0%  share of the portfolio's net revenue
  price_increase_needed      0.0%  price increase that reaches the target margin

Month by month
  month    contacts in  after hours  net revenue    margin  overdue  toxicity  verdict
  -------  -----------  -----------  -----------  --------  -------  --------  -------
  2024-01           16        41.7%     1,200.00  1,064.50   800.00      57.0  fire
  2024-02            0         0.0%         0.00    -12.50     0.00      12.5  keep

Offboarding
  notice date    2024-05-29
  open invoices  1
  invoice  due         unpaid  days overdue
  -------  ----------  ------  ------------
  INV-7    2024-01-31  800.00            29

Offboarding checklist
  - Send the notice in writing.
  - Chase INV-7.
)txt");
    }
    SECTION("no name, rank count unknown, no reasons, no offboarding") {
        ExplainReport report = explain_report();
        report.client = test::bistro();
        report.client_count = 0;
        report.offboarding.reset();
        const std::string text = explain_text(report, OutputFormat::table);
        CHECK(text.rfind("Client C002\nRank 2 · verdict keep · toxicity 12.5\n", 0) == 0);
        CHECK(text.find("Reasons\n  No component above 0.5.\n") != std::string::npos);
        CHECK(text.find("Offboarding") == std::string::npos);
        CHECK(text.find("  margin_pct                  —  margin / net revenue\n") != std::string::npos);
    }
    SECTION("colour only on the month verdicts") {
        const std::string text = explain_text(explain_report(), OutputFormat::table, true);
        CHECK(text.find("     57.0  \x1b[31mfire\x1b[0m\n") != std::string::npos);
        CHECK(text.find("     12.5  \x1b[32mkeep\x1b[0m\n") != std::string::npos);
    }
}

TEST_CASE("render::render_explain markdown", "[render]") {
    CHECK(explain_text(explain_report(), OutputFormat::markdown) == R"txt(# Client C001 (Acme Ltd)

Rank 1 of 2 · verdict fire · toxicity 57.0

Period 2024-01-01 to 2024-02-29 (60 days), as of 2024-02-29

## Why

toxicity 57.0 ≥ 50 with a weak margin

## Action

Fire: give notice by 2024-05-29.

## Reasons

- 41.7% of inbound contacts after hours
- pays 38.3 days late on average

## Components

| component | value | ok | bad | weight | contribution |
| --- | ---: | ---: | ---: | ---: | ---: |
| communication | 0.8125 | 2 | 10 | 1 | 20.31 |
| after_hours | 0.4167 | 0.1 | 0.4 | 1 | 10.42 |
| discounts | no data | 0.05 | 0.25 | 1 | — |
| payment | 0.8000 | 7 | 45 | 1 | 20.00 |
| hostility | 0.2500 | 0 | 2 | 1 | 6.25 |
| toxicity | | | | | 57.0 |

## Metrics

| metric | value | meaning |
| --- | ---: | --- |
| calls | 12 | calls |
| calls_in | 10 | inbound calls |
| call_minutes | 95.50 | minutes of all calls |
| emails | 8 | emails |
| emails_in | 6 | inbound emails |
| contacts_in | 16 | inbound calls and emails |
| contacts_per_week | 1.87 | inbound contacts per week |
| after_hours_share | 41.7% | share of inbound contacts outside business hours |
| off_day_share | 12.5% | share of inbound contacts on weekends and holidays |
| flagged_contacts | 2 | calls and emails with a hostile tag |
| invoices | 3 | counted invoices, credit notes included |
| disputed_invoices | 1 | invoices marked disputed |
| tags_threat | 2 | contacts tagged threat |
| tags_abusive | 0 | contacts tagged abusive |
| tags_escalation | 0 | contacts tagged escalation |
| tags_blame | 0 | contacts tagged blame |
| tags_dispute | 0 | contacts tagged dispute |
| tags_rework | 0 | contacts tagged rework |
| billed | 1,200.00 | invoiced amounts above zero |
| credits | 0.00 | credit notes |
| net_revenue | 1,200.00 | billed minus credits |
| collected | 400.00 | paid part of the period's invoices |
| outstanding | 800.00 | unpaid part of the receivables |
| overdue | 800.00 | unpaid part of the receivables past due |
| aging_1_30 | 0.00 | overdue 1-30 days |
| aging_31_60 | 800.00 | overdue 31-60 days |
| aging_61_90 | 0.00 | overdue 61-90 days |
| aging_over_90 | 0.00 | overdue over 90 days |
| avg_days_late | 38.33 | amount-weighted mean days late |
| max_days_late | 45 | most days late of one invoice |
| oldest_overdue_days | 45 | age of the oldest unpaid overdue invoice |
| late_share | 66.7% | share of invoices paid or still open late |
| discounts | 0.00 | granted discounts |
| discount_requests | 0 | discount rows of any status |
| discount_share | 0.0% | discounts / (billed + discounts) |
| support_hours | 2.26 | call hours plus email handling time |
| logged_hours | — | hours of the time entries |
| hours | 2.26 | support hours plus logged hours |
| cost_to_serve | 135.50 | hours x hourly cost |
| margin | 1,064.50 | net revenue minus cost to serve |
| margin_pct | 88.7% | margin / net revenue |
| effective_rate | 531.37 | net revenue per hour |
| people | 0 | people who handled its calls, emails and time entries |
| top_person | — | the person with the most hours on it |
| top_person_share | — | the top person's share of its hours |
| revenue_share | 80.0% | share of the portfolio's net revenue |
| price_increase_needed | 0.0% | price increase that reaches the target margin |

## Month by month

| month | contacts in | after hours | net revenue | margin | overdue | toxicity | verdict |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| 2024-01 | 16 | 41.7% | 1,200.00 | 1,064.50 | 800.00 | 57.0 | fire |
| 2024-02 | 0 | 0.0% | 0.00 | -12.50 | 0.00 | 12.5 | keep |

## Offboarding

- notice date: 2024-05-29
- open invoices: 1

| invoice | due | unpaid | days overdue |
| --- | --- | ---: | ---: |
| INV-7 | 2024-01-31 | 800.00 | 29 |

## Offboarding checklist

- Send the notice in writing.
- Chase INV-7.
)txt");
}

TEST_CASE("render::render_explain csv", "[render]") {
    CHECK(explain_text(explain_report(), OutputFormat::csv) == R"txt(month,from,to,as_of,calls,calls_in,call_minutes,emails,emails_in,contacts_in,contacts_per_week,after_hours_share,off_day_share,flagged_contacts,invoices,disputed_invoices,tags_threat,tags_abusive,tags_escalation,tags_blame,tags_dispute,tags_rework,billed,credits,net_revenue,collected,outstanding,overdue,aging_1_30,aging_31_60,aging_61_90,aging_over_90,avg_days_late,max_days_late,oldest_overdue_days,late_share,discounts,discount_requests,discount_share,support_hours,logged_hours,hours,cost_to_serve,margin,margin_pct,effective_rate,people,top_person,top_person_share,revenue_share,price_increase_needed,components_communication,components_after_hours,components_discounts,components_payment,components_hostility,toxicity,verdict
2024-01,2024-01-01,2024-01-31,2024-01-31,12,10,95.5,8,6,16,1.87,0.4167,0.125,2,3,1,2,0,0,0,0,0,1200,0,1200,400,800,800,0,800,0,0,38.33,45,45,0.6667,0,0,0,2.26,,2.26,135.5,1064.5,0.8871,531.37,0,,,0.8,0,0.8125,0.4167,,0.8,0.25,57,fire
2024-02,2024-02-01,2024-02-29,2024-02-29,1,0,12.5,0,0,0,0.1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,300,2,1,0.21,,0.21,12.5,-12.5,,,0,,,,0,0.1,0,0.5,0,0,12.5,keep
)txt");
    const std::string tsv = explain_text(explain_report(), OutputFormat::tsv);
    CHECK(tsv.rfind("month\tfrom\tto\tas_of\tcalls\t", 0) == 0);
    CHECK(tsv.find("\n2024-02\t2024-02-01\t2024-02-29\t2024-02-29\t1\t0\t12.5\t") != std::string::npos);
}

TEST_CASE("render::render_explain json", "[render]") {
    SECTION("the client as in rank, then thresholds, months, offboarding, period, settings, warnings") {
        CHECK(explain_text(explain_report(), OutputFormat::json) == R"txt({
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
  "price_increase_needed": 0,
  "thresholds": {
    "communication": {
      "ok": 2,
      "bad": 10,
      "weight": 1
    },
    "after_hours": {
      "ok": 0.1,
      "bad": 0.4,
      "weight": 1
    },
    "discounts": {
      "ok": 0.05,
      "bad": 0.25,
      "weight": 1
    },
    "payment": {
      "ok": 7,
      "bad": 45,
      "weight": 1
    },
    "hostility": {
      "ok": 0,
      "bad": 2,
      "weight": 1
    }
  },
  "months": [
    {
      "month": "2024-01",
      "from": "2024-01-01",
      "to": "2024-01-31",
      "as_of": "2024-01-31",
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
      "price_increase_needed": 0,
      "components": {
        "communication": 0.8125,
        "after_hours": 0.4167,
        "discounts": null,
        "payment": 0.8,
        "hostility": 0.25
      },
      "toxicity": 57,
      "verdict": "fire"
    },
    {
      "month": "2024-02",
      "from": "2024-02-01",
      "to": "2024-02-29",
      "as_of": "2024-02-29",
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
      "price_increase_needed": 0,
      "components": {
        "communication": 0.1,
        "after_hours": 0,
        "discounts": 0.5,
        "payment": 0,
        "hostility": 0
      },
      "toxicity": 12.5,
      "verdict": "keep"
    }
  ],
  "offboarding": {
    "notice_date": "2024-05-29",
    "open_invoices": [
      {
        "invoice_id": "INV-7",
        "due_at": "2024-01-31",
        "unpaid": 800,
        "days_overdue": 29
      }
    ],
    "checklist": [
      "Send the notice in writing.",
      "Chase INV-7."
    ]
  },
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
    "time_zone": null,
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
        "ok": 2,
        "bad": 10
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
      "payment": 1,
      "hostility": 1
    }
  },
  "warnings": [
    "w1"
  ]
}
)txt");
    }
    SECTION("no offboarding unless the report has one") {
        ExplainReport report = explain_report();
        report.offboarding.reset();
        const auto json = nlohmann::ordered_json::parse(explain_text(report, OutputFormat::json));
        CHECK_FALSE(json.contains("offboarding"));
        CHECK(json["months"].size() == 2);
        CHECK(json["thresholds"]["payment"]["bad"] == 45);
    }
}

namespace {

// Names in wide scripts, emoji sequences and decomposed accents, long enough to need cutting.
const std::vector<std::string> k_wide_names = {
    "株式会社スターライト・プロモーション東京本社営業部第二課 国際取引担当チーム",
    "👨\u200D👩\u200D👧 Family Bakery 🇩🇪🇫🇷 ❤\uFE0F ❤\uFE0F ❤\uFE0F with a very long trading name that never ends",
    "Zoe\u0308 Me\u0301tivier Cafe\u0301 et Fre\u0300res Socie\u0301te\u0301 Anonyme de Distribution Ge\u0301ne\u0301rale",
};

}  // namespace

TEST_CASE("render::render_explain table fits a terminal's width", "[render]") {
    for (const std::string& name : k_wide_names) {
        for (const int width : {80, 100, 120, 200}) {
            ExplainReport report = explain_report();
            report.client.name = name;
            report.client.score.action = "Fire: " + name + " — give notice by 2024-05-29, in writing, with the log.";
            report.client.score.reasons.push_back("the client " + name + " asked for rework four times");
            report.offboarding->open_invoices[0].invoice_id = "INV-" + name;
            RenderOptions options;
            options.format = OutputFormat::table;
            options.terminal_width = width;
            StringWriter out;
            render_explain(report, options, out);
            INFO(width << " " << name);
            const std::vector<std::string> lines = test::lines_of_text(out.text());
            CHECK(test::lines_wider_than(lines, width).empty());
            // Every table stays aligned under its rule of dashes.
            std::size_t rules = 0;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (lines[i].starts_with("  --")) {
                    ++rules;
                    CHECK(test::aligned_under_rule(lines, i));
                }
            }
            CHECK(rules == 4);  // components, metrics, months, open invoices
            // Nothing of the name is lost from the wrapped title: only table cells are cut.
            std::string title;
            for (const std::string& line : lines) {
                if (line.empty()) {
                    break;
                }
                title += line;
            }
            std::string squeezed_name = name;
            std::erase(squeezed_name, ' ');
            std::erase(title, ' ');
            CHECK_THAT(title, Catch::Matchers::Contains(squeezed_name));
        }
    }
}

TEST_CASE("render::render_explain off a terminal cuts nothing", "[render]") {
    ExplainReport report = explain_report();
    report.client.name = k_wide_names[0];
    const std::string text = explain_text(report, OutputFormat::table);
    CHECK(text.find("Client C001 (" + k_wide_names[0] + ")\n") != std::string::npos);
    CHECK(text.find("…") == std::string::npos);
}

TEST_CASE("render::render_explain html: the client's people and its change, escaped", "[render][html]") {
    ExplainReport report = explain_report();
    report.people = {ClientPersonRow{"<script>alert(1)</script>", 2.5, 0.625}, ClientPersonRow{"Bo", 1.5, 0.375}};
    report.client.change = ClientChange{ChangeStatus::worse, Verdict::watch, 41.0, 16.0};
    BaselineSummary baseline;
    baseline.period = Period{test::k_2024_01_01 - 31, test::k_2024_01_01 - 1, test::k_2024_01_01 - 1, false};
    report.baseline = baseline;
    const std::string html = explain_text(report, OutputFormat::html);
    CHECK(html.find("<section id=\"since_the_baseline\">\n<h2>Since the baseline</h2>\n<p>Worse: verdict watch → "
                    "fire, toxicity 41.0 → 57.0 (↑ +16.0), against the baseline of 2023-12-01 to 2023-12-31.</p>") !=
          std::string::npos);
    const std::size_t people = html.find("<section id=\"people\">");
    REQUIRE(people != std::string::npos);
    CHECK(people > html.find("<section id=\"metrics\">"));
    CHECK(html.find("<tr><td class=\"t\">&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"n\">2.50</td><td "
                    "class=\"n\">62.5%</td></tr>",
                    people) != std::string::npos);
    CHECK(html.find("<script>alert") == std::string::npos);
    // Without people or a baseline, neither section.
    const std::string plain = explain_text(explain_report(), OutputFormat::html);
    CHECK(plain.find("<section id=\"people\">") == std::string::npos);
    CHECK(plain.find("Since the baseline") == std::string::npos);
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "clientscore/render.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

namespace {

EvidenceReport evidence_report() {
    EvidenceReport e;
    e.settings = test::sample_settings();
    e.client = "C001";
    e.name = "Acme Ltd";
    EvidenceEvent call;
    call.date = test::k_2024_01_01 + 5;
    call.seconds = 22 * 3600 + 15 * 60;
    call.kind = EventKind::call;
    call.direction = Direction::inbound;
    call.minutes = 12.5;
    call.after_hours = true;
    call.off_day = true;
    call.tags = "threat;rude";
    call.text = "Shouted \"again\",\nthreatened a bad review";
    EvidenceEvent mail;
    mail.date = test::k_2024_01_01 + 8;
    mail.seconds = 9 * 3600 + 30 * 60 + 5;
    mail.kind = EventKind::email;
    mail.direction = Direction::outbound;
    mail.after_hours = false;
    mail.off_day = false;
    mail.text = "=cmd|' /C calc'!A0";
    EvidenceEvent invoice;
    invoice.date = test::k_2024_01_01 + 10;
    invoice.kind = EventKind::invoice;
    invoice.amount = 1234.5;
    invoice.status = "open";
    invoice.days_late = 29;
    // Part paid: 500 of 1,234.50 by 2024-02-10, before as_of.
    invoice.paid_at = test::k_2024_01_01 + 40;
    invoice.paid = 500;
    invoice.text = "INV-7";
    EvidenceEvent discount;
    discount.date = test::k_2024_01_01 + 20;
    discount.seconds = 0;
    discount.kind = EventKind::discount;
    discount.amount = -50;
    discount.status = "denied";
    discount.text = "-10% loyalty";
    e.events = {call, mail, invoice, discount};
    return e;
}

std::string evidence_text(OutputFormat format, std::optional<int> width = std::nullopt) {
    RenderOptions options;
    options.format = format;
    options.terminal_width = width;
    StringWriter out;
    render_evidence(evidence_report(), options, out);
    return out.text();
}

}  // namespace

TEST_CASE("render::render_evidence table", "[render]") {
    SECTION("one line per event, line breaks shown as ⏎, time with seconds only when not zero") {
        CHECK(evidence_text(OutputFormat::table) == R"txt(Evidence for C001 (Acme Ltd)
4 events, 2024-01-01 to 2024-02-29, as of 2024-02-29

date        time      kind      direction  minutes  after_hours  off_day  tags           amount  status  days_late  paid_at       paid  person  text
----------  --------  --------  ---------  -------  -----------  -------  -----------  --------  ------  ---------  ----------  ------  ------  ----------------------------------------
2024-01-06  22:15     call      inbound      12.50  true         true     threat;rude                                                           Shouted "again",⏎threatened a bad review
2024-01-09  09:30:05  email     outbound            false        false                                                                          =cmd|' /C calc'!A0
2024-01-11            invoice                                                          1,234.50  open           29  2024-02-10  500.00          INV-7
2024-01-21  00:00     discount                                                           -50.00  denied                                         -10% loyalty
)txt");
    }
    SECTION("a terminal width leaves out the flags first, then shortens text") {
        CHECK(evidence_text(OutputFormat::table, 90) == R"txt(Evidence for C001 (Acme Ltd)
4 events, 2024-01-01 to 2024-02-29, as of 2024-02-29

date        time      kind      minutes  tags           amount  status  text
----------  --------  --------  -------  -----------  --------  ------  ------------------
2024-01-06  22:15     call        12.50  threat;rude                    Shouted "again",⏎…
2024-01-09  09:30:05  email                                             =cmd|' /C calc'!A0
2024-01-11            invoice                         1,234.50  open    INV-7
2024-01-21  00:00     discount                          -50.00  denied  -10% loyalty
(left out: direction, after_hours, off_day, days_late, paid_at, paid, person; --format csv
has every column)
)txt");
    }
}

TEST_CASE("render::render_evidence markdown", "[render]") { CHECK(evidence_text(OutputFormat::markdown) == R"txt(# Evidence for C001 (Acme Ltd)

4 events, 2024-01-01 to 2024-02-29, as of 2024-02-29

| date | time | kind | direction | minutes | after_hours | off_day | tags | amount | status | days_late | paid_at | paid | person | text |
| --- | --- | --- | --- | ---: | --- | --- | --- | ---: | --- | ---: | --- | ---: | --- | --- |
| 2024-01-06 | 22:15 | call | inbound | 12.50 | true | true | threat;rude | | | | | | | Shouted "again",⏎threatened a bad review |
| 2024-01-09 | 09:30:05 | email | outbound | | false | false | | | | | | | | =cmd\|' /C calc'!A0 |
| 2024-01-11 | | invoice | | | | | | 1,234.50 | open | 29 | 2024-02-10 | 500.00 | | INV-7 |
| 2024-01-21 | 00:00 | discount | | | | | | -50.00 | denied | | | | | -10% loyalty |
)txt"); }

TEST_CASE("render::render_evidence csv and tsv", "[render]") {
    SECTION("csv: quoted line breaks, formula guard on text, amounts bare") {
        CHECK(evidence_text(OutputFormat::csv) == R"txt(date,time,kind,direction,minutes,after_hours,off_day,tags,amount,status,days_late,paid_at,paid,person,text
2024-01-06,22:15,call,inbound,12.5,true,true,threat;rude,,,,,,,"Shouted ""again"",
threatened a bad review"
2024-01-09,09:30:05,email,outbound,,false,false,,,,,,,,'=cmd|' /C calc'!A0
2024-01-11,,invoice,,,,,,1234.5,open,29,2024-02-10,500,,INV-7
2024-01-21,00:00,discount,,,,,,-50,denied,,,,,'-10% loyalty
)txt");
    }
    SECTION("tsv: escapes") { CHECK(evidence_text(OutputFormat::tsv) == R"txt(date	time	kind	direction	minutes	after_hours	off_day	tags	amount	status	days_late	paid_at	paid	person	text
2024-01-06	22:15	call	inbound	12.5	true	true	threat;rude							Shouted "again",\nthreatened a bad review
2024-01-09	09:30:05	email	outbound		false	false								'=cmd|' /C calc'!A0
2024-01-11		invoice						1234.5	open	29	2024-02-10	500		INV-7
2024-01-21	00:00	discount						-50	denied					'-10% loyalty
)txt"); }
}

TEST_CASE("render::render_evidence json", "[render]") {
    CHECK(evidence_text(OutputFormat::json) == R"txt({
  "client": "C001",
  "name": "Acme Ltd",
  "events": [
    {
      "date": "2024-01-06",
      "time": "22:15",
      "kind": "call",
      "direction": "inbound",
      "minutes": 12.5,
      "after_hours": true,
      "off_day": true,
      "tags": "threat;rude",
      "amount": null,
      "status": "",
      "days_late": null,
      "paid_at": null,
      "paid": null,
      "person": null,
      "text": "Shouted \"again\",\nthreatened a bad review"
    },
    {
      "date": "2024-01-09",
      "time": "09:30:05",
      "kind": "email",
      "direction": "outbound",
      "minutes": null,
      "after_hours": false,
      "off_day": false,
      "tags": "",
      "amount": null,
      "status": "",
      "days_late": null,
      "paid_at": null,
      "paid": null,
      "person": null,
      "text": "=cmd|' /C calc'!A0"
    },
    {
      "date": "2024-01-11",
      "time": null,
      "kind": "invoice",
      "direction": null,
      "minutes": null,
      "after_hours": null,
      "off_day": null,
      "tags": "",
      "amount": 1234.5,
      "status": "open",
      "days_late": 29,
      "paid_at": "2024-02-10",
      "paid": 500,
      "person": null,
      "text": "INV-7"
    },
    {
      "date": "2024-01-21",
      "time": "00:00",
      "kind": "discount",
      "direction": null,
      "minutes": null,
      "after_hours": null,
      "off_day": null,
      "tags": "",
      "amount": -50,
      "status": "denied",
      "days_late": null,
      "paid_at": null,
      "paid": null,
      "person": null,
      "text": "-10% loyalty"
    }
  ]
}
)txt");
    const auto json = nlohmann::json::parse(evidence_text(OutputFormat::json));
    CHECK(json["events"][0]["text"] == "Shouted \"again\",\nthreatened a bad review");  // exactly as exported
}

TEST_CASE("render::render_evidence table fits a terminal's width with wide, emoji and accented text", "[render]") {
    const std::vector<std::string> texts = {
        "株式会社スターライト・プロモーションからの苦情：請求書の再発行を三回要求、返答がないと脅迫",
        "👨\u200D👩\u200D👧 asked again 🇩🇪🇫🇷 ❤\uFE0F👍🏽 for a free redesign of the whole site, third time this month",
        "Re\u0301clamation de Zoe\u0308 Me\u0301tivier : facture conteste\u0301e, menace d'avis ne\u0301gatif",
    };
    EvidenceReport report = evidence_report();
    report.name = texts[0];
    for (std::size_t i = 0; i < report.events.size(); ++i) {
        report.events[i].text = texts[i % texts.size()];
        report.events[i].tags = i % 2 == 0 ? "threat;脅迫;rework" : "blame;e\u0301crit;👍🏽";
    }
    for (const int width : {80, 100, 120, 200}) {
        RenderOptions options;
        options.format = OutputFormat::table;
        options.terminal_width = width;
        StringWriter out;
        render_evidence(report, options, out);
        INFO(width);
        const std::vector<std::string> lines = test::lines_of_text(out.text());
        CHECK(test::lines_wider_than(lines, width).empty());
        const std::size_t rule = test::first_rule(lines);
        REQUIRE((rule > 0 && rule < lines.size()));  // a header line above the rule
        CHECK(test::aligned_under_rule(lines, rule));
        // The text column is kept, whatever else is left out, and says which ones are.
        CHECK(lines[rule - 1].ends_with("text"));
        if (width < 160) {
            CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("(left out: "); }));
        }
    }
    SECTION("at 80 columns the flags go first, and the time of day stays") {
        RenderOptions options;
        options.format = OutputFormat::table;
        options.terminal_width = 80;
        StringWriter out;
        render_evidence(report, options, out);
        // a call at 22:15 is what an evidence log of night calls must show
        CHECK_THAT(out.text(), Catch::Matchers::Contains("\n(left out: direction, minutes, after_hours, off_day, tags, "
                                                         "days_late, paid_at,\npaid, person;"));
        CHECK_THAT(out.text(), Catch::Matchers::Contains("date        time      kind        amount  status  text"));
        CHECK_THAT(out.text(), Catch::Matchers::Contains("2024-01-06  22:15     call"));
    }
    SECTION("off a terminal nothing is cut or left out") {
        RenderOptions options;
        options.format = OutputFormat::table;
        StringWriter out;
        render_evidence(report, options, out);
        CHECK(out.text().find("…") == std::string::npos);
        CHECK(out.text().find("left out") == std::string::npos);
        CHECK(out.text().find(texts[1]) != std::string::npos);
    }
}

TEST_CASE("render::render_evidence html: the person column, escaped", "[render][html]") {
    EvidenceReport report = evidence_report();
    report.events[0].person = "<script>alert(1)</script>";
    report.events[1].person = "Bo";
    RenderOptions options;
    options.format = OutputFormat::html;
    StringWriter out;
    render_evidence(report, options, out);
    const std::string html = out.text();
    // Every column is on the page, whatever a terminal would leave out: person before text.
    CHECK(html.find("<th data-key=\"person\" data-sort=\"text\"><button type=\"button\">person</button></th><th "
                    "data-key=\"text\"") != std::string::npos);
    // Only the text is given a long text's room: a name is short.
    CHECK(html.find("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"t\">Shouted") != std::string::npos);
    CHECK(html.find("<td>Bo</td><td class=\"t\">=cmd") != std::string::npos);
    CHECK(html.find("<script>alert") == std::string::npos);
}

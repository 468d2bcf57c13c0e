// rank's html page (src/render/html_output.cpp): sections, one row and one mark per client,
// text from the exports escaped, nothing fetched, the same bytes for the same report.

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "clientscore/render.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::test;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

RankReport hostile_report() {
    RankReport r = sample_rank_report();
    ClientResult a = acme();
    a.client = "<script>alert(1)</script>";
    a.name = "\"><img src=x onerror=alert(1)>";
    ClientResult b = bistro();
    b.name = "Bistro & 'Bar' </td></tr></table>";
    r.clients = {a, b};
    r.warnings = {"calls.csv:7: <b>not a date</b>"};
    r.months.months = {"2024-01", "2024-02"};
    r.months.toxicity = [](std::size_t position) { return std::vector<double>{position * 10.0, 50.0}; };
    r.people = {PersonRow{"<script>alert(1)</script>", 3, 2, 1.5, 0.5, 1}};
    return r;
}

// Two people (SPEC ◆9), in the people table's order: by hours, then name. Bo's toxic share is
// the larger, so the sentence names Bo though Ann carries more hours.
RankReport people_report() {
    RankReport r = sample_rank_report();
    r.people = {PersonRow{"Ann", 7.125, 2, 2.0, 2.0 / 7.125, 3},
                PersonRow{"Bo", 2.0 / 3, 1, 0.5, 0.75, 0},
                PersonRow{"Cy", 0, 0, 0, std::nullopt, 0}};
    return r;
}

// Against a baseline (SPEC ◆11): C001 worse (watch → fire), C002 new; C009 and C010 gone.
RankReport baseline_report() {
    RankReport r = sample_rank_report();
    ClientResult a = acme();
    a.change = ClientChange{ChangeStatus::worse, Verdict::watch, 41.0, 16.0};
    ClientResult b = bistro();
    b.change = ClientChange{};
    r.clients = {a, b};
    BaselineSummary baseline;
    baseline.period = Period{k_2024_01_01 - 31, k_2024_01_01 - 1, k_2024_01_01 - 1, false};
    baseline.gone = {"C009", "C010"};
    baseline.reached = {BaselineMove{"C001", Verdict::fire, Verdict::watch}, BaselineMove{"C002", Verdict::fire, {}}};
    baseline.worse = {BaselineMove{"C001", Verdict::fire, Verdict::watch}};
    r.baseline = baseline;
    return r;
}

/// The text of the section with id `id`, "" when the page has none.
std::string section_of(const std::string& html, const std::string& id) {
    const std::size_t at = html.find("<section id=\"" + id + "\">");
    if (at == std::string::npos) {
        return {};
    }
    return html.substr(at, html.find("</section>", at) - at);
}

std::string html_of(const RankReport& r) {
    RenderOptions options;
    options.format = OutputFormat::html;
    StringWriter out;
    render_rank(r, options, out);
    return out.text();
}

}  // namespace

TEST_CASE("render::rank html escapes every text from the exports", "[render][html]") {
    const std::string html = html_of(hostile_report());
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>not") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("Bistro &amp; &#39;Bar&#39; &lt;/td&gt;") != std::string::npos);
    // The person's name in the people table and in the sentence naming them.
    const std::string people = section_of(html, "who_carries_the_load");
    CHECK(count_of(people, "&lt;script&gt;alert(1)&lt;/script&gt;") == 2);
    // The page's own script is the only one, and its tags balance.
    CHECK(count_of(html, "<script>") == 1);
    CHECK(count_of(html, "<table") == count_of(html, "</table>"));
    CHECK(count_of(html, "<tr>") == count_of(html, "</tr>"));
}

TEST_CASE("render::rank html is one self-contained page", "[render][html]") {
    const std::string html = html_of(hostile_report());
    for (const std::string external : {"http:", "https:", " src=\"", " href=\"", "url(", "@import", "<link"}) {
        CAPTURE(external);
        CHECK(html.find(external) == std::string::npos);
    }
    CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("name=\"viewport\"") != std::string::npos);
}

TEST_CASE("render::rank html has its sections, one mark and one row per client", "[render][html]") {
    const RankReport report = hostile_report();
    const std::string html = html_of(report);
    std::size_t last = 0;
    for (const std::string section : {"<h1>", "Period ", "<section id=\"warnings\">", "<section id=\"portfolio\">",
                                      "If the fire verdicts", "<section id=\"toxicity_against_margin\">",
                                      "<svg class=\"plot\"", "<section id=\"clients\">", "<table class=\"sortable\" id=\"clients\">"}) {
        CAPTURE(section);
        const std::size_t at = html.find(section);
        REQUIRE(at != std::string::npos);
        CHECK(at >= last);
        last = at;
    }
    CHECK(count_of(html, "class=\"pt ") == report.clients.size());
    const std::size_t body = html.find("<tbody>", html.find("id=\"clients\">"));
    const std::size_t end = html.find("</tbody>", body);
    CHECK(count_of(html.substr(body, end - body), "<tr>") == report.clients.size());
    // A sparkline per client from the months, the components' bars, the verdict by severity.
    CHECK(count_of(html, "<svg class=\"sp\"") == report.clients.size());
    CHECK(count_of(html, "<svg class=\"cb\"") == report.clients.size());
    CHECK(html.find("<td data-v=\"4\"><b class=\"v-fire\">") != std::string::npos);
    CHECK(html.find("data-key=\"net_revenue\" data-sort=\"num\"") != std::string::npos);
    CHECK(html == html_of(report));
}

TEST_CASE("render::rank html without months leaves the sparklines out", "[render][html]") {
    RankReport report = sample_rank_report();
    const std::string html = html_of(report);
    CHECK(html.find("<svg class=\"sp\"") == std::string::npos);
    CHECK(html.find("by month") == std::string::npos);
}

TEST_CASE("render::rank html: who carries the load, only when people are known", "[render][html]") {
    SECTION("absent without people, as the JSON's people") {
        const std::string html = html_of(sample_rank_report());
        CHECK(html.find("Who carries the load") == std::string::npos);
    }
    SECTION("after the portfolio: the sentence, then a row a person rounded as the JSON rounds") {
        const std::string html = html_of(people_report());
        const std::string people = section_of(html, "who_carries_the_load");
        REQUIRE_FALSE(people.empty());
        CHECK(html.find("<section id=\"portfolio\">") < html.find("<section id=\"who_carries_the_load\">"));
        CHECK(html.find("<section id=\"who_carries_the_load\">") <
              html.find("<section id=\"toxicity_against_margin\">"));
        // The text table's sentence (people_summary): the largest toxic share, not the most hours.
        CHECK(people.find("<p>Bo spends 75.0% of their 0.7 hours on clients at toxicity 60 or above.</p>") !=
              std::string::npos);
        for (const std::string key :
             {"person", "hours", "clients", "toxic_hours", "toxic_share", "after_hours_contacts"}) {
            CAPTURE(key);
            CHECK(people.find("data-key=\"" + key + "\"") != std::string::npos);
        }
        CHECK(people.find("<tr><td>Ann</td><td class=\"n\">7.13</td><td class=\"n\">2</td><td class=\"n\">2.00</td>"
                          "<td class=\"n\">28.1%</td><td class=\"n\">3</td></tr>") != std::string::npos);
        CHECK(people.find("<tr><td>Bo</td><td class=\"n\">0.67</td><td class=\"n\">1</td><td class=\"n\">0.50</td>"
                          "<td class=\"n\">75.0%</td><td class=\"n\">0</td></tr>") != std::string::npos);
        // No hours, no share: null, which the page's sort puts last.
        CHECK(people.find("<tr><td>Cy</td><td class=\"n\">0.00</td><td class=\"n\">0</td><td class=\"n\">0.00</td>"
                          "<td class=\"n\">—</td><td class=\"n\">0</td></tr>") != std::string::npos);
        CHECK(html == html_of(people_report()));
    }
    SECTION("no sentence when nobody's hours go to toxic clients") {
        RankReport report = people_report();
        for (PersonRow& row : report.people) {
            row.toxic_hours = 0;
            row.toxic_share = row.hours > 0 ? std::optional<double>(0) : std::nullopt;
        }
        const std::string people = section_of(html_of(report), "who_carries_the_load");
        REQUIRE_FALSE(people.empty());
        CHECK(people.find("spends") == std::string::npos);
    }
}

TEST_CASE("render::rank html: since the baseline and the change column, only with --baseline", "[render][html]") {
    SECTION("absent without a baseline") {
        const std::string html = html_of(sample_rank_report());
        CHECK(html.find("Since the baseline") == std::string::npos);
        CHECK(html.find("change_toxicity_delta") == std::string::npos);
        CHECK(html.find("td.up") == std::string::npos);
    }
    SECTION("the moves, every list with its count, between the plot and the table") {
        const std::string html = html_of(baseline_report());
        const std::string since = section_of(html, "since_the_baseline");
        REQUIRE_FALSE(since.empty());
        CHECK(html.find("<section id=\"toxicity_against_margin\">") < html.find("<section id=\"since_the_baseline\">"));
        CHECK(html.find("<section id=\"since_the_baseline\">") < html.find("<section id=\"clients\">"));
        CHECK(since.find("<p>Since the baseline (2023-12-01 to 2023-12-31): the verdicts that moved and the clients "
                         "gone (in the baseline, not listed now), every client counted whatever --top shows.") !=
              std::string::npos);
        CHECK(since.find("<dt>newly fire or chase (2)</dt><dd>C001 fire (was watch), C002 fire (new)</dd>") !=
              std::string::npos);
        CHECK(since.find("<dt>worse (1)</dt><dd>C001 fire (was watch)</dd>") != std::string::npos);
        CHECK(since.find("<dt>better (0)</dt><dd>none</dd>") != std::string::npos);
        CHECK(since.find("<dt>gone (2)</dt><dd>C009, C010</dd>") != std::string::npos);
    }
    SECTION("a long list is cut to a count") {
        RankReport report = baseline_report();
        report.baseline->gone.clear();
        for (int i = 0; i < 205; ++i) {
            report.baseline->gone.push_back(fmt::format("G{:03}", i));
        }
        const std::string since = section_of(html_of(report), "since_the_baseline");
        CHECK(since.find("<dt>gone (205)</dt><dd>G000, G001,") != std::string::npos);
        CHECK(since.find("G199 and 5 more</dd>") != std::string::npos);
        CHECK(since.find("G200") == std::string::npos);
    }
    SECTION("the change column: the text table's cells, beside the toxicity, sorted by the delta") {
        const std::string html = html_of(baseline_report());
        const std::string table = section_of(html, "clients");
        CHECK(table.find("<th data-key=\"toxicity\" data-sort=\"num\" class=\"n\"><button type=\"button\">toxicity"
                         "</button></th><th data-key=\"change_toxicity_delta\" data-sort=\"num\" class=\"n\"><button "
                         "type=\"button\">change</button></th><th>components</th>") != std::string::npos);
        CHECK(table.find("<td>57.0</td><td class=\"up\" data-v=\"16\">↑ +16.0</td>") != std::string::npos);
        CHECK(table.find("<td>12.5</td><td data-v=\"\">new</td>") != std::string::npos);
        CHECK(table.find("#clients td.up{color:var(--fire)") != std::string::npos);
        CHECK(html == html_of(baseline_report()));
    }
    SECTION("better and same") {
        RankReport report = baseline_report();
        ClientResult a = acme();
        a.change = ClientChange{ChangeStatus::better, Verdict::fire, 60.0, -3.0};
        ClientResult b = bistro();
        b.change = ClientChange{ChangeStatus::same, Verdict::keep, 12.5, 0.0};
        report.clients = {a, b};
        const std::string table = section_of(html_of(report), "clients");
        CHECK(table.find("<td class=\"dn\" data-v=\"-3\">↓ −3.0</td>") != std::string::npos);
        CHECK(table.find("<td data-v=\"0\">= 0.0</td>") != std::string::npos);
    }
}

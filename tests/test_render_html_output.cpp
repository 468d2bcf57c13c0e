// rank's html page (src/render/html_output.cpp): sections, one row and one mark per client,
// text from the exports escaped, nothing fetched, the same bytes for the same report.

#include <catch2/catch.hpp>

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
    return r;
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

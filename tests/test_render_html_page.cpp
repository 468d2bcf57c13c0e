// HtmlDocumentWriter, the page's script and its Content-Security-Policy (src/render/html_page.cpp).

#include <catch2/catch.hpp>

#include <cstdio>

#include "cli_runner.hpp"
#include "render/html_page.hpp"

using namespace clientscore;
using namespace clientscore::render;
using namespace clientscore::testing;

TEST_CASE("render::HtmlDocumentWriter escapes every text and makes sortable tables", "[render][html]") {
    StringWriter out;
    HtmlDocumentWriter doc(out, "<b>title</b>");
    doc.title("Client <script>alert(1)</script>");
    doc.heading("Why & how");
    doc.paragraph("\"><img src=x onerror=alert(1)>");
    doc.bullets({"<i>one</i>"});
    doc.definitions({{"a<b", {"x>y", "z"}}});
    TextTable table({{"date"}, {"amount", Align::right}});
    doc.table(table, 2, [](std::size_t r, std::vector<TextCell>& cells) {
        cells[0].text = r == 0 ? "<b>" : "2026-09-01";
        cells[1].text = "1,200.00";
    });
    doc.finish();
    const std::string& html = out.text();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<title>&lt;b&gt;title&lt;/b&gt;</title>") != std::string::npos);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("<section id=\"why_how\">") != std::string::npos);
    CHECK(html.find("<th data-key=\"amount\" data-sort=\"num\" class=\"n\">") != std::string::npos);
    CHECK(html.find("<th data-key=\"date\" data-sort=\"text\">") != std::string::npos);
    // One script, the page's own, at the end.
    CHECK(html.find("<script>") == html.rfind("<script>"));
    CHECK(html.find("</html>\n") == html.size() - 8);
}

TEST_CASE("render::html_sort_key", "[render][html]") {
    CHECK(html_sort_key("contacts/wk") == "contacts_wk");
    CHECK(html_sort_key("days late") == "days_late");
    CHECK(html_sort_key("  Net Revenue ") == "net_revenue");
}

TEST_CASE("render::html_content_security_policy allows the page's script only, by its hash", "[render][html]") {
    const std::string csp(html_content_security_policy());
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("unsafe-inline'; img-src") != std::string::npos);  // styles only
    // The hash must follow the script: recomputed here with python3's hashlib.
    TempDir dir;
    write_file(dir / "script.js", std::string(html_script()));
    const std::string command = "python3 -c \"import hashlib,base64,sys; print(base64.b64encode(hashlib.sha256("
                                "open(sys.argv[1],'rb').read()).digest()).decode())\" " +
                                (dir / "script.js").string();
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[128] = {};
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, pipe);
    ::pclose(pipe);
    std::string hash(buffer, n);
    while (!hash.empty() && hash.back() == '\n') {
        hash.pop_back();
    }
    REQUIRE_FALSE(hash.empty());
    CHECK(csp.find("script-src 'sha256-" + hash + "'") != std::string::npos);
}

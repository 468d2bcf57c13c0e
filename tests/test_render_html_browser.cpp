// The html pages in a real browser: Debian's chromium, headless, renders sample_data's report
// (against itself as the baseline); the DOM it dumps (after the page's script ran) must hold
// one mark and one row per client, the rows sorted by the URL fragment's key, and its log no
// console message and nothing that failed to load or broke the page's Content-Security-Policy. Two browser starts in all (a few
// seconds each): `make check` installs chromium (scripts/install-deps.sh).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;

namespace {

const std::string k_sample = source_path("sample_data");
const std::vector<std::string> k_period = {"--from", "2026-09-01", "--to", "2026-10-31", "-q"};

bool have_chromium() {
    if (std::system("command -v chromium > /dev/null 2>&1") == 0) {
        return true;
    }
    // CI must run these: a missing browser there is a failure, on a workstation a warning.
    if (std::getenv("CI") != nullptr) {
        FAIL("chromium is not installed (scripts/install-deps.sh installs it)");
    }
    WARN("chromium is not installed: the browser tests are not run");
    return false;
}

struct Rendered {
    std::string dom;
    std::string log;
};

// --no-sandbox: the tests run as root in CI, where chromium's sandbox refuses to start. A
// profile of its own in the temporary folder keeps parallel runs apart.
Rendered render(const TempDir& dir, const std::string& page, const std::string& fragment) {
    const std::string command = "chromium --headless --no-sandbox --disable-gpu --no-first-run "
                                "--disable-extensions --enable-logging=stderr --v=0 --user-data-dir=" +
                                shell_quote((dir / "profile").string()) + " --dump-dom " +
                                shell_quote("file://" + (dir / page).string() + fragment) + " > " +
                                shell_quote((dir / "dom").string()) + " 2> " + shell_quote((dir / "log").string());
    const int status = std::system(command.c_str());
    REQUIRE(status == 0);
    return Rendered{read_file(dir / "dom"), read_file(dir / "log")};
}

std::vector<std::string> problems_in(const std::string& log) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < log.size()) {
        std::size_t end = log.find('\n', start);
        end = end == std::string::npos ? log.size() : end;
        const std::string line = log.substr(start, end - start);
        for (const std::string sign : {"CONSOLE", "Uncaught", "Failed to load", "Refused to", "net::ERR"}) {
            if (line.find(sign) != std::string::npos) {
                out.push_back(line);
                break;
            }
        }
        start = end + 1;
    }
    return out;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

// The client ids of the ranked table's rows, in the order the browser left them.
std::vector<std::string> table_clients(const std::string& dom) {
    const std::size_t table = dom.find("id=\"clients\"", dom.find("<table"));
    REQUIRE(table != std::string::npos);
    const std::size_t body = dom.find("<tbody>", table);
    const std::string rows = dom.substr(body, dom.find("</tbody>", body) - body);
    static const std::regex k_row(R"re(<tr><td>\d+</td><td>([^<]*)</td>)re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(rows.begin(), rows.end(), k_row); it != std::sregex_iterator(); ++it) {
        out.push_back((*it)[1].str());
    }
    return out;
}

}  // namespace

TEST_CASE("browser::rank's page in chromium: a mark and a row per client, sorted, no errors", "[browser][html]") {
    if (!have_chromium()) {
        return;
    }
    TempDir dir;
    std::vector<std::string> json_args = {"rank", k_sample, "--format", "json"};
    json_args.insert(json_args.end(), k_period.begin(), k_period.end());
    const std::string json_text = run_clientscore(json_args).out;
    const json report = json::parse(json_text);
    const std::size_t clients = report["clients"].size();
    REQUIRE(clients > 10);
    // Against itself as the baseline, so that the one browser start sees the baseline's section
    // and change column as well (every change `= 0.0`).
    write_file(dir / "baseline.json", json_text);
    std::vector<std::string> args = {"rank", k_sample, "-o", (dir / "rank.html").string(), "--baseline",
                                     (dir / "baseline.json").string()};
    args.insert(args.end(), k_period.begin(), k_period.end());
    REQUIRE(run_clientscore(args).status == 0);

    // Net revenue is printed with thousands separators: sorted as text, "9,…" would come before
    // "39,…"; the fragment makes the page's script sort by it, descending.
    const Rendered page = render(dir, "rank.html", "#sort=net_revenue");
    CHECK(problems_in(page.log).empty());
    for (const std::string& line : problems_in(page.log)) {
        UNSCOPED_INFO(line);
    }
    CHECK(page.dom.find("data-ready=\"1\"") != std::string::npos);  // the script ran to its end
    CHECK(count_of(page.dom, "class=\"pt ") == clients);
    CHECK(page.dom.find("aria-sort=\"descending\"") != std::string::npos);
    CHECK(page.dom.find("<section id=\"since_the_baseline\">") != std::string::npos);
    CHECK(count_of(page.dom, "<td data-v=\"0\">= 0.0</td>") == clients);

    // The order the page must show: net revenue descending, nulls last, ties in rank order.
    std::vector<json> expected(report["clients"].begin(), report["clients"].end());
    std::stable_sort(expected.begin(), expected.end(), [](const json& a, const json& b) {
        const json& x = a["net_revenue"];
        const json& y = b["net_revenue"];
        if (x.is_null() || y.is_null()) {
            return !x.is_null() && y.is_null();
        }
        return x.get<double>() > y.get<double>();
    });
    std::vector<std::string> expected_ids;
    for (const json& c : expected) {
        expected_ids.push_back(c["client"].get<std::string>());
    }
    const std::vector<std::string> shown = table_clients(page.dom);
    CHECK(shown.size() == clients);
    CHECK(shown == expected_ids);
}

TEST_CASE("browser::explain's page in chromium runs without errors", "[browser][html]") {
    if (!have_chromium()) {
        return;
    }
    TempDir dir;
    std::vector<std::string> args = {"explain", "C018", k_sample, "-o", (dir / "explain.html").string()};
    args.insert(args.end(), k_period.begin(), k_period.end());
    REQUIRE(run_clientscore(args).status == 0);
    const Rendered page = render(dir, "explain.html", "#sort=toxicity:asc");
    for (const std::string& line : problems_in(page.log)) {
        UNSCOPED_INFO(line);
    }
    CHECK(problems_in(page.log).empty());
    CHECK(page.dom.find("data-ready=\"1\"") != std::string::npos);
    CHECK(page.dom.find("Starlight Promotions UG") != std::string::npos);
    CHECK(page.dom.find("aria-sort=\"ascending\"") != std::string::npos);
}

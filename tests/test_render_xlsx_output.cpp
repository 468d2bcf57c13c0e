// The workbooks of rank, explain and evidence (src/render/xlsx_output.cpp), read back with the
// project's own xlsx reader and checked value by value against the JSON output.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "cli_runner.hpp"
#include "clientscore/metrics.hpp"
#include "ingest/xlsx/workbook.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;

namespace {

const std::string k_sample = source_path("sample_data");
const std::vector<std::string> k_period = {"--from", "2026-09-01", "--to", "2026-10-31", "-q"};

std::vector<std::string> with(std::vector<std::string> args) {
    args.insert(args.end(), k_period.begin(), k_period.end());
    return args;
}

// The sheet as the reader hands it on: CSV text, parsed here into rows of cells.
std::vector<std::vector<std::string>> sheet_rows(const std::string& path, const std::string& sheet) {
    const auto book = ingest::Workbook::open(path, "out.xlsx", sheet);
    REQUIRE(book->sheet_name() == sheet);
    auto source = book->open_sheet();
    std::string text;
    std::vector<char> buffer(1 << 16);
    for (std::size_t n = source->read(buffer.data(), buffer.size()); n > 0; n = source->read(buffer.data(), buffer.size())) {
        text.append(buffer.data(), n);
    }
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else if (c == '\r') {
                cell += '\n';  // the reader writes a line break in a cell as CR (ingest/xlsx/workbook.cpp)
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (!cell.empty() || !rows.back().empty()) {
        rows.back().push_back(cell);
    } else {
        rows.pop_back();
    }
    return rows;
}

// A JSON value against the cell the workbook shows for it.
void check_cell(const json& expected, const std::string& cell) {
    if (expected.is_null()) {
        CHECK(cell.empty());
    } else if (expected.is_number()) {
        REQUIRE_FALSE(cell.empty());
        const double value = std::stod(cell);
        CHECK(std::fabs(value - expected.get<double>()) <= 1e-9 * std::max(1.0, std::fabs(value)));
    } else if (expected.is_array()) {
        std::string joined;
        for (const auto& item : expected) {
            joined += (joined.empty() ? "" : " | ") + item.get<std::string>();
        }
        CHECK(cell == joined);
    } else {
        CHECK(cell == expected.get<std::string>());
    }
}

json value_of(const json& client, const ClientColumn& column) {
    if (column.group.empty()) {
        return client.at(column.key);
    }
    const json& group = client.at(column.group);
    // JSON lists only the tags seen; the sheet, like the CSV, has every tag (0 where not seen).
    return group.contains(column.sub) ? group.at(column.sub) : json(0);
}

}  // namespace

TEST_CASE("render::rank xlsx holds every client value of the JSON", "[render][xlsx][e2e]") {
    TempDir dir;
    const std::string book = (dir / "rank.xlsx").string();
    REQUIRE(run_clientscore(with({"rank", k_sample, "-o", book})).status == 0);
    const RunResult j = run_clientscore(with({"rank", k_sample, "--format", "json"}));
    REQUIRE(j.status == 0);
    const json report = json::parse(j.out);

    const auto rows = sheet_rows(book, "Clients");
    const auto& columns = client_table().columns();
    REQUIRE(rows.size() == report["clients"].size() + 1);
    REQUIRE(rows[0].size() == columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        CHECK(rows[0][c] == columns[c].key);
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const json& client = report["clients"][r - 1];
        REQUIRE(rows[r].size() == columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            CAPTURE(r, columns[c].key);
            check_cell(value_of(client, columns[c]), rows[r][c]);
        }
    }

    const auto portfolio = sheet_rows(book, "Portfolio");
    REQUIRE(portfolio.size() == 18);  // the header and every portfolio figure of the JSON
    for (std::size_t r = 1; r < portfolio.size(); ++r) {
        const std::string& key = portfolio[r][0];
        CAPTURE(key);
        const json expected = key.rfind("if_fired.", 0) == 0 ? report["portfolio"]["if_fired"][key.substr(9)]
                                                             : report["portfolio"][key];
        check_cell(expected, portfolio[r].size() > 1 ? portfolio[r][1] : std::string());
    }

    const auto settings = sheet_rows(book, "Settings");
    for (std::size_t r = 1; r < settings.size(); ++r) {
        const std::string& key = settings[r][0];
        CAPTURE(key);
        json expected = report["settings"];
        for (std::size_t start = 0, dot = 0; dot != std::string::npos; start = dot + 1) {
            dot = key.find('.', start);
            expected = expected.at(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        }
        if (expected.is_array()) {  // --aging's bounds, written as the option takes them
            std::string joined;
            for (const json& bound : expected) {
                joined += (joined.empty() ? "" : ",") + bound.dump();
            }
            expected = joined;
        }
        check_cell(expected, settings[r].size() > 1 ? settings[r][1] : std::string());
    }
    // The same inputs give the same bytes.
    const std::string again = (dir / "again.xlsx").string();
    REQUIRE(run_clientscore(with({"rank", k_sample, "-o", again})).status == 0);
    CHECK(read_file(book) == read_file(again));
}

TEST_CASE("render::explain and evidence xlsx read back like their JSON", "[render][xlsx][e2e]") {
    TempDir dir;
    const std::string explain = (dir / "explain.xlsx").string();
    REQUIRE(run_clientscore(with({"explain", "C018", k_sample, "-o", explain})).status == 0);
    const json e = json::parse(run_clientscore(with({"explain", "C018", k_sample, "--format", "json"})).out);
    const auto months = sheet_rows(explain, "Months");
    REQUIRE(months.size() == e["months"].size() + 1);
    for (std::size_t r = 1; r < months.size(); ++r) {
        const json& month = e["months"][r - 1];
        for (std::size_t c = 0; c < months[0].size(); ++c) {
            const std::string& key = months[0][c];
            CAPTURE(r, key);
            const std::optional<std::size_t> column = client_table().find(key);
            check_cell(column ? value_of(month, client_table().columns()[*column]) : month.at(key), months[r][c]);
        }
    }
    CHECK(sheet_rows(explain, "Clients").size() == 2);

    const std::string evidence = (dir / "evidence.xlsx").string();
    REQUIRE(run_clientscore(with({"evidence", "C015", k_sample, "-o", evidence})).status == 0);
    const json v = json::parse(run_clientscore(with({"evidence", "C015", k_sample, "--format", "json"})).out);
    const auto events = sheet_rows(evidence, "Evidence");
    REQUIRE(events.size() == v["events"].size() + 1);
    for (std::size_t r = 1; r < events.size(); ++r) {
        for (std::size_t c = 0; c < events[0].size(); ++c) {
            const std::string& key = events[0][c];
            CAPTURE(r, key);
            const json& expected = v["events"][r - 1].at(key);
            if (expected.is_boolean()) {
                CHECK(events[r][c] == (expected.get<bool>() ? "TRUE" : "FALSE"));
            } else {
                check_cell(expected, events[r][c]);
            }
        }
    }
}

TEST_CASE("render::xlsx to a terminal or with a disagreeing name is a usage error", "[render][xlsx][e2e]") {
    const RunResult mismatch = run_clientscore(with({"rank", k_sample, "--format", "xlsx", "-o", "out.html"}));
    CHECK(mismatch.status == 2);
    CHECK(mismatch.err.find("does not match --output") != std::string::npos);
    // `script` gives the run a terminal as standard output.
    const std::string command = "script -qec " +
                                shell_quote(shell_quote(CLIENTSCORE_BINARY) + " rank " + shell_quote(k_sample) +
                                            " --format xlsx -q") +
                                " /dev/null > /dev/null 2>&1";
    if (std::system("command -v script > /dev/null 2>&1") == 0) {
        const int raw = std::system(command.c_str());
        CHECK(WEXITSTATUS(raw) == 2);
    }
}

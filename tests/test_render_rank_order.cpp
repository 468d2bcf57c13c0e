#include <catch2/catch.hpp>

#include "clientscore/error.hpp"
#include "clientscore/render.hpp"
#include "render/rank_order.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;

namespace {

std::vector<ClientResult> clients() {
    std::vector<ClientResult> list;
    const std::vector<std::tuple<std::string, std::optional<std::string>, double, std::optional<double>>>
        rows = {{"C1", "beta", 1000, 0.5},
                {"C2", std::nullopt, 50, std::nullopt},
                {"C3", "Alpha", 1000.004, 0.1},
                {"C4", "alpha", -20, std::nullopt},
                {"C5", "Ärger", 300, 0.3}};
    std::int64_t rank = 1;
    for (const auto& [id, name, revenue, margin_pct] : rows) {
        ClientResult c;
        c.rank = rank++;
        c.client = id;
        c.name = name;
        c.metrics.net_revenue = revenue;
        c.metrics.margin_pct = margin_pct;
        list.push_back(c);
    }
    return list;
}

const std::vector<ClientResult> k_list = clients();

std::vector<std::string> ids(const std::vector<std::size_t>& shown) {
    std::vector<std::string> out;
    for (const std::size_t position : shown) {
        out.push_back(k_list.at(position).client);
    }
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("render::ordered_clients", "[render]") {
    const ClientRows list = k_list;
    SECTION("default: the toxicity ranking") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{}, std::nullopt, 2)) ==
              Ids{"C1", "C2", "C3", "C4", "C5"});
    }
    SECTION("rank:asc reverses it") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"rank", true}, std::nullopt, 2)) ==
              Ids{"C5", "C4", "C3", "C2", "C1"});
    }
    SECTION("descending by a number, ties (as printed, rounded) by rank") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"net_revenue", false}, std::nullopt, 2)) ==
              Ids{"C1", "C3", "C5", "C2", "C4"});
    }
    SECTION(":asc ascending") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"net_revenue", true}, std::nullopt, 2)) ==
              Ids{"C4", "C2", "C5", "C1", "C3"});
    }
    SECTION("nulls last in both directions") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"margin_pct", false}, std::nullopt, 2)) ==
              Ids{"C1", "C5", "C3", "C2", "C4"});
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"margin_pct", true}, std::nullopt, 2)) ==
              Ids{"C3", "C5", "C1", "C2", "C4"});
    }
    SECTION("text in byte order") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"name", true}, std::nullopt, 2)) ==
              Ids{"C3", "C4", "C1", "C5", "C2"});
    }
    SECTION("--top after sorting; 0 shows none; more than there are shows all") {
        CHECK(ids(render::ordered_clients(client_table(), list, SortKey{"net_revenue", true}, 2, 2)) == Ids{"C4", "C2"});
        CHECK(render::ordered_clients(client_table(), list, SortKey{}, 0, 2).empty());
        CHECK(render::ordered_clients(client_table(), list, SortKey{}, 99, 2).size() == 5);
    }
    SECTION("any CSV key works, nested ones too") {
        CHECK(render::ordered_clients(client_table(), list, SortKey{"components_payment", false}, std::nullopt, 2).size() == 5);
        CHECK(render::ordered_clients(client_table(), list, SortKey{"aging_over_90", false}, std::nullopt, 2).size() == 5);
        CHECK(render::ordered_clients(client_table(), list, SortKey{"reasons", false}, std::nullopt, 2).size() == 5);
    }
    SECTION("a key the command line did not check is a logic error") {
        CHECK_THROWS_AS(render::ordered_clients(client_table(), list, SortKey{"bogus", false}, std::nullopt, 2), std::logic_error);
    }
    SECTION("one thread orders as several do") {
        CHECK(render::ordered_clients(client_table(), list, SortKey{"net_revenue", false}, std::nullopt, 1) ==
              render::ordered_clients(client_table(), list, SortKey{"net_revenue", false}, std::nullopt, 3));
    }
}

TEST_CASE("render::render_rank --top and --sort in every format", "[render]") {
    RankReport report = test::sample_rank_report();
    RenderOptions options;
    options.sort = SortKey{"margin", false};
    options.top = 1;
    for (auto format : {OutputFormat::csv, OutputFormat::json, OutputFormat::table, OutputFormat::markdown}) {
        options.format = format;
        StringWriter out;
        render_rank(report, options, out);
        CHECK(out.text().find("C001") != std::string::npos);
        CHECK(out.text().find("C002") == std::string::npos);
    }
    options.sort = SortKey{"margin", true};
    options.format = OutputFormat::csv;
    StringWriter out;
    render_rank(report, options, out);
    CHECK(out.text().find("\n2,C002,") != std::string::npos);
    CHECK(out.text().find("C001") == std::string::npos);
    options.sort = SortKey{"nope", false};
    StringWriter unused;
    CHECK_THROWS_AS(render_rank(report, options, unused), std::logic_error);
    CHECK(unused.text().empty());  // nothing written before the error
}

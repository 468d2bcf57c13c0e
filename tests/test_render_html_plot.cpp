// The page's drawings (src/render/html_plot.cpp): scatter, bins, sparkline, bars.

#include <catch2/catch.hpp>

#include "render/html_plot.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::render;
using namespace clientscore::test;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

std::vector<PlotPoint> points(std::size_t n) {
    std::vector<PlotPoint> out;
    for (std::size_t i = 0; i < n; ++i) {
        PlotPoint p;
        p.toxicity = static_cast<double>(i % 100);
        p.margin_pct = i % 7 == 0 ? std::optional<double>() : std::optional<double>(0.01 * static_cast<double>(i % 90));
        p.net_revenue = static_cast<double>(i);
        p.verdict = static_cast<Verdict>(i % 5);
        p.label = "C" + std::to_string(i) + " <b>";
        out.push_back(p);
    }
    return out;
}

}  // namespace

TEST_CASE("render::scatter_svg draws one titled mark per point with the rules", "[render][html]") {
    const std::string svg = scatter_svg(points(10), sample_settings());
    CHECK(count_of(svg, "class=\"pt ") == 10);
    CHECK(count_of(svg, "<title>") == 10);
    CHECK(count_of(svg, "&lt;b&gt;") == 10);  // titles escaped
    CHECK(svg.find("<b>") == std::string::npos);
    for (const std::string cls : {"fire-at", "watch-at", "target"}) {
        CHECK(svg.find("rule " + cls) != std::string::npos);
    }
    // Every verdict's shape: circle, rect, and paths for the other three.
    CHECK(svg.find("<circle class=\"pt k-keep\"") != std::string::npos);
    CHECK(svg.find("<rect class=\"pt k-watch\"") != std::string::npos);
    CHECK(svg.find("<path class=\"pt k-fire\"") != std::string::npos);
    CHECK(svg == scatter_svg(points(10), sample_settings()));
}

TEST_CASE("render::scatter_svg counts points past the limit into bins", "[render][html]") {
    const std::string svg = scatter_svg(points(5000), sample_settings(), 100);
    CHECK(count_of(svg, "class=\"pt ") == 100);
    const std::size_t bins = count_of(svg, "class=\"bin ");
    CHECK(bins > 0);
    CHECK(bins < 4900);
    CHECK(svg.size() < 400000);
}

TEST_CASE("render::append_sparkline and append_component_bars", "[render][html]") {
    std::string out;
    append_sparkline(out, {10, 80, 40}, {"2026-08", "2026-09", "2026-10"}, 60);
    CHECK(out.find("<polyline points=\"0,90 1,20 2,60\"/>") != std::string::npos);
    CHECK(out.find("2026-09 80.0") != std::string::npos);
    out.clear();
    append_sparkline(out, {}, {}, 60);
    CHECK(out == "\u2014");
    out.clear();
    append_component_bars(out, {0.5, std::nullopt, 1.0, 0.0, 0.25});
    CHECK(out.find("0.50 · no data · 1.00") != std::string::npos);
    CHECK(out.find("class=\"z\"") != std::string::npos);
    CHECK(verdict_badge(Verdict::fire) == "<b class=\"v-fire\">\u2716 fire</b>");
}

TEST_CASE("render::month_chart_svg and component_chart_svg", "[render][html]") {
    const std::string months = month_chart_svg({"2026-09", "2026-10"}, {20, 70}, sample_settings());
    CHECK(count_of(months, "<circle") == 2);
    CHECK(months.find("2026-10: toxicity 70.0") != std::string::npos);
    const std::string bars = component_chart_svg({0.5, std::nullopt, 1.0, 0.0, 0.25});
    CHECK(count_of(bars, "class=\"bar\"") == 4);
    CHECK(bars.find("no data") != std::string::npos);
}

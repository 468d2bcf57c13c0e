#pragma once
// The html page's drawings, as inline SVG: the toxicity × margin scatter of rank, the small
// per-client bars and sparklines of its table, and explain's larger charts. Verdicts are told
// apart by shape as well as colour (keep ●, watch ■, reprice ◆, chase ▲, fire ✖).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/metrics.hpp"
#include "clientscore/report.hpp"

namespace clientscore::render {

/// One client of the scatter plot.
struct PlotPoint {
    double toxicity = 0;
    std::optional<double> margin_pct;   ///< none: drawn in the "no margin" band
    std::optional<double> net_revenue;  ///< the point's area grows with it; none or ≤ 0: smallest
    Verdict verdict = Verdict::keep;
    std::string label;  ///< the point's <title>: the client and its figures (not escaped yet)
};

/// Clients drawn one by one; those after them are counted into bins of the plot's grid.
inline constexpr std::size_t k_plot_points = 2500;

/// The scatter of toxicity (y) against margin_pct (x) with the fire_at and watch_at lines and
/// the target margin: one `class="pt"` mark per point for the first `individual` points, the
/// rest as `class="bin"` marks whose area grows with their count.
std::string scatter_svg(const std::vector<PlotPoint>& points, const Settings& settings,
                        std::size_t individual = k_plot_points);

/// The verdict as a word with its shape (`✖ fire`), coloured by class.
std::string verdict_badge(Verdict verdict);
/// The legend of the verdicts' shapes and colours.
std::string verdict_legend();

/// A sparkline of month-by-month toxicity (0-100) with the fire_at level dashed.
void append_sparkline(std::string& out, const std::vector<double>& toxicity, const std::vector<std::string>& months,
                      double fire_at);
/// Five small bars, one per component (0-1); a grey stub where a component has no data.
void append_component_bars(std::string& out, const std::array<std::optional<double>, k_component_count>& components);

/// explain's month-by-month toxicity, larger, with months named and the fire_at and watch_at lines.
std::string month_chart_svg(const std::vector<std::string>& months, const std::vector<double>& toxicity,
                            const Settings& settings);
/// explain's components as labelled horizontal bars.
std::string component_chart_svg(const std::array<std::optional<double>, k_component_count>& components);

}  // namespace clientscore::render

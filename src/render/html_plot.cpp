#include "render/html_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "render/html_text.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

namespace {

constexpr std::array<std::string_view, 5> k_shapes = {"\u25CF", "\u25A0", "\u25C6", "\u25B2", "\u2716"};

// The plot's frame in SVG units; the page scales it to the screen's width.
constexpr double k_width = 760;
constexpr double k_height = 440;
constexpr double k_top = 18;
constexpr double k_bottom = 390;
constexpr double k_band_left = 52;   // the "no margin" band
constexpr double k_band_right = 100;
constexpr double k_left = 118;       // the margin axis
constexpr double k_right = 724;

void coordinate(std::string& out, double v) { append_coordinate(out, v); }

void attribute(std::string& out, std::string_view name, double v) {
    out += ' ';
    out += name;
    out += "=\"";
    coordinate(out, v);
    out += '"';
}

// A verdict's mark at (x, y) whose area matches a circle of radius r; `cls` its class
// (pt or bin), `title` escaped into its <title>.
void append_mark(std::string& out, Verdict verdict, double x, double y, double r, std::string_view cls,
                 std::string_view title) {
    const std::string k = fmt::format("{} k-{}", cls, verdict_name(verdict));
    auto path_start = [&] { out += "<path class=\"" + k + "\" d=\""; };
    auto point = [&](char command, double px, double py) {
        out += command;
        coordinate(out, px);
        out += ' ';
        coordinate(out, py);
    };
    switch (verdict) {
        case Verdict::keep:
            out += "<circle class=\"" + k + "\"";
            attribute(out, "cx", x);
            attribute(out, "cy", y);
            attribute(out, "r", r);
            out += '>';
            break;
        case Verdict::watch: {
            const double s = r * 0.886;  // a square of the circle's area
            out += "<rect class=\"" + k + "\"";
            attribute(out, "x", x - s);
            attribute(out, "y", y - s);
            attribute(out, "width", 2 * s);
            attribute(out, "height", 2 * s);
            out += '>';
            break;
        }
        case Verdict::reprice: {
            const double h = r * 1.25;
            path_start();
            point('M', x, y - h);
            point('L', x + h, y);
            point('L', x, y + h);
            point('L', x - h, y);
            out += "Z\">";
            break;
        }
        case Verdict::chase:
            path_start();
            point('M', x, y - 1.35 * r);
            point('L', x + 1.17 * r, y + 0.68 * r);
            point('L', x - 1.17 * r, y + 0.68 * r);
            out += "Z\">";
            break;
        case Verdict::fire: {
            const double a = r * 0.9;
            path_start();
            point('M', x - a, y - a);
            point('L', x + a, y + a);
            point('M', x + a, y - a);
            point('L', x - a, y + a);
            out += "\">";
            break;
        }
    }
    out += "<title>";
    append_html(out, title);
    out += "</title></";
    out += verdict == Verdict::keep ? "circle" : verdict == Verdict::watch ? "rect" : "path";
    out += ">\n";
}

struct Axis {
    double lo = 0;
    double hi = 1;
    double x(double margin) const {
        const double t = (std::clamp(margin, lo, hi) - lo) / (hi - lo);
        return k_left + t * (k_right - k_left);
    }
};

double y_of(double toxicity) { return k_bottom - std::clamp(toxicity, 0.0, 100.0) / 100 * (k_bottom - k_top); }

// The margin axis spans the margins seen and the target, in quarters, from −100% to 100% at
// most: a client far outside is drawn at the edge, its title saying its real margin.
Axis margin_axis(const std::vector<PlotPoint>& points, double target) {
    double lo = std::min(0.0, target);
    double hi = std::max(target, 0.25);
    for (const PlotPoint& p : points) {
        if (p.margin_pct && std::isfinite(*p.margin_pct)) {
            lo = std::min(lo, *p.margin_pct);
            hi = std::max(hi, *p.margin_pct);
        }
    }
    Axis a;
    a.lo = std::max(-1.0, std::floor(lo * 4) / 4);
    a.hi = std::min(1.0, std::ceil(hi * 4) / 4);
    if (a.hi <= a.lo) {
        a.hi = a.lo + 0.25;
    }
    return a;
}

double radius(const std::optional<double>& revenue, double max_revenue) {
    if (!revenue || *revenue <= 0 || max_revenue <= 0) {
        return 3;
    }
    return 3 + 11 * std::sqrt(*revenue / max_revenue);
}

void rule(std::string& out, std::string_view cls, double x1, double y1, double x2, double y2) {
    out += fmt::format("<path class=\"rule {}\" d=\"M", cls);
    coordinate(out, x1);
    out += ' ';
    coordinate(out, y1);
    out += 'L';
    coordinate(out, x2);
    out += ' ';
    coordinate(out, y2);
    out += "\"/>\n";
}

void label(std::string& out, double x, double y, std::string_view anchor, std::string_view text) {
    out += "<text";
    attribute(out, "x", x);
    attribute(out, "y", y);
    out += fmt::format(" text-anchor=\"{}\">", anchor);
    append_html(out, text);
    out += "</text>\n";
}

}  // namespace

std::string verdict_badge(Verdict verdict) {
    const std::string_view name = verdict_name(verdict);
    return fmt::format("<b class=\"v-{}\">{} {}</b>", name, k_shapes[static_cast<std::size_t>(verdict)], name);
}

std::string verdict_legend() {
    std::string out = "<ul class=\"legend\">";
    for (std::size_t v = 0; v < k_verdict_names.size(); ++v) {
        out += "<li>" + verdict_badge(static_cast<Verdict>(v)) + "</li>";
    }
    return out + "</ul>\n";
}

std::string scatter_svg(const std::vector<PlotPoint>& points, const Settings& settings, std::size_t individual) {
    const Axis axis = margin_axis(points, settings.target_margin);
    double max_revenue = 0;
    for (const PlotPoint& p : points) {
        max_revenue = std::max(max_revenue, p.net_revenue.value_or(0));
    }
    std::string out = fmt::format(
        "<svg class=\"plot\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"toxicity against margin, one mark per "
        "client\">\n",
        k_width, k_height);
    out += fmt::format("<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", k_band_left, k_top,
                       k_band_right - k_band_left, k_bottom - k_top);
    for (int t = 0; t <= 100; t += 20) {
        out += fmt::format("<path class=\"grid\" d=\"M{} {}H{}\"/>\n", k_band_left, y_of(t), k_right);
        label(out, k_band_left - 6, y_of(t) + 4, "end", fmt::format("{}", t));
    }
    for (double m = axis.lo; m <= axis.hi + 1e-9; m += 0.25) {
        out += "<path class=\"grid\" d=\"M";
        coordinate(out, axis.x(m));
        out += fmt::format(" {}V{}\"/>\n", k_top, k_bottom);
        label(out, axis.x(m), k_bottom + 16, "middle", format_fixed(m * 100, 0) + "%");
    }
    // On two lines: in one, "no margin" is wider than its band and runs into the first tick.
    label(out, (k_band_left + k_band_right) / 2, k_bottom + 16, "middle", "no");
    label(out, (k_band_left + k_band_right) / 2, k_bottom + 29, "middle", "margin");
    label(out, (k_left + k_right) / 2, k_bottom + 38, "middle", "margin (share of net revenue)");
    out += fmt::format("<text x=\"14\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {})\">toxicity</text>\n",
                       (k_top + k_bottom) / 2, (k_top + k_bottom) / 2);
    out += fmt::format("<path class=\"axis\" d=\"M{} {}V{}H{}\"/>\n", k_left, k_top, k_bottom, k_right);
    rule(out, "fire-at", k_band_left, y_of(settings.fire_at), k_right, y_of(settings.fire_at));
    label(out, k_right - 2, y_of(settings.fire_at) - 4, "end", fmt::format("fire at {}", format_number(settings.fire_at)));
    rule(out, "watch-at", k_band_left, y_of(settings.watch_at), k_right, y_of(settings.watch_at));
    label(out, k_right - 2, y_of(settings.watch_at) - 4, "end",
          fmt::format("watch at {}", format_number(settings.watch_at)));
    const double target_x = axis.x(settings.target_margin);
    rule(out, "target", target_x, k_top, target_x, k_bottom);
    label(out, target_x + 4, k_top + 12, "start", fmt::format("target {}", format_percent(settings.target_margin)));

    auto x_of = [&](const PlotPoint& p) {
        return p.margin_pct && std::isfinite(*p.margin_pct) ? axis.x(*p.margin_pct) : (k_band_left + k_band_right) / 2;
    };
    // Beyond `individual`, points are counted per verdict in cells of the grid: a few thousand
    // marks keep the page light, and the cells still show where the mass of clients lies.
    constexpr int k_cells_x = 48;
    constexpr int k_cells_y = 30;
    std::map<std::tuple<int, int, int>, std::size_t> bins;
    for (std::size_t i = individual; i < points.size(); ++i) {
        const PlotPoint& p = points[i];
        const int cx = static_cast<int>(std::floor((x_of(p) - k_band_left) / (k_right - k_band_left) * k_cells_x));
        const int cy = static_cast<int>(std::floor((y_of(p.toxicity) - k_top) / (k_bottom - k_top) * k_cells_y));
        ++bins[{static_cast<int>(p.verdict), std::clamp(cx, 0, k_cells_x - 1), std::clamp(cy, 0, k_cells_y - 1)}];
    }
    std::size_t most = 0;
    for (const auto& [cell, count] : bins) {
        most = std::max(most, count);
    }
    for (const auto& [cell, count] : bins) {
        const auto [verdict, cx, cy] = cell;
        const double x = k_band_left + (cx + 0.5) * (k_right - k_band_left) / k_cells_x;
        const double y = k_top + (cy + 0.5) * (k_bottom - k_top) / k_cells_y;
        const double r = 2.5 + 6 * std::sqrt(static_cast<double>(count) / static_cast<double>(most));
        append_mark(out, static_cast<Verdict>(verdict), x, y, r, "bin",
                    fmt::format("{} client{} ({}) near toxicity {:.0f}", count, count == 1 ? "" : "s",
                                verdict_name(static_cast<Verdict>(verdict)), (k_bottom - y) / (k_bottom - k_top) * 100));
    }
    // The first points (the most toxic, in rank order) are drawn last, so they lie on top.
    for (std::size_t i = std::min(individual, points.size()); i-- > 0;) {
        const PlotPoint& p = points[i];
        append_mark(out, p.verdict, x_of(p), y_of(p.toxicity), radius(p.net_revenue, max_revenue), "pt", p.label);
    }
    out += "</svg>\n";
    return out;
}

void append_sparkline(std::string& out, const std::vector<double>& toxicity, const std::vector<std::string>& months,
                      double fire_at) {
    if (toxicity.empty()) {
        out += "\u2014";
        return;
    }
    // One unit a month across and toxicity 0-100 down, stretched to the box: whole numbers keep
    // 20,000 sparklines of 36 months small, and the stroke keeps its width however stretched.
    const std::size_t n = toxicity.size();
    const std::size_t width = std::max<std::size_t>(n - 1, 1);
    auto y = [](double t) { return static_cast<int>(std::lround(100 - std::clamp(t, 0.0, 100.0))); };
    out += fmt::format("<svg class=\"sp\" viewBox=\"0 -4 {} 108\" preserveAspectRatio=\"none\"><title>",
                       width);
    // A title of every month up to two years; past that the first, last, lowest and highest.
    if (n <= 24) {
        for (std::size_t i = 0; i < n; ++i) {
            out += i == 0 ? "" : ", ";
            out += months.at(i) + " " + format_fixed(toxicity[i], 1);
        }
    } else {
        const auto [lo, hi] = std::minmax_element(toxicity.begin(), toxicity.end());
        out += fmt::format("{} {}, {} {}, lowest {}, highest {}", months.front(), format_fixed(toxicity.front(), 1),
                           months.back(), format_fixed(toxicity.back(), 1), format_fixed(*lo, 1), format_fixed(*hi, 1));
    }
    // fire_at is drawn by the page's CSS behind every sparkline (a dashed line), not in each.
    (void)fire_at;
    out += "</title><polyline points=\"";
    for (std::size_t i = 0; i < n; ++i) {
        // A single month is drawn as a short level line across the box.
        out += fmt::format("{}{},{}", i == 0 ? "" : " ", n == 1 ? 0 : i, y(toxicity[i]));
    }
    if (n == 1) {
        out += fmt::format(" 1,{}", y(toxicity[0]));
    }
    out += "\"/></svg>";
}

void append_component_bars(std::string& out, const std::array<std::optional<double>, k_component_count>& components) {
    // The title holds the values only, in the column header's order: the names on 20,000 rows
    // would be a tenth of the page.
    out += "<svg class=\"cb\" viewBox=\"0 0 58 22\"><title>";
    for (std::size_t i = 0; i < k_component_count; ++i) {
        out += i == 0 ? "" : " \u00B7 ";
        out += components[i] ? format_fixed(*components[i], 2) : std::string("no data");
    }
    out += "</title><path d=\"";
    std::string stubs;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        const auto x = static_cast<double>(i * 12);
        if (!components[i]) {
            stubs += fmt::format("M{} 20h10v2h-10Z", x);
            continue;
        }
        const double h = std::max(1.0, 21 * std::clamp(*components[i], 0.0, 1.0));
        out += 'M';
        coordinate(out, x);
        out += " 22v-";
        coordinate(out, h);
        out += "h10v";
        coordinate(out, h);
        out += 'Z';
    }
    out += "\"/>";
    if (!stubs.empty()) {
        out += "<path class=\"z\" d=\"" + stubs + "\"/>";
    }
    out += "</svg>";
}

std::string month_chart_svg(const std::vector<std::string>& months, const std::vector<double>& toxicity,
                            const Settings& settings) {
    constexpr double k_w = 720;
    constexpr double k_h = 220;
    constexpr double k_l = 40;
    constexpr double k_r = 700;
    constexpr double k_t = 12;
    constexpr double k_b = 180;
    auto y = [&](double t) { return k_b - std::clamp(t, 0.0, 100.0) / 100 * (k_b - k_t); };
    const std::size_t n = toxicity.size();
    auto x = [&](std::size_t i) {
        return n <= 1 ? (k_l + k_r) / 2 : k_l + (k_r - k_l) * static_cast<double>(i) / static_cast<double>(n - 1);
    };
    std::string out = fmt::format(
        "<svg class=\"big plot\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"toxicity month by month\">\n", k_w, k_h);
    for (int t = 0; t <= 100; t += 25) {
        out += fmt::format("<path class=\"grid\" d=\"M{} {}H{}\"/>\n", k_l, y(t), k_r);
        label(out, k_l - 6, y(t) + 4, "end", fmt::format("{}", t));
    }
    rule(out, "fire-at", k_l, y(settings.fire_at), k_r, y(settings.fire_at));
    label(out, k_r, y(settings.fire_at) - 4, "end", fmt::format("fire at {}", format_number(settings.fire_at)));
    rule(out, "watch-at", k_l, y(settings.watch_at), k_r, y(settings.watch_at));
    label(out, k_r, y(settings.watch_at) - 4, "end", fmt::format("watch at {}", format_number(settings.watch_at)));
    // Month names are thinned to about a dozen so that they never overlap.
    const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % every == 0) {
            label(out, x(i), k_b + 18, "middle", months.at(i));
        }
    }
    if (n > 1) {
        out += "<polyline points=\"";
        for (std::size_t i = 0; i < n; ++i) {
            out += i == 0 ? "" : " ";
            coordinate(out, x(i));
            out += ',';
            coordinate(out, y(toxicity[i]));
        }
        out += "\"/>\n";
    }
    for (std::size_t i = 0; i < n; ++i) {
        out += "<circle class=\"k-keep\" style=\"fill:var(--fg);stroke:none\"";
        attribute(out, "cx", x(i));
        attribute(out, "cy", y(toxicity[i]));
        out += " r=\"3.5\"><title>";
        append_html(out, months.at(i) + ": toxicity " + format_fixed(toxicity[i], 1));
        out += "</title></circle>\n";
    }
    out += "</svg>\n";
    return out;
}

std::string component_chart_svg(const std::array<std::optional<double>, k_component_count>& components) {
    constexpr double k_bar = 420;
    std::string out = "<svg class=\"big plot\" viewBox=\"0 0 600 150\" role=\"img\" aria-label=\"components\">\n";
    for (std::size_t i = 0; i < k_component_count; ++i) {
        const double y = 10 + static_cast<double>(i) * 27;
        label(out, 120, y + 14, "end", k_component_names[i]);
        out += fmt::format("<rect x=\"130\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#eee\"/>", y, k_bar);
        if (components[i]) {
            out += fmt::format("<rect class=\"bar\" x=\"130\" y=\"{}\" height=\"18\" width=\"", y);
            coordinate(out, k_bar * std::clamp(*components[i], 0.0, 1.0));
            out += "\"/>";
        }
        label(out, 130 + k_bar + 8, y + 14, "start", components[i] ? format_fixed(*components[i], 2) : "no data");
    }
    out += "</svg>\n";
    return out;
}

}  // namespace clientscore::render

#pragma once
// Small hand-built reports for the render tests (tests/test_render_*.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "clientscore/report.hpp"
#include "render/text_width.hpp"

namespace clientscore::test {

inline constexpr Days k_2024_01_01 = 19723;
inline constexpr Days k_2024_01_31 = 19753;
inline constexpr Days k_2024_02_01 = 19754;
inline constexpr Days k_2024_02_29 = 19782;

inline Settings sample_settings() {
    Settings s;
    s.period = Period{k_2024_01_01, k_2024_02_29, k_2024_02_29};
    s.currency = "EUR";
    s.holidays = 2;
    return s;
}

/// A toxic client who pays late: every kind of value (nulls, a tag, aging, reasons).
inline ClientResult acme() {
    ClientResult c;
    c.rank = 1;
    c.client = "C001";
    c.name = "Acme Ltd";
    c.score.components = {0.8125, 5.0 / 12, std::nullopt, 0.8, 0.25};
    c.score.toxicity = 57.0;
    c.score.verdict = Verdict::fire;
    c.score.reasons = {"41.7% of inbound contacts after hours", "pays 38.3 days late on average"};
    c.score.cause = "toxicity 57.0 ≥ 50 with a weak margin";
    c.score.action = "Fire: give notice by 2024-05-29.";
    ClientMetrics& m = c.metrics;
    m.calls = 12;
    m.calls_in = 10;
    m.call_minutes = 95.5;
    m.emails = 8;
    m.emails_in = 6;
    m.contacts_in = 16;
    m.contacts_per_week = 16 / (60 / 7.0);
    m.after_hours_share = 5.0 / 12;
    m.off_day_share = 0.125;
    m.flagged_contacts = 2;
    m.invoices = 3;
    m.disputed_invoices = 1;
    m.tags = {2, 0, 0, 0, 0, 0};
    m.billed = 1200;
    m.credits = 0;
    m.net_revenue = 1200;
    m.collected = 400;
    m.outstanding = 800;
    m.overdue = 800;
    m.aging = {0, 800, 0, 0};
    m.avg_days_late = 115.0 / 3;
    m.max_days_late = 45;
    m.oldest_overdue_days = 45;
    m.late_share = 2.0 / 3;
    m.discounts = 0;
    m.discount_requests = 0;
    m.discount_share = 0;
    m.support_hours = 95.5 / 60 + 8 * 5 / 60.0;
    m.supplied.time = false;  // no time export: hours are the support hours
    m.hours = m.support_hours;
    m.cost_to_serve = m.support_hours * 60;
    m.margin = m.net_revenue - m.cost_to_serve;
    m.margin_pct = m.margin / m.net_revenue;
    m.effective_rate = m.net_revenue / m.support_hours;
    m.revenue_share = 0.8;
    m.price_increase_needed = 0;
    return c;
}

/// A client with no revenue: null margin_pct, effective_rate and revenue_share, negative margin.
inline ClientResult bistro() {
    ClientResult c;
    c.rank = 2;
    c.client = "C002";
    c.score.components = {0.1, 0, 0.5, 0, 0};
    c.score.toxicity = 12.5;
    c.score.verdict = Verdict::keep;
    c.score.action = "Keep.";
    ClientMetrics& m = c.metrics;
    m.calls = 1;
    m.call_minutes = 12.5;
    m.contacts_per_week = 0.1;
    m.support_hours = 12.5 / 60;
    m.supplied.time = false;
    m.hours = m.support_hours;
    m.cost_to_serve = 12.5;
    m.margin = -12.5;
    m.discounts = 300;
    m.discount_requests = 2;
    m.discount_share = 1;
    return c;
}

inline RankReport sample_rank_report() {
    RankReport r;
    r.settings = sample_settings();
    const ClientResult first = acme();
    r.clients = {first, bistro()};
    Portfolio& p = r.portfolio;
    p.clients = 2;
    p.net_revenue = 1500;
    p.cost_to_serve = first.metrics.cost_to_serve + 12.5;
    p.margin = p.net_revenue - p.cost_to_serve;
    p.support_hours = first.metrics.support_hours + 12.5 / 60;
    p.hours = p.support_hours;
    p.supplied.time = false;
    p.max_revenue_share = 0.8;
    p.effective_rate = p.net_revenue / p.support_hours;
    p.if_fired.fired = 1;
    p.if_fired.clients = 1;
    p.if_fired.net_revenue = 300;
    p.if_fired.cost_to_serve = 12.5;
    p.if_fired.margin = 287.5;
    p.if_fired.support_hours = 12.5 / 60;
    p.if_fired.hours_freed = first.metrics.support_hours;
    p.if_fired.freed_hours_value = p.if_fired.hours_freed * *p.effective_rate;
    r.skipped_rows = {{"calls.csv", 1}, {"invoices.csv", 0}, {"calls.csv", 2}};
    r.ignored_rows = {{"calls.csv", 0}, {"invoices.csv", 4}};
    r.warnings = {"calls.csv:7: column \"started_at\": \"yesterday\" is not a date"};
    return r;
}

/// Clients whose text cells a spreadsheet would run as formulas.
inline std::vector<ClientResult> formula_clients() {
    std::vector<ClientResult> clients;
    const std::vector<std::pair<std::string, std::string>> ids = {
        {"C010", "=HYPERLINK(\"http://x\",\"y\")"},
        {"+1", "-2"},
        {"@SUM(A1)", "Tab\tand \"quotes\", commas"}};
    std::int64_t rank = 1;
    for (const auto& [id, name] : ids) {
        ClientResult c;
        c.rank = rank++;
        c.client = id;
        c.name = name;
        c.score.action = "Keep.";
        c.metrics.margin = -12.5;
        clients.push_back(c);
    }
    return clients;
}

// ---- checks of text fitted to a terminal ---------------------------------------------------

/// The lines of `text`, without their line feeds.
inline std::vector<std::string> lines_of_text(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// The lines wider than `width` display columns: none when the text fits a terminal that wide
/// (a vector, so that a failed CHECK prints the lines at fault).
inline std::vector<std::string> lines_wider_than(const std::vector<std::string>& lines, int width) {
    std::vector<std::string> wide;
    for (const std::string& line : lines) {
        if (render::display_width(line) > static_cast<std::size_t>(width)) {
            wide.push_back(line);
        }
    }
    return wide;
}

/// The index of the first rule of dashes (a table's), or lines.size() when there is none.
inline std::size_t first_rule(const std::vector<std::string>& lines) {
    std::size_t i = 0;
    while (i < lines.size() && !lines[i].starts_with("----")) {
        ++i;
    }
    return i;
}

/// The byte offset in `line` at which display column `column` starts, or npos when a character
/// straddles that column or the line ends before it.
inline std::size_t offset_of_column(const std::string& line, std::size_t column) {
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
            continue;
        }
        const std::size_t width = render::display_width(std::string_view(line).substr(0, i));
        if (width == column) {
            return i;
        }
        if (width > column) {
            break;
        }
    }
    return std::string::npos;
}

/// True when every line from `rule + 1` on (until an empty line) has two spaces at each gap of
/// the rule of dashes at `rule`, counted in display columns: the columns are aligned.
inline bool aligned_under_rule(const std::vector<std::string>& lines, std::size_t rule) {
    std::vector<std::size_t> gaps;
    const std::string& dashes = lines.at(rule);
    for (std::size_t i = 1; i + 1 < dashes.size(); ++i) {
        if (dashes[i - 1] == '-' && dashes[i] == ' ') {
            gaps.push_back(i);
        }
    }
    auto is_note = [](const std::string& line) {
        const std::size_t first = line.find_first_not_of(' ');
        return first == std::string::npos || line[first] == '(';  // "(left out: …)" ends the table
    };
    for (std::size_t r = rule + 1; r < lines.size() && !is_note(lines[r]); ++r) {
        const std::size_t width = render::display_width(lines[r]);
        for (const std::size_t gap : gaps) {
            if (width <= gap) {
                break;
            }
            const std::size_t at = offset_of_column(lines[r], gap);
            if (at == std::string::npos || lines[r].compare(at, 2, "  ") != 0) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace clientscore::test

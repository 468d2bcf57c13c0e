#include "ingest/rows/row_problems.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clientscore/error.hpp"

namespace clientscore::ingest {

namespace {
constexpr std::size_t k_value_shown = 60;
}

std::string quote_value(std::string_view value) {
    if (value.size() <= k_value_shown) {
        return fmt::format("\"{}\"", value);
    }
    std::size_t cut = k_value_shown;
    // Back off over continuation bytes so that the shortened text is still valid UTF-8.
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return fmt::format("\"{}...\" ({} bytes)", value.substr(0, cut), value.size());
}

RowProblems::RowProblems(FileReport& report, bool strict) : m_report(report), m_strict(strict) {}

void RowProblems::add(std::int64_t line, const std::string& column, const std::string& message) {
    if (m_strict) {
        throw InputError(Location{m_report.file.display_name, line, column}, message,
                         "without --strict, bad rows are skipped and counted");
    }
    m_report.bad_rows.add(Problem{line, column, message});
}

}  // namespace clientscore::ingest

namespace clientscore {

void ProblemLog::add(Problem problem) {
    ++count;
    if (kept.size() == k_kept && problem.line >= kept.back().line) {
        return;
    }
    // Rows arrive in line order within a reader; slices and the aggregator's finds merge in
    // out of order, so a later find may still be among the first lines.
    auto at = std::upper_bound(kept.begin(), kept.end(), problem.line,
                               [](std::int64_t line, const Problem& p) { return line < p.line; });
    kept.insert(at, std::move(problem));
    if (kept.size() > k_kept) {
        kept.pop_back();
    }
}

void ProblemLog::merge(const ProblemLog& other) {
    const std::int64_t total = count + other.count;
    for (const Problem& p : other.kept) {
        add(p);
    }
    count = total;
}

std::vector<std::string> ProblemLog::warnings(std::string_view file) const {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < kept.size() && i < k_warned; ++i) {
        lines.push_back(format_location_message(Location{std::string(file), kept[i].line, kept[i].column},
                                                kept[i].message));
    }
    const auto shown = static_cast<std::int64_t>(lines.size());
    if (count > shown) {
        lines.push_back(fmt::format("{}: {} more bad rows skipped", file, count - shown));
    }
    return lines;
}

}  // namespace clientscore

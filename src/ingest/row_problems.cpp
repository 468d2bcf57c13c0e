#include "ingest/row_problems.hpp"

#include <fmt/format.h>

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
    const Location where{m_report.file.display_name, line, column};
    if (m_strict) {
        throw InputError(where, message, "without --strict, bad rows are skipped and counted");
    }
    ++m_report.skipped;
    if (m_report.problems.size() < k_max_problems) {
        m_report.problems.push_back(Problem{line, column, message});
    }
    if (m_report.warnings.size() < k_max_warnings) {
        m_report.warnings.push_back("clientscore: " + format_location_message(where, message));
    }
}

void RowProblems::finish() {
    const auto shown = static_cast<std::int64_t>(k_max_warnings);
    if (m_report.skipped > shown) {
        m_report.warnings.push_back(more_bad_rows_warning(m_report.file.display_name, m_report.skipped - shown));
    }
}

}  // namespace clientscore::ingest

namespace clientscore {

std::string more_bad_rows_warning(std::string_view file, std::int64_t more) {
    return fmt::format("clientscore: {}: {} more bad rows skipped", file, more);
}

}  // namespace clientscore

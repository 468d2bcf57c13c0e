#include "app/warning_log.hpp"

#include "clientscore/visible_text.hpp"

namespace clientscore {

std::string program_line(std::string_view message) {
    // Messages quote export values, file names and typed ids; every line on standard error
    // passes here, so this is where a byte that would drive the terminal becomes an escape.
    std::string line = "clientscore: ";
    line += visible_text(message);
    return line;
}

void WarningLog::add(std::string_view message) {
    m_lines.push_back(program_line(message));
    if (m_sink) {
        m_sink(m_lines.back());
    }
}

void WarningLog::add_bad_rows(const FileReport& report) {
    for (const std::string& line : report.bad_rows.warnings(report.file.display_name)) {
        add(line);
    }
}

}  // namespace clientscore

#include "app/warning_log.hpp"

namespace clientscore {

std::string program_line(std::string_view message) {
    std::string line = "clientscore: ";
    line += message;
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

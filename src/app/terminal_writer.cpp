#include "app/terminal_writer.hpp"

#include "clientscore/visible_text.hpp"

namespace clientscore {

namespace {

// Where a UTF-8 sequence that `text` ends in the middle of starts, or text.size() when it
// ends between sequences. Only the last three bytes can start one that is not complete.
std::size_t complete_end(std::string_view text) {
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        const auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if (byte < 0x80) {
            return text.size();
        }
        if (byte >= 0xC0) {
            const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
            return length > back ? text.size() - back : text.size();
        }
    }
    return text.size();
}

}  // namespace

void TerminalTextWriter::write(std::string_view text) {
    m_held.append(text);
    const std::size_t end = complete_end(m_held);
    if (end == 0) {
        return;
    }
    m_out.write(visible_lines(std::string_view(m_held).substr(0, end)));
    m_held.erase(0, end);
}

void TerminalTextWriter::finish() {
    if (!m_held.empty()) {
        m_out.write(visible_lines(m_held));
        m_held.clear();
    }
}

bool keeps_export_text(OutputFormat format) {
    switch (format) {
        case OutputFormat::json:
        case OutputFormat::csv:
        case OutputFormat::tsv:
        case OutputFormat::html:
            return true;
        case OutputFormat::table:
        case OutputFormat::markdown:
        case OutputFormat::xlsx:
            break;
    }
    return false;
}

}  // namespace clientscore

#include "clientscore/render.hpp"
#include "render/delimited.hpp"
#include "render/number_format.hpp"

namespace clientscore {

namespace {

// SPEC §5: a spreadsheet runs a cell that starts with one of these as a formula.
bool needs_formula_guard(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    switch (text.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string escape_csv_cell(std::string_view text) {
    std::string cell;
    cell.reserve(text.size() + 3);
    if (needs_formula_guard(text)) {
        cell += '\'';
    }
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        return cell;
    }
    std::string quoted;
    quoted.reserve(cell.size() + 8);
    quoted += '"';
    for (char c : cell) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string escape_tsv_cell(std::string_view text) {
    std::string cell;
    cell.reserve(text.size() + 3);
    if (needs_formula_guard(text)) {
        cell += '\'';
    }
    for (char c : text) {
        switch (c) {
            case '\t':
                cell += "\\t";
                break;
            case '\n':
                cell += "\\n";
                break;
            case '\r':
                cell += "\\r";
                break;
            case '\\':
                cell += "\\\\";
                break;
            default:
                cell += c;
        }
    }
    return cell;
}

namespace render {

void DelimitedRow::separate() {
    if (!m_empty) {
        m_line += m_tsv ? '\t' : ',';
    }
    m_empty = false;
}

void DelimitedRow::text(std::string_view value) {
    separate();
    m_line += m_tsv ? escape_tsv_cell(value) : escape_csv_cell(value);
}

void DelimitedRow::bare(std::string_view value) {
    separate();
    m_line += value;
}

void DelimitedRow::cell(const Cell& value, int decimals) {
    if (std::holds_alternative<std::string>(value) ||
        std::holds_alternative<std::vector<std::string>>(value)) {
        text(cell_plain_text(value, decimals));
    } else if (const double* number = std::get_if<double>(&value)) {
        // Numbers straight into the line: a million clients × 30 of them.
        separate();
        append_rounded(m_line, *number, decimals);
    } else {
        bare(cell_plain_text(value, decimals));
    }
}

std::string DelimitedRow::take_line() {
    std::string line = std::move(m_line);
    line += '\n';
    m_line.clear();
    m_empty = true;
    return line;
}

}  // namespace render

}  // namespace clientscore

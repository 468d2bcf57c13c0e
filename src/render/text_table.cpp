#include "render/text_table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "render/number_format.hpp"

namespace clientscore::render {

namespace {

void trim_trailing_spaces(std::string& line) {
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
}

}  // namespace

std::string wrap_words(const std::string& text, std::size_t width) {
    std::string out;
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string_view word(text.data() + start, end - start);
        const std::size_t w = display_width(word);
        if (line > 0 && line + 1 + w > width) {
            out += '\n';
            line = 0;
        } else if (line > 0) {
            out += ' ';
            ++line;
        }
        out += word;
        line += w;
        start = end + 1;
    }
    return out;
}

void TextTable::write_text(Writer& out, std::size_t rows, const RowSource& source, std::optional<int> width,
                           bool color, std::string_view indent) const {
    const std::size_t n = m_columns.size();
    std::vector<std::size_t> widths(n);
    for (std::size_t c = 0; c < n; ++c) {
        widths[c] = display_width(m_columns[c].header);
    }
    std::vector<TextCell> cells(n);
    // First pass: the natural width of every column.
    for (std::size_t r = 0; r < rows; ++r) {
        source(r, cells);
        for (std::size_t c = 0; c < n; ++c) {
            widths[c] = std::max(widths[c], display_width(one_line(cells[c].text)));
        }
    }
    // SPEC §5 ◆12: on a terminal columns are left out from the end until the rest fit with
    // their text shortened to its floor, then text is shortened.
    std::size_t shown = n;
    const std::size_t limit = width ? static_cast<std::size_t>(std::max(*width, 1)) : 0;
    if (width) {
        auto floor_of = [&](std::size_t c) {
            const std::size_t header = display_width(m_columns[c].header);
            return m_columns[c].shrinkable ? std::min(widths[c], std::max<std::size_t>({3, header, m_text_floor}))
                                           : widths[c];
        };
        auto total_of = [&](std::size_t count, bool floors) {
            std::size_t total = indent.size() + (count > 0 ? 2 * (count - 1) : 0);
            for (std::size_t c = 0; c < count; ++c) {
                total += floors ? floor_of(c) : widths[c];
            }
            return total;
        };
        while (m_leave_out && shown > 1 && total_of(shown, true) > limit) {
            --shown;
        }
        std::size_t total = total_of(shown, false);
        // Take one column at a time from the widest shrinkable column, never below its floor.
        while (total > limit) {
            std::optional<std::size_t> widest;
            for (std::size_t c = 0; c < shown; ++c) {
                if (m_columns[c].shrinkable && widths[c] > floor_of(c) && (!widest || widths[c] > widths[*widest])) {
                    widest = c;
                }
            }
            if (!widest) {
                break;
            }
            --widths[*widest];
            --total;
        }
    }

    auto write_line = [&](const std::vector<TextCell>& line_cells) {
        std::string line(indent);
        for (std::size_t c = 0; c < shown; ++c) {
            if (c > 0) {
                line += "  ";
            }
            const std::string text = shorten_to_width(one_line(line_cells[c].text), widths[c]);
            const std::string padding(widths[c] - display_width(text), ' ');
            const bool colored = color && !line_cells[c].color.empty() && !text.empty();
            if (m_columns[c].align == Align::right) {
                line += padding;
            }
            if (colored) {
                line += "\x1b[";
                line += line_cells[c].color;
                line += 'm';
            }
            line += text;
            if (colored) {
                line += "\x1b[0m";
            }
            if (m_columns[c].align == Align::left) {
                line += padding;
            }
        }
        trim_trailing_spaces(line);
        line += '\n';
        out.write(line);
    };

    std::vector<TextCell> header(n);
    std::vector<TextCell> rule(n);
    for (std::size_t c = 0; c < n; ++c) {
        header[c].text = m_columns[c].header;
        rule[c].text = std::string(widths[c], '-');
    }
    write_line(header);
    write_line(rule);
    for (std::size_t r = 0; r < rows; ++r) {
        source(r, cells);
        write_line(cells);
    }
    if (shown < n) {
        std::vector<std::string> left_out;
        for (std::size_t c = shown; c < n; ++c) {
            left_out.push_back(m_columns[c].header);
        }
        out.write(indent);
        out.write(wrap_words(fmt::format("(left out: {}; --format csv has every column)", fmt::join(left_out, ", ")),
                             limit > indent.size() ? limit - indent.size() : 1));
        out.write("\n");
    }
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char c : one_line(text)) {
        if (c == '|') {
            out += "\\|";
        } else {
            out += c;
        }
    }
    return out;
}

void TextTable::write_markdown(Writer& out, std::size_t rows, const RowSource& source) const {
    const std::size_t n = m_columns.size();
    std::string line = "|";
    for (const auto& column : m_columns) {
        line += fmt::format(" {} |", markdown_cell(column.header));
    }
    line += "\n|";
    for (const auto& column : m_columns) {
        line += column.align == Align::right ? " ---: |" : " --- |";
    }
    line += '\n';
    out.write(line);
    std::vector<TextCell> cells(n);
    for (std::size_t r = 0; r < rows; ++r) {
        source(r, cells);
        line.assign(1, '|');  // not `line = "|"`: GCC 12 at -O3 warns falsely (-Wrestrict) on that
        for (std::size_t c = 0; c < n; ++c) {
            const std::string cell = markdown_cell(cells[c].text);
            line += cell.empty() ? std::string(" |") : fmt::format(" {} |", cell);
        }
        line += '\n';
        out.write(line);
    }
}

std::string_view verdict_color(Verdict verdict) {
    switch (verdict) {
        case Verdict::fire:
            return "31";
        case Verdict::chase:
            return "35";
        case Verdict::reprice:
            return "33";
        case Verdict::watch:
            return "36";
        case Verdict::keep:
            return "32";
    }
    return {};
}

// ---- plain documents ----------------------------------------------------------------------

void PlainDocumentWriter::title(std::string_view text) { m_out.write(one_line(text) + "\n"); }

void PlainDocumentWriter::heading(std::string_view text) {
    // fmt rather than "\n" + string: GCC 12 -O3 warns falsely (-Wrestrict) on that operator+.
    m_out.write(fmt::format("\n{}\n", one_line(text)));
    m_in_section = true;
}

void PlainDocumentWriter::paragraph(std::string_view text) {
    // Text under a heading is indented like its lists and tables.
    m_out.write((m_in_section ? "  " : "") + one_line(text) + "\n");
}

void PlainDocumentWriter::bullets(const std::vector<std::string>& items) {
    for (const auto& item : items) {
        m_out.write("  - " + one_line(item) + "\n");
    }
}

void PlainDocumentWriter::definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) {
    std::size_t key_width = 0;
    for (const auto& [key, lines] : items) {
        key_width = std::max(key_width, display_width(key));
    }
    for (const auto& [key, lines] : items) {
        std::string text = "  " + key + std::string(key_width - display_width(key), ' ');
        if (lines.empty()) {
            m_out.write(text + "\n");
            continue;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) {
                text = "  " + std::string(key_width, ' ');
            }
            text += "  " + one_line(lines[i]);
            trim_trailing_spaces(text);
            m_out.write(text + "\n");
        }
    }
}

void PlainDocumentWriter::table(const TextTable& table, std::size_t rows, const RowSource& source) {
    table.write_text(m_out, rows, source, std::nullopt, m_color, "  ");
}

// ---- Markdown documents -------------------------------------------------------------------

void MarkdownDocumentWriter::separate() {
    if (m_started) {
        m_out.write("\n");
    }
    m_started = true;
}

void MarkdownDocumentWriter::title(std::string_view text) {
    separate();
    m_out.write("# " + one_line(text) + "\n");
}

void MarkdownDocumentWriter::heading(std::string_view text) {
    separate();
    m_out.write("## " + one_line(text) + "\n");
}

void MarkdownDocumentWriter::paragraph(std::string_view text) {
    separate();
    m_out.write(one_line(text) + "\n");
}

void MarkdownDocumentWriter::bullets(const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    separate();
    for (const auto& item : items) {
        m_out.write("- " + one_line(item) + "\n");
    }
}

void MarkdownDocumentWriter::definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) {
    if (items.empty()) {
        return;
    }
    separate();
    for (const auto& [key, lines] : items) {
        if (lines.size() == 1) {
            m_out.write("- " + one_line(key) + ": " + one_line(lines.front()) + "\n");
            continue;
        }
        m_out.write("- " + one_line(key) + ":\n");
        for (const auto& line : lines) {
            m_out.write("  - " + one_line(line) + "\n");
        }
    }
}

void MarkdownDocumentWriter::table(const TextTable& table, std::size_t rows, const RowSource& source) {
    separate();
    table.write_markdown(m_out, rows, source);
}

}  // namespace clientscore::render

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
    // SPEC §5 ◆12: on a terminal columns are left out (from the end, or in the table's own
    // order) until the rest fit with their text shortened to its floor, then text is shortened.
    std::vector<bool> shown(n, true);
    std::vector<std::size_t> left_out;
    const std::size_t limit = width ? static_cast<std::size_t>(std::max(*width, 1)) : 0;
    if (width) {
        auto floor_of = [&](std::size_t c) {
            const std::size_t header = display_width(m_columns[c].header);
            return m_columns[c].shrinkable ? std::min(widths[c], std::max<std::size_t>({3, header, m_text_floor, m_columns[c].floor}))
                                           : widths[c];
        };
        auto total_of = [&](bool floors) {
            std::size_t total = display_width(indent);
            std::size_t count = 0;
            for (std::size_t c = 0; c < n; ++c) {
                if (shown[c]) {
                    total += (floors ? floor_of(c) : widths[c]) + (count > 0 ? 2 : 0);
                    ++count;
                }
            }
            return total;
        };
        std::vector<std::size_t> order;
        for (const std::size_t c : m_leave_out_order) {
            if (c < n && std::find(order.begin(), order.end(), c) == order.end()) {
                order.push_back(c);
            }
        }
        for (std::size_t c = n; c-- > 0;) {
            if (std::find(order.begin(), order.end(), c) == order.end()) {
                order.push_back(c);
            }
        }
        for (std::size_t i = 0; m_leave_out && i + 1 < order.size() && total_of(true) > limit; ++i) {
            shown[order[i]] = false;
            left_out.push_back(order[i]);
        }
        std::size_t total = total_of(false);
        // Take one column at a time from the widest shrinkable column, never below its floor.
        while (total > limit) {
            std::optional<std::size_t> widest;
            for (std::size_t c = 0; c < n; ++c) {
                if (shown[c] && m_columns[c].shrinkable && widths[c] > floor_of(c) &&
                    (!widest || widths[c] > widths[*widest])) {
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
        bool first = true;
        for (std::size_t c = 0; c < n; ++c) {
            if (!shown[c]) {
                continue;
            }
            if (!first) {
                line += "  ";
            }
            first = false;
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
    if (!left_out.empty()) {
        // Named in the table's order, whatever order they were left out in.
        std::sort(left_out.begin(), left_out.end());
        std::vector<std::string> names;
        for (const std::size_t c : left_out) {
            names.push_back(m_columns[c].header);
        }
        const std::size_t indent_width = display_width(indent);
        std::string note = wrap_words(fmt::format("(left out: {}; --format csv has every column)", fmt::join(names, ", ")),
                                      limit > indent_width ? limit - indent_width : 1);
        // Every line of the note under the table's indent, not only the first.
        std::string indented(indent);
        for (const char ch : note) {
            indented += ch;
            if (ch == '\n') {
                indented += indent;
            }
        }
        out.write(indented + "\n");
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

void PlainDocumentWriter::write_wrapped(std::string_view first, std::string_view rest, std::string_view text) {
    const std::string line = one_line(text);
    if (!m_width) {
        m_out.write(fmt::format("{}{}\n", first, line));
        return;
    }
    // The wrap width leaves room for the wider of the two prefixes, so every line fits.
    const std::size_t prefix = std::max(display_width(first), display_width(rest));
    const auto limit = static_cast<std::size_t>(std::max(*m_width, 1));
    const std::string wrapped = wrap_words(line, limit > prefix ? limit - prefix : 1);
    std::string out(first);
    for (const char c : wrapped) {
        out += c;
        if (c == '\n') {
            out += rest;
        }
    }
    out += '\n';
    m_out.write(out);
}

void PlainDocumentWriter::title(std::string_view text) { write_wrapped("", "", text); }

void PlainDocumentWriter::heading(std::string_view text) {
    m_out.write("\n");
    write_wrapped("", "", text);
    m_in_section = true;
}

void PlainDocumentWriter::paragraph(std::string_view text) {
    // Text under a heading is indented like its lists and tables.
    const std::string_view indent = m_in_section ? "  " : "";
    write_wrapped(indent, indent, text);
}

void PlainDocumentWriter::bullets(const std::vector<std::string>& items) {
    for (const auto& item : items) {
        write_wrapped("  - ", "    ", item);
    }
}

void PlainDocumentWriter::definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) {
    std::size_t key_width = 0;
    for (const auto& [key, lines] : items) {
        key_width = std::max(key_width, display_width(key));
    }
    const std::string under(2 + key_width + 2, ' ');
    for (const auto& [key, lines] : items) {
        const std::string text = "  " + key + std::string(key_width - display_width(key), ' ');
        if (lines.empty()) {
            m_out.write(text + "\n");
            continue;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string first = i == 0 ? text + "  " : under;
            std::string value = one_line(lines[i]);
            trim_trailing_spaces(value);
            // An empty value would leave the key's padding as trailing spaces.
            if (value.empty()) {
                std::string bare = first;
                trim_trailing_spaces(bare);
                m_out.write(bare + "\n");
                continue;
            }
            write_wrapped(first, under, value);
        }
    }
}

void PlainDocumentWriter::table(const TextTable& table, std::size_t rows, const RowSource& source) {
    table.write_text(m_out, rows, source, m_width, m_color, "  ");
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

#pragma once
// Human-readable layouts shared by every command: an aligned text table (optionally coloured
// and shortened to a terminal's width), the same table as Markdown, and a small document
// writer (title, headings, paragraphs, lists, tables) with a plain-text and a Markdown form.

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clientscore/render.hpp"
#include "render/text_width.hpp"

namespace clientscore::render {

enum class Align : std::uint8_t { left, right };

struct TextColumn {
    std::string header;
    Align align = Align::left;
    /// May be cut with `…` to fit a terminal's width (widest shrinkable column first).
    bool shrinkable = false;
    /// A floor above the table's for this column (rank's cause: cut to 16 it only restates the
    /// toxicity, so the columns after it are left out first).
    std::size_t floor = 0;
};

struct TextCell {
    std::string text;
    /// An ANSI SGR colour (`31`), used only when colour is on; empty for none.
    std::string_view color;
};

/// Fills `cells` (already sized to the column count) with row `row`'s cells.
using RowSource = std::function<void(std::size_t row, std::vector<TextCell>& cells)>;

/// A table whose rows are produced on demand, so that a large table is never held whole: the
/// text form asks for every row twice (widths, then lines).
class TextTable {
public:
    /// Text columns are not shortened below `floor` display columns (or their natural width),
    /// nor below their header: a report table says nothing with "to…" (0: the header only).
    void set_text_floor(std::size_t floor) { m_text_floor = floor; }
    /// Lets write_text leave out columns from the end when the rest do not fit (SPEC §5 ◆12:
    /// rank's table); otherwise a line that cannot fit is printed long.
    void set_leave_out(bool leave_out) { m_leave_out = leave_out; }
    /// With set_leave_out, the columns to leave out first, by index (evidence keeps its text
    /// column, the last, and leaves out flags first); the columns not named follow from the end.
    void set_leave_out_order(std::vector<std::size_t> order) { m_leave_out_order = std::move(order); }

    explicit TextTable(std::vector<TextColumn> columns) : m_columns(std::move(columns)) {}
    const std::vector<TextColumn>& columns() const { return m_columns; }

    /// Header, a rule of dashes, then one line per row; columns two spaces apart, numbers
    /// right-aligned, no trailing spaces. With `width`, columns are left out from the end until
    /// the rest fit with text columns at their floor (set_leave_out, set_text_floor), then shrinkable
    /// columns are shortened until a line fits, and a last line names the columns left out;
    /// without it nothing is shortened. Colour codes
    /// wrap the visible text only, so they never move a column.
    void write_text(Writer& out, std::size_t rows, const RowSource& source, std::optional<int> width, bool color,
                    std::string_view indent = {}) const;

    /// A Markdown pipe table (`|` in cells escaped as `\|`).
    void write_markdown(Writer& out, std::size_t rows, const RowSource& source) const;

private:
    std::vector<TextColumn> m_columns;
    std::size_t m_text_floor = 0;
    bool m_leave_out = false;
    std::vector<std::size_t> m_leave_out_order;
};

/// A report made of blocks, written as plain text or as Markdown.
class DocumentWriter {
public:
    virtual ~DocumentWriter() = default;
    virtual void title(std::string_view text) = 0;
    virtual void heading(std::string_view text) = 0;
    virtual void paragraph(std::string_view text) = 0;
    virtual void bullets(const std::vector<std::string>& items) = 0;
    /// Name/value lines; a value with several lines keeps them under one another.
    virtual void definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) = 0;
    virtual void table(const TextTable& table, std::size_t rows, const RowSource& source) = 0;
    /// A drawing that only the html page has (SVG markup made by `make`, called only there);
    /// the text forms leave it out.
    virtual void figure(const std::function<std::string()>& make) { (void)make; }
};

/// Plain text: sections separated by a blank line, lists and tables indented two spaces.
class PlainDocumentWriter : public DocumentWriter {
public:
    /// With `width` (a terminal's), text is wrapped and tables are fitted to it (TextTable);
    /// without it nothing is cut.
    PlainDocumentWriter(Writer& out, bool color, std::optional<int> width = std::nullopt)
        : m_out(out), m_color(color), m_width(width) {}
    void title(std::string_view text) override;
    void heading(std::string_view text) override;
    void paragraph(std::string_view text) override;
    void bullets(const std::vector<std::string>& items) override;
    void definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) override;
    void table(const TextTable& table, std::size_t rows, const RowSource& source) override;

private:
    /// `text` wrapped to the width after `first` (the first line's prefix) and `rest` (every
    /// other line's), a line each; unwrapped without a width.
    void write_wrapped(std::string_view first, std::string_view rest, std::string_view text);

    Writer& m_out;
    bool m_color = false;
    std::optional<int> m_width;
    bool m_in_section = false;
};

/// Markdown: `#` title, `##` headings, `-` lists, pipe tables.
class MarkdownDocumentWriter : public DocumentWriter {
public:
    explicit MarkdownDocumentWriter(Writer& out) : m_out(out) {}
    void title(std::string_view text) override;
    void heading(std::string_view text) override;
    void paragraph(std::string_view text) override;
    void bullets(const std::vector<std::string>& items) override;
    void definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) override;
    void table(const TextTable& table, std::size_t rows, const RowSource& source) override;

private:
    void separate();

    Writer& m_out;
    bool m_started = false;
};

/// The width text is fitted to: a terminal's, counted as 80 columns at least (SPEC §5 ◆12),
/// or none off a terminal (nothing is cut).
inline std::optional<int> fitted_width(std::optional<int> terminal) {
    return terminal ? std::optional<int>(std::max(*terminal, 80)) : std::nullopt;
}

/// Escapes Markdown table-cell text: one line, `|` as `\|`.
std::string markdown_cell(std::string_view text);

/// The ANSI colour of a verdict (fire red, chase magenta, reprice yellow, watch cyan, keep green).
std::string_view verdict_color(Verdict verdict);

}  // namespace clientscore::render

#pragma once
// A workbook written with libxlsxwriter (SPEC §5 ◆12 xlsx): typed cells (numbers with their
// number formats, dates as dates, text always as a string, never a formula), sheets with a
// frozen header row, filters and fitted column widths. The file is written to a temporary
// file, then copied into the Writer, so that --output stays atomic and `-o /dev/null` works.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/metrics.hpp"
#include "clientscore/render.hpp"

namespace clientscore::render {

/// How a number cell reads in a spreadsheet.
enum class XlsxStyle : std::uint8_t { integer, decimal1, decimal2, decimal4, money, percent, date, header };

class XlsxSheet;

class XlsxBook {
public:
    /// A new workbook in a temporary file; `created` is the document's creation time written
    /// into it (a date from the report, never the clock: the same inputs give the same bytes).
    /// Throws OutputError when the temporary file cannot be made.
    explicit XlsxBook(Days created);
    ~XlsxBook();
    XlsxBook(const XlsxBook&) = delete;
    XlsxBook& operator=(const XlsxBook&) = delete;

    /// Adds a worksheet named `name` (at most 31 characters, none of []:*?/\).
    XlsxSheet add_sheet(std::string_view name);
    /// Closes the workbook and copies its bytes to `out`. Throws OutputError.
    void write_to(Writer& out);

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

/// One worksheet; rows are written top to bottom (the book streams them to disk).
class XlsxSheet {
public:
    /// Row 0 as a bold header, frozen, with a filter over `columns` once rows are written.
    void header(const std::vector<std::string>& names);
    void text(std::uint32_t row, std::uint16_t column, std::string_view value);
    void number(std::uint32_t row, std::uint16_t column, double value, XlsxStyle style);
    /// A day as an Excel date (`YYYY-MM-DD`).
    void date(std::uint32_t row, std::uint16_t column, Days day);
    void boolean(std::uint32_t row, std::uint16_t column, bool value);
    /// A verdict as its word, coloured as in the table.
    void verdict(std::uint32_t row, std::uint16_t column, Verdict verdict);
    /// A cell of the client column table, rounded as JSON rounds it.
    void cell(std::uint32_t row, std::uint16_t column, const Cell& value, const ClientColumn& meta);
    /// Sets the widths from the longest text seen in each column and the filter over the rows
    /// written; call once, after the last row.
    void finish(std::uint32_t last_row);

private:
    friend class XlsxBook;
    XlsxSheet(XlsxBook::Impl& book, void* sheet) : m_book(&book), m_sheet(sheet) {}
    void seen(std::uint16_t column, std::size_t width);

    XlsxBook::Impl* m_book;
    void* m_sheet;  // lxw_worksheet, kept out of this header
    std::vector<std::size_t> m_widths;
    std::uint16_t m_columns = 0;
    bool m_has_header = false;
};

/// The style of a client column's numbers (money, shares, decimals).
XlsxStyle xlsx_style(const ClientColumn& column);

}  // namespace clientscore::render

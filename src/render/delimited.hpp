#pragma once
// CSV and TSV rows (SPEC §5): text cells escaped and formula-guarded, numbers written bare.

#include <string>
#include <string_view>

#include "clientscore/render.hpp"
#include "clientscore/report.hpp"

namespace clientscore::render {

/// Builds one line of a CSV or TSV file, cell by cell.
class DelimitedRow {
public:
    /// `format` is csv or tsv.
    explicit DelimitedRow(OutputFormat format) : m_tsv(format == OutputFormat::tsv) {}
    /// A text cell: escaped, with the formula guard.
    void text(std::string_view value);
    /// A number, boolean or empty cell, written as is.
    void bare(std::string_view value);
    /// A cell of the client column table: text and lists as text, numbers rounded and bare.
    void cell(const Cell& value, int decimals);
    /// The line, ended by `\n`; the row is empty again afterwards.
    std::string take_line();

private:
    void separate();

    std::string m_line;
    bool m_tsv = false;
    bool m_empty = true;
};

}  // namespace clientscore::render

#pragma once
// JSON, CSV, TSV and HTML keep export text as exported (SPEC §5), for the programs that read
// them. On a terminal a person reads them instead, and there a control character in a name or
// a note would drive the terminal; this Writer shows those as escapes on the way out.

#include <string>
#include <string_view>

#include "clientscore/render.hpp"

namespace clientscore {

/// Passes what is written to `out` through visible_lines (line feeds and tabs kept, every other
/// control character and invalid UTF-8 shown as an escape). A UTF-8 sequence cut between two
/// writes is held until its end arrives; finish() writes what is held.
class TerminalTextWriter : public Writer {
public:
    explicit TerminalTextWriter(Writer& out) : m_out(out) {}
    void write(std::string_view text) override;
    /// Writes a sequence still held (a cut one is then shown as escapes).
    void finish();

private:
    Writer& m_out;
    std::string m_held;
};

/// True for the formats whose text is written as exported, which a terminal must not see raw:
/// json, csv, tsv and html (table and markdown show every cell through one_line already).
bool keeps_export_text(OutputFormat format);

}  // namespace clientscore

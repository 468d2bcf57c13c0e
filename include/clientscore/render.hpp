#pragma once
// Turning reports into text (SPEC §5). Renderers stream into a Writer so that a report of a
// million clients never has to exist as one string.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/report.hpp"

namespace clientscore {

enum class OutputFormat : std::uint8_t { table, json, csv, tsv, markdown, html, xlsx };

/// A --sort key (SPEC §1): a metric table key, "rank", or a text column.
struct SortKey {
    std::string key = "rank";
    bool ascending = false;
};

/// Where output goes. Throws OutputError when a write fails (a closed pipe included: the app
/// tells that case apart with `broken_pipe()`).
class Writer {
public:
    virtual ~Writer() = default;
    virtual void write(std::string_view text) = 0;
};

/// A Writer into a string (tests, and small outputs).
class StringWriter : public Writer {
public:
    void write(std::string_view text) override { m_text.append(text); }
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
};

/// Standard output, or --output FILE: a regular (or new) file is written to a temporary file
/// beside it and renamed over it by commit(); any other target (/dev/null, a FIFO) is written
/// directly. Destroying it without commit() removes the temporary file.
class OutputTarget : public Writer {
public:
    /// Opens the target; throws OutputError when it cannot be created. While a temporary file
    /// is open, SIGINT and SIGTERM remove it and end the process with 128 + the signal.
    explicit OutputTarget(const std::optional<std::string>& path);
    ~OutputTarget() override;
    void write(std::string_view text) override;
    /// Flushes, and for an atomic file renames it into place. Throws OutputError.
    void commit();
    /// True when standard output (or the target) is a terminal.
    bool is_terminal() const { return m_is_terminal; }
    /// True once a write failed because the reader went away (EPIPE).
    bool broken_pipe() const { return m_broken_pipe; }

private:
    std::FILE* m_file = nullptr;
    std::string m_final_path;
    std::string m_temp_path;
    bool m_owns_file = false;
    bool m_is_terminal = false;
    bool m_broken_pipe = false;
    bool m_committed = false;
    bool m_guarded = false;  ///< SIGINT and SIGTERM remove m_temp_path (output_target.cpp)
};

/// A message for standard error on a terminal: wrapped between words to `width` display
/// columns, every line after the first indented by two spaces, so that a long warning reads as
/// one paragraph instead of being cut mid-word by the terminal.
std::string wrap_message(std::string_view message, std::size_t width);

struct RenderOptions {
    OutputFormat format = OutputFormat::table;
    bool color = false;
    /// Terminal width when writing to a terminal (text columns are shortened to fit); none
    /// elsewhere (nothing is shortened).
    std::optional<int> terminal_width;
    std::optional<long> top;
    SortKey sort;
    unsigned threads = 1;  ///< workers rendering rows (Options::threads)
};

void render_rank(const RankReport& report, const RenderOptions& options, Writer& out);
void render_explain(const ExplainReport& report, const RenderOptions& options, Writer& out);
void render_evidence(const EvidenceReport& report, const RenderOptions& options, Writer& out);
void render_check(const CheckReport& report, const RenderOptions& options, Writer& out);

/// Escapes one text cell for CSV (RFC 4180 quoting) or TSV (`\t` `\n` `\r` `\\`), with the
/// spreadsheet formula guard of SPEC §5 (a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`).
std::string escape_csv_cell(std::string_view text);
std::string escape_tsv_cell(std::string_view text);

/// `1,234,567.89`: money with thousands separators, two decimals.
std::string format_money(double value);

}  // namespace clientscore

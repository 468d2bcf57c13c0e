#pragma once
// Every line the tool prints on standard error starts with `clientscore: `; it is added here,
// once, to messages the stages write without it, and their text is made safe to show there.

#include <string>
#include <string_view>
#include <vector>

#include "app/analysis.hpp"

namespace clientscore {

/// `clientscore: ` + message, its control characters and invalid UTF-8 shown as escapes
/// (visible_text), so that no byte of an export reaches the terminal raw.
std::string program_line(std::string_view message);

/// The run's warnings: each prefixed once, kept for the report (SPEC §5: `warnings` holds the
/// same lines as standard error) and sent to the sink as soon as it is known.
class WarningLog {
  public:
    explicit WarningLog(const WarningSink& sink) : m_sink(sink) {}
    void add(std::string_view message);
    /// A file's bad rows, found by ingest and the aggregator alike: one set of lines per file.
    void add_bad_rows(const FileReport& report);
    std::vector<std::string> take() { return std::move(m_lines); }

  private:
    const WarningSink& m_sink;
    std::vector<std::string> m_lines;
};

}  // namespace clientscore

#pragma once
// Everything the command line and the config file can say (SPEC §1), parsed and validated.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/metrics.hpp"
#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/parallel.hpp"
#include "clientscore/render.hpp"

namespace clientscore {

enum class Command : std::uint8_t { rank, explain, evidence, check };
enum class ColorMode : std::uint8_t { automatic, always, never };

struct Options {
    Command command = Command::rank;
    std::string client;  ///< explain/evidence
    std::optional<std::string> dir;
    ExplicitFiles files;

    std::optional<Days> from;
    std::optional<Days> to;
    std::optional<Days> as_of;
    std::string time_zone;  ///< empty: none
    BusinessHours business_hours;
    WeekdaySet business_days = 0x1F;
    std::optional<std::string> holidays_file;
    double hourly_cost = defaults::hourly_cost;
    double email_minutes = defaults::email_minutes;
    double target_margin = defaults::target_margin;
    std::string currency;  ///< empty: the single currency seen
    std::optional<std::string> fx_file;
    /// The --config file read, if any: never taken for an export.
    std::optional<std::string> config_file;
    std::vector<FieldMapping> mappings;
    std::vector<RowFilter> filters;         ///< --where, in the order given
    std::vector<DateFormat> date_formats;   ///< --date-format, in the order given
    std::string preset;  ///< empty: detect; "none": off
    std::string encoding = "utf-8";
    DateOrder date_order = DateOrder::automatic;
    DecimalMode decimal = DecimalMode::automatic;
    /// --header-row: the header's physical line in every file, 0 for none; unset: searched.
    std::optional<long> header_row;
    OutputFormat format = OutputFormat::table;
    std::optional<std::string> output;  ///< none: standard output
    std::optional<long> top;
    SortKey sort;
    /// SPEC §1 ◆1; --strict and a limit of 0 are the same (each sets the other).
    BadRowLimit max_bad_rows;
    bool strict = false;
    std::optional<Verdict> fail_on;
    AgingBuckets aging;                        ///< --aging (SPEC §3 ◆10)
    std::optional<std::string> baseline_file;  ///< --baseline (SPEC §4 ◆11)
    std::optional<Verdict> fail_on_change;     ///< needs baseline_file
    ColorMode color = ColorMode::automatic;
    bool quiet = false;
    double fire_at = defaults::fire_at;
    double watch_at = defaults::watch_at;
    double chase_days = defaults::chase_days;
    std::array<Threshold, k_component_count> thresholds = defaults::thresholds;
    std::array<double, k_component_count> weights = defaults::weights;
    /// Worker threads of reading, measuring and rendering (CLIENTSCORE_THREADS sets it; the
    /// result never depends on it).
    unsigned threads = default_worker_threads();
    /// Large files are cut into slices of about this size, one unit of work each
    /// (CLIENTSCORE_SLICE_BYTES sets it, for the tests that cut small files finely).
    std::uint64_t slice_bytes = 16ull << 20;
    /// How long a run reads before the progress line appears (SPEC §1: over a second);
    /// CLIENTSCORE_PROGRESS_AFTER_MS sets it, for the tests that drive the line.
    std::uint32_t progress_after_ms = 1000;
};

/// The outcome of parsing argv: options to run with, or text already printed (--help,
/// --version) and the exit code to return.
struct ParsedCommandLine {
    Options options;
    bool exit_now = false;
    int exit_code = 0;
};

/// Parses argv and the --config file (CLI11). Throws UsageError for anything SPEC §1 calls a
/// usage error. Prints --help/--version text to standard output and sets exit_now.
ParsedCommandLine parse_command_line(int argc, const char* const* argv);

}  // namespace clientscore

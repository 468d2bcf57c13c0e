#pragma once
// Everything the command line and the config file can say (SPEC §1), parsed and validated.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore {

enum class Command : std::uint8_t { rank, explain, evidence, check };
enum class OutputFormat : std::uint8_t { table, json, csv, tsv, markdown };
enum class ColorMode : std::uint8_t { automatic, always, never };
enum class Verdict : std::uint8_t { keep, watch, reprice, chase, fire };

/// The toxicity components of SPEC §4, in output order.
enum class Component : std::uint8_t { communication, after_hours, discounts, payment, hostility };
inline constexpr std::size_t k_component_count = 5;
inline constexpr std::array<std::string_view, k_component_count> k_component_names = {
    "communication", "after_hours", "discounts", "payment", "hostility"};

/// A component's ok/bad values (SPEC §4 scale()).
struct Threshold {
    double ok = 0;
    double bad = 1;
};
/// SPEC §4's defaults, by Component.
inline constexpr std::array<Threshold, k_component_count> k_default_thresholds = {
    Threshold{2, 10}, Threshold{0.10, 0.40}, Threshold{0.05, 0.25}, Threshold{7, 45}, Threshold{0, 2}};

struct SortKey {
    std::string key = "rank";
    bool ascending = false;
};

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
    double hourly_cost = 60;
    double email_minutes = 5;
    double target_margin = 0.30;
    std::string currency;  ///< empty: the single currency seen
    std::optional<std::string> fx_file;
    std::vector<FieldMapping> mappings;
    std::string preset;  ///< empty: detect; "none": off
    std::string encoding = "utf-8";
    DateOrder date_order = DateOrder::automatic;
    DecimalMode decimal = DecimalMode::automatic;
    OutputFormat format = OutputFormat::table;
    std::optional<std::string> output;  ///< none: standard output
    std::optional<long> top;
    SortKey sort;
    bool strict = false;
    std::optional<Verdict> fail_on;
    ColorMode color = ColorMode::automatic;
    bool quiet = false;
    double fire_at = 60;
    double watch_at = 30;
    double chase_days = 60;
    std::array<Threshold, k_component_count> thresholds = k_default_thresholds;
    std::array<double, k_component_count> weights = {1, 1, 1, 1, 1};
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

std::string_view verdict_name(Verdict v);
std::optional<Verdict> parse_verdict(std::string_view text);

}  // namespace clientscore

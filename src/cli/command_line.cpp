// parse_command_line: the option table of SPEC §1 registered with CLI11, argv and the --config
// file (toml++, cli/config_file) parsed, every value turned into Options through
// cli/option_values; --help text, --version and the command_line_reference() behind the man
// page and the shell completions from the same tables.

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>  // TOML_LIB_* for --version
#include <utf8proc.h>     // UTF8PROC_VERSION_* for --version
#include <zlib.h>         // ZLIB_VERSION for --version

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json_fwd.hpp>  // NLOHMANN_JSON_VERSION_* for --version
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_reference.hpp"
#include "cli/completions.hpp"
#include "cli/config_file.hpp"
#include "cli/manual.hpp"
#include "cli/option_values.hpp"
#include "clientscore/error.hpp"
#include "clientscore/metrics.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/options.hpp"
#include "ingest/presets/presets.hpp"
#include "render/text_width.hpp"

#ifndef CLIENTSCORE_VERSION
#error "CLIENTSCORE_VERSION must be defined by the build (CMakeLists.txt does)"
#endif

namespace clientscore {

namespace {

using Apply = void (*)(Options&, std::string_view option, const std::string& value);

// The commands as bits, for the options each takes: its --help lists only those (SPEC §1).
constexpr std::uint8_t k_by_group = 0;
constexpr std::uint8_t k_rank = 1;
constexpr std::uint8_t k_explain = 2;
constexpr std::uint8_t k_evidence = 4;
constexpr std::uint8_t k_check = 8;
constexpr std::uint8_t k_every_command = k_rank | k_explain | k_evidence | k_check;

/// One option of SPEC §1: how --help shows it and how its value lands in Options. Values are
/// taken as text and converted here rather than by CLI11, so every error names the option in
/// our words and carries a hint.
struct OptionRow {
    std::string_view names;         ///< CLI11 name list: "--from" or "-q,--quiet"
    std::string_view value_name;    ///< empty for a flag
    std::string_view default_text;  ///< shown as [..] in --help; empty: nothing shown
    std::string_view group;
    std::string_view description;
    bool repeatable;
    Apply apply;
    /// The commands that take it (k_rank | …); k_by_group: those of its group (k_groups).
    std::uint8_t commands = k_by_group;
};

template <Kind K>
void add_file(Options& o, std::string_view, const std::string& v) {
    o.files[static_cast<std::size_t>(K)].push_back(v);
}

constexpr std::string_view k_input = "Input";
constexpr std::string_view k_period = "Period";
constexpr std::string_view k_costs = "Costs";
constexpr std::string_view k_scoring = "Scoring";
constexpr std::string_view k_output = "Output";

struct GroupRow {
    std::string_view name;
    std::uint8_t commands;  ///< the commands that take its options, unless a row says otherwise
};

// The groups in the order --help shows them. check reads and validates the files: it takes the
// input and output options (and --timezone, row by row); evidence lists events without scoring
// them; explain and rank take everything.
constexpr std::array k_groups = {
    GroupRow{k_input, k_every_command},    GroupRow{k_period, k_rank | k_explain | k_evidence},
    GroupRow{k_costs, k_rank | k_explain}, GroupRow{k_scoring, k_rank | k_explain},
    GroupRow{k_output, k_every_command},
};
/// The default is a number of clientscore/metrics.hpp (defaults::): shown_default() prints it.
constexpr std::string_view k_from_defaults = "=";

// clang-format off
constexpr std::array k_option_rows = {
    OptionRow{"--from", "DATE", "span of the data", k_period, "first day of the period, inclusive", false,
        [](Options& o, std::string_view n, const std::string& v) { o.from = cli::parse_date(n, v); }},
    OptionRow{"--to", "DATE", "span of the data", k_period, "last day of the period, inclusive", false,
        [](Options& o, std::string_view n, const std::string& v) { o.to = cli::parse_date(n, v); }},
    OptionRow{"--month", "YYYY-MM", "", k_period, "the period is this calendar month (instead of --from/--to)", false,
        [](Options& o, std::string_view n, const std::string& v) {
            const cli::DateSpan span = cli::parse_month(n, v);
            o.from = span.first;
            o.to = span.last;
        }},
    OptionRow{"--as-of", "DATE", "last day of the period", k_period, "the day overdue and late are measured against", false,
        [](Options& o, std::string_view n, const std::string& v) { o.as_of = cli::parse_date(n, v); }},

    OptionRow{"--timezone", "ZONE", "none", k_period, "IANA zone of the business; offsets are converted to it", false,
        [](Options& o, std::string_view n, const std::string& v) {
            // Constructing the converter looks the zone up now, so a typo is a usage error
            // before any file is read rather than after.
            try {
                LocalTimeConverter{v};
            } catch (const UsageError& e) {
                throw UsageError(fmt::format("{}: {}", n, e.what()),
                                 e.hint().empty() ? "give an IANA zone name, e.g. Europe/Berlin" : e.hint());
            }
            o.time_zone = v;
        }, k_every_command},
    OptionRow{"--business-hours", "HH:MM-HH:MM", "09:00-18:00", k_period, "start inclusive, end exclusive; may wrap past midnight", false,
        [](Options& o, std::string_view n, const std::string& v) { o.business_hours = cli::parse_hours(n, v); }},
    OptionRow{"--business-days", "LIST", "Mon-Fri", k_period, "days or ranges, e.g. Sun-Thu or Mon-Wed,Fri", false,
        [](Options& o, std::string_view n, const std::string& v) { o.business_days = cli::parse_days(n, v); }},
    OptionRow{"--holidays", "FILE", "none", k_period, "CSV with a date column: non-business days", false,
        [](Options& o, std::string_view, const std::string& v) { o.holidays_file = v; }},
    OptionRow{"--hourly-cost", "N", k_from_defaults, k_costs, "what one support hour costs the business", false,
        [](Options& o, std::string_view n, const std::string& v) { o.hourly_cost = cli::parse_non_negative(n, v); }},
    OptionRow{"--email-minutes", "N", k_from_defaults, k_costs, "handling minutes charged for every email", false,
        [](Options& o, std::string_view n, const std::string& v) { o.email_minutes = cli::parse_non_negative(n, v); }},
    OptionRow{"--target-margin", "N", k_from_defaults, k_costs, "margin share a healthy client must reach (0 to <1)", false,
        [](Options& o, std::string_view n, const std::string& v) { o.target_margin = cli::parse_margin_share(n, v); }},
    OptionRow{"--currency", "CODE", "the single currency seen", k_costs, "reporting currency", false,
        [](Options& o, std::string_view n, const std::string& v) { o.currency = cli::parse_currency_code(n, v); },
        k_rank | k_explain | k_evidence},
    OptionRow{"--fx", "FILE", "none", k_costs, "CSV currency,rate: units of the reporting currency per unit", false,
        [](Options& o, std::string_view, const std::string& v) { o.fx_file = v; }, k_rank | k_explain | k_evidence},

    OptionRow{"--calls", "FILE", "", k_input, "calls export (repeatable; replaces discovery of calls)", true, add_file<Kind::calls>},
    OptionRow{"--emails", "FILE", "", k_input, "emails export (repeatable)", true, add_file<Kind::emails>},
    OptionRow{"--invoices", "FILE", "", k_input, "invoices export (repeatable)", true, add_file<Kind::invoices>},
    OptionRow{"--discounts", "FILE", "", k_input, "discounts export (repeatable)", true, add_file<Kind::discounts>},
    OptionRow{"--clients", "FILE", "", k_input, "client list (repeatable)", true, add_file<Kind::clients>},
    OptionRow{"--contacts", "FILE", "", k_input, "combined calls and emails log (repeatable)", true, add_file<Kind::contacts>},
    OptionRow{"--time", "FILE", "", k_input, "time entries export: Harvest, Toggl, Clockify, ... (repeatable)", true, add_file<Kind::time>},
    OptionRow{"--map", "KIND.FIELD=HEADER", "", k_input, "read FIELD of KIND files from column HEADER (repeatable)", true,
        // parse_field_mapping's message already quotes `--map "..."` and lists the valid names.
        [](Options& o, std::string_view, const std::string& v) { o.mappings.push_back(parse_field_mapping(v)); }},
    OptionRow{"--where", "KIND.HEADER=V1|V2", "", k_input,
              "read only KIND rows whose column is (=) or is not (!=) one of the values (repeatable)", true,
        // parse_row_filter's message quotes `--where "..."` and lists the kinds.
        [](Options& o, std::string_view, const std::string& v) { o.filters.push_back(parse_row_filter(v)); }},
    OptionRow{"--preset", "NAME", "detected", k_input, "read files as this vendor's export; none: no detection", false,
        [](Options& o, std::string_view n, const std::string& v) {
            if (v.empty()) {
                throw UsageError(fmt::format("{}: empty name", n), "give a preset name, or none to turn detection off");
            }
            o.preset = v;
        }},
    OptionRow{"--encoding", "NAME", "utf-8", k_input, "character encoding of the files, as iconv names it", false,
        [](Options& o, std::string_view n, const std::string& v) {
            if (v.empty()) {
                throw UsageError(fmt::format("{}: empty name", n), "e.g. --encoding windows-1252");
            }
            o.encoding = v;
        }},
    OptionRow{"--date-order", "dmy|mdy|auto", "auto", k_input, "how to read DD/MM/YYYY versus MM/DD/YYYY", false,
        [](Options& o, std::string_view n, const std::string& v) { o.date_order = cli::parse_date_order(n, v); }},
    OptionRow{"--date-format", "FMT", "", k_input,
              "strftime-style date form (%Y %y %m %d %e %b %B %a %A %H %I %M %S %p %z) tried first (repeatable)", true,
        [](Options& o, std::string_view n, const std::string& v) { o.date_formats.push_back(cli::parse_date_format(n, v)); }},
    OptionRow{"--decimal", ".|,|auto", "auto", k_input, "decimal separator of amounts with one kind of separator", false,
        [](Options& o, std::string_view n, const std::string& v) { o.decimal = cli::parse_decimal_mode(n, v); }},
    OptionRow{"--header-row", "N", "found", k_input,
              "the line of the header in every export; 0: they have none, name columns #1, #2, ...", false,
        [](Options& o, std::string_view n, const std::string& v) { o.header_row = cli::parse_header_row(n, v); }},
    OptionRow{"--max-bad-rows", "LIMIT", k_from_defaults, k_input,
              "bad rows a file may have: N rows, P% of its rows, or N,P% the larger; more is an error", false,
        [](Options& o, std::string_view n, const std::string& v) { o.max_bad_rows = cli::parse_bad_row_limit(n, v); }},
    OptionRow{"--strict", "", "", k_input, "a bad row is an error (exit 3): --max-bad-rows 0", false,
        [](Options& o, std::string_view, const std::string& v) { o.strict = v == "true"; }},

    OptionRow{"--format", "table|json|csv|tsv|markdown|html|xlsx", "table", k_output,
              "output format (default: from --output's .json .csv .tsv .md .html .xlsx, else table)", false,
        [](Options& o, std::string_view n, const std::string& v) { o.format = cli::parse_output_format(n, v); }},
    OptionRow{"-o,--output", "FILE", "standard output", k_output, "write the report to FILE (- is standard output)", false,
        [](Options& o, std::string_view n, const std::string& v) {
            if (v.empty()) {
                throw UsageError(fmt::format("{}: empty file name", n), "name a file, or - for standard output");
            }
            // `-` is standard output, as it is standard input for the file options.
            o.output = v == "-" ? std::nullopt : std::optional<std::string>(v);
        }},
    OptionRow{"--top", "N", "all", k_output, "rank: show the first N rows", false,
        [](Options& o, std::string_view n, const std::string& v) { o.top = cli::parse_row_count(n, v); }, k_rank},
    OptionRow{"--sort", "KEY[:asc]", "rank", k_output, "rank: order rows by a CSV column, descending unless :asc", false,
        [](Options& o, std::string_view n, const std::string& v) { o.sort = cli::parse_sort_key(n, v); }, k_rank},
    OptionRow{"--color", "auto|always|never", "auto", k_output, "colour the table (auto: on a terminal without NO_COLOR)", false,
        [](Options& o, std::string_view n, const std::string& v) { o.color = cli::parse_color_mode(n, v); }},
    OptionRow{"-q,--quiet", "", "", k_output, "no warnings or progress on standard error (errors and the reason for exit 1 are still said)", false,
        [](Options& o, std::string_view, const std::string& v) { o.quiet = v == "true"; }},

    OptionRow{"--fire-at", "N", k_from_defaults, k_scoring, "toxicity from which a weak-margin client is fired", false,
        [](Options& o, std::string_view n, const std::string& v) { o.fire_at = cli::parse_non_negative(n, v); }},
    OptionRow{"--watch-at", "N", k_from_defaults, k_scoring, "toxicity from which a client is watched", false,
        [](Options& o, std::string_view n, const std::string& v) { o.watch_at = cli::parse_non_negative(n, v); }},
    OptionRow{"--chase-days", "N", k_from_defaults, k_scoring, "days overdue from which a client is chased", false,
        [](Options& o, std::string_view n, const std::string& v) { o.chase_days = cli::parse_non_negative(n, v); }},
    OptionRow{"--thresholds", "NAME=OK:BAD,...", "see below", k_scoring, "components' ok/bad values (repeatable)", true,
        [](Options& o, std::string_view n, const std::string& v) { cli::apply_thresholds(n, v, o.thresholds); }},
    OptionRow{"--weights", "NAME=N,...", "1 each", k_scoring, "toxicity weights of the components (repeatable)", true,
        [](Options& o, std::string_view n, const std::string& v) { cli::apply_weights(n, v, o.weights); }},
    OptionRow{"--fail-on", "VERDICT", "none", k_scoring, "exit 1 if a client gets watch|reprice|chase|fire or worse", false,
        [](Options& o, std::string_view n, const std::string& v) { o.fail_on = cli::parse_fail_on(n, v); }},
    OptionRow{"--aging", "D1,D2,...", "30,60,90", k_scoring,
              "upper bounds in days of the aging buckets, ascending: 1_D1, D1+1_D2, ..., over_Dn", false,
        [](Options& o, std::string_view n, const std::string& v) { o.aging = cli::parse_aging(n, v); }},
    OptionRow{"--baseline", "FILE", "none", k_scoring,
              "JSON of an earlier rank --format json: each client's change against it", false,
        [](Options& o, std::string_view n, const std::string& v) {
            if (v.empty()) {
                throw UsageError(fmt::format("{}: empty file name", n),
                                 "name the JSON file of an earlier clientscore rank --format json -o FILE");
            }
            o.baseline_file = v;
        }},
    OptionRow{"--fail-on-change", "VERDICT", "none", k_scoring,
              "with --baseline: exit 1 if a client reaches this verdict or a worse one it did not have", false,
        [](Options& o, std::string_view n, const std::string& v) { o.fail_on_change = cli::parse_fail_on(n, v); }},
};
// clang-format on

struct CommandRow {
    Command command;
    std::string_view name;
    std::string_view description;
    bool takes_client;
    std::uint8_t bit;
    std::array<std::string_view, 2> examples;
    std::string_view exit_codes;
};

constexpr std::array k_command_rows = {
    CommandRow{
        Command::rank,
        "rank",
        "ranked table of all clients (the default command)",
        false,
        k_rank,
        {"clientscore rank exports/ --from 2026-09-01",
         "clientscore rank exports/ --top 10 --sort margin_pct:asc --format csv"},
        "0 done, 1 --fail-on or --fail-on-change matched, 2 usage error, 3 input error (a file, a column, too many "
        "bad rows, a --baseline that is no rank report), "
        "4 output error"},
    CommandRow{Command::explain,
               "explain",
               "one client: every metric, the reasons, the action, month by month",
               true,
               k_explain,
               {"clientscore explain C018 exports/",
                "clientscore explain C018 exports/ --month 2026-10 --format json -o C018.json"},
               "0 done, 1 --fail-on or --fail-on-change matched, 2 usage error, 3 input error (an unknown CLIENT "
               "included), "
               "4 output error"},
    CommandRow{Command::evidence,
               "evidence",
               "one client's chronological log of calls, emails, invoices, discounts",
               true,
               k_evidence,
               {"clientscore evidence C018 exports/",
                "clientscore evidence C018 --calls calls.csv --format csv -o C018.csv"},
               "0 done, 2 usage error, 3 input error (an unknown CLIENT included), 4 output error"},
    CommandRow{Command::check,
               "check",
               "validate the exports: files, mapping, row counts, date range, problems",
               false,
               k_check,
               {"clientscore check exports/",
                "clientscore check --invoices ledger.csv --map 'invoices.amount=Total (EUR)'"},
               "0 every file can be read, 2 usage error, 3 a file cannot be used (named in the report), "
               "4 output error"},
};

std::string shown_default(const OptionRow& row) {
    if (row.default_text != k_from_defaults) {
        return std::string(row.default_text);
    }
    const std::string_view name = row.names;
    if (name == "--max-bad-rows") {
        return fmt::format("{},{}%", defaults::max_bad_rows, defaults::max_bad_percent);
    }
    const double value = name == "--hourly-cost"     ? defaults::hourly_cost
                         : name == "--email-minutes" ? defaults::email_minutes
                         : name == "--fire-at"       ? defaults::fire_at
                         : name == "--watch-at"      ? defaults::watch_at
                         : name == "--chase-days"    ? defaults::chase_days
                                                     : defaults::target_margin;
    return name == "--target-margin" ? fmt::format("{:.2f}", value) : fmt::format("{}", value);
}

std::uint8_t commands_of(const OptionRow& row) {
    if (row.commands != k_by_group) {
        return row.commands;
    }
    for (const GroupRow& group : k_groups) {
        if (group.name == row.group) {
            return group.commands;
        }
    }
    return k_every_command;  // a row in no listed group is never hidden
}

/// The long name of a row without its dashes: "output" for "-o,--output" (the config key).
std::string_view key_of(const OptionRow& row) {
    const std::string_view names = row.names;
    return names.substr(names.rfind("--") + 2);
}

constexpr std::size_t k_help_width = 80;
constexpr std::size_t k_help_column = 30;  // where descriptions start

/// `text` wrapped to the help width after `indent` columns, every line but the first indented.
std::string wrapped(std::string_view text, std::size_t indent) {
    const std::string body = render::wrap_words(text, k_help_width - indent);
    std::string out;
    for (const char c : body) {
        out += c;
        if (c == '\n') {
            out += std::string(indent, ' ');
        }
    }
    return out;
}

/// One entry of a list: "  LEFT" then the description at k_help_column (on the next line when
/// LEFT reaches it), wrapped under itself.
std::string help_entry(std::string_view left, std::string_view description) {
    std::string out = fmt::format("  {}", left);
    if (out.size() + 2 > k_help_column) {
        out += "\n" + std::string(k_help_column, ' ');
    } else {
        out += std::string(k_help_column - out.size(), ' ');
    }
    return out + wrapped(description, k_help_column) + "\n";
}

std::string option_left(const OptionRow& row) {
    std::string left;
    std::string_view names = row.names;
    // "-o,--output" reads "-o, --output".
    for (std::size_t comma = names.find(','); comma != std::string_view::npos; comma = names.find(',')) {
        left += fmt::format("{}, ", names.substr(0, comma));
        names.remove_prefix(comma + 1);
    }
    left += names;
    if (!row.value_name.empty()) {
        left += fmt::format(" {}", row.value_name);
    }
    if (!row.default_text.empty()) {
        left += fmt::format(" [{}]", shown_default(row));
    }
    return left;
}

/// The options `commands` take, by group in the order of k_groups.
std::string options_help(std::uint8_t commands) {
    std::string out;
    for (const GroupRow& group : k_groups) {
        std::string rows;
        for (const OptionRow& row : k_option_rows) {
            if (row.group == group.name && (commands_of(row) & commands) != 0) {
                rows += help_entry(option_left(row), row.description);
            }
        }
        if (!rows.empty()) {
            out += fmt::format("\n{} options:\n{}", group.name, rows);
        }
    }
    return out;
}

/// The options CLI11 or parse_command_line handle themselves, outside k_option_rows.
struct GeneralRow {
    std::string_view short_name;
    std::string_view long_name;
    std::string_view value_name;
    std::string_view description;
};
constexpr std::array k_general_rows = {
    GeneralRow{"-h", "--help", "", "print this help and exit"},
    GeneralRow{"-V", "--version", "", "print the version, and those of the libraries it was built with"},
    GeneralRow{"", "--config", "FILE", "TOML file of options under their long names (hourly-cost = 75)"},
};

std::string general_options_help() {
    std::string out = "\nGeneral options:\n";
    for (const GeneralRow& row : k_general_rows) {
        std::string left = row.short_name.empty() ? std::string() : fmt::format("{}, ", row.short_name);
        left += row.long_name;
        if (!row.value_name.empty()) {
            left += fmt::format(" {}", row.value_name);
        }
        out += help_entry(left, row.description);
    }
    return out;
}

std::string thresholds_sentence() {
    std::vector<std::string> thresholds;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        thresholds.push_back(fmt::format("{}={}:{}", k_component_names[i], defaults::thresholds[i].ok,
                                         defaults::thresholds[i].bad));
    }
    return fmt::format("Threshold defaults (OK:BAD): {}. Weight and threshold names: {}.", fmt::join(thresholds, " "),
                       fmt::join(k_component_names, ", "));
}

std::string thresholds_help() { return wrapped(thresholds_sentence(), 0) + "\n"; }

std::string config_help() {
    return wrapped(
               "Options may stand before or after the command. Every option may also be set in the --config "
               "file under its long name (hourly-cost = 75), at the top level or in a [COMMAND] table for "
               "one "
               "command; the command line wins.",
               0) +
           "\n";
}

constexpr std::string_view k_sort_keys_note = "the aging_ keys follow --aging; the change_ keys need --baseline";

/// Every --sort key, from the metric table: the default aging buckets (--aging renames them)
/// and, with --baseline, the change columns.
std::vector<std::string> sort_keys() {
    std::vector<std::string> keys;
    for (const ClientColumn& column : client_table(ColumnShape{AgingBuckets{}, true}).columns()) {
        keys.push_back(column.key);
    }
    return keys;
}

/// `rank --help` ends with every --sort key, from the metric table, wrapped at 80 columns: the
/// default aging buckets (--aging renames them) and, with --baseline, the change columns.
std::string sort_keys_help() {
    std::string keys;
    for (const std::string& key : sort_keys()) {
        keys += " " + key;
    }
    return wrapped("Sort keys (--sort KEY[:asc]):" + keys + " (" + std::string(k_sort_keys_note) + ")", 1) + "\n";
}

std::string command_usage(const CommandRow& row) {
    return fmt::format("Usage: clientscore {} [OPTIONS]{} [DIR]\n", row.name,
                       row.takes_client ? " CLIENT" : "");
}

std::string command_help(const CommandRow& row) {
    std::string out = command_usage(row);
    out += "\n" +
           wrapped(fmt::format("{}{}.", static_cast<char>(std::toupper(row.description.front())),
                               row.description.substr(1)),
                   0) +
           "\n\nArguments:\n";
    if (row.takes_client) {
        out += help_entry("CLIENT", "client id as in the exports, or a name from the client list");
    }
    out += help_entry("DIR", "folder of exports (default: the current folder)");
    out += general_options_help() + options_help(row.bit);
    out += "\n";
    if ((row.bit & (k_rank | k_explain)) != 0) {
        out += thresholds_help();
    }
    out += config_help();
    if (row.command == Command::rank) {
        out += sort_keys_help();
    }
    out += fmt::format("\nExamples:\n  {}\n  {}\n", row.examples[0], row.examples[1]);
    out += "\n" + wrapped(fmt::format("Exit codes: {}.", row.exit_codes), 0) + "\n";
    return out;
}

std::string program_help() {
    std::string out =
        "Usage: clientscore [OPTIONS] [COMMAND] [ARGS]\n"
        "       clientscore [OPTIONS] [DIR]          (runs rank)\n"
        "       clientscore help [COMMAND]           (the same as COMMAND --help)\n\n";
    out +=
        wrapped(
            "Scores clients from CRM and billing CSV exports: which cost more than they bring, and what to "
            "do about each.",
            0) +
        "\n\nCommands:\n";
    for (const CommandRow& row : k_command_rows) {
        out += help_entry(
            row.takes_client ? fmt::format("{} CLIENT [DIR]", row.name) : fmt::format("{} [DIR]", row.name),
            row.description);
    }
    out += general_options_help();
    out += "\n" +
           wrapped(
               "The options of rank, the default command, are all the options; clientscore help COMMAND "
               "lists those each command takes.",
               0) +
           "\n";
    out += options_help(k_every_command) + "\n" + thresholds_help() + config_help();
    out += "\nExamples:\n  clientscore exports/\n  clientscore help explain\n";
    out +=
        "\n" +
        wrapped("Exit codes: 0 done, 1 --fail-on or --fail-on-change matched, 2 usage error, 3 input error, 4 "
                "output error.",
                0) +
        "\n";
    return out;
}

/// CLI11 asks its formatter for the help of the program or of a command; the text comes from
/// the tables above rather than from CLI11's registry, so that each command lists only the
/// options it takes, grouped, wrapped at 80 columns.
class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        if (mode != CLI::AppFormatMode::Normal) {
            return CLI::Formatter::make_help(app, std::move(name), mode);
        }
        for (const CommandRow& row : k_command_rows) {
            if (app->get_parent() != nullptr && app->get_name() == row.name) {
                return command_help(row);
            }
        }
        return program_help();
    }
};

std::string version_text() {
    return fmt::format(
        "clientscore {}\n"
        "built with:\n"
        "  fmt {}.{}.{}\n"
        "  CLI11 {}\n"
        "  date {}\n"
        "  nlohmann json {}.{}.{}\n"
        "  zlib {}\n"
        "  utf8proc {}.{}.{}\n"
        "  toml++ {}.{}.{}",
        CLIENTSCORE_VERSION, FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100, CLI11_VERSION,
        CLIENTSCORE_DATE_VERSION, NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
        NLOHMANN_JSON_VERSION_PATCH, ZLIB_VERSION, UTF8PROC_VERSION_MAJOR, UTF8PROC_VERSION_MINOR,
        UTF8PROC_VERSION_PATCH, TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH);
}

struct CommandOptions {
    const CommandRow* row = nullptr;
    CLI::App* app = nullptr;
    CLI::Option* client = nullptr;
    CLI::Option* dir = nullptr;
};

/// Every long option name without its dashes, for "did you mean" on the command line.
std::vector<std::string> command_line_names() {
    std::vector<std::string> names;
    for (const OptionRow& row : k_option_rows) {
        names.emplace_back(key_of(row));
    }
    for (const char* name : {"config", "help", "version"}) {
        names.emplace_back(name);
    }
    return names;
}

// An `X` without its order of words: "unexpected argument", "unknown option" + a hint.
[[noreturn]] void throw_extras(const std::vector<std::string>& extras, const std::string& fallback) {
    if (extras.empty()) {
        throw UsageError(fallback, "run clientscore --help for the usage");
    }
    const std::string& first = extras.front();
    if (first.size() > 1 && first[0] == '-') {
        const std::string name = first.substr(0, first.find('='));
        const std::size_t letters = name.find_first_not_of('-');
        if (letters == std::string::npos) {
            // `-=x`, `--=x`: no name at all (found by fuzz_pipeline; substr(npos) threw).
            throw UsageError(fmt::format("unknown option {}", first),
                             "run clientscore --help for the options");
        }
        const std::string bare = name.substr(letters);
        throw UsageError(fmt::format("unknown option {}", name),
                         cli::did_you_mean(cli::close_names(command_line_names(), bare), "--",
                                           "run clientscore --help for the options"));
    }
    throw UsageError(fmt::format("unexpected argument \"{}\"", first),
                     "usage: clientscore [OPTIONS] [COMMAND] [CLIENT] [DIR]; a DIR comes after the command");
}

const CommandRow* find_command(std::string_view name) {
    for (const CommandRow& row : k_command_rows) {
        if (row.name == name) {
            return &row;
        }
    }
    return nullptr;
}

/// The command `word` most likely misspells: same first letter, 1 or 2 edits away.
const CommandRow* misspelled_command(std::string_view word) {
    if (word.empty()) {
        return nullptr;
    }
    for (const CommandRow& row : k_command_rows) {
        const std::size_t distance = edit_distance(word, row.name);
        if (word.front() == row.name.front() && distance > 0 && distance <= 2) {
            return &row;
        }
    }
    return nullptr;
}

bool takes_value(std::string_view option) {
    if (option == "--config" || option == "-o") {
        return true;
    }
    for (const OptionRow& row : k_option_rows) {
        if (!row.value_name.empty() && option == fmt::format("--{}", key_of(row))) {
            return true;
        }
    }
    return false;
}

/// The words of `args` that are not options nor option values, with their index; those after
/// `--` are marked, as they are never commands.
struct Word {
    std::size_t index;
    bool after_dashes;
};

std::vector<Word> positional_words(const std::vector<std::string>& args) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            for (std::size_t k = i + 1; k < args.size(); ++k) {
                words.push_back({k, true});
            }
            break;
        }
        if (a.size() > 1 && a[0] == '-') {
            if (a.find('=') == std::string::npos && takes_value(a)) {
                ++i;  // the option's value, whatever it looks like
            }
            continue;
        }
        words.push_back({i, false});
    }
    return words;
}

// Before CLI11 sees argv: `help [COMMAND]` becomes `[COMMAND] --help`, and a word that misspells
// a command is a usage error naming the command meant (`clientscore explian C018 dir` would
// otherwise be a folder "explian" and an unexpected argument, `clientscore rnak` a missing folder).
std::vector<std::string> prepare_arguments(std::vector<std::string> args) {
    const std::vector<Word> words = positional_words(args);
    if (!words.empty() && !words.front().after_dashes && args[words.front().index] == "help") {
        if (words.size() == 1) {
            return {"--help"};
        }
        const std::string& name = args[words[1].index];
        if (find_command(name) != nullptr) {
            return {name, "--help"};
        }
        if (name == "help") {
            return {"--help"};
        }
        const CommandRow* near = misspelled_command(name);
        throw UsageError(fmt::format("help: unknown command \"{}\"", name),
                         near != nullptr ? fmt::format("did you mean clientscore help {}?", near->name)
                                         : std::string("the commands are rank, explain, evidence and check"));
    }
    bool client_next = false;
    for (const Word& word : words) {
        const std::string& text = args[word.index];
        if (client_next) {
            client_next = false;  // a CLIENT id may look like anything
            continue;
        }
        if (const CommandRow* row = find_command(text); row != nullptr && !word.after_dashes) {
            client_next = row->takes_client;
            continue;
        }
        std::error_code ignored;
        if (word.after_dashes || text.find('/') != std::string::npos ||
            std::filesystem::exists(text, ignored)) {
            continue;  // a folder (or an explicit one after --)
        }
        if (const CommandRow* near = misspelled_command(text)) {
            throw UsageError(fmt::format("unknown command \"{}\" (and no folder of that name)", text),
                             fmt::format("did you mean the command {}?", near->name));
        }
    }
    return args;
}

// Tuning that changes no number: the tests compare one thread with several, cut small files
// into many slices and show the progress line at once through these.
void apply_environment(Options& o) {
    if (const char* env = std::getenv("CLIENTSCORE_THREADS")) {
        const long n = std::atol(env);
        if (n >= 1 && n <= 256) {
            o.threads = static_cast<unsigned>(n);
        }
    }
    if (const char* env = std::getenv("CLIENTSCORE_SLICE_BYTES")) {
        const long long n = std::atoll(env);
        if (n > 0) {
            o.slice_bytes = static_cast<std::uint64_t>(n);
        }
    }
    if (const char* env = std::getenv("CLIENTSCORE_PROGRESS_AFTER_MS")) {
        const long long n = std::atoll(env);
        if (n >= 0 && n <= 3'600'000) {
            o.progress_after_ms = static_cast<std::uint32_t>(n);
        }
    }
}

/// Where a value of row `i` comes from: the command line's results, or the config file's entry.
struct ValueSource {
    std::vector<std::string> values;
    const cli::ConfigEntry* entry = nullptr;  ///< null: the command line
};

/// The config file's entry for each row that the running command applies: the top level (and
/// [default], the top level by another name), then the command's own table, which wins. Every
/// key and table is checked, those of other commands too, so a typo is found on any run.
std::vector<const cli::ConfigEntry*> config_entries(const cli::ConfigFile& file, const CommandRow& running) {
    std::vector<const cli::ConfigEntry*> chosen(k_option_rows.size(), nullptr);
    std::vector<std::string> keys;
    for (const OptionRow& row : k_option_rows) {
        keys.emplace_back(key_of(row));
    }
    auto row_of = [&](const cli::ConfigEntry& entry) {
        for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
            if (key_of(k_option_rows[i]) == entry.key) {
                return i;
            }
        }
        throw UsageError(
            fmt::format("{}: unknown key \"{}\"", entry.place, entry.key),
            cli::did_you_mean(cli::close_names(keys, entry.key), "",
                              "keys are the long option names without the dashes: hourly-cost = 75"));
    };
    std::vector<const cli::ConfigEntry*> top(k_option_rows.size(), nullptr);
    auto take_top = [&](const std::vector<cli::ConfigEntry>& entries) {
        for (const cli::ConfigEntry& entry : entries) {
            const std::size_t i = row_of(entry);
            if (top[i] != nullptr) {
                throw UsageError(
                    fmt::format("{}: key \"{}\" is set twice (first at line {})", entry.place, entry.key,
                                top[i]->line),
                    "set it once; for a repeatable option give a list: calls = [\"a.csv\", \"b.csv\"]");
            }
            top[i] = &entry;
        }
    };
    take_top(file.top);
    for (const auto& [name, entries] : file.tables) {
        if (name == "default") {
            take_top(entries);
            continue;
        }
        const CommandRow* command = find_command(name);
        if (command == nullptr) {
            const CommandRow* near = misspelled_command(name);
            throw UsageError(fmt::format("{}: unknown table [{}]", file.table_places.at(name), name),
                             near != nullptr
                                 ? fmt::format("did you mean [{}]?", near->name)
                                 : std::string("a table names a command: [rank], [explain], [evidence], "
                                               "[check]; other options stand at the top level"));
        }
        for (const cli::ConfigEntry& entry : entries) {
            const std::size_t i = row_of(entry);
            if ((commands_of(k_option_rows[i]) & command->bit) == 0) {
                throw UsageError(fmt::format("{}: {} does not take {}", entry.place, name, entry.key),
                                 fmt::format("clientscore help {} lists its options", name));
            }
            if (command == &running) {
                chosen[i] = &entry;
            }
        }
    }
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (chosen[i] == nullptr && top[i] != nullptr && (commands_of(k_option_rows[i]) & running.bit) != 0) {
            chosen[i] = top[i];
        }
    }
    return chosen;
}

// SPEC §1 ◆12: without --format the output's file name picks it; with both they must agree.
// check has neither html nor xlsx (SPEC §5).
void choose_output_format(Options& o, bool format_given) {
    if (o.output) {
        if (const auto picked = cli::format_of_file_name(*o.output)) {
            const auto& [extension, format] = *picked;
            if (!format_given) {
                o.format = format;
            } else if (format != o.format) {
                throw UsageError(
                    fmt::format("--format {} does not match --output {}, whose name ends in {}",
                                cli::output_format_name(o.format), *o.output, extension),
                    fmt::format("leave out --format (the name picks {}), or give the file another name",
                                cli::output_format_name(format)));
            }
        }
    }
    if (o.command == Command::check && (o.format == OutputFormat::html || o.format == OutputFormat::xlsx)) {
        throw UsageError(fmt::format("check has no {} output", cli::output_format_name(o.format)),
                         "check prints table, json, csv, tsv or markdown");
    }
}

// The hidden modes the build runs (CMakeLists.txt) to write the man page and the completions:
// not in --help, since they are for packagers, and kept out of k_option_rows so that neither
// the config file nor the completions offer them.
std::optional<ParsedCommandLine> print_generated(int argc, const char* const* argv) {
    if (argc < 2) {
        return std::nullopt;
    }
    const std::string_view mode = argv[1];
    ParsedCommandLine done;
    done.exit_now = true;
    if (mode == "--print-man") {
        if (argc != 2) {
            throw UsageError("--print-man takes no argument", "clientscore --print-man > clientscore.1");
        }
        std::cout << cli::man_page(cli::command_line_reference());
    } else if (mode == "--print-completion") {
        const std::optional<cli::Shell> shell = argc == 3 ? cli::parse_shell(argv[2]) : std::nullopt;
        if (!shell) {
            throw UsageError("--print-completion needs one shell: bash, zsh or fish",
                             "source <(clientscore --print-completion bash)");
        }
        std::cout << cli::completion_script(*shell, cli::command_line_reference());
    } else {
        return std::nullopt;
    }
    std::cout.flush();
    if (!std::cout) {
        throw OutputError("standard output: cannot write");
    }
    return done;
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv) {
    if (std::optional<ParsedCommandLine> done = print_generated(argc, argv)) {
        return std::move(*done);
    }
    CLI::App app{
        "Scores clients from CRM and billing CSV exports: which cost more than they bring, and what to do "
        "about each.",
        "clientscore"};
    app.formatter(std::make_shared<HelpFormatter>());
    app.set_help_flag("-h,--help", "print this help and exit");
    app.set_version_flag("-V,--version", version_text(), "print the version and exit");
    // The config file is read after the command line (cli/config_file.cpp, toml++), not by
    // CLI11's reader: that one is a line-based subset of TOML that misreads '#', tables and more.
    CLI::Option* config_option =
        app.add_option("--config")->type_name("FILE")->expected(1)->allow_extra_args(false);
    config_option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.require_subcommand(0, 1);

    std::vector<CLI::Option*> options;
    for (const OptionRow& row : k_option_rows) {
        CLI::Option* option = row.value_name.empty() ? app.add_flag(std::string(row.names))
                                                     : app.add_option(std::string(row.names));
        option->description(std::string(row.description));
        option->group(std::string(row.group));
        if (!row.value_name.empty()) {
            // One value per occurrence (`--calls a.csv b/` leaves b/ as the DIR) and every
            // occurrence kept, so that a second --format can be reported rather than dropped.
            option->type_name(std::string(row.value_name))->expected(1)->allow_extra_args(false);
        }
        option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        options.push_back(option);
    }

    // DIR before any command: `clientscore sample_data/` runs rank.
    CLI::Option* default_dir =
        app.add_option("DIR")->description("folder of exports (default: the current folder)");
    std::vector<CommandOptions> commands;
    for (const CommandRow& row : k_command_rows) {
        CommandOptions command{&row, app.add_subcommand(std::string(row.name), std::string(row.description))};
        command.app->fallthrough();
        command.app->group("Commands");
        if (row.takes_client) {
            command.client = command.app->add_option("CLIENT")->description("client id as in the exports");
        }
        command.dir =
            command.app->add_option("DIR")->description("folder of exports (default: the current folder)");
        commands.push_back(command);
    }

    std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
    args = prepare_arguments(std::move(args));
    try {
        // CLI11 takes the arguments last first.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::Success& e) {
        // --help or --version: printed here, and the caller only returns the code.
        ParsedCommandLine done;
        done.exit_now = true;
        done.exit_code = app.exit(e, std::cout, std::cerr);
        return done;
    } catch (const CLI::ExtrasError& e) {
        throw_extras(app.remaining(true), e.what());
    } catch (const CLI::ArgumentMismatch& e) {
        // Every option of the table takes all its occurrences (counted below); what remains is
        // a missing value.
        const std::string what = e.what();
        const std::string name = what.substr(0, what.find(':'));
        throw UsageError(fmt::format("{}: needs a value", name),
                         "run clientscore --help for the options and their values");
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what(), "run clientscore --help for the usage");
    }

    ParsedCommandLine parsed;
    Options& o = parsed.options;
    const CommandRow* running = &k_command_rows.front();  // rank, the default
    for (const CommandOptions& command : commands) {
        if (app.got_subcommand(command.app)) {
            running = command.row;
        }
    }

    // Each row's values: the command line's, else the config file's (the command line wins).
    std::vector<ValueSource> sources(k_option_rows.size());
    for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
        if (options[i]->count() > 0) {
            sources[i].values = options[i]->results();
        }
    }
    std::optional<cli::ConfigFile> config;
    if (config_option->count() > 1) {
        throw UsageError("--config is given more than once", "give --config once");
    }
    if (config_option->count() == 1) {
        config = cli::read_config_file(config_option->results().front());
        const std::vector<const cli::ConfigEntry*> entries = config_entries(*config, *running);
        auto on_command_line = [&](std::string_view key) {
            for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
                if (key_of(k_option_rows[i]) == key) {
                    return options[i]->count() > 0;
                }
            }
            return false;
        };
        const bool month_given = on_command_line("month");
        const bool span_given = on_command_line("from") || on_command_line("to");
        for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
            const std::string_view key = key_of(k_option_rows[i]);
            // The file's --month yields to --from/--to on the command line, and the reverse, so
            // that "the command line wins" holds for the period too.
            if (entries[i] == nullptr || options[i]->count() > 0 || (key == "month" && span_given) ||
                ((key == "from" || key == "to") && month_given)) {
                continue;
            }
            sources[i].values = entries[i]->values;
            sources[i].entry = entries[i];
        }
    }

    const auto given = [&](std::string_view key) {
        for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
            if (key_of(k_option_rows[i]) == key) {
                return !sources[i].values.empty() || options[i]->count() > 0;
            }
        }
        return false;
    };
    if (given("month") && (given("from") || given("to"))) {
        throw UsageError("--month cannot be combined with --from or --to",
                         "give either --month YYYY-MM or --from/--to dates");
    }

    for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
        const OptionRow& row = k_option_rows[i];
        const CLI::Option* option = options[i];
        const ValueSource& source = sources[i];
        const std::string name = fmt::format("--{}", key_of(row));
        // A value from the file names its place: `clientscore.toml:3:1: --target-margin: …`.
        const std::string place = source.entry != nullptr ? source.entry->place + ": " : std::string();
        try {
            if (source.entry != nullptr && source.values.empty()) {
                throw UsageError(fmt::format("{}: needs a value", name), "an empty list gives no value");
            }
            if (source.entry == nullptr && option->count() == 0) {
                continue;
            }
            if (row.value_name.empty()) {
                bool on = false;
                if (source.entry != nullptr) {
                    // A TOML boolean, or the text "true"/"false" that CLI11's reader took too.
                    const std::string& value = source.values.front();
                    if (source.values.size() != 1 || (value != "true" && value != "false")) {
                        throw UsageError(fmt::format("{}: \"{}\" is not true or false", name, value),
                                         fmt::format("{} = true", key_of(row)));
                    }
                    on = value == "true";
                } else {
                    try {
                        on = option->as<bool>();
                    } catch (const CLI::ConversionError&) {
                        throw UsageError(
                            fmt::format("{}: \"{}\" is not true or false", name, option->results().back()),
                            fmt::format("give {} alone to turn it on", name));
                    }
                }
                row.apply(o, name, on ? "true" : "false");
                continue;
            }
            if (key_of(row) == "aging" && source.entry != nullptr && source.values.size() > 1) {
                // `aging = [15, 30, 60]` is the natural TOML for a list of bounds.
                std::string joined;
                for (const std::string& value : source.values) {
                    joined += (joined.empty() ? "" : ",") + value;
                }
                row.apply(o, name, joined);
                continue;
            }
            if (!row.repeatable && source.values.size() > 1) {
                throw UsageError(
                    fmt::format("{} is given {} times", name, source.values.size()),
                    source.entry != nullptr
                        ? std::string("give one value, not a list")
                        : std::string("give it once (the command line already wins over the config file)"));
            }
            for (const std::string& value : source.values) {
                row.apply(o, name, value);
            }
        } catch (const UsageError& e) {
            if (place.empty()) {
                throw;
            }
            throw UsageError(place + e.what(), e.hint());
        }
    }
    cli::check_weights("--weights", o.weights);
    if (o.fail_on_change && !o.baseline_file) {
        throw UsageError("--fail-on-change needs --baseline FILE",
                         "give the JSON of an earlier clientscore rank --format json as --baseline");
    }
    cli::check_sort_key("--sort", o.sort, client_table(ColumnShape{o.aging, o.baseline_file.has_value()}));
    if (const CLI::Option* config = app.get_config_ptr(); config != nullptr && !config->results().empty()) {
        o.config_file = config->results().front();
    }
    if (o.strict) {
        o.max_bad_rows = BadRowLimit{0, 0};
    }
    o.strict = o.max_bad_rows.none();
    if (o.from && o.to && *o.from > *o.to) {
        throw UsageError(fmt::format("--from {} is after --to {}", format_date(*o.from), format_date(*o.to)),
                         "the period runs from --from to --to, both inclusive");
    }

    o.command = running->command;
    choose_output_format(o, given("format"));
    for (const CommandOptions& command : commands) {
        if (!app.got_subcommand(command.app)) {
            continue;
        }
        if (default_dir->count() > 0) {
            // CLI11 hands arguments the command has no room for back to the program's DIR.
            throw_extras({default_dir->results().front()}, "unexpected argument");
        }
        if (command.client != nullptr) {
            if (command.client->count() == 0 || command.client->results().front().empty()) {
                throw UsageError(fmt::format("{} needs a CLIENT", command.row->name),
                                 fmt::format("usage: clientscore {} CLIENT [DIR]; rank lists the client ids",
                                             command.row->name));
            }
            o.client = command.client->results().front();
        }
        if (command.dir->count() > 0) {
            o.dir = command.dir->results().front();
        }
    }
    if (default_dir->count() > 0 && o.command == Command::rank && !o.dir) {
        o.dir = default_dir->results().front();
    }
    apply_environment(o);
    return parsed;
}

namespace cli {

namespace {

std::vector<std::string> command_names(std::uint8_t bits) {
    std::vector<std::string> names;
    for (const CommandRow& row : k_command_rows) {
        if ((bits & row.bit) != 0) {
            names.emplace_back(row.name);
        }
    }
    return names;
}

/// The words the value of `row` completes to; none for free text.
std::vector<std::string> completed_values(const OptionRow& row) {
    const std::string_view key = key_of(row);
    if (key == "sort") {
        return sort_keys();
    }
    if (key == "preset") {
        const std::vector<std::string_view> presets = ingest::preset_names();
        std::vector<std::string> names(presets.begin(), presets.end());
        names.emplace_back("none");
        return names;
    }
    if (key == "fail-on" || key == "fail-on-change") {
        // keep would match every client: parse_fail_on refuses it.
        return std::vector<std::string>(k_verdict_names.begin() + 1, k_verdict_names.end());
    }
    // A value name of alternatives (`auto|always|never`) lists them; one with `=` is a pattern
    // (`KIND.HEADER=V1|V2`), not a choice.
    const std::string_view value = row.value_name;
    if (value.find('|') == std::string_view::npos || value.find('=') != std::string_view::npos) {
        return {};
    }
    std::vector<std::string> values;
    for (std::string_view rest = value;;) {
        const std::size_t bar = rest.find('|');
        values.emplace_back(rest.substr(0, bar));
        if (bar == std::string_view::npos) {
            return values;
        }
        rest.remove_prefix(bar + 1);
    }
}

CommandLineReference build_reference() {
    CommandLineReference r;
    r.version = CLIENTSCORE_VERSION;
    r.summary =
        "Scores clients from CRM and billing CSV exports: which cost more than they bring, and what to do "
        "about each.";
    r.groups.emplace_back("General");
    for (const GroupRow& group : k_groups) {
        r.groups.emplace_back(group.name);
    }
    for (const CommandRow& row : k_command_rows) {
        r.commands.push_back(CommandInfo{std::string(row.name), std::string(row.description), row.takes_client,
                                         {row.examples.begin(), row.examples.end()}, std::string(row.exit_codes)});
    }
    for (const GeneralRow& row : k_general_rows) {
        OptionInfo option;
        option.short_name = row.short_name;
        option.long_name = row.long_name;
        option.value_name = row.value_name;
        option.group = "General";
        option.description = row.description;
        option.value_kind = row.value_name.empty() ? ValueKind::none : ValueKind::file;
        option.commands = command_names(k_every_command);
        r.options.push_back(std::move(option));
    }
    for (const GroupRow& group : k_groups) {
        for (const OptionRow& row : k_option_rows) {
            if (row.group != group.name) {
                continue;
            }
            OptionInfo option;
            const std::string_view names = row.names;
            if (const std::size_t comma = names.find(','); comma != std::string_view::npos) {
                option.short_name = names.substr(0, comma);
            }
            option.long_name = fmt::format("--{}", key_of(row));
            option.value_name = row.value_name;
            option.default_text = row.default_text.empty() ? std::string() : shown_default(row);
            option.group = row.group;
            option.description = row.description;
            option.repeatable = row.repeatable;
            option.values = completed_values(row);
            option.value_kind = row.value_name.empty()      ? ValueKind::none
                                : row.value_name == "FILE"  ? ValueKind::file
                                : !option.values.empty()    ? ValueKind::choice
                                                            : ValueKind::text;
            option.commands = command_names(commands_of(row));
            r.options.push_back(std::move(option));
        }
    }
    r.thresholds = thresholds_sentence();
    r.sort_keys_note = k_sort_keys_note;
    // The variables a user may set; those that only the tests use (slices, the progress delay)
    // are left out. apply_environment and app.cpp (NO_COLOR) read them.
    r.environment = {
        {"NO_COLOR", "When set and not empty, --color auto colours nothing."},
        {"CLIENTSCORE_THREADS", "Worker threads (1 to 256) for reading and measuring; the output does not depend on it."},
    };
    return r;
}

}  // namespace

const CommandLineReference& command_line_reference() {
    static const CommandLineReference k_reference = build_reference();
    return k_reference;
}

std::vector<const OptionInfo*> options_of(const CommandLineReference& reference, const std::string& command) {
    std::vector<const OptionInfo*> out;
    for (const OptionInfo& option : reference.options) {
        if (std::find(option.commands.begin(), option.commands.end(), command) != option.commands.end()) {
            out.push_back(&option);
        }
    }
    return out;
}

}  // namespace cli

}  // namespace clientscore

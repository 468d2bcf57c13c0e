// parse_command_line: the option table of SPEC §1 registered with CLI11, argv and the --config
// file parsed, and every value turned into Options through cli/option_values.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config_file.hpp"
#include "cli/option_values.hpp"
#include "clientscore/error.hpp"
#include "clientscore/metrics.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/options.hpp"

#ifndef CLIENTSCORE_VERSION
#error "CLIENTSCORE_VERSION must be defined by the build (CMakeLists.txt does)"
#endif

namespace clientscore {

namespace {

using Apply = void (*)(Options&, std::string_view option, const std::string& value);

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
};

template <Kind K>
void add_file(Options& o, std::string_view, const std::string& v) {
    o.files[static_cast<std::size_t>(K)].push_back(v);
}

constexpr std::string_view k_period = "Period";
constexpr std::string_view k_business = "Business";
constexpr std::string_view k_input = "Input";
constexpr std::string_view k_output = "Output";
constexpr std::string_view k_verdicts = "Verdicts";
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

    OptionRow{"--timezone", "ZONE", "none", k_business, "IANA zone of the business; offsets are converted to it", false,
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
        }},
    OptionRow{"--business-hours", "HH:MM-HH:MM", "09:00-18:00", k_business, "start inclusive, end exclusive; may wrap past midnight", false,
        [](Options& o, std::string_view n, const std::string& v) { o.business_hours = cli::parse_hours(n, v); }},
    OptionRow{"--business-days", "LIST", "Mon-Fri", k_business, "days or ranges, e.g. Sun-Thu or Mon-Wed,Fri", false,
        [](Options& o, std::string_view n, const std::string& v) { o.business_days = cli::parse_days(n, v); }},
    OptionRow{"--holidays", "FILE", "none", k_business, "CSV with a date column: non-business days", false,
        [](Options& o, std::string_view, const std::string& v) { o.holidays_file = v; }},
    OptionRow{"--hourly-cost", "N", k_from_defaults, k_business, "what one support hour costs the business", false,
        [](Options& o, std::string_view n, const std::string& v) { o.hourly_cost = cli::parse_non_negative(n, v); }},
    OptionRow{"--email-minutes", "N", k_from_defaults, k_business, "handling minutes charged for every email", false,
        [](Options& o, std::string_view n, const std::string& v) { o.email_minutes = cli::parse_non_negative(n, v); }},
    OptionRow{"--target-margin", "N", k_from_defaults, k_business, "margin share a healthy client must reach (0 to <1)", false,
        [](Options& o, std::string_view n, const std::string& v) { o.target_margin = cli::parse_margin_share(n, v); }},
    OptionRow{"--currency", "CODE", "the single currency seen", k_business, "reporting currency", false,
        [](Options& o, std::string_view n, const std::string& v) { o.currency = cli::parse_currency_code(n, v); }},
    OptionRow{"--fx", "FILE", "none", k_business, "CSV currency,rate: units of the reporting currency per unit", false,
        [](Options& o, std::string_view, const std::string& v) { o.fx_file = v; }},

    OptionRow{"--calls", "FILE", "", k_input, "calls export (repeatable; replaces discovery of calls)", true, add_file<Kind::calls>},
    OptionRow{"--emails", "FILE", "", k_input, "emails export (repeatable)", true, add_file<Kind::emails>},
    OptionRow{"--invoices", "FILE", "", k_input, "invoices export (repeatable)", true, add_file<Kind::invoices>},
    OptionRow{"--discounts", "FILE", "", k_input, "discounts export (repeatable)", true, add_file<Kind::discounts>},
    OptionRow{"--clients", "FILE", "", k_input, "client list (repeatable)", true, add_file<Kind::clients>},
    OptionRow{"--contacts", "FILE", "", k_input, "combined calls and emails log (repeatable)", true, add_file<Kind::contacts>},
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

    OptionRow{"--format", "table|json|csv|tsv|markdown", "table", k_output, "output format", false,
        [](Options& o, std::string_view n, const std::string& v) { o.format = cli::parse_output_format(n, v); }},
    OptionRow{"--output", "FILE", "standard output", k_output, "write the report to FILE (- is standard output)", false,
        [](Options& o, std::string_view n, const std::string& v) {
            if (v.empty()) {
                throw UsageError(fmt::format("{}: empty file name", n), "name a file, or - for standard output");
            }
            // `-` is standard output, as it is standard input for the file options.
            o.output = v == "-" ? std::nullopt : std::optional<std::string>(v);
        }},
    OptionRow{"--top", "N", "all", k_output, "rank: show the first N rows", false,
        [](Options& o, std::string_view n, const std::string& v) { o.top = cli::parse_row_count(n, v); }},
    OptionRow{"--sort", "KEY[:asc]", "rank", k_output, "rank: order rows by a CSV column, descending unless :asc", false,
        [](Options& o, std::string_view n, const std::string& v) { o.sort = cli::parse_sort_key(n, v); }},
    OptionRow{"--color", "auto|always|never", "auto", k_output, "colour the table (auto: on a terminal without NO_COLOR)", false,
        [](Options& o, std::string_view n, const std::string& v) { o.color = cli::parse_color_mode(n, v); }},
    OptionRow{"-q,--quiet", "", "", k_output, "no warnings or progress on standard error", false,
        [](Options& o, std::string_view, const std::string& v) { o.quiet = v == "true"; }},

    OptionRow{"--fire-at", "N", k_from_defaults, k_verdicts, "toxicity from which a weak-margin client is fired", false,
        [](Options& o, std::string_view n, const std::string& v) { o.fire_at = cli::parse_non_negative(n, v); }},
    OptionRow{"--watch-at", "N", k_from_defaults, k_verdicts, "toxicity from which a client is watched", false,
        [](Options& o, std::string_view n, const std::string& v) { o.watch_at = cli::parse_non_negative(n, v); }},
    OptionRow{"--chase-days", "N", k_from_defaults, k_verdicts, "days overdue from which a client is chased", false,
        [](Options& o, std::string_view n, const std::string& v) { o.chase_days = cli::parse_non_negative(n, v); }},
    OptionRow{"--thresholds", "NAME=OK:BAD,...", "see below", k_verdicts, "components' ok/bad values (repeatable)", true,
        [](Options& o, std::string_view n, const std::string& v) { cli::apply_thresholds(n, v, o.thresholds); }},
    OptionRow{"--weights", "NAME=N,...", "1 each", k_verdicts, "toxicity weights of the components (repeatable)", true,
        [](Options& o, std::string_view n, const std::string& v) { cli::apply_weights(n, v, o.weights); }},
    OptionRow{"--fail-on", "VERDICT", "none", k_verdicts, "exit 1 if a client gets watch|reprice|chase|fire or worse", false,
        [](Options& o, std::string_view n, const std::string& v) { o.fail_on = cli::parse_fail_on(n, v); }},
};
// clang-format on

struct CommandRow {
    Command command;
    std::string_view name;
    std::string_view description;
    bool takes_client;
};

constexpr std::array k_command_rows = {
    CommandRow{Command::rank, "rank", "ranked table of all clients (the default command)", false},
    CommandRow{Command::explain, "explain",
               "one client: every metric, the reasons, the action, month by month", true},
    CommandRow{Command::evidence, "evidence",
               "one client's chronological log of calls, emails, invoices, discounts", true},
    CommandRow{Command::check, "check",
               "validate the exports: files, mapping, row counts, date range, problems", false},
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

std::string footer() {
    std::vector<std::string> thresholds;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        thresholds.push_back(fmt::format("{}={}:{}", k_component_names[i], defaults::thresholds[i].ok,
                                         defaults::thresholds[i].bad));
    }
    return fmt::format(
        "Options may stand before or after the command; every option may also be set in the --config\n"
        "file under its long name (hourly-cost = 75), and the command line wins.\n"
        "Threshold defaults (OK:BAD): {} {} {}\n"
        "{} {}. Weight and threshold names: {},\n"
        "{}.",
        thresholds[0], thresholds[1], thresholds[2], thresholds[3], thresholds[4], fmt::join(k_component_names.begin(), k_component_names.begin() + 2, ", "),
        fmt::join(k_component_names.begin() + 2, k_component_names.end(), ", "));
}

/// `rank --help` ends with every --sort key, from the metric table, wrapped at 80 columns.
std::string sort_keys_help() {
    std::string out = "Sort keys (--sort KEY[:asc]):";
    std::size_t line = out.size();
    for (const ClientColumn& column : client_columns()) {
        if (line + 1 + column.key.size() > 79) {
            out += "\n ";
            line = 1;
        }
        out += " " + column.key;
        line += 1 + column.key.size();
    }
    return out + "\n";
}

/// The help text: commands first, then the options by group with their defaults as `[60]`; a
/// command's --help shows the global options too, because with fallthrough they work after the
/// command and `clientscore rank --help` is where a user looks for them.
class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_option_opts(const CLI::Option* option) const override {
        if (!option->nonpositional() || option->get_type_size() == 0) {
            return {};
        }
        std::string out = " " + option->get_type_name();
        if (!option->get_default_str().empty()) {
            out += " [" + option->get_default_str() + "]";
        }
        return out;
    }

    std::string make_usage(const CLI::App* app, std::string name) const override {
        if (app->get_parent() == nullptr) {
            return fmt::format(
                "Usage: {0} [OPTIONS] [COMMAND] [ARGS]\n       {0} [OPTIONS] [DIR]    (runs rank)\n", name);
        }
        std::string out = fmt::format("Usage: {} [OPTIONS]", name);
        for (const CLI::Option* option : app->get_options()) {
            if (!option->nonpositional()) {
                // CLIENT is checked after parsing (for a message of our own), so CLI11 does not
                // know it is required; the usage line says so.
                out += option->get_name() == "CLIENT" ? " CLIENT" : fmt::format(" [{}]", option->get_name());
            }
        }
        return out + "\n";
    }

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        if (mode != CLI::AppFormatMode::Normal) {
            return CLI::Formatter::make_help(app, std::move(name), mode);
        }
        std::ostringstream out;
        out << make_description(app) << make_usage(app, name);
        if (app->get_parent() == nullptr) {
            out << make_subcommands(app, mode) << make_positionals(app) << make_groups(app, mode)
                << make_footer(app);
        } else {
            out << make_positionals(app) << make_groups(app->get_parent(), mode)
                << make_footer(app->get_parent());
            if (app->get_name() == "rank") {
                out << "\n" << sort_keys_help();
            }
        }
        return out.str() + "\n";
    }
};

struct CommandOptions {
    const CommandRow* row = nullptr;
    CLI::App* app = nullptr;
    CLI::Option* client = nullptr;
    CLI::Option* dir = nullptr;
};

// An `X` without its order of words: "unexpected argument", "unknown option" + a hint.
[[noreturn]] void throw_extras(const CLI::App& app, const std::vector<std::string>& extras,
                               const std::string& fallback) {
    if (extras.empty()) {
        throw UsageError(fallback, "run clientscore --help for the usage");
    }
    const std::string& first = extras.front();
    if (first.size() > 1 && first[0] == '-') {
        const std::string name = first.substr(0, first.find('='));
        const std::size_t letters = name.find_first_not_of('-');
        if (letters == std::string::npos) {
            // `-=x`, `--=x`: no name at all (found by fuzz_pipeline; substr(npos) threw).
            throw UsageError(fmt::format("unknown option {}", first), "run clientscore --help for the options");
        }
        const std::string bare = name.substr(letters);
        const std::string near = cli::closest_option(app, bare);
        throw UsageError(fmt::format("unknown option {}", name),
                         near.empty() ? std::string("run clientscore --help for the options")
                                      : fmt::format("did you mean --{}?", near));
    }
    throw UsageError(fmt::format("unexpected argument \"{}\"", first),
                     "usage: clientscore [OPTIONS] [COMMAND] [CLIENT] [DIR]; a DIR comes after the command");
}

// `clientscore rnak` would otherwise fail as a missing folder "rnak" with no word about the
// command the user most likely meant.
void check_not_a_mistyped_command(const std::string& dir) {
    std::error_code ignored;
    if (dir.empty() || dir.find('/') != std::string::npos || std::filesystem::exists(dir, ignored)) {
        return;
    }
    for (const CommandRow& row : k_command_rows) {
        const std::size_t distance = edit_distance(dir, row.name);
        // Distance 0 only arrives after `--` (`clientscore -- rank`): a folder was meant.
        if (dir.front() == row.name.front() && distance > 0 && distance <= 2) {
            // SPEC §1 makes a missing DIR an input error; the hint names the likely command.
            throw InputError(Location{dir, 0, ""}, "no such folder, and no command of that name",
                             fmt::format("did you mean the command {}?", row.name));
        }
    }
}

// Tuning that changes no number: the tests compare one thread with several and cut small files
// into many slices through these.
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
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv) {
    CLI::App app{
        "Scores clients from CRM and billing CSV exports: which cost more than they bring, and what to do "
        "about each.",
        "clientscore"};
    app.formatter(std::make_shared<HelpFormatter>());
    app.get_formatter()->column_width(40);
    app.get_formatter()->label("Subcommands", "Commands");
    app.get_formatter()->label("Positionals", "Arguments");
    app.footer(footer());
    app.set_help_flag("-h,--help", "print this help and exit");
    app.set_version_flag("--version", "clientscore " CLIENTSCORE_VERSION, "print the version and exit");
    app.set_config("--config", "", "TOML file of options under their long names", false)->type_name("FILE");
    app.config_formatter(std::make_shared<cli::ConfigReader>(app));
    app.allow_config_extras(CLI::config_extras_mode::error);
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
        if (!row.default_text.empty()) {
            option->default_str(shown_default(row));
        }
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        // --help or --version: printed here, and the caller only returns the code.
        ParsedCommandLine done;
        done.exit_now = true;
        done.exit_code = app.exit(e, std::cout, std::cerr);
        return done;
    } catch (const CLI::ExtrasError& e) {
        throw_extras(app, app.remaining(true), e.what());
    } catch (const CLI::FileError& e) {
        const CLI::Option* config = app.get_config_ptr();
        throw UsageError(
            fmt::format("--config: cannot read {}",
                        config->results().empty() ? std::string(e.what()) : config->results().front()),
            "check the file's path and permissions");
    } catch (const CLI::ArgumentMismatch& e) {
        // Every option of the table takes all its occurrences (counted below); what remains is
        // a missing value, or --config given twice.
        const std::string what = e.what();
        const std::string name = what.substr(0, what.find(':'));
        if (what.find("At Most") != std::string::npos) {
            throw UsageError(fmt::format("{} is given more than once", name),
                             fmt::format("give {} once", name));
        }
        throw UsageError(fmt::format("{}: needs a value", name),
                         "run clientscore --help for the options and their values");
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what(), "run clientscore --help for the usage");
    }

    ParsedCommandLine parsed;
    Options& o = parsed.options;
    const auto count_of = [&](std::string_view long_name) {
        for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
            if (k_option_rows[i].names.ends_with(long_name)) {
                return options[i]->count();
            }
        }
        return std::size_t{0};
    };
    if (count_of("--month") > 0 && (count_of("--from") > 0 || count_of("--to") > 0)) {
        throw UsageError("--month cannot be combined with --from or --to",
                         "give either --month YYYY-MM or --from/--to dates");
    }

    for (std::size_t i = 0; i < k_option_rows.size(); ++i) {
        const OptionRow& row = k_option_rows[i];
        const CLI::Option* option = options[i];
        const std::string name =
            option->get_name(false, true).substr(option->get_name(false, true).rfind(',') + 1);
        if (option->count() == 0) {
            continue;
        }
        if (row.value_name.empty()) {
            bool on = false;
            try {
                on = option->as<bool>();
            } catch (const CLI::ConversionError&) {
                throw UsageError(
                    fmt::format("{}: \"{}\" is not true or false", name, option->results().back()),
                    fmt::format("give {} alone to turn it on", name));
            }
            row.apply(o, name, on ? "true" : "false");
            continue;
        }
        if (!row.repeatable && option->results().size() > 1) {
            throw UsageError(fmt::format("{} is given {} times", name, option->results().size()),
                             "give it once (the command line already wins over the config file)");
        }
        for (const std::string& value : option->results()) {
            row.apply(o, name, value);
        }
    }
    cli::check_weights("--weights", o.weights);
    if (o.strict) {
        o.max_bad_rows = BadRowLimit{0, 0};
    }
    o.strict = o.max_bad_rows.none();
    if (o.from && o.to && *o.from > *o.to) {
        throw UsageError(fmt::format("--from {} is after --to {}", format_date(*o.from), format_date(*o.to)),
                         "the period runs from --from to --to, both inclusive");
    }

    for (const CommandOptions& command : commands) {
        if (!app.got_subcommand(command.app)) {
            continue;
        }
        o.command = command.row->command;
        if (default_dir->count() > 0) {
            // CLI11 hands arguments the command has no room for back to the program's DIR.
            throw_extras(app, {default_dir->results().front()}, "unexpected argument");
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
        check_not_a_mistyped_command(*o.dir);
    }
    apply_environment(o);
    return parsed;
}

}  // namespace clientscore

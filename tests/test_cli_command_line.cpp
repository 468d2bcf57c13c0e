#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/options.hpp"
#include "cli_parse.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;
using clientscore::testing::options_of;
using clientscore::testing::parse;
using clientscore::testing::usage_error_of;

namespace {

// --help and --version print to standard output; the tests read what was printed.
struct CapturedOutput {
    ParsedCommandLine parsed;
    std::string text;
};
CapturedOutput parse_capturing(std::vector<std::string> args) {
    std::ostringstream captured;
    std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
    CapturedOutput out;
    try {
        out.parsed = parse(std::move(args));
    } catch (...) {
        std::cout.rdbuf(old);
        throw;
    }
    std::cout.rdbuf(old);
    out.text = captured.str();
    return out;
}

}  // namespace

TEST_CASE("cli::parse_command_line", "[cli]") {
    SECTION("no arguments: rank with every default") {
        const Options o = options_of({});
        CHECK(o.command == Command::rank);
        CHECK_FALSE(o.dir);
        CHECK(o.client.empty());
        CHECK_FALSE(o.from);
        CHECK_FALSE(o.to);
        CHECK_FALSE(o.as_of);
        CHECK(o.time_zone.empty());
        CHECK(o.business_hours.start_minute == 9 * 60);
        CHECK(o.business_hours.end_minute == 18 * 60);
        CHECK(o.business_days == 0x1F);
        CHECK(o.hourly_cost == 60);
        CHECK(o.email_minutes == 5);
        CHECK(o.target_margin == Approx(0.30));
        CHECK(o.currency.empty());
        CHECK(o.preset.empty());
        CHECK(o.encoding == "utf-8");
        CHECK(o.date_order == DateOrder::automatic);
        CHECK(o.decimal == DecimalMode::automatic);
        CHECK(o.format == OutputFormat::table);
        CHECK_FALSE(o.output);
        CHECK_FALSE(o.top);
        CHECK(o.sort.key == "rank");
        CHECK_FALSE(o.sort.ascending);
        CHECK_FALSE(o.strict);
        CHECK_FALSE(o.fail_on);
        CHECK(o.color == ColorMode::automatic);
        CHECK_FALSE(o.quiet);
        CHECK(o.fire_at == 60);
        CHECK(o.watch_at == 30);
        CHECK(o.chase_days == 60);
        CHECK(o.weights == std::array<double, k_component_count>{1, 1, 1, 1, 1});
        for (const auto& files : o.files) {
            CHECK(files.empty());
        }
        CHECK(o.mappings.empty());
    }

    SECTION("rank is the default command: a bare DIR, or options only") {
        Options o = options_of({"sample_data/"});
        CHECK(o.command == Command::rank);
        CHECK(o.dir == "sample_data/");
        o = options_of({"--format", "json"});
        CHECK(o.command == Command::rank);
        CHECK(o.format == OutputFormat::json);
        o = options_of({"--format", "json", "sample_data/", "--top", "3"});
        CHECK(o.dir == "sample_data/");
        CHECK(o.top == 3);
    }

    SECTION("each command and its arguments") {
        Options o = options_of({"rank", "d"});
        CHECK(o.command == Command::rank);
        CHECK(o.dir == "d");
        o = options_of({"explain", "ACME-1", "d"});
        CHECK(o.command == Command::explain);
        CHECK(o.client == "ACME-1");
        CHECK(o.dir == "d");
        o = options_of({"evidence", "ACME-1"});
        CHECK(o.command == Command::evidence);
        CHECK(o.client == "ACME-1");
        CHECK_FALSE(o.dir);
        o = options_of({"check"});
        CHECK(o.command == Command::check);
        CHECK_FALSE(o.dir);
        o = options_of({"check", "exports"});
        CHECK(o.dir == "exports");
    }

    SECTION("options before and after the command mean the same") {
        const Options before = options_of({"--format", "csv", "--top", "5", "-q", "rank", "d"});
        const Options after = options_of({"rank", "d", "--format", "csv", "--top", "5", "-q"});
        const Options between = options_of({"rank", "--format", "csv", "d", "--top=5", "--quiet"});
        for (const Options* o : {&before, &after, &between}) {
            CHECK(o->command == Command::rank);
            CHECK(o->dir == "d");
            CHECK(o->format == OutputFormat::csv);
            CHECK(o->top == 5);
            CHECK(o->quiet);
        }
        const Options explain = options_of({"explain", "--hourly-cost", "80", "ACME", "--strict", "d"});
        CHECK(explain.client == "ACME");
        CHECK(explain.dir == "d");
        CHECK(explain.hourly_cost == 80);
        CHECK(explain.strict);
        const Options first = options_of({"--strict", "--hourly-cost=80", "explain", "ACME", "d"});
        CHECK(first.client == "ACME");
        CHECK(first.hourly_cost == 80);
        CHECK(first.strict);
    }

    SECTION("explain and evidence need a CLIENT") {
        const UsageError e = usage_error_of({"explain"});
        CHECK_THAT(e.what(), Contains("explain needs a CLIENT"));
        CHECK_THAT(e.hint(), Contains("clientscore explain CLIENT [DIR]"));
        CHECK_THROWS_WITH(parse({"evidence", "--format", "json"}), Contains("evidence needs a CLIENT"));
    }

    SECTION("extra arguments, unknown options and missing values are usage errors") {
        CHECK_THROWS_WITH(parse({"rank", "a", "b"}), Contains("unexpected argument \"b\""));
        CHECK_THROWS_WITH(parse({"a", "b"}), Contains("unexpected argument \"b\""));
        CHECK_THROWS_WITH(parse({"d", "rank"}), Contains("unexpected argument \"d\""));
        CHECK_THROWS_WITH(parse({"explain", "c", "d", "e"}), Contains("unexpected argument \"e\""));
        const UsageError unknown = usage_error_of({"rank", "--hourly-costs", "5"});
        CHECK_THAT(unknown.what(), Contains("unknown option --hourly-costs"));
        CHECK_THAT(unknown.hint(), Contains("did you mean --hourly-cost?"));
        CHECK_THROWS_WITH(parse({"--bogus=1"}), Contains("unknown option --bogus"));
        CHECK_THROWS_WITH(parse({"--format"}), Contains("--format: needs a value"));
        CHECK_THROWS_WITH(parse({"rank", "--top"}), Contains("--top: needs a value"));
    }

    SECTION("a near miss of a command that names no folder is a usage error naming the command") {
        const UsageError e = usage_error_of({"rnak", "dir"});
        CHECK_THAT(e.what(), Contains("unknown command \"rnak\""));
        CHECK_THAT(e.hint(), Contains("did you mean the command rank?"));
        // Anywhere among the words: after options, before a CLIENT, after a folder.
        CHECK_THAT(usage_error_of({"explian", "C018", "dir"}).hint(), Contains("explain"));
        CHECK_THAT(usage_error_of({"--top", "3", "explian"}).hint(), Contains("explain"));
        CHECK_THAT(usage_error_of({"--format", "json", "evidnce", "C1"}).hint(), Contains("evidence"));
        CHECK_THAT(usage_error_of({"rank", "chekc"}).hint(), Contains("check"));
        // An option's value and a CLIENT are not commands, however they are spelled.
        CHECK(options_of({"--preset", "rnak"}).preset == "rnak");
        CHECK(options_of({"explain", "rnak"}).client == "rnak");
        // A real folder, a path, or a word unlike any command is a DIR.
        CHECK(options_of({"./rnak"}).dir == "./rnak");
        CHECK(options_of({"exports-2024"}).dir == "exports-2024");
        CHECK(options_of({"--", "rank"}).dir == "rank");
    }

    SECTION("flags take true or false") {
        CHECK(options_of({"--strict=true"}).strict);
        CHECK_FALSE(options_of({"--strict=false"}).strict);
        CHECK_THROWS_WITH(parse({"--strict=maybe"}), Contains("--strict: \"maybe\" is not true or false"));
    }

    SECTION("short unknown options get no far-fetched suggestion") {
        const UsageError e = usage_error_of({"-x"});
        CHECK_THAT(e.what(), Contains("unknown option -x"));
        CHECK_THAT(e.hint(), Contains("--help"));
    }

    SECTION("a single-valued option given twice is an error") {
        CHECK_THROWS_WITH(parse({"--format", "json", "rank", "--format", "csv"}),
                          Contains("--format is given 2 times"));
    }

    SECTION("--help for the program and for a command prints the options with defaults") {
        const CapturedOutput main_help = parse_capturing({"--help"});
        CHECK(main_help.parsed.exit_now);
        CHECK(main_help.parsed.exit_code == 0);
        CHECK_THAT(main_help.text, Contains("--hourly-cost N [60]"));
        CHECK_THAT(main_help.text, Contains("--business-hours"));
        CHECK_THAT(main_help.text, Contains("[09:00-18:00]"));
        CHECK_THAT(main_help.text, Contains("explain"));
        CHECK_THAT(main_help.text, Contains("evidence"));
        CHECK_THAT(main_help.text, Contains("--weights"));
        const CapturedOutput rank_help = parse_capturing({"rank", "--help"});
        CHECK(rank_help.parsed.exit_now);
        CHECK(rank_help.parsed.exit_code == 0);
        CHECK_THAT(rank_help.text, Contains("Usage: clientscore rank [OPTIONS] [DIR]"));
        CHECK_THAT(rank_help.text, Contains("--hourly-cost N [60]"));
        CHECK_THAT(rank_help.text, Contains("--top N [all]"));
        const CapturedOutput explain_help = parse_capturing({"-h", "explain"});
        CHECK_THAT(explain_help.text, Contains("Usage: clientscore explain [OPTIONS] CLIENT [DIR]"));
        CHECK_THAT(explain_help.text, Contains("--fail-on"));
    }

    SECTION("--version") {
        const CapturedOutput v = parse_capturing({"--version"});
        CHECK(v.parsed.exit_now);
        CHECK(v.parsed.exit_code == 0);
        CHECK_THAT(v.text, Catch::Matchers::StartsWith("clientscore 0.1.0\n"));
        for (const char* library : {"fmt ", "CLI11 ", "date ", "nlohmann json ", "zlib ", "utf8proc ", "toml++ "}) {
            INFO(library);
            CHECK_THAT(v.text, Contains(std::string("\n  ") + library));
        }
        CHECK(parse_capturing({"-V"}).text == v.text);
        CHECK_THAT(v.text, Contains("toml++ 3.") && Contains("utf8proc 2."));
    }

    SECTION("period: --from, --to, --as-of, --month") {
        Options o = options_of({"--from", "2024-01-01", "--to", "2024-01-31", "--as-of", "2024-02-15"});
        CHECK(o.from == days_from_civil(2024, 1, 1));
        CHECK(o.to == days_from_civil(2024, 1, 31));
        CHECK(o.as_of == days_from_civil(2024, 2, 15));
        o = options_of({"--from", "2024-01-01", "--to", "2024-01-01"});
        CHECK(o.from == o.to);
        o = options_of({"rank", "--month", "2024-02"});
        CHECK(o.from == days_from_civil(2024, 2, 1));
        CHECK(o.to == days_from_civil(2024, 2, 29));
        CHECK_THROWS_WITH(parse({"--from", "2024-02-01", "--to", "2024-01-31"}),
                          Contains("--from 2024-02-01 is after --to"));
        CHECK_THROWS_WITH(parse({"--month", "2024-02", "--from", "2024-02-03"}),
                          Contains("--month cannot be combined"));
        CHECK_THROWS_WITH(parse({"--to", "2024-02-03", "check", "--month", "2024-02"}),
                          Contains("--month cannot be combined"));
        CHECK_THROWS_WITH(parse({"--from", "01/02/2024"}), Contains("--from: \"01/02/2024\""));
        CHECK_THROWS_WITH(parse({"--as-of", "2024-02-30"}), Contains("--as-of"));
        CHECK_THROWS_WITH(parse({"--month", "2024-2"}), Contains("--month"));
    }

    SECTION("business options") {
        const Options o =
            options_of({"--business-hours", "08:30-17:00", "--business-days", "Sun-Thu", "--holidays",
                        "h.csv", "--hourly-cost", "75.5", "--email-minutes", "0", "--target-margin", "0",
                        "--timezone", "Europe/Berlin", "--currency", "gbp", "--fx", "fx.csv"});
        CHECK(o.business_hours.start_minute == 8 * 60 + 30);
        CHECK(o.business_hours.end_minute == 17 * 60);
        CHECK(o.business_days == 0x4F);  // Sun, Mon-Thu
        CHECK(o.holidays_file == "h.csv");
        CHECK(o.hourly_cost == 75.5);
        CHECK(o.email_minutes == 0);
        CHECK(o.target_margin == 0);
        CHECK(o.time_zone == "Europe/Berlin");
        CHECK(o.currency == "GBP");
        CHECK(o.fx_file == "fx.csv");
        CHECK_THROWS_WITH(parse({"--business-hours", "9-17"}), Contains("--business-hours"));
        CHECK_THROWS_WITH(parse({"--business-days", "Mon-Fry"}), Contains("--business-days"));
        CHECK_THROWS_WITH(parse({"--hourly-cost", "-5"}), Contains("--hourly-cost: -5 is below 0"));
        CHECK_THROWS_WITH(parse({"--hourly-cost", "sixty"}),
                          Contains("--hourly-cost: \"sixty\" is not a number"));
        CHECK_THROWS_WITH(parse({"--email-minutes", "-1"}), Contains("--email-minutes"));
        CHECK_THROWS_WITH(parse({"--target-margin", "1"}), Contains("--target-margin"));
        CHECK_THROWS_WITH(parse({"--currency", "EURO"}), Contains("--currency"));
        CHECK_THROWS_WITH(parse({"--timezone", "Mars/Olympus_Mons"}), Contains("--timezone"));
    }

    SECTION("input options") {
        const Options o = options_of({"--calls",  "a.csv",     "rank",       "--calls",      "b.csv",
                                      "--emails", "-",         "--invoices", "i.csv",        "--discounts",
                                      "x.csv",    "--clients", "c.csv",      "--contacts",   "k.csv",
                                      "--preset", "hubspot",   "--encoding", "windows-1252", "--date-order",
                                      "dmy",      "--decimal", ",",          "--strict"});
        CHECK(o.files[static_cast<std::size_t>(Kind::calls)] == std::vector<std::string>{"a.csv", "b.csv"});
        CHECK(o.files[static_cast<std::size_t>(Kind::emails)] == std::vector<std::string>{"-"});
        CHECK(o.files[static_cast<std::size_t>(Kind::invoices)] == std::vector<std::string>{"i.csv"});
        CHECK(o.files[static_cast<std::size_t>(Kind::discounts)] == std::vector<std::string>{"x.csv"});
        CHECK(o.files[static_cast<std::size_t>(Kind::clients)] == std::vector<std::string>{"c.csv"});
        CHECK(o.files[static_cast<std::size_t>(Kind::contacts)] == std::vector<std::string>{"k.csv"});
        CHECK_FALSE(o.dir);
        CHECK(o.preset == "hubspot");
        CHECK(o.encoding == "windows-1252");
        CHECK(o.date_order == DateOrder::dmy);
        CHECK(o.decimal == DecimalMode::comma);
        CHECK(o.strict);
        // One value per occurrence: the word after a file is the DIR, not a second file.
        const Options with_dir = options_of({"--calls", "a.csv", "exports"});
        CHECK(with_dir.files[0] == std::vector<std::string>{"a.csv"});
        CHECK(with_dir.dir == "exports");
        CHECK_THROWS_WITH(parse({"--date-order", "ymd"}), Contains("--date-order"));
        CHECK_THROWS_WITH(parse({"--decimal", "comma"}), Contains("--decimal"));
    }

    SECTION("--date-format is repeatable, compiled and checked (SPEC §1 ◆7)") {
        const Options o = options_of({"--date-format", "%d-%b-%y", "rank", "--date-format", "%m/%d/%Y %I:%M %p"});
        REQUIRE(o.date_formats.size() == 2);
        CHECK(o.date_formats[0].pattern() == "%d-%b-%y");
        CHECK(o.date_formats[1].pattern() == "%m/%d/%Y %I:%M %p");
        CHECK(options_of({}).date_formats.empty());
        const UsageError unknown = usage_error_of({"--date-format", "%d/%m/%Y %T"});
        CHECK_THAT(unknown.what(), Contains("--date-format \"%d/%m/%Y %T\"") && Contains("unknown directive %T"));
        CHECK_THAT(unknown.hint(), Contains("%Y %y %m %d %e %b %B %a %A %H %I %M %S %p %z"));
        CHECK_THAT(usage_error_of({"--date-format", "%H:%M"}).what(), Contains("needs a year"));
        CHECK_THAT(usage_error_of({"--date-format", "%d/%m/%Y %"}).what(), Contains("lone %"));
        CHECK_THAT(usage_error_of({"--date-format", "%d/%m/%Y %I:%M"}).what(), Contains("%p"));
    }

    SECTION("--where is repeatable and checked (SPEC §1 ◆8)") {
        const Options o = options_of({"--where", "calls.Queue=Sales| support ", "rank", "--where",
                                      "Invoices.Payment Status!=void|DRAFT", "--where", "calls.x="});
        REQUIRE(o.filters.size() == 3);
        CHECK(o.filters[0].kind == Kind::calls);
        CHECK(o.filters[0].header == "Queue");
        CHECK(o.filters[0].equal);
        CHECK(o.filters[0].values == std::vector<std::string>{"sales", "support"});
        CHECK(o.filters[1].kind == Kind::invoices);
        CHECK(o.filters[1].header == "Payment Status");
        CHECK_FALSE(o.filters[1].equal);
        CHECK(o.filters[1].values == std::vector<std::string>{"void", "draft"});
        CHECK(o.filters[2].values == std::vector<std::string>{""});
        CHECK_THAT(usage_error_of({"--where", "calls.Queue"}).what(), Contains("--where \"calls.Queue\": expected"));
        CHECK_THAT(usage_error_of({"--where", "Queue=Sales"}).what(), Contains("--where"));
        const UsageError kind = usage_error_of({"--where", "cals.Queue=Sales"});
        CHECK_THAT(kind.what(), Contains("unknown kind \"cals\""));
        CHECK_THAT(kind.hint(), Contains("calls"));
        CHECK_THAT(usage_error_of({"--where", "calls.=Sales"}).what(), Contains("header name is empty"));
        CHECK_THAT(usage_error_of({"--where", "calls. !=Sales"}).what(), Contains("header name is empty"));
    }

    SECTION("--map is repeatable and checked") {
        const Options o =
            options_of({"--map", "invoices.amount=Total (EUR)", "rank", "--map", "calls.client=Kunde"});
        REQUIRE(o.mappings.size() == 2);
        CHECK(o.mappings[0].kind == Kind::invoices);
        CHECK(o.mappings[0].field == "amount");
        CHECK(o.mappings[0].header == "Total (EUR)");
        CHECK(o.mappings[1].kind == Kind::calls);
        CHECK(o.mappings[1].header == "Kunde");
        CHECK_THROWS_WITH(parse({"--map", "invoices.amout=Total"}), Contains("--map") && Contains("amout"));
        CHECK_THROWS_WITH(parse({"--map", "calls.client"}), Contains("--map"));
        CHECK_THROWS_WITH(parse({"--map", "bills.amount=Total"}), Contains("--map"));
    }

    SECTION("output options") {
        const Options o = options_of({"--format", "markdown", "--output", "out.md", "--top", "10", "--sort",
                                      "net_revenue:asc", "--color", "never", "--quiet"});
        CHECK(o.format == OutputFormat::markdown);
        CHECK(o.output == "out.md");
        CHECK(o.top == 10);
        CHECK(o.sort.key == "net_revenue");
        CHECK(o.sort.ascending);
        CHECK(o.color == ColorMode::never);
        CHECK(o.quiet);
        CHECK_FALSE(options_of({"--output", "-"}).output);
        CHECK(options_of({"--color", "always"}).color == ColorMode::always);
        CHECK_THROWS_WITH(parse({"--format", "xml"}), Contains("--format: \"xml\" is not an output format"));
        CHECK_THROWS_WITH(parse({"--top", "0"}), Contains("--top"));
        CHECK_THROWS_WITH(parse({"--top", "-3"}), Contains("--top"));
        CHECK_THROWS_WITH(parse({"--sort", "margin:up"}), Contains("--sort"));
        CHECK_THROWS_WITH(parse({"--color", "sometimes"}), Contains("--color"));
    }

    SECTION("verdict options") {
        const Options o =
            options_of({"--fire-at", "70", "--watch-at", "25.5", "--chase-days", "90", "--fail-on", "reprice",
                        "--thresholds", "payment=10:60", "--thresholds", "hostility=1:4", "--weights",
                        "payment=2,communication=0.5", "--weights", "hostility=0"});
        CHECK(o.fire_at == 70);
        CHECK(o.watch_at == 25.5);
        CHECK(o.chase_days == 90);
        CHECK(o.fail_on == Verdict::reprice);
        CHECK(o.thresholds[static_cast<std::size_t>(Component::payment)].ok == 10);
        CHECK(o.thresholds[static_cast<std::size_t>(Component::payment)].bad == 60);
        CHECK(o.thresholds[static_cast<std::size_t>(Component::hostility)].bad == 4);
        CHECK(o.thresholds[static_cast<std::size_t>(Component::communication)].bad == 10);
        CHECK(o.weights == std::array<double, k_component_count>{0.5, 1, 1, 2, 0});
        CHECK_THROWS_WITH(parse({"--fail-on", "keep"}), Contains("--fail-on: keep"));
        CHECK_THROWS_WITH(parse({"--fail-on", "sack"}), Contains("--fail-on"));
        CHECK_THROWS_WITH(parse({"--fire-at", "-1"}), Contains("--fire-at"));
        CHECK_THROWS_WITH(parse({"--chase-days", "soon"}), Contains("--chase-days"));
        CHECK_THROWS_WITH(parse({"--thresholds", "payment=45:7"}), Contains("--thresholds"));
        CHECK_THROWS_WITH(parse({"--thresholds", "pay=1:2"}), Contains("unknown component \"pay\""));
        CHECK_THROWS_WITH(parse({"--weights", "payment=-2"}), Contains("--weights"));
        CHECK_THROWS_WITH(parse({"--weights", "margin=1"}), Contains("unknown component \"margin\""));
        CHECK_THROWS_WITH(parse({"--weights", "communication=0,after_hours=0,discounts=0", "--weights",
                                 "payment=0,hostility=0"}),
                          Contains("all five weights are 0"));
    }

    SECTION("a negative number is read as a value, and then refused") {
        CHECK_THROWS_WITH(parse({"--watch-at", "-5"}), Contains("--watch-at: -5 is below 0"));
    }
}

TEST_CASE("cli::parse_command_line fuzz regressions", "[cli][fuzz]") {
    // fuzz_pipeline: an option of dashes only before `=` made substr(npos) throw
    // std::out_of_range, which nothing catches: the program aborted (exit 134).
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"rank", "-=format", "json"}, std::vector<std::string>{"--=x"},
          std::vector<std::string>{"-="}}) {
        const UsageError e = usage_error_of(args);
        CHECK_THAT(e.what(), Contains("unknown option -"));
        CHECK_THAT(e.hint(), Contains("--help"));
    }
}

namespace {

std::vector<std::string> help_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The number of code points (help text has no wide characters; `…` and `←` are one column).
std::size_t columns(const std::string& line) {
    std::size_t n = 0;
    for (const char c : line) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE("cli::parse_command_line --help per command", "[cli]") {
    SECTION("each command lists only the options it takes, grouped, with examples and exit codes") {
        const std::string check = parse_capturing({"check", "--help"}).text;
        CHECK_THAT(check, Contains("Usage: clientscore check [OPTIONS] [DIR]"));
        CHECK_THAT(check, Contains("--map") && Contains("--timezone") && Contains("-o, --output FILE"));
        CHECK_THAT(check, !Contains("--fail-on") && !Contains("--top") && !Contains("--hourly-cost"));
        CHECK_THAT(check, !Contains("--from") && !Contains("Costs options:") && !Contains("Scoring options:"));
        const std::string evidence = parse_capturing({"evidence", "--help"}).text;
        CHECK_THAT(evidence, Contains("--from") && Contains("--currency") && !Contains("--fail-on") &&
                                 !Contains("--weights") && !Contains("--sort"));
        const std::string explain = parse_capturing({"explain", "--help"}).text;
        CHECK_THAT(explain, Contains("--fail-on") && Contains("--weights") && !Contains("--top"));
        const std::string rank = parse_capturing({"rank", "--help"}).text;
        CHECK_THAT(rank, Contains("--top") && Contains("--sort") && Contains("Sort keys"));
        for (const std::string& text : {check, evidence, explain, rank}) {
            // The groups in their order, where the command has any.
            const std::size_t input = text.find("Input options:");
            const std::size_t output = text.find("Output options:");
            REQUIRE(input != std::string::npos);
            REQUIRE(output != std::string::npos);
            CHECK(input < output);
            const std::size_t examples = text.find("Examples:\n  clientscore ");
            REQUIRE(examples != std::string::npos);
            CHECK(text.find("\n  clientscore ", text.find('\n', examples + 12)) != std::string::npos);
            CHECK_THAT(text, Contains("Exit codes: 0 ") && Contains("2 usage error"));
        }
        const std::size_t period = rank.find("Period options:");
        const std::size_t costs = rank.find("Costs options:");
        const std::size_t scoring = rank.find("Scoring options:");
        CHECK((rank.find("Input options:") < period && period < costs && costs < scoring &&
               scoring < rank.find("Output options:")));
    }

    SECTION("no help line passes 80 columns") {
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"--help"}, {"rank", "--help"}, {"explain", "--help"}, {"evidence", "--help"}, {"check", "--help"}}) {
            const std::string text = parse_capturing(args).text;
            for (const std::string& line : help_lines(text)) {
                INFO(args.front() << ": " << line);
                CHECK(columns(line) <= 80);
            }
        }
    }

    SECTION("help [COMMAND] is COMMAND --help; help alone is --help") {
        for (const char* command : {"rank", "explain", "evidence", "check"}) {
            INFO(command);
            const CapturedOutput help = parse_capturing({"help", command});
            CHECK(help.parsed.exit_now);
            CHECK(help.parsed.exit_code == 0);
            CHECK(help.text == parse_capturing({command, "--help"}).text);
        }
        CHECK(parse_capturing({"help"}).text == parse_capturing({"--help"}).text);
        CHECK(parse_capturing({"--quiet", "help", "check"}).text == parse_capturing({"check", "--help"}).text);
        const UsageError e = usage_error_of({"help", "explian"});
        CHECK_THAT(e.what(), Contains("unknown command \"explian\""));
        CHECK_THAT(e.hint(), Contains("help explain"));
        CHECK_THAT(parse_capturing({"--help"}).text, Contains("help [COMMAND]"));
    }

    SECTION("-o is --output") {
        CHECK(options_of({"-o", "out.csv"}).output == "out.csv");
        CHECK(options_of({"rank", "-o", "report.json", "--format", "json"}).output == "report.json");
        CHECK_THROWS_WITH(parse({"-o", "a", "--output", "b"}), Contains("--output is given 2 times"));
    }

    SECTION("a misspelled option suggests the close ones by edit distance") {
        const UsageError form = usage_error_of({"--form", "2024-01-01"});
        CHECK_THAT(form.what(), Contains("unknown option --form"));
        // --from and --format are two edits away, as --sort is; nearest first, then in table order.
        CHECK_THAT(form.hint(), Contains("did you mean --from, --format or --sort?"));
        CHECK_THAT(usage_error_of({"rank", "--qiet"}).hint(), Contains("--quiet"));
        CHECK_THAT(usage_error_of({"--verison"}).hint(), Contains("--version"));
        CHECK_THAT(usage_error_of({"--zzzzzz"}).hint(), Contains("--help"));
    }
}

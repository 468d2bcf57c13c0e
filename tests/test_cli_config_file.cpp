#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/options.hpp"
#include "cli_parse.hpp"
#include "temp_file.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;
using clientscore::testing::options_of;
using clientscore::testing::usage_error_of;

namespace {

// A TOML file in a fresh temporary folder, removed with its folder at the end of the test.
class TempConfig : public clientscore::testing::TempFile {
public:
    explicit TempConfig(const std::string& text) : TempFile("clientscore.toml", text) {}
};

}  // namespace

TEST_CASE("cli::config_file", "[cli]") {
    SECTION("date-format and where are keys like the other options") {
        const TempConfig config(R"toml(date-format = ["%d-%b-%y", "%Y%m%d"]
where = ["calls.Queue=Sales|Support", "invoices.status!=void"]
)toml");
        Options o = options_of({"--config", config.path()});
        REQUIRE(o.date_formats.size() == 2);
        CHECK(o.date_formats[1].pattern() == "%Y%m%d");
        REQUIRE(o.filters.size() == 2);
        CHECK(o.filters[0].values == std::vector<std::string>{"sales", "support"});
        CHECK_FALSE(o.filters[1].equal);
        // The command line replaces the file's list, as for every repeatable option.
        o = options_of({"--config", config.path(), "--date-format", "%d.%m.%Y"});
        REQUIRE(o.date_formats.size() == 1);
        CHECK(o.date_formats[0].pattern() == "%d.%m.%Y");
        const TempConfig bad("date-format = \"%d/%q\"\n");
        CHECK_THAT(usage_error_of({"--config", bad.path()}).what(), Contains("unknown directive %q"));
    }
    SECTION("every kind of value, under the long names") {
        const TempConfig config(R"toml(# clientscore settings
hourly-cost = 75
email-minutes = 2.5
business-days = "Sun-Thu"
business-hours = "08:00-16:00"
weights = "payment=2,communication=0.5"
thresholds = ["payment=10:60", "hostility=1:4"]
strict = true
quiet = true
calls = ["a.csv", "b.csv"]
map = "invoices.amount=Total (EUR)"
format = "json"
fail-on = "chase"
sort = "margin:asc"
from = "2024-01-01"
to = "2024-01-31"
)toml");
        const Options o = options_of({"--config", config.path()});
        CHECK(o.hourly_cost == 75);
        CHECK(o.email_minutes == 2.5);
        CHECK(o.business_days == 0x4F);
        CHECK(o.business_hours.start_minute == 8 * 60);
        CHECK(o.weights == std::array<double, k_component_count>{0.5, 1, 1, 2, 1});
        CHECK(o.thresholds[static_cast<std::size_t>(Component::payment)].bad == 60);
        CHECK(o.thresholds[static_cast<std::size_t>(Component::hostility)].ok == 1);
        CHECK(o.strict);
        CHECK(o.quiet);
        CHECK(o.files[static_cast<std::size_t>(Kind::calls)] == std::vector<std::string>{"a.csv", "b.csv"});
        REQUIRE(o.mappings.size() == 1);
        CHECK(o.mappings[0].header == "Total (EUR)");
        CHECK(o.format == OutputFormat::json);
        CHECK(o.fail_on == Verdict::chase);
        CHECK(o.sort.key == "margin");
        CHECK(o.sort.ascending);
        CHECK(o.from == days_from_civil(2024, 1, 1));
        CHECK(o.to == days_from_civil(2024, 1, 31));
    }

    SECTION("the command line wins over the file, before or after the command") {
        const TempConfig config(
            "hourly-cost = 75\nformat = \"json\"\ncalls = [\"a.csv\", \"b.csv\"]\nstrict = true\n");
        Options o = options_of({"--hourly-cost", "90", "--config", config.path(), "rank", "--calls", "c.csv"});
        CHECK(o.hourly_cost == 90);
        CHECK(o.format == OutputFormat::json);
        CHECK(o.files[0] == std::vector<std::string>{"c.csv"});
        CHECK(o.strict);
        o = options_of({"rank", "d", "--config", config.path(), "--format", "csv"});
        CHECK(o.format == OutputFormat::csv);
        CHECK(o.hourly_cost == 75);
        CHECK(o.dir == "d");
    }

    SECTION("flags: false in the file stays false; the command line can still set them") {
        const TempConfig quoted("strict = \"true\"\n");  // text, as CLI11's reader took it
        CHECK(options_of({"--config", quoted.path()}).strict);
        const TempConfig config("strict = false\nquiet = false\n");
        Options o = options_of({"--config", config.path()});
        CHECK_FALSE(o.strict);
        CHECK_FALSE(o.quiet);
        o = options_of({"--config", config.path(), "--strict"});
        CHECK(o.strict);
    }

    SECTION("--month in the file yields to --from/--to on the command line, and the reverse") {
        const TempConfig month("month = \"2024-02\"\n");
        Options o = options_of({"--config", month.path(), "--from", "2024-01-15"});
        CHECK(o.from == days_from_civil(2024, 1, 15));
        CHECK_FALSE(o.to);
        o = options_of({"--config", month.path()});
        CHECK(o.to == days_from_civil(2024, 2, 29));
        const TempConfig span("from = \"2024-01-01\"\nto = \"2024-03-31\"\n");
        o = options_of({"--config", span.path(), "--month", "2024-02"});
        CHECK(o.from == days_from_civil(2024, 2, 1));
        CHECK(o.to == days_from_civil(2024, 2, 29));
        const TempConfig both("from = \"2024-01-01\"\nmonth = \"2024-02\"\n");
        CHECK_THROWS_WITH(options_of({"--config", both.path()}), Contains("--month cannot be combined"));
    }

    SECTION("values from the file are checked like the command line's") {
        const TempConfig config("target-margin = 1.5\n");
        CHECK_THROWS_WITH(options_of({"--config", config.path()}), Contains("--target-margin"));
        const TempConfig weights("weights = \"payment=-1\"\n");
        CHECK_THROWS_WITH(options_of({"--config", weights.path()}), Contains("--weights"));
        const TempConfig twice("format = [\"json\", \"csv\"]\n");
        CHECK_THROWS_WITH(options_of({"--config", twice.path()}), Contains("--format is given 2 times"));
    }

    SECTION("an unknown key is a usage error naming the file and the key") {
        const TempConfig config("hourly-cost = 75\nhourly_cost = 80\n");
        const UsageError e = usage_error_of({"--config", config.path()});
        CHECK_THAT(e.what(), Contains(config.path() + ":2:1: unknown key \"hourly_cost\""));
        CHECK_THAT(e.hint(), Contains("did you mean hourly-cost?"));
        const TempConfig far("colour_scheme = \"dark\"\n");
        CHECK_THAT(usage_error_of({"--config", far.path()}).hint(), Contains("long option names"));
    }

    SECTION("keys that are not options of the file: config, help, version, short names, positionals") {
        for (const char* text : {"config = \"other.toml\"\n", "help = true\n", "version = true\n",
                                 "q = true\n", "DIR = \"exports\"\n", "CLIENT = \"acme\"\n"}) {
            INFO(text);
            const TempConfig config(text);
            CHECK_THROWS_WITH(options_of({"--config", config.path()}), Contains("unknown key"));
        }
    }

    SECTION("a key set twice is an error") {
        const TempConfig config("hourly-cost = 75\nformat = \"json\"\nhourly-cost = 80\n");
        // TOML itself forbids it; toml++ names the line and column of the second one.
        const UsageError e = usage_error_of({"--config", config.path()});
        CHECK_THAT(e.what(), Contains(config.path() + ":3:") && Contains("hourly-cost"));
    }

    SECTION("a missing or unreadable file is a usage error") {
        CHECK_THROWS_WITH(options_of({"--config", "/nonexistent/clientscore.toml"}),
                          Contains("--config: cannot read /nonexistent/clientscore.toml"));
        CHECK_THROWS_WITH(options_of({"--config", std::filesystem::temp_directory_path().string()}),
                          Contains("--config: cannot read"));
        CHECK_THROWS_WITH(options_of({"--config"}), Contains("--config: needs a value"));
        const TempConfig config("hourly-cost = 75\n");
        CHECK_THROWS_WITH(options_of({"--config", config.path(), "rank", "--config", config.path()}),
                          Contains("--config is given more than once"));
    }

    SECTION("TOML 1.0: '#' inside strings, escapes, multi-line and literal strings, digit separators") {
        const TempConfig config(
            "currency = \"EUR\" # reporting currency\n"
            "hourly-cost = 7_5 # per hour\n"
            "# a comment line\n"
            "preset = \"a#b\"\n"
            "map = ['calls.client=Client #', \"calls.notes=Notes \\u00e9\\t(1)\"]\n"
            "encoding = '''latin1'''\n"
            "calls = [\n  \"a.csv\",  # the first\n  \"b.csv\",\n]\n"
            "from = 2024-01-01\n"
            "email-minutes = 2.5e0\n");
        const Options o = options_of({"--config", config.path()});
        CHECK(o.currency == "EUR");
        CHECK(o.hourly_cost == 75);
        CHECK(o.preset == "a#b");
        REQUIRE(o.mappings.size() == 2);
        CHECK(o.mappings[0].header == "Client #");
        CHECK(o.mappings[1].header == "Notes \u00e9\t(1)");
        CHECK(o.encoding == "latin1");
        CHECK(o.files[0] == std::vector<std::string>{"a.csv", "b.csv"});
        CHECK(o.from == days_from_civil(2024, 1, 1));
        CHECK(o.email_minutes == 2.5);
    }

    SECTION("a TOML error names the file, the line and the column") {
        const TempConfig bare_word("hourly-cost = 75\nencoding = latin1\n");
        const UsageError e = usage_error_of({"--config", bare_word.path()});
        CHECK_THAT(e.what(), Contains(bare_word.path() + ":2:"));
        CHECK_THAT(e.hint(), Contains("TOML") && Contains("quotes"));
        const TempConfig open_string("format = \"json\nquiet = true\n");
        CHECK_THAT(usage_error_of({"--config", open_string.path()}).what(), Contains(open_string.path() + ":1:"));
        const TempConfig bare_flag("quiet\n");
        CHECK_THAT(usage_error_of({"--config", bare_flag.path()}).what(), Contains(bare_flag.path() + ":1:"));
    }

    SECTION("a value an option cannot take names its place") {
        const TempConfig margin("\n\ntarget-margin = 1.5\n");
        CHECK_THAT(usage_error_of({"--config", margin.path()}).what(),
                   Contains(margin.path() + ":3:1: --target-margin"));
        const TempConfig flag("strict = \"yes\"\n");
        CHECK_THAT(usage_error_of({"--config", flag.path()}).what(),
                   Contains(":1:1: --strict: \"yes\" is not true or false"));
        const TempConfig inline_table("weights = { payment = 2 }\n");
        CHECK_THAT(usage_error_of({"--config", inline_table.path()}).what(), Contains("inline table"));
        const TempConfig nested("calls = [[\"a.csv\"]]\n");
        CHECK_THAT(usage_error_of({"--config", nested.path()}).what(), Contains("a list of plain values"));
        const TempConfig empty("calls = []\n");
        CHECK_THAT(usage_error_of({"--config", empty.path()}).what(), Contains(":1:1: --calls: needs a value"));
        const TempConfig list_for_one("business-days = [\"Mon\", \"Wed\"]\n");
        CHECK_THAT(usage_error_of({"--config", list_for_one.path()}).what(),
                   Contains("--business-days is given 2 times"));
    }

    SECTION("[COMMAND] tables: options for one command, over the top level") {
        const TempConfig config(
            "format = \"csv\"\ntop = 20\n[rank]\nformat = \"json\"\n[check]\nformat = \"markdown\"\n");
        Options o = options_of({"--config", config.path()});
        CHECK(o.format == OutputFormat::json);
        CHECK(o.top == 20);
        o = options_of({"--config", config.path(), "check"});
        CHECK(o.format == OutputFormat::markdown);
        CHECK_FALSE(o.top);  // check does not take --top: the top level's is not applied
        o = options_of({"--config", config.path(), "explain", "C1"});
        CHECK(o.format == OutputFormat::csv);
        o = options_of({"--config", config.path(), "rank", "--format", "tsv"});
        CHECK(o.format == OutputFormat::tsv);  // the command line still wins
        const TempConfig default_table("[default]\nformat = \"json\"\n");
        CHECK(options_of({"--config", default_table.path()}).format == OutputFormat::json);
    }

    SECTION("tables that are not commands, and options a command's table does not take, are errors") {
        const TempConfig unknown("hourly-cost = 75\n\n[rnak]\ntop = 5\n");
        const UsageError e = usage_error_of({"--config", unknown.path()});
        CHECK_THAT(e.what(), Contains(unknown.path() + ":3:") && Contains("unknown table [rnak]"));
        CHECK_THAT(e.hint(), Contains("did you mean [rank]?"));
        const TempConfig dotted("output.format = \"json\"\n");
        CHECK_THAT(usage_error_of({"--config", dotted.path()}).what(), Contains("unknown table [output]"));
        const TempConfig not_taken("[check]\ntop = 5\n");
        CHECK_THAT(usage_error_of({"--config", not_taken.path()}).what(), Contains(":2:1: check does not take top"));
        // Checked whichever command runs, so a typo in [explain] is found by a rank run too.
        const TempConfig typo("[explain]\nhourly-cots = 5\n");
        const UsageError t = usage_error_of({"--config", typo.path(), "rank"});
        CHECK_THAT(t.what(), Contains(":2:1: unknown key \"hourly-cots\""));
        CHECK_THAT(t.hint(), Contains("hourly-cost"));
        const TempConfig deeper("[rank.output]\nformat = \"json\"\n");
        CHECK_THAT(usage_error_of({"--config", deeper.path()}).what(), Contains("a table inside a table"));
        const TempConfig twice("format = \"json\"\n[default]\nformat = \"csv\"\n");
        CHECK_THAT(usage_error_of({"--config", twice.path()}).what(), Contains("set twice"));
    }
}

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
quiet
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
        CHECK_THAT(e.what(), Contains(config.path()) && Contains("unknown key \"hourly_cost\""));
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
        CHECK_THROWS_WITH(options_of({"--config", config.path()}), Contains("key \"hourly-cost\" is set twice"));
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

    // CLI11 2.1's TOML reader: what it does with '#', sections and other TOML (CONFIG_NOTES.md).
    SECTION("a '#' after a quoted value starts a comment") {
        const TempConfig config(
            "currency = \"EUR\" # reporting currency\nhourly-cost = 75 # per hour\n# a comment line\n");
        const Options o = options_of({"--config", config.path()});
        CHECK(o.currency == "EUR");
        CHECK(o.hourly_cost == 75);
    }

    SECTION("a '#' inside a quoted value is refused (CLI11 would cut the value there)") {
        const TempConfig config("hourly-cost = 75\npreset = \"a#b\"\n");
        const UsageError e = usage_error_of({"--config", config.path()});
        CHECK_THAT(e.what(), Contains(config.path() + ":2: '#' inside a quoted value"));
        CHECK_THAT(e.hint(), Contains("command line"));
        const TempConfig in_list("calls = [\"a#1.csv\", \"b.csv\"]\n");
        CHECK_THROWS_WITH(options_of({"--config", in_list.path()}), Contains("'#' inside a quoted value"));
        const TempConfig single("map = 'calls.client=Client #'\n");
        CHECK_THROWS_WITH(options_of({"--config", single.path()}), Contains("'#' inside a quoted value"));
    }

    SECTION("[section] tables and dotted keys are refused; [default] is the top level") {
        const TempConfig section("hourly-cost = 75\n[rank]\ntop = 5\n");
        const UsageError e = usage_error_of({"--config", section.path()});
        CHECK_THAT(e.what(), Contains("[rank]") && Contains("sections and dotted keys are not supported"));
        const TempConfig unknown_section("[output]\nformat = \"json\"\n");
        CHECK_THROWS_WITH(options_of({"--config", unknown_section.path()}), Contains("not supported"));
        const TempConfig dotted("output.format = \"json\"\n");
        CHECK_THROWS_WITH(options_of({"--config", dotted.path()}), Contains("output.format"));
        const TempConfig top_level("[default]\nformat = \"json\"\n");
        CHECK(options_of({"--config", top_level.path()}).format == OutputFormat::json);
    }

    SECTION("other CLI11 reader behaviour: single quotes, multi-line lists, bare words") {
        const TempConfig config("preset = 'none'\ncalls = [\"a.csv\",\n  \"b.csv\"\n]\nencoding = latin1\n");
        const Options o = options_of({"--config", config.path()});
        CHECK(o.preset == "none");
        CHECK(o.files[0] == std::vector<std::string>{"a.csv", "b.csv"});
        CHECK(o.encoding == "latin1");
        // Unquoted values are text; TOML's digit separators are not understood.
        const TempConfig unquoted_date("from = 2024-01-01\r\nformat = json\r\n");
        const Options crlf = options_of({"--config", unquoted_date.path()});
        CHECK(crlf.from == days_from_civil(2024, 1, 1));
        CHECK(crlf.format == OutputFormat::json);
        const TempConfig underscores("hourly-cost = 7_500\n");
        CHECK_THROWS_WITH(options_of({"--config", underscores.path()}),
                          Contains("--hourly-cost: \"7_500\" is not a number"));
        // CLI11 only continues a list whose first element is on the key's line.
        const TempConfig lone_bracket("hourly-cost = 75\ncalls = [\n  \"a.csv\",\n  \"b.csv\"\n]\n");
        CHECK_THROWS_WITH(options_of({"--config", lone_bracket.path()}),
                          Contains(":2: a list must start on the line of its key"));
        // Unquoted, a comma or a space splits a value into a list, so a one-value option fails.
        const TempConfig unquoted("business-days = Mon, Wed\n");
        CHECK_THROWS_WITH(options_of({"--config", unquoted.path()}), Contains("--business-days is given 2 times"));
    }
}

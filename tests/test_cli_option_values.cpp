#include <catch2/catch.hpp>
#include <functional>

#include "cli/option_values.hpp"
#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;

namespace {

std::string hint_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.hint();
    }
    return "<no error>";
}

}  // namespace

TEST_CASE("cli::parse_number", "[cli]") {
    SECTION("plain decimals") {
        CHECK(cli::parse_number("--x", "75") == 75);
        CHECK(cli::parse_number("--x", "0.3") == Approx(0.3));
        CHECK(cli::parse_number("--x", "-2") == -2);
    }
    SECTION("anything but a whole plain number fails, naming the option") {
        for (const char* bad : {"", "abc", "7O", "1,5", "+3", " 3", "3 ", "inf", "nan", "1e999"}) {
            INFO(bad);
            CHECK_THROWS_WITH(cli::parse_number("--hourly-cost", bad),
                              Contains("--hourly-cost") && Contains("not a number"));
        }
    }
    SECTION("non-negative") {
        CHECK(cli::parse_non_negative("--x", "0") == 0);
        CHECK_THROWS_WITH(cli::parse_non_negative("--email-minutes", "-1"),
                          Contains("--email-minutes: -1 is below 0"));
    }
    SECTION("margin share: 0 up to, not including, 1") {
        CHECK(cli::parse_margin_share("--target-margin", "0") == 0);
        CHECK(cli::parse_margin_share("--target-margin", "0.999") == Approx(0.999));
        CHECK_THROWS_WITH(cli::parse_margin_share("--target-margin", "1"), Contains("--target-margin"));
        CHECK_THROWS_AS(cli::parse_margin_share("--target-margin", "-0.1"), UsageError);
        CHECK_THROWS_AS(cli::parse_margin_share("--target-margin", "30"), UsageError);
    }
    SECTION("row count: whole, at least 1") {
        CHECK(cli::parse_row_count("--top", "1") == 1);
        CHECK(cli::parse_row_count("--top", "250") == 250);
        for (const char* bad : {"0", "-1", "1.5", "", "ten", "99999999999999999999999"}) {
            INFO(bad);
            CHECK_THROWS_WITH(cli::parse_row_count("--top", bad), Contains("--top"));
        }
    }
}

TEST_CASE("cli::parse_date", "[cli]") {
    SECTION("YYYY-MM-DD") { CHECK(cli::parse_date("--from", "2024-03-31") == days_from_civil(2024, 3, 31)); }
    SECTION("other forms are usage errors with a hint") {
        for (const char* bad : {"2024/03/31", "31.03.2024", "2024-3-31", "2024-02-30", "yesterday", ""}) {
            INFO(bad);
            CHECK_THROWS_WITH(cli::parse_date("--from", bad), Contains("--from"));
        }
        CHECK_THAT(hint_of([] { cli::parse_date("--to", "x"); }), Contains("YYYY-MM-DD"));
    }
}

TEST_CASE("cli::parse_month", "[cli]") {
    SECTION("first and last day") {
        const auto span = cli::parse_month("--month", "2024-03");
        CHECK(span.first == days_from_civil(2024, 3, 1));
        CHECK(span.last == days_from_civil(2024, 3, 31));
    }
    SECTION("February of a leap year, and December") {
        CHECK(cli::parse_month("--month", "2024-02").last == days_from_civil(2024, 2, 29));
        CHECK(cli::parse_month("--month", "2023-02").last == days_from_civil(2023, 2, 28));
        CHECK(cli::parse_month("--month", "2023-12").last == days_from_civil(2023, 12, 31));
    }
    SECTION("other forms fail") {
        for (const char* bad : {"2024-13", "2024-00", "2024-3", "2024-03-01", "03-2024", "2024/03", ""}) {
            INFO(bad);
            CHECK_THROWS_WITH(cli::parse_month("--month", bad),
                              Contains("--month") && Contains("not a month"));
        }
    }
}

TEST_CASE("cli::parse_choice_options", "[cli]") {
    SECTION("formats, any case") {
        CHECK(cli::parse_output_format("--format", "json") == OutputFormat::json);
        CHECK(cli::parse_output_format("--format", "Markdown") == OutputFormat::markdown);
        CHECK_THROWS_WITH(cli::parse_output_format("--format", "xml"), Contains("--format: \"xml\""));
        CHECK_THAT(hint_of([] { cli::parse_output_format("--format", "xml"); }),
                   Contains("table, json, csv, tsv, markdown"));
    }
    SECTION("colour, date order, decimal") {
        CHECK(cli::parse_color_mode("--color", "auto") == ColorMode::automatic);
        CHECK(cli::parse_color_mode("--color", "never") == ColorMode::never);
        CHECK_THROWS_AS(cli::parse_color_mode("--color", "yes"), UsageError);
        CHECK(cli::parse_date_order("--date-order", "dmy") == DateOrder::dmy);
        CHECK(cli::parse_date_order("--date-order", "auto") == DateOrder::automatic);
        CHECK_THROWS_AS(cli::parse_date_order("--date-order", "ymd"), UsageError);
        CHECK(cli::parse_decimal_mode("--decimal", ",") == DecimalMode::comma);
        CHECK(cli::parse_decimal_mode("--decimal", ".") == DecimalMode::dot);
        CHECK_THROWS_AS(cli::parse_decimal_mode("--decimal", ";"), UsageError);
    }
    SECTION("fail-on refuses keep") {
        CHECK(cli::parse_fail_on("--fail-on", "watch") == Verdict::watch);
        CHECK_THROWS_WITH(cli::parse_fail_on("--fail-on", "keep"), Contains("--fail-on: keep"));
        CHECK_THROWS_WITH(cli::parse_fail_on("--fail-on", "sack"), Contains("not a verdict"));
    }
    SECTION("currency") {
        CHECK(cli::parse_currency_code("--currency", "eur") == "EUR");
        CHECK_THROWS_WITH(cli::parse_currency_code("--currency", "EURO"), Contains("--currency"));
        CHECK_THROWS_AS(cli::parse_currency_code("--currency", "E1R"), UsageError);
    }
}

TEST_CASE("cli::parse_sort_key", "[cli]") {
    SECTION("descending by default") {
        const SortKey s = cli::parse_sort_key("--sort", "toxicity");
        CHECK(s.key == "toxicity");
        CHECK_FALSE(s.ascending);
    }
    SECTION(":asc and :desc") {
        CHECK(cli::parse_sort_key("--sort", "net_revenue:asc").ascending);
        CHECK(cli::parse_sort_key("--sort", "net_revenue:asc").key == "net_revenue");
        CHECK_FALSE(cli::parse_sort_key("--sort", "margin:DESC").ascending);
    }
    SECTION("a bad order or no key fails") {
        CHECK_THROWS_WITH(cli::parse_sort_key("--sort", "margin:up"), Contains("asc or desc"));
        CHECK_THROWS_WITH(cli::parse_sort_key("--sort", ":asc"), Contains("no key"));
        CHECK_THROWS_AS(cli::parse_sort_key("--sort", ""), UsageError);
    }
    SECTION("an unknown key is a usage error once the columns are known, naming the nearest key") {
        const auto check = [](std::string_view text) {
            cli::check_sort_key("--sort", cli::parse_sort_key("--sort", text), client_table());
        };
        try {
            check("net_revnue");
            FAIL("no exception");
        } catch (const UsageError& e) {
            CHECK(std::string(e.what()) == "--sort: unknown key \"net_revnue\" (did you mean \"net_revenue\"?)");
            CHECK(e.hint().find("rank, toxicity, net_revenue") != std::string::npos);
        }
        CHECK_THROWS_AS(check("components"), UsageError);
        CHECK_THROWS_AS(check("bogus:asc"), UsageError);
    }
    SECTION("--aging and --baseline decide which keys there are") {
        const ClientTable& custom = client_table(ColumnShape{AgingBuckets{{15, 30}}, false});
        CHECK_NOTHROW(cli::check_sort_key("--sort", SortKey{"aging_1_15"}, custom));
        CHECK_NOTHROW(cli::check_sort_key("--sort", SortKey{"aging_over_30"}, custom));
        CHECK_THROWS_AS(cli::check_sort_key("--sort", SortKey{"aging_61_90"}, custom), UsageError);
        try {
            cli::check_sort_key("--sort", SortKey{"change_toxicity_delta"}, client_table());
            FAIL("no exception");
        } catch (const UsageError& e) {
            CHECK(e.hint() == "the change_ columns need --baseline FILE");
        }
        CHECK_NOTHROW(cli::check_sort_key("--sort", SortKey{"change_toxicity_delta"},
                                          client_table(ColumnShape{AgingBuckets{}, true})));
    }
    SECTION("every key of the metric table sorts") {
        for (const ClientColumn& column : client_table().columns()) {
            CHECK(cli::parse_sort_key("--sort", column.key + ":asc").key == column.key);
        }
    }
}

TEST_CASE("cli::parse_aging", "[cli]") {
    SECTION("ascending whole numbers of days, spaces allowed") {
        CHECK(cli::parse_aging("--aging", "15,30,60,90").bounds == std::vector<std::int64_t>{15, 30, 60, 90});
        CHECK(cli::parse_aging("--aging", " 7 , 14 ").bounds == std::vector<std::int64_t>{7, 14});
        CHECK(cli::parse_aging("--aging", "1").bounds == std::vector<std::int64_t>{1});
    }
    SECTION("anything else is a usage error naming the option") {
        for (const char* bad : {"", "30,", ",30", "30,30", "60,30", "0,30", "-5", "abc", "1.5", "30;60", "40000"}) {
            INFO(bad);
            try {
                cli::parse_aging("--aging", bad);
                FAIL("no exception");
            } catch (const UsageError& e) {
                CHECK(std::string(e.what()).rfind("--aging: ", 0) == 0);
                CHECK(e.hint().find("--aging 15,30,60,90") != std::string::npos);
            }
        }
        CHECK_THROWS_WITH(cli::parse_aging("--aging", "60,30"), Contains("30 does not come after 60"));
    }
}

TEST_CASE("cli::apply_thresholds", "[cli]") {
    auto thresholds = defaults::thresholds;
    SECTION("named components change, others keep their defaults") {
        cli::apply_thresholds("--thresholds", "payment=10:60, hostility=0.5:3", thresholds);
        CHECK(thresholds[3].ok == 10);
        CHECK(thresholds[3].bad == 60);
        CHECK(thresholds[4].ok == 0.5);
        CHECK(thresholds[4].bad == 3);
        CHECK(thresholds[0].ok == 2);
        CHECK(thresholds[1].bad == Approx(0.40));
    }
    SECTION("OK must be below BAD") {
        CHECK_THROWS_WITH(cli::apply_thresholds("--thresholds", "payment=45:7", thresholds),
                          Contains("payment") && Contains("below"));
        CHECK_THROWS_AS(cli::apply_thresholds("--thresholds", "payment=7:7", thresholds), UsageError);
    }
    SECTION("unknown name, bad shape, bad number, empty entry") {
        CHECK_THROWS_WITH(cli::apply_thresholds("--thresholds", "paymnt=7:45", thresholds),
                          Contains("unknown component \"paymnt\""));
        CHECK_THAT(hint_of([&] { cli::apply_thresholds("--thresholds", "x=1:2", thresholds); }),
                   Contains("communication, after_hours, discounts, payment, hostility"));
        CHECK_THROWS_WITH(cli::apply_thresholds("--thresholds", "payment7:45", thresholds),
                          Contains("NAME=OK:BAD"));
        CHECK_THROWS_WITH(cli::apply_thresholds("--thresholds", "payment=7", thresholds),
                          Contains("NAME=OK:BAD"));
        CHECK_THROWS_WITH(cli::apply_thresholds("--thresholds", "payment=a:45", thresholds),
                          Contains("not a number"));
        CHECK_THROWS_WITH(cli::apply_thresholds("--thresholds", "payment=7:45,", thresholds),
                          Contains("empty entry"));
    }
}

TEST_CASE("cli::apply_weights", "[cli]") {
    std::array<double, k_component_count> weights = {1, 1, 1, 1, 1};
    SECTION("named components change, others keep 1") {
        cli::apply_weights("--weights", "payment=2,communication=0", weights);
        CHECK(weights == std::array<double, k_component_count>{0, 1, 1, 2, 1});
        CHECK_NOTHROW(cli::check_weights("--weights", weights));
    }
    SECTION("negative, unknown, not a number") {
        CHECK_THROWS_WITH(cli::apply_weights("--weights", "payment=-1", weights), Contains("negative"));
        CHECK_THROWS_WITH(cli::apply_weights("--weights", "toxic=1", weights), Contains("unknown component"));
        CHECK_THROWS_WITH(cli::apply_weights("--weights", "payment=lots", weights), Contains("not a number"));
        CHECK_THROWS_WITH(cli::apply_weights("--weights", "payment", weights), Contains("NAME=N"));
    }
    SECTION("all five zero") {
        cli::apply_weights("--weights", "communication=0,after_hours=0,discounts=0,payment=0,hostility=0",
                           weights);
        CHECK_THROWS_WITH(cli::check_weights("--weights", weights), Contains("all five weights are 0"));
    }
}

TEST_CASE("cli::parse_bad_row_limit", "[cli]") {
    using cli::parse_bad_row_limit;
    const BadRowLimit rows = parse_bad_row_limit("--max-bad-rows", "25");
    CHECK(rows.rows == 25);
    CHECK(rows.percent == 0);
    const BadRowLimit share = parse_bad_row_limit("--max-bad-rows", "2.5%");
    CHECK(share.rows == 0);
    CHECK(share.percent == 2.5);
    for (const char* text : {"10,1%", "1%,10"}) {
        const BadRowLimit both = parse_bad_row_limit("--max-bad-rows", text);
        CHECK(both.rows == 10);
        CHECK(both.percent == 1);
    }
    CHECK(parse_bad_row_limit("--max-bad-rows", "0").none());
    CHECK(parse_bad_row_limit("--max-bad-rows", "0%").none());
    for (const char* text : {"", "x", "-1", "101%", "-1%", "%", "10,", ",1%", "1%,2%", "5,6", "1.5", "10 rows"}) {
        INFO(text);
        CHECK_THROWS_AS(parse_bad_row_limit("--max-bad-rows", text), UsageError);
    }
    CHECK_THROWS_WITH(parse_bad_row_limit("--max-bad-rows", "lots"), Contains("\"lots\" is not a limit of bad rows"));
}

TEST_CASE("cli::BadRowLimit allows the larger of its rows and its share, rounded down", "[cli]") {
    const BadRowLimit by_default;
    CHECK(by_default.allowed(0) == 10);
    CHECK(by_default.allowed(999) == 10);
    CHECK(by_default.allowed(1000) == 10);
    CHECK(by_default.allowed(1099) == 10);
    CHECK(by_default.allowed(1100) == 11);
    CHECK(by_default.allowed(2000) == 20);
    CHECK(BadRowLimit{0, 0.7}.allowed(2000) == 14);
    CHECK(BadRowLimit{0, 100}.allowed(928) == 928);
    CHECK(BadRowLimit{0, 0}.allowed(1'000'000) == 0);
}

TEST_CASE("cli::format_of_file_name picks a format by the file name's ending", "[cli]") {
    CHECK(cli::parse_output_format("--format", "html") == OutputFormat::html);
    CHECK(cli::parse_output_format("--format", "XLSX") == OutputFormat::xlsx);
    CHECK(cli::output_format_name(OutputFormat::markdown) == "markdown");
    CHECK(cli::format_of_file_name("report.html")->second == OutputFormat::html);
    CHECK(cli::format_of_file_name("out/Report.XLSX")->second == OutputFormat::xlsx);
    CHECK(cli::format_of_file_name("a.md")->second == OutputFormat::markdown);
    CHECK(cli::format_of_file_name("a.tsv")->first == ".tsv");
    CHECK(cli::format_of_file_name("a.json")->second == OutputFormat::json);
    CHECK(cli::format_of_file_name("a.csv")->second == OutputFormat::csv);
    CHECK_FALSE(cli::format_of_file_name("report.txt"));
    CHECK_FALSE(cli::format_of_file_name("report"));
    CHECK_FALSE(cli::format_of_file_name("dir.json/report"));
    CHECK_FALSE(cli::format_of_file_name(".json"));  // a hidden file's whole name
}

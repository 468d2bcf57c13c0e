#include <catch2/catch.hpp>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"

using namespace clientscore;

namespace {

constexpr DecimalMode k_dot = DecimalMode::dot;
constexpr DecimalMode k_comma = DecimalMode::comma;

struct Good {
    std::string_view text;
    DecimalMode mode;
    Money value;  // ten-thousandths
    char decimal_used;
};

void check_good(const Good& g) {
    INFO("[" << g.text << "] mode " << (g.mode == k_comma ? "comma" : "dot"));
    const Result<ParsedAmount> r = parse_amount(g.text, g.mode);
    REQUIRE(r.ok());
    CHECK(r->value == g.value);
    CHECK(r->decimal_used == g.decimal_used);
}

void check_bad(std::string_view text, DecimalMode mode, std::string_view error_start = "is not an amount") {
    INFO("[" << text << "] mode " << (mode == k_comma ? "comma" : "dot"));
    const Result<ParsedAmount> r = parse_amount(text, mode);
    REQUIRE_FALSE(r.ok());
    INFO("error: " << r.error());
    CHECK(r.error().rfind(error_start, 0) == 0);
}

}  // namespace

TEST_CASE("normalize::parse_amount", "[normalize]") {
    SECTION("plain numbers") {
        const Good rows[] = {
            {"0", k_dot, 0, '\0'},
            {"250", k_dot, 2500000, '\0'},
            {"250", k_comma, 2500000, '\0'},
            {"250.5", k_dot, 2505000, '.'},
            {"250,5", k_comma, 2505000, ','},
            {"0.01", k_dot, 100, '.'},
            {".5", k_dot, 5000, '.'},
            {",5", k_comma, 5000, ','},
            {"007", k_dot, 70000, '\0'},
            {"1234567", k_dot, 12345670000, '\0'},
            {"1234.5678", k_dot, 12345678, '.'},
            {"  42.00\t", k_dot, 420000, '.'},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("signs and parentheses, outside or inside the symbol") {
        const Good rows[] = {
            {"-5", k_dot, -50000, '\0'},
            {"+5", k_dot, 50000, '\0'},
            {"(250.00)", k_dot, -2500000, '.'},
            {"($250.00)", k_dot, -2500000, '.'},
            {"$(250.00)", k_dot, -2500000, '.'},
            {"-$5", k_dot, -50000, '\0'},
            {"$-5", k_dot, -50000, '\0'},
            {"- 5", k_dot, -50000, '\0'},
            {"(250 EUR)", k_dot, -2500000, '\0'},
            {"(250) EUR", k_dot, -2500000, '\0'},
            {"EUR (250)", k_dot, -2500000, '\0'},
            {"-250,00 €", k_comma, -2500000, ','},
            {"€ -1.234,50", k_dot, -12345000, ','},
            {"-0", k_dot, 0, '\0'},
            {"-0.00005", k_dot, -1, '.'},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("currency symbols and codes before or after") {
        const Good rows[] = {
            {"$250", k_dot, 2500000, '\0'},
            {"$ 250", k_dot, 2500000, '\0'},
            {"250$", k_dot, 2500000, '\0'},
            {"€250", k_comma, 2500000, '\0'},
            {"250 €", k_comma, 2500000, '\0'},
            {"250,00\xC2\xA0€", k_comma, 2500000, ','},  // no-break space before the symbol
            {"£1,234.56", k_dot, 12345600, '.'},
            {"¥1000", k_dot, 10000000, '\0'},
            {"₹1,000", k_dot, 10000000, '\0'},
            {"250 EUR", k_dot, 2500000, '\0'},
            {"EUR 250", k_dot, 2500000, '\0'},
            {"EUR250", k_dot, 2500000, '\0'},
            {"250EUR", k_dot, 2500000, '\0'},
            {"250 usd", k_dot, 2500000, '\0'},
            {"US$ 12.50", k_dot, 125000, '.'},
            {"R$ 1.234,56", k_comma, 12345600, ','},
            {"$1,234.56 USD", k_dot, 12345600, '.'},
            {"CHF 1'234.50", k_dot, 12345000, '.'},
            {"1 234,50 zł", k_comma, 12345000, ','},
            {"Kč 250", k_comma, 2500000, '\0'},
            {"лв 250", k_dot, 2500000, '\0'},
            {"250 руб", k_dot, 2500000, '\0'},
            {"₽-250", k_dot, -2500000, '\0'},
            {"₿0.5", k_dot, 5000, '.'},
            {"＄250", k_dot, 2500000, '\0'},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("thousands separators of every kind") {
        const Good rows[] = {
            {"1,234", k_dot, 12340000, '\0'},
            {"1,234,567", k_dot, 12345670000, '\0'},
            {"1.234", k_comma, 12340000, '\0'},
            {"1.234.567", k_comma, 12345670000, '\0'},
            {"1 234", k_dot, 12340000, '\0'},
            {"1 234 567,89", k_comma, 12345678900, ','},
            {"1\xC2\xA0"
             "234,5",
             k_comma, 12345000, ','},
            {"1\xE2\x80\xAF"
             "234.5",
             k_dot, 12345000, '.'},
            {"1\xC2\xA0"
             "234 567",
             k_dot, 12345670000, '\0'},  // plain and no-break spaces are one kind
            {"1'234'567.5", k_dot, 12345675000, '.'},
            {"1'234,5", k_comma, 12345000, ','},
            {"1,234.56", k_dot, 12345600, '.'},
            {"999,999.99", k_dot, 9999999900, '.'},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("with both separators the last is the decimal one, whatever the mode") {
        const Good rows[] = {
            {"1,234.56", k_comma, 12345600, '.'},       {"1.234,56", k_dot, 12345600, ','},
            {"1,234,567.8", k_comma, 12345678000, '.'}, {"1.234.567,8", k_dot, 12345678000, ','},
            {"12.345,6789", k_dot, 123456789, ','},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("more than four decimals round half away from zero") {
        const Good rows[] = {
            {"0.00005", k_dot, 1, '.'},        {"0.00004999", k_dot, 0, '.'},
            {"0.00015", k_dot, 2, '.'},        {"-0.00015", k_dot, -2, '.'},
            {"1.23456", k_dot, 12346, '.'},    {"1,23454", k_comma, 12345, ','},
            {"-1.23455", k_dot, -12346, '.'},  {"9.99995", k_dot, 100000, '.'},
            {"(1.99999)", k_dot, -20000, '.'}, {"1.000049999999999999999", k_dot, 10000, '.'},
        };
        for (const Good& g : rows) {
            check_good(g);
        }
    }
    SECTION("the largest amounts and overflow") {
        check_good({"922337203685477.5807", k_dot, INT64_MAX, '.'});
        check_good({"-922337203685477.5807", k_dot, -INT64_MAX, '.'});
        check_good({"922,337,203,685,477", k_dot, 9223372036854770000, '\0'});
        check_bad("922337203685477.5808", k_dot, "is too large");
        check_bad("922337203685477.58075", k_dot, "is too large");
        check_bad("922337203685478", k_dot, "is too large");
        check_bad("99999999999999999999999999", k_dot, "is too large");
        check_bad("-99999999999999999999999999.5", k_dot, "is too large");
    }
    SECTION("a thousands separator must be followed by exactly three digits") {
        check_bad("1.5", k_comma);  // never 15
        check_bad("1,5", k_dot);
        check_bad("12,34", k_dot);
        check_bad("1,2345", k_dot);
        check_bad("1,23,456", k_dot);  // Indian grouping
        check_bad("1.23", k_comma);
        check_bad("1 23", k_dot);
        check_bad("1'23.5", k_dot);
        check_bad("1,234,56", k_dot);
        check_bad("1.234.56", k_comma);
        check_bad("1,23.45", k_dot);  // both kinds: ',' is thousands and wants three digits
        check_bad("1.2,34", k_comma);
        check_bad("1234,567", k_dot);  // a first group of four digits is not grouping
        check_bad("0,500", k_dot);     // nor a first group that starts with 0
        check_bad("012,345", k_dot);
        check_bad(",500", k_dot);
        check_bad("'500", k_dot);
    }
    SECTION("malformed") {
        for (const std::string_view s : {"",
                                         " ",
                                         "$",
                                         "EUR",
                                         "-",
                                         "+",
                                         "()",
                                         "(",
                                         ")",
                                         "$()",
                                         "-$",
                                         "abc",
                                         "NaN",
                                         "1e5",
                                         "1E5",
                                         "0x10",
                                         "12a",
                                         "a12",
                                         "1..5",
                                         "1.,5",
                                         "1,,5",
                                         "1.5.",
                                         "250.",
                                         "250,",
                                         ".",
                                         ",",
                                         "1 234,5 6",
                                         "1.5.5",
                                         "--5",
                                         "+-5",
                                         "-+5",
                                         "-(5)",
                                         "(-5)",
                                         "((5))",
                                         "(5",
                                         "5)",
                                         "$5)",
                                         "$(5",
                                         "5-",
                                         "5 -",
                                         "5+",
                                         "$$ 5 $$ 5",
                                         "EUR 5 EUR 5",
                                         "1,234.567.8",
                                         "1.234,567,8",
                                         "1,234 567",
                                         "1.234 567,5",
                                         "1'234,567.5",
                                         "1.234.567",
                                         "1,234,567",
                                         "EURO 5",
                                         "E 5",
                                         "5 EU",
                                         "5 EURO",
                                         "5 € €",
                                         "€ € 5",
                                         "5\n",
                                         "\xC2\xA0",
                                         "5\xC2",
                                         "1_000",
                                         "1\t234",
                                         "1  234",
                                         "½",
                                         "5/2",
                                         "1:30",
                                         "5½",
                                         "5²",
                                         "²5",
                                         "\xE2\x88\x92"
                                         "5",
                                         "\xE2\x80\x93"
                                         "5",
                                         "5 \xE2\x80\x94",
                                         "5°",
                                         "5 ±",
                                         "5×",
                                         "\xE2\x82",
                                         "\xFF"
                                         "5",
                                         "5\xC0\x80",
                                         "\xEF\xBC\x95",
                                         "1\xEF\xBC\x95"}) {
            // "1.234.567" with dot decimal has two decimal points; ditto "1,234,567" with comma.
            check_bad(s, s == std::string_view("1,234,567") ? k_comma : k_dot);
        }
    }
    SECTION("automatic is read as dot (callers resolve it per file first)") {
        const Result<ParsedAmount> r = parse_amount("1,234", DecimalMode::automatic);
        REQUIRE(r.ok());
        CHECK(r->value == 12340000);
        CHECK_FALSE(parse_amount("1,5", DecimalMode::automatic).ok());
    }
}

TEST_CASE("normalize::parse_amount reads back what exports write", "[normalize]") {
    // Every combination of grouping, decimal separator, currency and sign style that SPEC §2
    // allows, on random values: the value read must be the value written, to the last digit.
    const std::string_view groupings[] = {"", ",", ".", " ", "\xC2\xA0", "\xE2\x80\xAF", "'"};
    const std::string_view before[] = {"", "$", "€ ", "EUR ", "US$"};
    const std::string_view after[] = {"", " EUR", "€", " zł"};
    std::mt19937_64 rng(20260305);
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t magnitude = static_cast<std::int64_t>(rng() % 1'000'000'000'000'000ULL);
        const bool negative = rng() % 3 == 0;
        const std::string_view grouping = groupings[rng() % std::size(groupings)];
        const char decimal = grouping == "." ? ',' : (grouping == "," ? '.' : (rng() % 2 ? '.' : ','));
        const std::string_view prefix = before[rng() % std::size(before)];
        const std::string_view suffix = prefix.empty() ? after[rng() % std::size(after)] : "";
        const bool whole = magnitude % k_money_scale == 0 && rng() % 2 == 0;

        std::string digits = std::to_string(magnitude / k_money_scale);
        std::string number;
        for (std::size_t k = 0; k < digits.size(); ++k) {
            if (k > 0 && (digits.size() - k) % 3 == 0) {
                number += grouping;
            }
            number += digits[k];
        }
        if (!whole) {
            std::string fraction = std::to_string(magnitude % k_money_scale);
            fraction.insert(0, 4 - fraction.size(), '0');
            number += decimal;
            number += fraction;
        }
        std::string text;
        switch (negative ? rng() % 4 : 4) {
            case 0:
                text = "-" + std::string(prefix) + number + std::string(suffix);
                break;
            case 1:
                text = std::string(prefix) + "-" + number + std::string(suffix);
                break;
            case 2:
                text = "(" + std::string(prefix) + number + std::string(suffix) + ")";
                break;
            case 3:
                text = std::string(prefix) + "(" + number + ")" + std::string(suffix);
                break;
            default:
                text = std::string(prefix) + number + std::string(suffix);
                break;
        }
        INFO("[" << text << "]");
        const Result<ParsedAmount> r = parse_amount(text, decimal == ',' ? k_comma : k_dot);
        REQUIRE(r.ok());
        CHECK(r->value == (negative ? -magnitude : magnitude));
        CHECK(r->decimal_used == (whole ? '\0' : decimal));
    }
}

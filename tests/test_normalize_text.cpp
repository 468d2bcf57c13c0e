#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"

using namespace clientscore;

TEST_CASE("normalize::trim", "[normalize]") {
    struct Row {
        std::string_view in;
        std::string_view out;
    };
    const Row rows[] = {
        {"", ""},
        {"   ", ""},
        {"\t \t", ""},
        {"a", "a"},
        {"  a", "a"},
        {"a  ", "a"},
        {"\ta b\t", "a b"},
        {" \t x y z \t ", "x y z"},
        {"\na\n", "\na\n"},  // only spaces and tabs are white space here
        {"\xC2\xA0"
         "a",
         "\xC2\xA0"
         "a"},
    };
    for (const Row& r : rows) {
        INFO("input: [" << r.in << "]");
        CHECK(trim(r.in) == r.out);
    }
}

TEST_CASE("normalize::is_missing", "[normalize]") {
    SECTION("missing markers in any case, after trimming") {
        for (const std::string_view s : {"", " ", "\t", "?", " ? ", "NA", "na", "Na", "nA", "N/A", "n/a",
                                         "N/a", "NULL", "null", "Null", "nULl", "\tNULL  "}) {
            INFO("input: [" << s << "]");
            CHECK(is_missing(s));
        }
    }
    SECTION("values that are present") {
        for (const std::string_view s : {"0", "-", "??", "N", "NAN", "nan", "N/A/", "NA/", "NULLS", "NIL",
                                         "None", "n / a", "N\\A", "a", "NA x", "?x"}) {
            INFO("input: [" << s << "]");
            CHECK_FALSE(is_missing(s));
        }
    }
}

TEST_CASE("normalize::ascii_lower", "[normalize]") {
    CHECK(ascii_lower("") == "");
    CHECK(ascii_lower("ABC xyz 123") == "abc xyz 123");
    CHECK(ascii_lower("MiXeD_Case-Header") == "mixed_case-header");
    CHECK(ascii_lower("@[`{") == "@[`{");  // the bytes around the letter ranges
    CHECK(ascii_lower("\xC3\x84"
                      "B") ==
          "\xC3\x84"
          "b");  // non-ASCII bytes are kept
}

TEST_CASE("normalize::edit_distance", "[normalize]") {
    CHECK(clientscore::edit_distance("", "") == 0);
    CHECK(clientscore::edit_distance("rank", "") == 4);
    CHECK(clientscore::edit_distance("rnak", "rank") == 2);
    CHECK(clientscore::edit_distance("C01", "C001") == 1);
    CHECK(clientscore::edit_distance("Hourly-Cost", "hourly-cost") == 0);  // ASCII case is ignored
    CHECK(clientscore::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("normalize::edit_distance_within", "[normalize]") {
    using clientscore::edit_distance_within;
    CHECK(edit_distance_within("kitten", "sitting", 3) == 3);
    CHECK(edit_distance_within("kitten", "sitting", 2) == 3);  // past the limit: limit + 1
    CHECK(edit_distance_within("acme", "acme", 0) == 0);
    CHECK(edit_distance_within("Acme", "acme", 1) == 1);       // bytes compared exactly
    CHECK(edit_distance_within("abc", "abcdef", 2) == 3);     // lengths alone are too far apart
    CHECK(edit_distance_within("c025", "c026", 1) == 2);      // one digit for another is never near
    CHECK(edit_distance_within("c025x", "c025", 1) == 1);     // a digit dropped or added is an edit
    CHECK(edit_distance_within("", "", 0) == 0);
}

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

#include "clientscore/string_index.hpp"

using clientscore::StringIndex;

TEST_CASE("aggregate::StringIndex finds what was inserted, short and long keys", "[aggregate]") {
    StringIndex index;
    std::unordered_map<std::string, std::uint32_t> expected;
    for (std::uint32_t i = 0; i < 5000; ++i) {
        // Keys around the 15-byte inline limit, empty, and long ones sharing prefixes.
        std::string key = i % 3 == 0 ? "C" + std::to_string(i)
                          : i % 3 == 1 ? std::string(14 + i % 4, 'k') + std::to_string(i)
                                       : "a very long client name that will not fit inline " + std::to_string(i);
        if (i == 7) {
            key.clear();
        }
        index.insert(key, i);
        expected.emplace(key, i);
    }
    CHECK(index.size() == expected.size());
    for (const auto& [key, value] : expected) {
        REQUIRE(index.find(key));
        CHECK(*index.find(key) == value);
    }
    CHECK_FALSE(index.find("C1"));
    CHECK_FALSE(index.find(std::string(15, 'k')));
    CHECK_FALSE(index.find("a very long client name that will not fit inline 99999"));
}

TEST_CASE("aggregate::StringIndex takes an empty key without a data pointer", "[aggregate]") {
    // An invoice without a status reaches the status index as a default string_view, whose data
    // is null: found by UBSan (memcpy and memcmp must not get null even for 0 bytes).
    StringIndex index;
    CHECK_FALSE(index.find(std::string_view()));
    index.insert(std::string_view(), 3);
    REQUIRE(index.find(std::string_view()));
    CHECK(*index.find(std::string_view()) == 3);
    CHECK(*index.find("") == 3);
    CHECK_FALSE(index.find("x"));
}

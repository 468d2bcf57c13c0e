#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clientscore/string_index.hpp"

using clientscore::hash_key;
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

TEST_CASE("aggregate::hash_key tells short keys apart and spreads them over low and high bits", "[aggregate]") {
    // Keys of every length the short path reads differently (0-3, 4-7, 8-16 bytes) and the
    // long path, including keys that differ only in length or only in one byte.
    std::set<std::uint64_t> hashes;
    std::vector<std::string> keys = {"", "a", "aa", "aaa", "ab", "ba"};
    for (std::size_t n = 1; n <= 20; ++n) {
        keys.emplace_back(n, 'x');
        std::string one_off(n, 'x');
        one_off[n / 2] = 'y';
        keys.push_back(one_off);
    }
    for (const std::string& key : keys) {
        hashes.insert(hash_key(key));
    }
    CHECK(hashes.size() == std::set<std::string>(keys.begin(), keys.end()).size());

    // Sequential client ids, the common export: a table indexes by the low bits and tags by
    // the high ones, so both must spread them. 65,536 buckets for 50,000 keys: a uniform hash
    // fills about 1 - e^(-0.76) = 53 % of them.
    std::set<std::uint64_t> low;
    std::set<std::uint64_t> high;
    for (int i = 0; i < 50000; ++i) {
        const std::uint64_t h = hash_key(fmt::format("C{:06}", i));
        low.insert(h & 0xFFFF);
        high.insert(h >> 48);
    }
    CHECK(low.size() > 32000);
    CHECK(high.size() > 32000);
}

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/position_index.hpp"

using clientscore::PositionIndex;

TEST_CASE("aggregate::PositionIndex finds positions by the caller's keys", "[aggregate]") {
    // The caller owns the keys, as the aggregator owns invoice ids; positions are its indices.
    std::vector<std::string> keys;
    PositionIndex index;
    auto key_of = [&keys](std::uint32_t at) { return std::string_view(keys[at]); };
    for (std::uint32_t i = 0; i < 20000; ++i) {
        keys.push_back(i % 2 == 0 ? "INV-" + std::to_string(i) : std::string(40, 'x') + std::to_string(i));
        REQUIRE_FALSE(index.find(keys.back(), key_of));
        index.insert(keys.back(), i);  // grows several times on the way, without reading keys
    }
    CHECK(index.size() == keys.size());
    for (std::uint32_t i = 0; i < keys.size(); ++i) {
        const auto found = index.find(keys[i], key_of);
        REQUIRE(found);
        CHECK(*found == i);
    }
    CHECK_FALSE(index.find("INV-1", key_of));  // odd numbers have the long form
    CHECK_FALSE(index.find("INV-20000", key_of));
    CHECK_FALSE(index.find("", key_of));
    CHECK_FALSE(PositionIndex().find("INV-0", key_of));
}

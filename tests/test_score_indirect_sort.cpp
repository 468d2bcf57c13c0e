#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "clientscore/indirect_sort.hpp"

using clientscore::sort_indirect;

TEST_CASE("score::sort_indirect sorts as std::sort does, moving each row along its cycle", "[score]") {
    auto less = [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; };
    std::mt19937 random(7);
    for (std::size_t n : {0, 1, 2, 3, 10, 1000}) {
        std::vector<std::string> rows;
        for (std::size_t i = 0; i < n; ++i) {
            // Long strings, so a row lost or doubled by a wrong move would show.
            rows.push_back(std::string(20 + random() % 5, 'a') + std::to_string(random() % 100000) + "#" + std::to_string(i));
        }
        std::vector<std::string> expected = rows;
        std::sort(expected.begin(), expected.end(), less);
        sort_indirect(rows, less);
        CHECK(rows == expected);
    }
    std::vector<std::string> sorted = {"a", "b", "c"};
    sort_indirect(sorted, less);
    CHECK(sorted == std::vector<std::string>{"a", "b", "c"});
    std::vector<std::string> reversed = {"c", "b", "a"};
    sort_indirect(reversed, less);
    CHECK(reversed == std::vector<std::string>{"a", "b", "c"});
}

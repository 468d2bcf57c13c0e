#pragma once
// Sorting large rows by moving them once. std::sort swaps its elements about n log n times; a
// ClientResult is hundreds of bytes with strings inside, and sorting a million of them by
// swapping is a large share of a rank run (bench/RESULTS.md). Here the positions are sorted, then each row is moved
// along its cycle of the permutation: n moves, and no second copy of the rows.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace clientscore {

/// Moves `items` so that items[i] is what was at order[i] (a permutation of the positions,
/// which it leaves as 0, 1, 2, ...): n moves along the permutation's cycles.
template <class T>
void move_into_order(std::vector<T>& items, std::vector<std::uint32_t>& order) {
    // Follow each cycle once, marking a finished place by order[i] == i.
    for (std::uint32_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) {
            continue;
        }
        T held = std::move(items[start]);
        std::uint32_t at = start;
        while (order[at] != start) {
            const std::uint32_t from = order[at];
            items[at] = std::move(items[from]);
            order[at] = at;
            at = from;
        }
        items[at] = std::move(held);
        order[at] = at;
    }
}

/// Sorts `items` by `less`, which must be a strict total order on them (ties broken, so the
/// result is the same as std::sort's).
template <class T, class Less>
void sort_indirect(std::vector<T>& items, Less less) {
    std::vector<std::uint32_t> order(items.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&items, &less](std::uint32_t a, std::uint32_t b) { return less(items[a], items[b]); });
    move_into_order(items, order);
}

}  // namespace clientscore

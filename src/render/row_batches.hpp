#pragma once
// Rows rendered on every core and written in order: after reading, rendering a million clients'
// reasons, actions and numbers is the longest step left, and it would run on one core.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/parallel.hpp"

namespace clientscore::render {

/// Calls render_row(i, text), on `threads_asked` workers, for every row i in [0, count), appending row i's text, and
/// write(text) with the rows' texts in row order. Rows go in batches, each cut into one
/// contiguous run per worker, so at most one batch of text is held at a time.
template <class RenderRow, class Write>
void render_rows_in_batches(unsigned threads_asked, std::size_t count, const RenderRow& render_row,
                            const Write& write) {
    constexpr std::size_t k_batch = 4096;
    const std::size_t threads = std::max(1u, threads_asked);
    std::vector<std::string> texts(threads);
    for (std::size_t begin = 0; begin < count; begin += k_batch) {
        const std::size_t size = std::min(count - begin, k_batch);
        const std::size_t workers = std::min(threads, size);
        in_parallel(workers, [&](std::size_t w) {
            std::string& text = texts[w];
            text.clear();
            for (std::size_t i = begin + size * w / workers; i < begin + size * (w + 1) / workers; ++i) {
                render_row(i, text);
            }
        });
        for (std::size_t w = 0; w < workers; ++w) {
            write(std::string_view(texts[w]));
        }
    }
}

}  // namespace clientscore::render

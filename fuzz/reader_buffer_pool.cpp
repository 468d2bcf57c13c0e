// Keeps fast-cpp-csv-parser's 48 MiB line buffers (io::LineReader allocates 3 << 24 bytes per
// reader) for the next reader instead of giving them back to AddressSanitizer.
//
// Why: under ASan each such new[]/delete[] maps a fresh region and poisons 6 MiB of shadow; the
// page faults took about 90% of the CSV and pipeline targets' time (perf: about 20 inputs a
// second). A pooled block keeps its pages. ASan still guards it: a block is poisoned while it
// sits in the pool, so a use after delete[] is reported, and a poisoned redzone follows the
// 48 MiB, so an overflow past the end is reported. Other sizes go to malloc, which ASan guards
// as usual (only its new[]/free mismatch check is lost, for arrays).

#include <sanitizer/asan_interface.h>

#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <new>

namespace {

constexpr std::size_t reader_buffer = std::size_t{3} << 24;
constexpr std::size_t redzone = 4096;
// Readers alive at once: one per worker of the sliced pipeline runs, with room to spare.
constexpr int most_blocks = 16;

std::mutex g_mutex;
void* g_blocks[most_blocks] = {};  // every block ever made; they live as long as the process
bool g_in_use[most_blocks] = {};
int g_block_count = 0;

int block_index(const void* p) {
    for (int i = 0; i < g_block_count; ++i) {
        if (g_blocks[i] == p) {
            return i;
        }
    }
    return -1;
}

void* take_block() {
    std::lock_guard<std::mutex> lock(g_mutex);
    for (int i = 0; i < g_block_count; ++i) {
        if (!g_in_use[i]) {
            g_in_use[i] = true;
            ASAN_UNPOISON_MEMORY_REGION(g_blocks[i], reader_buffer);
            return g_blocks[i];
        }
    }
    if (g_block_count == most_blocks) {
        std::abort();  // more live readers than any run of the targets opens
    }
    void* block = std::aligned_alloc(4096, reader_buffer + redzone);
    if (block == nullptr) {
        throw std::bad_alloc();
    }
    ASAN_POISON_MEMORY_REGION(static_cast<char*>(block) + reader_buffer, redzone);
    g_blocks[g_block_count] = block;
    g_in_use[g_block_count] = true;
    ++g_block_count;
    return block;
}

}  // namespace

void* operator new[](std::size_t size) {
    if (size == reader_buffer) {
        return take_block();
    }
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    return p;
}

void operator delete[](void* p) noexcept {
    if (p == nullptr) {
        return;
    }
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        const int i = block_index(p);
        if (i >= 0) {
            g_in_use[i] = false;
            ASAN_POISON_MEMORY_REGION(p, reader_buffer);
            return;
        }
    }
    std::free(p);
}

void operator delete[](void* p, std::size_t) noexcept { operator delete[](p); }

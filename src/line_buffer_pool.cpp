// Keeps fast-cpp-csv-parser's 48 MiB line buffers for the next reader. io::LineReader allocates
// its buffer with new char[3 << 24] and offers no way to pass one in; a large file is read in
// dozens of slices, each by a new LineReader. Fresh from the system, every slice's buffer was
// mapped, faulted in and zeroed page by page, then unmapped: on a 1 GB run that was 9 % of the
// profile (page faults, clearing, unmapping). So this file replaces operator new[] and
// delete[] (a replacement C++ allows for exactly this) and keeps blocks of that one size.
//
// It is linked into every executable that links clientscore_core (CMakeLists.txt), outside the
// core archive so that no link can leave it out. Other sizes go to malloc, as before.
//
// Memory: a block given back keeps its first k_kept_bytes of pages for the next reader (a
// slice reader touches no more, see slice_bytes in analysis.cpp) and returns the rest;
// release_line_buffers() frees the idle blocks once reading is over.
//
// Under AddressSanitizer a pooled block stays poisoned while unused, and a poisoned redzone
// follows its 48 MiB, so a use after delete[] and an overflow past its end are still reported
// (only ASan's new[]/free mismatch check is lost, for arrays). Fresh 48 MiB blocks under ASan
// also cost a fresh 6 MiB of shadow each: the fuzz targets ran four times slower without this.

#include <sys/mman.h>

#include <sanitizer/asan_interface.h>

#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <new>

#include "clientscore/ingest.hpp"

namespace {

constexpr std::size_t k_line_buffer = std::size_t{3} << 24;  // io::LineReader's 3 * block_len
constexpr std::size_t k_kept_bytes = std::size_t{32} << 20;
constexpr std::size_t k_redzone = 4096;
constexpr std::size_t k_page = 4096;
// Readers alive at once: one per worker thread (at most 4), and a header search's second.
constexpr int k_most_blocks = 16;

std::mutex g_mutex;
void* g_blocks[k_most_blocks] = {};
bool g_in_use[k_most_blocks] = {};
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
    const std::lock_guard<std::mutex> lock(g_mutex);
    for (int i = 0; i < g_block_count; ++i) {
        if (!g_in_use[i]) {
            g_in_use[i] = true;
            ASAN_UNPOISON_MEMORY_REGION(g_blocks[i], k_line_buffer);
            return g_blocks[i];
        }
    }
    if (g_block_count == k_most_blocks) {
        return nullptr;  // more readers at once than ever planned: an ordinary allocation
    }
    void* block = std::aligned_alloc(k_page, k_line_buffer + k_redzone);
    if (block == nullptr) {
        throw std::bad_alloc();
    }
    ASAN_POISON_MEMORY_REGION(static_cast<char*>(block) + k_line_buffer, k_redzone);
    g_blocks[g_block_count] = block;
    g_in_use[g_block_count] = true;
    ++g_block_count;
    return block;
}

// True when `p` was a pooled block, now idle.
bool give_back(void* p) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    const int i = block_index(p);
    if (i < 0) {
        return false;
    }
    g_in_use[i] = false;
    madvise(static_cast<char*>(p) + k_kept_bytes, k_line_buffer - k_kept_bytes, MADV_DONTNEED);
    ASAN_POISON_MEMORY_REGION(p, k_line_buffer);
    return true;
}

void* allocate(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    return p;
}

}  // namespace

namespace clientscore {

void release_line_buffers() {
    const std::lock_guard<std::mutex> lock(g_mutex);
    int kept = 0;
    for (int i = 0; i < g_block_count; ++i) {
        if (g_in_use[i]) {
            g_blocks[kept] = g_blocks[i];
            g_in_use[kept] = true;
            ++kept;
            continue;
        }
        ASAN_UNPOISON_MEMORY_REGION(g_blocks[i], k_line_buffer + k_redzone);
        std::free(g_blocks[i]);
    }
    g_block_count = kept;
}

}  // namespace clientscore

void* operator new[](std::size_t size) {
    if (size == k_line_buffer) {
        if (void* block = take_block()) {
            return block;
        }
    }
    return allocate(size);
}

void operator delete[](void* p) noexcept {
    if (p == nullptr || give_back(p)) {
        return;
    }
    std::free(p);
}

void operator delete[](void* p, std::size_t) noexcept { operator delete[](p); }

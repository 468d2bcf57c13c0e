// operator new is replaced here so that a failed allocation leaves its size and the file being
// read behind for the message; it allocates as the default one does (malloc), so the default
// operator delete still matches it.

#include "clientscore/memory.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>

namespace clientscore {

namespace {

thread_local std::string_view t_reading;

// Written only on the way to throwing bad_alloc, without allocating: a fixed buffer.
std::atomic<bool> g_failed{false};
std::atomic<std::size_t> g_failed_bytes{0};
char g_failed_file[256];
std::atomic<std::size_t> g_failed_file_size{0};

void note_failure(std::size_t bytes) {
    g_failed_bytes = bytes;
    const std::size_t n = std::min(t_reading.size(), sizeof g_failed_file);
    std::memcpy(g_failed_file, t_reading.data(), n);
    g_failed_file_size = n;
    g_failed = true;
}

void* allocate(std::size_t bytes) {
    for (;;) {
        if (void* p = std::malloc(bytes == 0 ? 1 : bytes)) {
            return p;
        }
        std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) {
            note_failure(bytes);
            throw std::bad_alloc();
        }
        handler();
    }
}

}  // namespace

ReadingScope::ReadingScope(std::string_view file) : m_previous(t_reading) { t_reading = file; }
ReadingScope::~ReadingScope() { t_reading = m_previous; }

std::optional<FailedAllocation> last_failed_allocation() {
    if (!g_failed) {
        return std::nullopt;
    }
    return FailedAllocation{g_failed_bytes, std::string(g_failed_file, g_failed_file_size)};
}

}  // namespace clientscore

void* operator new(std::size_t bytes) { return clientscore::allocate(bytes); }
void* operator new[](std::size_t bytes) { return clientscore::allocate(bytes); }
void* operator new(std::size_t bytes, const std::nothrow_t&) noexcept {
    try {
        return clientscore::allocate(bytes);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t bytes, const std::nothrow_t& tag) noexcept { return operator new(bytes, tag); }
// The matching deletes: with a sanitizer, its own operator delete would not match malloc.
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

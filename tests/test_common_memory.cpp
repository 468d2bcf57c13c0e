// ReadingScope and last_failed_allocation (src/common/memory.cpp): the out-of-memory message of
// SPEC §1 (exit 3) names the file being read and how much was asked.

#include <catch2/catch.hpp>

#include <cstddef>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <thread>

#include "clientscore/memory.hpp"

using namespace clientscore;

namespace {

// Through volatile pointers, so that the compiler cannot drop or fold the allocations.
void* (*volatile g_new)(std::size_t) = static_cast<void* (*)(std::size_t)>(&::operator new);
void* (*volatile g_new_array)(std::size_t) = static_cast<void* (*)(std::size_t)>(&::operator new[]);
void* (*volatile g_new_nothrow)(std::size_t, const std::nothrow_t&) noexcept =
    static_cast<void* (*)(std::size_t, const std::nothrow_t&) noexcept>(&::operator new);

// More than any machine has: malloc refuses it at once.
constexpr std::size_t k_too_much = std::numeric_limits<std::size_t>::max() / 4;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif
#else
constexpr bool k_sanitized = false;
#endif

// An allocation of `bytes` that must fail; what last_failed_allocation then reports.
std::optional<FailedAllocation> fail_allocation(std::size_t bytes) {
    CHECK_THROWS_AS(g_new(bytes), std::bad_alloc);
    return last_failed_allocation();
}

}  // namespace

TEST_CASE("common::last_failed_allocation names the size and the file being read", "[common]") {
    if (k_sanitized) {
        SUCCEED("AddressSanitizer aborts on an allocation this large instead of failing it");
        return;
    }
    const std::string file = "invoices-2026.csv";
    {
        const ReadingScope reading(file);
        const std::optional<FailedAllocation> failed = fail_allocation(k_too_much);
        REQUIRE(failed);
        CHECK(failed->bytes == k_too_much);
        CHECK(failed->file == "invoices-2026.csv");
    }
    // The scope has ended: a failure now names no file, and the size is the new one.
    const std::optional<FailedAllocation> outside = fail_allocation(k_too_much - 1);
    REQUIRE(outside);
    CHECK(outside->bytes == k_too_much - 1);
    CHECK(outside->file.empty());
}

TEST_CASE("common::ReadingScope nests: the inner file while it lives, then the outer again", "[common]") {
    if (k_sanitized) {
        SUCCEED("AddressSanitizer aborts on an allocation this large instead of failing it");
        return;
    }
    const std::string outer = "calls.csv";
    const std::string inner = "holidays.csv";
    const ReadingScope reading_outer(outer);
    {
        const ReadingScope reading_inner(inner);
        const std::optional<FailedAllocation> failed = fail_allocation(k_too_much);
        REQUIRE(failed);
        CHECK(failed->file == "holidays.csv");
    }
    const std::optional<FailedAllocation> failed = fail_allocation(k_too_much);
    REQUIRE(failed);
    CHECK(failed->file == "calls.csv");
}

TEST_CASE("common::last_failed_allocation sees new[] and nothrow new fail too", "[common]") {
    if (k_sanitized) {
        SUCCEED("AddressSanitizer aborts on an allocation this large instead of failing it");
        return;
    }
    const std::string file = "emails.csv";
    const ReadingScope reading(file);
    CHECK_THROWS_AS(g_new_array(k_too_much - 2), std::bad_alloc);
    std::optional<FailedAllocation> failed = last_failed_allocation();
    REQUIRE(failed);
    CHECK(failed->bytes == k_too_much - 2);
    CHECK(failed->file == "emails.csv");

    CHECK(g_new_nothrow(k_too_much - 3, std::nothrow) == nullptr);
    failed = last_failed_allocation();
    REQUIRE(failed);
    CHECK(failed->bytes == k_too_much - 3);
    CHECK(failed->file == "emails.csv");

    // An allocation that succeeds changes nothing.
    void* p = g_new(64);
    ::operator delete(p);
    failed = last_failed_allocation();
    REQUIRE(failed);
    CHECK(failed->bytes == k_too_much - 3);
}

TEST_CASE("common::ReadingScope belongs to its thread, a failure on any thread is reported", "[common]") {
    if (k_sanitized) {
        SUCCEED("AddressSanitizer aborts on an allocation this large instead of failing it");
        return;
    }
    const std::string mine = "calls.csv";
    const std::string theirs = "discounts.csv";
    const ReadingScope reading(mine);
    bool threw_without_scope = false;
    bool threw_in_scope = false;
    std::thread([&] {
        // This thread reads nothing yet: the main thread's scope is not its own.
        try {
            g_new(k_too_much);
        } catch (const std::bad_alloc&) {
            threw_without_scope = true;
        }
    }).join();
    CHECK(threw_without_scope);
    std::optional<FailedAllocation> failed = last_failed_allocation();
    REQUIRE(failed);
    CHECK(failed->file.empty());

    std::thread([&] {
        const ReadingScope reading_there(theirs);
        try {
            g_new(k_too_much - 5);
        } catch (const std::bad_alloc&) {
            threw_in_scope = true;
        }
    }).join();
    CHECK(threw_in_scope);
    failed = last_failed_allocation();
    REQUIRE(failed);
    CHECK(failed->bytes == k_too_much - 5);
    CHECK(failed->file == "discounts.csv");
}

#pragma once
// The hash of the lookup tables filled once per record (StringIndex, PositionIndex). Their keys
// are client and invoice ids, nearly always under 17 bytes: those are read as two words and
// mixed with one 64×64→128-bit multiplication (the scheme of wyhash), instead of the library's
// byte-by-byte stream hash (bench/RESULTS.md has its cost). Both halves of the result depend on
// every key byte: the tables take slots from the low bits and tags from the high ones.

#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

namespace clientscore {

namespace detail {

__extension__ using Uint128 = unsigned __int128;  // GCC and Clang; -Wpedantic knows it as an extension

inline std::uint64_t mix_words(std::uint64_t a, std::uint64_t b) {
    const Uint128 product = static_cast<Uint128>(a) * b;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

}  // namespace detail

inline std::uint64_t hash_key(std::string_view key) {
    constexpr std::uint64_t k_first = 0xa0761d6478bd642fULL;
    constexpr std::uint64_t k_second = 0xe7037ed1a0b428dbULL;
    constexpr std::uint64_t k_third = 0x8ebc6af09c88c6e3ULL;
    const std::size_t n = key.size();
    const char* p = key.data();
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (n > 16) {
        return std::hash<std::string_view>{}(key);
    }
    if (n >= 8) {
        // Two words that overlap when n < 16; the length below tells "ab" keys apart.
        std::memcpy(&a, p, 8);
        std::memcpy(&b, p + n - 8, 8);
    } else if (n >= 4) {
        std::uint32_t low = 0;
        std::uint32_t high = 0;
        std::memcpy(&low, p, 4);
        std::memcpy(&high, p + n - 4, 4);
        a = low;
        b = high;
    } else if (n > 0) {
        a = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    return detail::mix_words(detail::mix_words(a ^ k_first, b ^ k_second ^ n) ^ k_third, n ^ k_first);
}

}  // namespace clientscore

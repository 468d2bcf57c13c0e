#pragma once
// Finding the next byte that matters in CSV text sixteen bytes at a time. The reading stages
// (TextGuard, the field splitter) spend most of their time walking plain text between such
// bytes; SSE2 is part of every x86-64 CPU, and other targets take the byte loop.

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace clientscore::ingest {

#if defined(__SSE2__)

/// Bit i is set when byte i of the 16 at `p` is one of the Bytes.
template <char... Bytes>
inline unsigned match_mask16(const unsigned char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i any = _mm_setzero_si128();
    ((any = _mm_or_si128(any, _mm_cmpeq_epi8(v, _mm_set1_epi8(Bytes)))), ...);
    return static_cast<unsigned>(_mm_movemask_epi8(any));
}

/// The same, with every byte of 0x80 and above (non-ASCII) also set.
template <char... Bytes>
inline unsigned match_mask16_or_high(const unsigned char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return match_mask16<Bytes...>(p) | static_cast<unsigned>(_mm_movemask_epi8(v));
}

#endif

/// The first byte at or after `p` that is one of the Bytes. One of them must come before the
/// end of the readable memory, and the 15 bytes after it must be readable too (they are read,
/// not used): the splitter's lines end in a NUL inside fast-cpp-csv-parser's much larger buffer.
template <char... Bytes>
inline const char* find_first_of(const char* p) {
#if defined(__SSE2__)
    for (;;) {
        const unsigned mask = match_mask16<Bytes...>(reinterpret_cast<const unsigned char*>(p));
        if (mask != 0) {
            return p + __builtin_ctz(mask);
        }
        p += 16;
    }
#else
    while (((*p != Bytes) && ...)) {
        ++p;
    }
    return p;
#endif
}

}  // namespace clientscore::ingest

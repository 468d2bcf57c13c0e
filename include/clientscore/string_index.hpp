#pragma once
// A map from strings to dense indices, for the lookups made once per record (client ids,
// invoice ids). Records stream through the caches and evict the scattered nodes of a
// node-based map: a lookup there costs several memory misses. Here a key of up to 15 bytes
// lives in its slot, so a lookup touches one 32-byte slot in one flat table.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/key_hash.hpp"

namespace clientscore {

class StringIndex {
public:
    /// The value stored for `key`, if any.
    std::optional<std::uint32_t> find(std::string_view key) const { return find(key, hash_of(key)); }
    /// The same, with the key's hash_of already computed (see prefetch).
    std::optional<std::uint32_t> find(std::string_view key, std::uint64_t hash) const;
    /// Starts loading the slot where a lookup of a key with this hash begins, so that a find a
    /// few records later does not wait for memory: the table is bigger than the core's cache,
    /// and the records streaming through evict it, so an unprepared lookup costs a memory miss.
    void prefetch(std::uint64_t hash) const {
        if (!m_slots.empty()) {
            __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)]);
        }
    }
    static std::uint64_t hash_of(std::string_view key) { return hash_key(key); }
    /// Stores `value` for `key`, which must not be present yet.
    void insert(std::string_view key, std::uint32_t value);
    std::size_t size() const { return m_count; }

private:
    static constexpr std::size_t k_inline = 15;
    static constexpr std::uint32_t k_empty = UINT32_MAX;
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t value = k_empty;
        std::uint32_t long_key = 0;  // index into m_long_keys when length > k_inline
        std::uint8_t length = 0;     // min(key length, 255); the real length is in the key
        char key[k_inline] = {};
    };
    bool matches(const Slot& slot, std::uint64_t hash, std::string_view key) const;
    void grow();

    std::vector<Slot> m_slots;
    std::vector<std::string> m_long_keys;
    std::size_t m_count = 0;
};

}  // namespace clientscore

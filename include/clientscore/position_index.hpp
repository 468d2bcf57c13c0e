#pragma once
// Positions in a caller's array, found by a string key that the caller keeps itself (invoice
// ids in the aggregator's id text). A slot is 8 bytes, a hash tag and a position: the 850,000
// invoices of a 1 GB export set need 16 MiB here, against 64 MiB in a StringIndex, whose slots
// hold the keys. A lookup that finds nothing, the usual case for an invoice id, never reads a
// key; a tag that matches is confirmed against the caller's key.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "clientscore/key_hash.hpp"

namespace clientscore {

class PositionIndex {
public:
    /// The position stored for `key`; `key_of(position)` gives the caller's key of a position.
    template <class KeyOf>
    std::optional<std::uint32_t> find(std::string_view key, const KeyOf& key_of) const {
        if (m_slots.empty()) {
            return std::nullopt;
        }
        const std::uint64_t hash = hash_of(key);
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            const Slot& slot = m_slots[at];
            if (slot.position == k_empty) {
                return std::nullopt;
            }
            if (slot.tag == tag && key_of(slot.position) == key) {
                return slot.position;
            }
        }
    }

    /// Stores `position` for `key`, which must not be present yet. Growing rehashes the keys
    /// through `key_of`.
    template <class KeyOf>
    void insert(std::string_view key, std::uint32_t position, const KeyOf& key_of) {
        // Kept at most half full, so probes stay short.
        if ((m_count + 1) * 2 > m_slots.size()) {
            std::vector<Slot> old = std::move(m_slots);
            m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
            for (const Slot& slot : old) {
                if (slot.position != k_empty) {
                    place(hash_of(key_of(slot.position)), slot.position);
                }
            }
        }
        place(hash_of(key), position);
        ++m_count;
    }

    std::size_t size() const { return m_count; }

private:
    static constexpr std::uint32_t k_empty = UINT32_MAX;
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t position = k_empty;
    };
    static std::uint64_t hash_of(std::string_view key) { return hash_key(key); }
    void place(std::uint64_t hash, std::uint32_t position) {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t at = hash & mask;
        while (m_slots[at].position != k_empty) {
            at = (at + 1) & mask;
        }
        m_slots[at] = Slot{static_cast<std::uint32_t>(hash >> 32), position};
    }

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

}  // namespace clientscore

#pragma once
// Positions in a caller's array, found by a string key that the caller keeps itself (invoice
// ids in the aggregator's id text). A slot is 8 bytes, a hash tag and a position, a quarter
// of a StringIndex slot, which holds the key (bench/RESULTS.md). A lookup that finds nothing, the usual case for an invoice id, never reads a
// key; a tag that matches is confirmed against the caller's key. A key's slot comes from its
// tag, so growing the table moves the slots without reading a key, which would be a memory miss
// per invoice.

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
        const std::uint32_t tag = tag_of(key);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
            const Slot& slot = m_slots[at];
            if (slot.position == k_empty) {
                return std::nullopt;
            }
            if (slot.tag == tag && key_of(slot.position) == key) {
                return slot.position;
            }
        }
    }

    /// Stores `position` for `key`, which must not be present yet.
    void insert(std::string_view key, std::uint32_t position) {
        // Kept at most half full, so probes stay short.
        if ((m_count + 1) * 2 > m_slots.size()) {
            std::vector<Slot> old = std::move(m_slots);
            m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
            for (const Slot& slot : old) {
                if (slot.position != k_empty) {
                    place(slot.tag, slot.position);
                }
            }
        }
        place(tag_of(key), position);
        ++m_count;
    }

    std::size_t size() const { return m_count; }

private:
    static constexpr std::uint32_t k_empty = UINT32_MAX;
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t position = k_empty;
    };
    // The high half of the key's hash: its low bits choose the slot (tables stay far below 2^32
    // slots), and all 32 tell keys apart before one is read.
    static std::uint32_t tag_of(std::string_view key) { return static_cast<std::uint32_t>(hash_key(key) >> 32); }
    void place(std::uint32_t tag, std::uint32_t position) {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t at = tag & mask;
        while (m_slots[at].position != k_empty) {
            at = (at + 1) & mask;
        }
        m_slots[at] = Slot{tag, position};
    }

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

}  // namespace clientscore

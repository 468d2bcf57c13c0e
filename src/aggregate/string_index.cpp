#include "clientscore/string_index.hpp"

#include <cstring>

namespace clientscore {

bool StringIndex::matches(const Slot& slot, std::uint64_t hash, std::string_view key) const {
    if (slot.hash != hash) {
        return false;
    }
    if (key.size() <= k_inline) {
        // An empty key may have no data pointer, which memcmp must not be given even for 0 bytes.
        return slot.length == key.size() && (key.empty() || std::memcmp(slot.key, key.data(), key.size()) == 0);
    }
    return slot.length == std::min<std::size_t>(key.size(), 255) && m_long_keys[slot.long_key] == key;
}

std::optional<std::uint32_t> StringIndex::find(std::string_view key, std::uint64_t hash) const {
    if (m_slots.empty()) {
        return std::nullopt;
    }
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        const Slot& slot = m_slots[at];
        if (slot.value == k_empty) {
            return std::nullopt;
        }
        if (matches(slot, hash, key)) {
            return slot.value;
        }
    }
}

void StringIndex::insert(std::string_view key, std::uint32_t value) {
    // Kept at most half full, so probes stay short.
    if ((m_count + 1) * 2 > m_slots.size()) {
        grow();
    }
    const std::uint64_t hash = hash_of(key);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = hash & mask;
    while (m_slots[at].value != k_empty) {
        at = (at + 1) & mask;
    }
    Slot& slot = m_slots[at];
    slot.hash = hash;
    slot.value = value;
    slot.length = static_cast<std::uint8_t>(std::min<std::size_t>(key.size(), 255));
    if (key.size() <= k_inline) {
        if (!key.empty()) {
            std::memcpy(slot.key, key.data(), key.size());
        }
    } else {
        slot.long_key = static_cast<std::uint32_t>(m_long_keys.size());
        m_long_keys.emplace_back(key);
    }
    ++m_count;
}

void StringIndex::grow() {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
        if (slot.value == k_empty) {
            continue;
        }
        std::size_t at = slot.hash & mask;
        while (m_slots[at].value != k_empty) {
            at = (at + 1) & mask;
        }
        m_slots[at] = slot;
    }
}

}  // namespace clientscore

#pragma once
// The contacts and time entries the Aggregator holds back between begin_records and end_records.
//
// Counting one contact needs the client's slot in the raw-value index and then its totals: two
// places in tables larger than a core's cache that the streaming records keep evicting, so a
// contact counted at once waits for memory twice. Held, each is prefetched k_hold records
// ahead of its lookup and again ahead of its counting, and the loads overlap. Records are
// still counted one by one in file order: the totals, the client order and the bad rows do not
// change. (bench/RESULTS.md has what this bought.)

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "clientscore/ingest.hpp"

namespace clientscore {

struct HeldContact {
    // A time entry is held as a contact with its client, date, duration and person (all that
    // counting one reads), so that both kinds keep their file order in one ring.
    ContactRecord record;  // its views cleared: the reader's buffer moves on
    bool time = false;
    std::string client;
    std::string person;
    std::uint64_t hash = 0;
    std::uint32_t index = 0;
    std::uint32_t person_id = 0;  // set with index, when `person` is not empty
};

/// A ring of contacts that move through three steps in order: held (hashed, index slot
/// prefetched), resolved (client index known, totals prefetched), counted.
class HeldContacts {
public:
    static constexpr std::size_t k_hold = 8;

    bool holding = false;

    bool full() const { return m_in - m_counted == m_ring.size(); }
    /// The place for the next contact; the caller fills it before anything else is asked.
    HeldContact& push() { return m_ring[m_in++ % m_ring.size()]; }
    /// True when the oldest unresolved contact is k_hold records behind the newest.
    bool resolve_due() const { return m_in - m_resolved > k_hold; }
    bool any_unresolved() const { return m_resolved < m_in; }
    bool any_uncounted() const { return m_counted < m_in; }
    HeldContact& next_to_resolve() { return m_ring[m_resolved++ % m_ring.size()]; }
    HeldContact& next_to_count() { return m_ring[m_counted++ % m_ring.size()]; }

private:
    std::array<HeldContact, 2 * k_hold> m_ring;
    std::uint64_t m_in = 0;        // contacts held so far
    std::uint64_t m_resolved = 0;  // of those, looked up
    std::uint64_t m_counted = 0;   // of those, counted
};

}  // namespace clientscore

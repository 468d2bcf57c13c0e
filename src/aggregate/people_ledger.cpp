// Who carries each client (SPEC ◆9): the persons named on calls, emails and time entries, and
// one load per client and person. Records add to a load as they stream; nothing per record is
// kept.

#include <algorithm>
#include <utility>

#include "clientscore/key_hash.hpp"

#include "clientscore/aggregate.hpp"

namespace clientscore {

namespace {

// Client and person indices are dense and small: mixed so that neighbours spread over the table.
std::uint64_t pair_hash(std::uint64_t key) { return detail::mix_words(key ^ 0xa0761d6478bd642fULL, 0xe7037ed1a0b428dbULL); }

// The home slot of a hash in a table of any size (not only powers of two, so that the table
// grows by half rather than doubling: with millions of pairs the unused half was most of it).
std::size_t home_slot(std::uint64_t hash, std::size_t size) {
    return static_cast<std::size_t>((static_cast<detail::Uint128>(hash) * size) >> 64);
}

bool add_count(std::uint32_t& sum, std::uint32_t value) {
    if (__builtin_add_overflow(sum, value, &sum)) {
        sum = UINT32_MAX;
        return false;
    }
    return true;
}

}  // namespace

bool PersonLoad::add(const PersonLoad& o) {
    // Evaluated apart: each sum must be added whether or not another reached its limit.
    const bool time = add_saturating(ms, o.ms);
    const bool mails = add_count(emails, o.emails);
    const bool after = add_count(after_hours_in, o.after_hours_in);
    return time && mails && after;
}

std::uint32_t PeopleLedger::person_id(std::string_view name) {
    const std::uint64_t hash = StringIndex::hash_of(name);
    if (const std::optional<std::uint32_t> found = m_ids.find(name, hash)) {
        return *found;
    }
    const auto id = static_cast<std::uint32_t>(m_names.size());
    m_names.emplace_back(name);
    m_ids.insert(name, id);
    return id;
}

void PeopleLedger::grow() {
    const std::size_t size = std::max<std::size_t>(64, m_slots.size() + m_slots.size() / 2);
    const std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(size));
    const std::size_t count = m_slots.size();
    for (const Slot& slot : old) {
        if (slot.key == k_empty) {
            continue;
        }
        std::size_t at = home_slot(pair_hash(slot.key), count);
        while (m_slots[at].key != k_empty) {
            at = at + 1 == count ? 0 : at + 1;
        }
        m_slots[at] = slot;
    }
}

void PeopleLedger::prefetch(std::uint32_t client, std::uint32_t person) const {
    if (!m_slots.empty()) {
        const std::uint64_t key = (std::uint64_t{client} << 32) | person;
        __builtin_prefetch(&m_slots[home_slot(pair_hash(key), m_slots.size())], 1);
    }
}

bool PeopleLedger::add(std::uint32_t client, std::uint32_t person, const PersonLoad& load) {
    // At most 85% full: linear probes stay short on a table of well-mixed keys.
    if (20 * (m_count + 1) > 17 * m_slots.size()) {
        grow();
    }
    const std::uint64_t key = (std::uint64_t{client} << 32) | person;
    const std::size_t count = m_slots.size();
    std::size_t at = home_slot(pair_hash(key), count);
    while (m_slots[at].key != key) {
        if (m_slots[at].key == k_empty) {
            m_slots[at].key = key;
            ++m_count;
            break;
        }
        at = at + 1 == count ? 0 : at + 1;
    }
    return m_slots[at].load.add(load);
}

bool PeopleLedger::merge(const PeopleLedger& other, std::span<const std::uint32_t> client_map) {
    std::vector<std::uint32_t> person_map(other.m_names.size());
    for (std::size_t p = 0; p < other.m_names.size(); ++p) {
        person_map[p] = person_id(other.m_names[p]);
    }
    bool fits = true;
    for (const Slot& slot : other.m_slots) {
        if (slot.key != k_empty) {
            fits &= add(client_map[slot.key >> 32], person_map[slot.key & 0xFFFFFFFFu], slot.load);
        }
    }
    return fits;
}

std::vector<ClientPerson> PeopleLedger::by_client() const {
    // Names ranked once, so that the pairs sort on integers: a name compare for each of
    // millions of pairs cost more than counting them.
    std::vector<std::uint32_t> order(m_names.size());
    for (std::size_t p = 0; p < order.size(); ++p) {
        order[p] = static_cast<std::uint32_t>(p);
    }
    std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) { return m_names[a] < m_names[b]; });
    std::vector<std::uint32_t> rank(m_names.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = static_cast<std::uint32_t>(r);
    }
    std::vector<ClientPerson> out;
    out.reserve(m_count);
    for (const Slot& slot : m_slots) {
        if (slot.key != k_empty) {
            out.push_back(ClientPerson{static_cast<std::uint32_t>(slot.key >> 32),
                                       static_cast<std::uint32_t>(slot.key & 0xFFFFFFFFu), slot.load});
        }
    }
    std::sort(out.begin(), out.end(), [&rank](const ClientPerson& a, const ClientPerson& b) {
        if (a.client != b.client) {
            return a.client < b.client;
        }
        return rank[a.person] < rank[b.person];
    });
    return out;
}

PeopleByClient::PeopleByClient(PeopleLedger ledger, std::size_t clients)
    : m_loads(ledger.by_client()), m_start(clients + 1, 0), m_names(ledger.names()) {
    for (const ClientPerson& entry : m_loads) {
        ++m_start[entry.client + 1];
    }
    for (std::size_t c = 0; c < clients; ++c) {
        m_start[c + 1] += m_start[c];
    }
}

}  // namespace clientscore

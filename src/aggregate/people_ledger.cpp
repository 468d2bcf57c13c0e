// Who carries each client (SPEC ◆9): the persons named on calls, emails and time entries, and
// one load per client and person. Records add to a load as they stream; nothing per record is
// kept.

#include <algorithm>

#include "clientscore/aggregate.hpp"

namespace clientscore {

namespace {

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
    const bool calls = add_saturating(call_ms, o.call_ms);
    const bool logged = add_saturating(logged_ms, o.logged_ms);
    const bool mails = add_count(emails, o.emails);
    const bool after = add_count(after_hours_in, o.after_hours_in);
    return calls && logged && mails && after;
}

std::uint32_t PeopleLedger::person_id(std::string_view name) {
    if (const auto found = m_ids.find(name); found != m_ids.end()) {
        return found->second;
    }
    const auto id = static_cast<std::uint32_t>(m_names.size());
    m_names.emplace_back(name);
    m_ids.emplace(std::string(name), id);
    return id;
}

bool PeopleLedger::add(std::uint32_t client, std::uint32_t person, const PersonLoad& load) {
    const std::uint64_t key = (std::uint64_t{client} << 32) | person;
    const auto [slot, added] = m_slots.try_emplace(key, static_cast<std::uint32_t>(m_loads.size()));
    if (added) {
        m_loads.push_back(ClientPerson{client, person, {}});
    }
    return m_loads[slot->second].load.add(load);
}

bool PeopleLedger::merge(const PeopleLedger& other, std::span<const std::uint32_t> client_map) {
    std::vector<std::uint32_t> person_map(other.m_names.size());
    for (std::size_t p = 0; p < other.m_names.size(); ++p) {
        person_map[p] = person_id(other.m_names[p]);
    }
    bool fits = true;
    for (const ClientPerson& entry : other.m_loads) {
        fits &= add(client_map[entry.client], person_map[entry.person], entry.load);
    }
    return fits;
}

std::vector<ClientPerson> PeopleLedger::by_client() const {
    std::vector<ClientPerson> out = m_loads;
    std::sort(out.begin(), out.end(), [this](const ClientPerson& a, const ClientPerson& b) {
        if (a.client != b.client) {
            return a.client < b.client;
        }
        return m_names[a.person] < m_names[b.person];
    });
    return out;
}

PeopleByClient::PeopleByClient(const PeopleLedger& ledger, std::size_t clients)
    : m_loads(ledger.by_client()), m_start(clients + 1, 0), m_names(ledger.names()) {
    for (const ClientPerson& entry : m_loads) {
        ++m_start[entry.client + 1];
    }
    for (std::size_t c = 0; c < clients; ++c) {
        m_start[c + 1] += m_start[c];
    }
}

}  // namespace clientscore

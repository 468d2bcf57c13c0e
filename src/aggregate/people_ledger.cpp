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

PersonLoad* PeopleLedger::dense_cell(std::uint32_t client, std::uint32_t person) {
    const std::size_t block = client / k_block_rows;
    if (block >= m_blocks.size() || person >= m_stride) {
        // Wider by a quarter, in whole 128-byte lines: doubling left half of each row empty when
        // a second export brought a few more people than a power of two.
        std::size_t stride = m_stride;
        if (person >= stride) {
            stride = (std::max<std::size_t>(std::size_t{person} + 1, stride + stride / 4) + 7) / 8 * 8;
        }
        const std::size_t blocks = std::max(m_blocks.size(), block + 1);
        // A matrix past its budget and mostly empty is the many-clients, few-people-each case:
        // the open table holds only the pairs that met. Up to four cells of 16 bytes a pair
        // met, the matrix is no larger than that table is while it grows (28 bytes a pair,
        // two and a half times that during a move).
        const std::size_t budget = std::max(m_dense_cells, 4 * m_count);
        if (stride > budget || blocks * k_block_rows > budget / stride) {
            to_table();
            return nullptr;
        }
        if (stride != m_stride) {
            // Widened a block at a time: what moves at once is one block, not the matrix.
            for (Block& b : m_blocks) {
                Block wide{std::vector<PersonLoad>(k_block_rows * stride), std::vector<std::uint64_t>(k_block_rows * stride / 64)};
                for (std::size_t r = 0; r < k_block_rows; ++r) {
                    for (std::size_t p = 0; p < m_stride; ++p) {
                        const std::size_t from = r * m_stride + p;
                        const std::size_t to = r * stride + p;
                        wide.cells[to] = b.cells[from];
                        wide.met[to >> 6] |= ((b.met[from >> 6] >> (from & 63)) & 1u) << (to & 63);
                    }
                }
                b = std::move(wide);
            }
            m_stride = stride;
        }
        while (m_blocks.size() < blocks) {
            m_blocks.push_back(Block{std::vector<PersonLoad>(k_block_rows * m_stride),
                                     std::vector<std::uint64_t>(k_block_rows * m_stride / 64)});
        }
    }
    Block& b = m_blocks[block];
    const std::size_t at = (client % k_block_rows) * m_stride + person;
    std::uint64_t& word = b.met[at >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (at & 63);
    m_count += (word & bit) == 0;
    word |= bit;
    return &b.cells[at];
}

template <class Visit>
void PeopleLedger::for_each_pair(Visit&& visit) const {
    if (m_dense) {
        for (std::size_t block = 0; block < m_blocks.size(); ++block) {
            const Block& b = m_blocks[block];
            for (std::size_t at = 0; at < b.cells.size(); ++at) {
                if ((b.met[at >> 6] >> (at & 63)) & 1u) {
                    visit(static_cast<std::uint32_t>(block * k_block_rows + at / m_stride),
                          static_cast<std::uint32_t>(at % m_stride), b.cells[at]);
                }
            }
        }
        return;
    }
    for (const Slot& slot : m_slots) {
        if (slot.key != k_empty) {
            visit(static_cast<std::uint32_t>(slot.key >> 32), static_cast<std::uint32_t>(slot.key & 0xFFFFFFFFu),
                  slot.load);
        }
    }
}

void PeopleLedger::to_table() {
    PeopleLedger matrix = std::move(*this);
    m_ids = std::move(matrix.m_ids);
    m_names = std::move(matrix.m_names);
    m_dense_cells = matrix.m_dense_cells;
    m_blocks.clear();
    m_slots.clear();
    m_stride = 0;
    m_count = 0;
    m_dense = false;
    matrix.for_each_pair([this](std::uint32_t client, std::uint32_t person, const PersonLoad& load) {
        add(client, person, load);
    });
}

void PeopleLedger::prefetch(std::uint32_t client, std::uint32_t person) const {
    if (m_dense) {
        const std::size_t block = client / k_block_rows;
        if (block < m_blocks.size() && person < m_stride) {
            const Block& b = m_blocks[block];
            const std::size_t at = (client % k_block_rows) * m_stride + person;
            __builtin_prefetch(&b.cells[at], 1);
            __builtin_prefetch(&b.met[at >> 6], 1);  // the bits too: the stream evicts them
        }
        return;
    }
    if (!m_slots.empty()) {
        const std::uint64_t key = (std::uint64_t{client} << 32) | person;
        __builtin_prefetch(&m_slots[home_slot(pair_hash(key), m_slots.size())], 1);
    }
}

bool PeopleLedger::add(std::uint32_t client, std::uint32_t person, const PersonLoad& load) {
    if (m_dense) {
        if (PersonLoad* cell = dense_cell(client, person)) {
            return cell->add(load);
        }
    }
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
    other.for_each_pair([&](std::uint32_t client, std::uint32_t person, const PersonLoad& load) {
        fits &= add(client_map[client], person_map[person], load);
    });
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
    std::vector<ClientPerson> out;
    out.reserve(m_count);
    if (m_dense) {
        // Rows are clients in order; walking each row's columns in name order lists them sorted.
        for (std::size_t block = 0; block < m_blocks.size(); ++block) {
            const Block& b = m_blocks[block];
            for (std::size_t row = 0; row < k_block_rows; ++row) {
                for (const std::uint32_t person : order) {
                    const std::size_t at = row * m_stride + person;
                    if (person < m_stride && ((b.met[at >> 6] >> (at & 63)) & 1u)) {
                        out.push_back(ClientPerson{static_cast<std::uint32_t>(block * k_block_rows + row), person, b.cells[at]});
                    }
                }
            }
        }
        return out;
    }
    std::vector<std::uint32_t> rank(m_names.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = static_cast<std::uint32_t>(r);
    }
    for_each_pair([&out](std::uint32_t client, std::uint32_t person, const PersonLoad& load) {
        out.push_back(ClientPerson{client, person, load});
    });
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

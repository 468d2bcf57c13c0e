// Clients of the exports that the clients file does not list, and the listed client each is
// closest to: a time entry for "C0O1" or "Nordlicht Apotheken GmbH." is ranked as a client of
// its own, with hours and no revenue, while C001 is left short of them. Nothing is moved: the
// user decides, and `evidence` shows the rows.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <utf8proc.h>

#include "clientscore/aggregate.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore {

namespace {

constexpr std::size_t k_shown = 5;
// Near misses by edit distance are looked for among the first of the unlisted clients only:
// each costs a pass over the clients list.
constexpr std::size_t k_searched = 20;

// Compared without case, accents, spaces and punctuation, and with the letters typed for
// digits read as those digits: `Acme Ltd.` is `ACME ltd`, `Café` is `Cafe`, `C0O1` is `C001`.
// utf8proc folds the case and strips the marks (NFKC); text that is not UTF-8 keeps its bytes.
std::string folded(std::string_view text) {
    std::string decomposed(text);
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                     &mapped, static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
    if (length >= 0) {
        decomposed.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    }
    std::free(mapped);
    std::string out;
    out.reserve(decomposed.size());
    for (const char c : decomposed) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 'A' && u <= 'Z') {
            u = static_cast<unsigned char>(u - 'A' + 'a');
        }
        if (u == 'o') {
            u = '0';
        } else if (u == 'l' || u == 'i') {
            u = '1';
        }
        if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')) {
            out += static_cast<char>(u);
        }
    }
    return out;
}

struct Closest {
    std::size_t distance = SIZE_MAX;
    std::string id;
    std::string name;  // empty when the id itself was the close one

    void offer(std::size_t d, std::string_view listed_id, std::string_view listed_name) {
        if (d < distance || (d == distance && listed_id < id)) {
            *this = Closest{d, std::string(listed_id), std::string(listed_name)};
        }
    }
};

}  // namespace

std::optional<std::string> unlisted_clients_warning(const ClientDirectory& directory,
                                                    const std::vector<std::string>& client_ids,
                                                    std::string_view clients_file,
                                                    const std::vector<std::pair<std::uint32_t, std::string>>& first_seen) {
    if (directory.empty()) {
        return std::nullopt;
    }
    std::vector<std::pair<std::string_view, std::uint32_t>> by_id;
    for (std::uint32_t c = 0; c < client_ids.size(); ++c) {
        if (!directory.knows(client_ids[c])) {
            by_id.emplace_back(client_ids[c], c);
        }
    }
    if (by_id.empty()) {
        return std::nullopt;
    }
    // Byte order, so that the same exports name the same clients whatever thread met them first.
    std::sort(by_id.begin(), by_id.end());
    std::vector<std::string_view> unlisted;
    for (const auto& [id, c] : by_id) {
        unlisted.push_back(id);
    }
    std::unordered_map<std::uint32_t, std::string_view> where;
    for (const auto& [c, text] : first_seen) {
        where.emplace(c, text);
    }

    // The same text folded: every unlisted client is looked up once. Each listed id and name
    // is folded once, here; the search below walks these keys (a key's entry is its listed
    // client with the smallest id, the one offer() would keep among equals anyway).
    std::unordered_map<std::string, Closest> by_folded;
    directory.for_each_known([&](std::string_view id, std::string_view name) {
        by_folded[folded(id)].offer(0, id, {});
        if (!name.empty()) {
            by_folded[folded(name)].offer(0, id, name);
        }
    });
    std::vector<Closest> closest(unlisted.size());
    std::vector<std::size_t> searched;
    std::vector<std::string> wanted;  // the folded text of each searched client
    for (std::size_t u = 0; u < unlisted.size(); ++u) {
        std::string text = folded(unlisted[u]);
        const auto found = by_folded.find(text);
        if (found != by_folded.end()) {
            closest[u] = found->second;
        } else if (searched.size() < k_searched) {
            searched.push_back(u);
            wanted.push_back(std::move(text));
        }
    }
    // Else one edit in eight characters of a text of eight or more, in one pass over the list
    // (short codes differ by one character from their neighbours: only their folded form counts).
    if (!searched.empty()) {
        for (const auto& [listed, entry] : by_folded) {
            for (std::size_t s = 0; s < searched.size(); ++s) {
                const std::size_t limit = wanted[s].size() / 8;
                const std::size_t d = edit_distance_within(wanted[s], listed, limit);
                if (limit > 0 && d <= limit) {
                    closest[searched[s]].offer(d, entry.id, entry.name);
                }
            }
        }
    }

    // The near misses first (they are what to fix), then the others, each in byte order.
    std::vector<std::size_t> order(unlisted.size());
    for (std::size_t u = 0; u < order.size(); ++u) {
        order[u] = u;
    }
    std::stable_partition(order.begin(), order.end(), [&](std::size_t u) { return !closest[u].id.empty(); });
    const std::size_t near = static_cast<std::size_t>(
        std::count_if(closest.begin(), closest.end(), [](const Closest& c) { return !c.id.empty(); }));
    std::string list;
    for (std::size_t i = 0; i < std::min(order.size(), k_shown); ++i) {
        const std::size_t u = order[i];
        if (i > 0) {
            list += ", ";
        }
        list += fmt::format("\"{}\"", unlisted[u]);
        std::vector<std::string> notes;
        if (const auto found = where.find(by_id[u].second); found != where.end()) {
            notes.emplace_back(found->second);
        }
        if (!closest[u].id.empty()) {
            notes.push_back(closest[u].name.empty() ? fmt::format("close to {}", closest[u].id)
                                                    : fmt::format("close to {}, \"{}\"", closest[u].id, closest[u].name));
        }
        if (!notes.empty()) {
            list += " (" + notes[0] + (notes.size() > 1 ? "; " + notes[1] : std::string()) + ")";
        }
    }
    if (unlisted.size() > k_shown) {
        list += fmt::format(" and {} more", unlisted.size() - k_shown);
    }
    const bool one = unlisted.size() == 1;
    const std::string near_count =
        one || near == 0 ? std::string() : fmt::format(" ({} close to a listed client)", near);
    return fmt::format(
        "warning: {} client{} in the exports {} not in the clients list ({}) and {} counted as {} own client{}{}: {}; "
        "correct the exports or add {} to the clients list (`clientscore evidence CLIENT` lists {} rows)",
        unlisted.size(), one ? "" : "s", one ? "is" : "are", clients_file, one ? "is" : "are", one ? "its" : "their",
        one ? "" : "s", near_count, list, one ? "it" : "them", one ? "its" : "their");
}

}  // namespace clientscore

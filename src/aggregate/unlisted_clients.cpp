// Clients of the exports that the clients file does not list, and the listed client each is
// closest to: a time entry for "C0O1" or "Nordlicht Apotheken GmbH." is ranked as a client of
// its own, with hours and no revenue, while C001 is left short of them. Nothing is moved: the
// user decides, and `evidence` shows the rows.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "clientscore/aggregate.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore {

namespace {

constexpr std::size_t k_shown = 5;

// Compared without case, spaces and ASCII punctuation, and with the letters typed for digits
// read as those digits: `Acme Ltd.` is `ACME ltd`, `C0O1` is `C001`.
std::string folded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
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
};

}  // namespace

std::optional<std::string> unlisted_clients_warning(const ClientDirectory& directory,
                                                    const std::vector<std::string>& client_ids,
                                                    std::string_view clients_file) {
    if (directory.empty()) {
        return std::nullopt;
    }
    std::vector<std::string_view> unlisted;
    for (const std::string& id : client_ids) {
        if (!directory.knows(id)) {
            unlisted.push_back(id);
        }
    }
    if (unlisted.empty()) {
        return std::nullopt;
    }
    // Byte order, so that the same exports name the same clients whatever thread met them first.
    std::sort(unlisted.begin(), unlisted.end());
    const std::size_t shown = std::min(unlisted.size(), k_shown);
    std::vector<std::string> wanted(shown);
    std::vector<Closest> closest(shown);
    for (std::size_t u = 0; u < shown; ++u) {
        wanted[u] = folded(unlisted[u]);
    }
    // One pass over the listed clients for all the values shown. A near miss is the same text
    // folded, or one edit in eight characters of a text of eight or more (short codes differ
    // by one character from their neighbours: only their folded form counts).
    auto consider = [&](std::string_view text, std::string_view id, std::string_view name) {
        const std::string listed = folded(text);
        for (std::size_t u = 0; u < shown; ++u) {
            const std::size_t limit = wanted[u].size() / 8;
            const std::size_t d = edit_distance_within(wanted[u], listed, limit);
            Closest& best = closest[u];
            if (d <= limit && (d < best.distance || (d == best.distance && id < best.id))) {
                best = Closest{d, std::string(id), std::string(name)};
            }
        }
    };
    directory.for_each_known([&](std::string_view id, std::string_view name) {
        consider(id, id, {});
        if (!name.empty()) {
            consider(name, id, name);
        }
    });
    std::string list;
    for (std::size_t u = 0; u < shown; ++u) {
        if (u > 0) {
            list += ", ";
        }
        list += fmt::format("\"{}\"", unlisted[u]);
        if (!closest[u].id.empty()) {
            list += closest[u].name.empty() ? fmt::format(" (close to {})", closest[u].id)
                                            : fmt::format(" (close to {}, \"{}\")", closest[u].id, closest[u].name);
        }
    }
    if (unlisted.size() > shown) {
        list += fmt::format(" and {} more", unlisted.size() - shown);
    }
    const bool one = unlisted.size() == 1;
    return fmt::format(
        "warning: {} client{} in the exports {} not in the clients list ({}) and {} counted as {} own client{}: {}; "
        "correct the exports or add {} to the clients list (`clientscore evidence CLIENT` lists {} rows)",
        unlisted.size(), one ? "" : "s", one ? "is" : "are", clients_file, one ? "is" : "are", one ? "its" : "their",
        one ? "" : "s", list, one ? "it" : "them", one ? "its" : "their");
}

}  // namespace clientscore

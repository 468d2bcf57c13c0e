#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "app/analysis.hpp"
#include "clientscore/error.hpp"

namespace clientscore {

std::size_t find_client(const Analysis& a, const std::string& typed) {
    std::string id(a.directory.resolve(typed));
    for (std::size_t position = 0; position < a.ranking.clients.size(); ++position) {
        if (a.aggregator->client_ids()[a.ranking.clients[position].index] == id) {
            return position;
        }
    }
    std::set<std::string> known(a.aggregator->client_ids().begin(), a.aggregator->client_ids().end());
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& k : known) {
        scored.emplace_back(edit_distance(typed, k), k);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> closest;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
        closest.push_back(scored[i].second);
    }
    std::string hint = closest.empty() ? std::string("the exports name no client")
                                       : fmt::format("the closest ids are: {}", fmt::join(closest, ", "));
    if (known.count(id) != 0) {
        throw InputError(
            {},
            fmt::format("client \"{}\" has no activity or receivable in the period {} to {}", typed,
                        format_date(a.settings.period.from), format_date(a.settings.period.to)),
            "widen the period with --from/--to");
    }
    throw InputError({}, fmt::format("unknown client \"{}\"", typed), hint);
}

}  // namespace clientscore

#include "render/rank_summary.hpp"

#include <fmt/format.h>

#include "render/number_format.hpp"

namespace clientscore::render {

std::string people_summary(const RankReport& report) {
    const PersonRow* most = nullptr;
    for (const PersonRow& row : report.people) {
        const double share = row.toxic_share.value_or(0);
        // Rows come by hours, then name: the first of equal shares is the one to name.
        if (share > 0 && (most == nullptr || share > *most->toxic_share)) {
            most = &row;
        }
    }
    if (most == nullptr) {
        return {};
    }
    return fmt::format("{} spends {} of their {} hours on clients at toxicity {} or above.", most->person,
                       format_percent(*most->toxic_share), format_fixed(most->hours, 1),
                       format_fixed(report.settings.fire_at, 0));
}

std::string id_list(const std::vector<std::string>& ids, std::size_t most) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < most; ++i) {
        out += (i == 0 ? "" : ", ") + ids[i];
    }
    if (ids.size() > most) {
        out += fmt::format(" and {} more", ids.size() - most);
    }
    return out;
}

std::string move_text(const BaselineMove& move) {
    return move.before ? fmt::format("{} {} (was {})", move.client, verdict_name(move.verdict),
                                     verdict_name(*move.before))
                       : fmt::format("{} {} (new)", move.client, verdict_name(move.verdict));
}

std::vector<std::string> move_texts(const std::vector<BaselineMove>& moves) {
    std::vector<std::string> out;
    out.reserve(moves.size());
    for (const BaselineMove& move : moves) {
        out.push_back(move_text(move));
    }
    return out;
}

std::string since_baseline_lead(const Period& p) {
    return p.undated ? std::string("Since the baseline:")
                     : fmt::format("Since the baseline ({} to {}):", format_day(p.from), format_day(p.to));
}

std::string since_baseline(const BaselineSummary& baseline) {
    constexpr std::size_t k_most = 10;  // a long list is a count, not a wall of ids
    std::string line = since_baseline_lead(baseline.period);
    line += baseline.reached.empty()
                ? std::string(" no client newly fire or chase;")
                : fmt::format(" newly fire or chase: {};", id_list(move_texts(baseline.reached), k_most));
    // Worse beside better: a watch client turned reprice is news too, not only a new fire.
    auto ids_of = [](const std::vector<BaselineMove>& moves) {
        std::vector<std::string> out;
        for (const BaselineMove& move : moves) {
            out.push_back(move.client);
        }
        return out;
    };
    const std::vector<std::string> worse = ids_of(baseline.worse);
    const std::vector<std::string> better = ids_of(baseline.better);
    line += worse.empty() ? std::string(" none worse;") : fmt::format(" worse: {};", id_list(worse, k_most));
    line += better.empty() ? std::string(" none better;") : fmt::format(" better: {};", id_list(better, k_most));
    line += baseline.gone.empty() ? std::string(" none gone.") : fmt::format(" gone: {}.", id_list(baseline.gone, k_most));
    return line;
}

}  // namespace clientscore::render

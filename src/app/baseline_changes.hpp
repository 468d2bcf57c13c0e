#pragma once
// --baseline (SPEC §4 ◆11) against a run's ranking: every client's change, who is gone, who
// moved, and the warnings a comparison deserves.

#include <optional>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/report.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

struct BaselineComparison {
    std::vector<ClientChange> changes;  ///< by position in the ranking
    BaselineSummary summary;
    std::vector<std::string> warnings;  ///< `warning: …` lines, without the program name
};

/// Compares `ranking` (ids[c.index] the id of client c) over `period` with `baseline`, read
/// from `file`: a warning when the two periods share a day, and one when the baseline lists
/// fewer clients than its portfolio counted (it was cut with --top, so the rest read as new).
BaselineComparison compare_with_baseline(const Baseline& baseline, const std::string& file, const Ranking& ranking,
                                         const std::vector<std::string>& ids, const Period& period);

/// --fail-on-change: the positions (in rank order) of the clients that reached `threshold` or a
/// worse verdict they did not have.
std::vector<std::size_t> reached_on_change(const Ranking& ranking, const std::vector<ClientChange>& changes,
                                           const std::optional<Verdict>& threshold);

}  // namespace clientscore

#pragma once
// The sentences about a whole rank report that more than one format prints: who carries the
// most toxic load (SPEC ◆9) and what moved since the baseline (SPEC ◆11). The text table and
// markdown print them under the table, the html page in its sections.

#include <cstddef>
#include <string>
#include <vector>

#include "clientscore/report.hpp"

namespace clientscore::render {

/// SPEC ◆9 in one sentence: who spends the largest share of their hours on toxic clients;
/// empty when nobody's hours go there.
std::string people_summary(const RankReport& report);

/// `C018`, `C018, C007`, …: at most `most` items, then how many more.
std::string id_list(const std::vector<std::string>& ids, std::size_t most);

/// `C018 fire (was watch)`, or `C018 fire (new)` for a client the baseline did not list.
std::string move_text(const BaselineMove& move);
/// move_text of each move, in order.
std::vector<std::string> move_texts(const std::vector<BaselineMove>& moves);

/// "Since the baseline (FROM to TO):" or "Since the baseline:" for an undated one.
std::string since_baseline_lead(const Period& baseline_period);

/// The "since the baseline" lines under the text table (SPEC §5 ◆11): who reached fire or
/// chase, who got better, who is gone. Every client counts, whatever --top shows.
std::string since_baseline(const BaselineSummary& baseline);

}  // namespace clientscore::render

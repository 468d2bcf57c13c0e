#pragma once
// The sentences of a score (score_client writes them; nothing else needs them apart).

#include <string>
#include <vector>

#include "clientscore/score.hpp"

namespace clientscore {

/// One sentence per component above 0.5, strongest first.
std::vector<std::string> reasons_for(const std::array<std::optional<double>, k_component_count>& components,
                                     const ClientMetrics& m, const ScoreContext& context);

/// What to do about a client with this verdict, with its numbers.
std::string action_for(Verdict v, double toxicity, MarginState margin, const ClientMetrics& m,
                       const ScoreContext& context);

/// SPEC §4 ◆12: why the verdict, with the numbers of the rule that decided it; empty for keep.
std::string cause_for(Verdict v, const ClientScore& score, MarginState margin, const ClientMetrics& m,
                      const ScoreContext& context);

}  // namespace clientscore

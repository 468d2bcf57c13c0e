// A client against its baseline (SPEC §4 ◆11).

#include "clientscore/numbers.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

ClientChange change_against(Verdict verdict, double toxicity, const BaselineClient* before) {
    ClientChange change;
    if (before == nullptr) {
        return change;  // new: the other keys stay null
    }
    change.verdict_before = before->verdict;
    change.toxicity_before = before->toxicity;
    // Both toxicities are already rounded to one decimal; their difference is rounded again so
    // that 84.2 − 71.7 prints 12.5, not 12.500000000000014.
    change.toxicity_delta = round_half_away(toxicity - before->toxicity, 1);
    change.status = verdict > before->verdict   ? ChangeStatus::worse
                    : verdict < before->verdict ? ChangeStatus::better
                                                : ChangeStatus::same;
    return change;
}

bool reaches_new_verdict(Verdict verdict, const ClientChange& change, Verdict threshold) {
    return verdict >= threshold && (change.status == ChangeStatus::new_client || change.status == ChangeStatus::worse);
}

}  // namespace clientscore

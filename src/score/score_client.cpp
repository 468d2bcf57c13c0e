#include "clientscore/score.hpp"
#include "score/reasons.hpp"

namespace clientscore {

ClientScore score_client(const ClientMetrics& m, const ScoreContext& context, ScoreText text) {
    ClientScore score;
    score.components = compute_components(m, context);
    score.toxicity = compute_toxicity(score.components, context.settings->weights);
    const MarginState margin = margin_state(m, context);
    score.verdict = decide_verdict(score.toxicity, margin, m, *context.settings);
    if (text == ScoreText::now) {
        score.reasons = reasons_for(score.components, m, context);
        score.action = action_for(score.verdict, score.toxicity, margin, m, context);
        score.cause = cause_for(score.verdict, score, margin, m, context);
    }
    return score;
}

}  // namespace clientscore

#pragma once
// Scores and verdicts (SPEC §4): components, toxicity, the verdict rules in order, reasons and
// action sentences, the portfolio, and the ranking.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/options.hpp"
#include "clientscore/report.hpp"

namespace clientscore {

/// scale(x, ok, bad) = min(1, max(0, (x − ok) / (bad − ok))).
double scale(double x, double ok, double bad);

struct ScoreContext {
    const Settings* settings = nullptr;
    Supplied supplied;
    Period period;  ///< the period being scored (the whole report, or one month)
};

/// The five components of SPEC §4 (null where the data was not supplied).
std::array<std::optional<double>, k_component_count> compute_components(const ClientMetrics& m,
                                                                        const ScoreContext& context);

/// 100 × Σ wᵢ·cᵢ / Σ wᵢ over non-null components, rounded to one decimal; 0 when Σ wᵢ = 0.
double compute_toxicity(const std::array<std::optional<double>, k_component_count>& components,
                        const std::array<double, k_component_count>& weights);

enum class MarginState : std::uint8_t { unknown, weak, healthy };
MarginState margin_state(const ClientMetrics& m, const ScoreContext& context);

/// The first verdict rule of SPEC §4 that holds.
Verdict decide_verdict(double toxicity, MarginState margin, const ClientMetrics& m, const Settings& settings);

/// Whether score_client writes the reasons and the action, or leaves them to describe_client.
enum class ScoreText : std::uint8_t { now, later };

/// Components, toxicity, verdict, and (ScoreText::now) reasons and action for one client.
/// `rank` scores every client with ScoreText::later and the renderer describes each row as it
/// writes it: with a million clients the texts would be hundreds of megabytes held at once.
ClientScore score_client(const ClientMetrics& m, const ScoreContext& context,
                         ScoreText text = ScoreText::now);

/// Writes the reasons and the action of a score made with ScoreText::later.
void describe_client(ClientScore& score, const ClientMetrics& m, const ScoreContext& context);

/// The smallest n with 1.1ⁿ ≥ 1 + increase (0 when increase ≤ 0).
int quarters_of_ten_percent(double increase);

/// SPEC §4's ranking: toxicity (rounded) descending, then margin (unrounded) ascending, then
/// client id in byte order. True when `a` ranks before `b`.
inline bool ranks_before(double toxicity_a, double margin_a, std::string_view id_a, double toxicity_b,
                         double margin_b, std::string_view id_b) {
    if (toxicity_a != toxicity_b) {
        return toxicity_a > toxicity_b;
    }
    if (margin_a != margin_b) {
        return margin_a < margin_b;
    }
    return id_a < id_b;
}

/// Sorts by ranks_before and numbers the ranks from 1.
void rank_clients(std::vector<ClientResult>& clients);

/// Portfolio totals from the unrounded client values, with if_fired, added client by client
/// in rank order (the order fixes the floating-point sums).
class PortfolioSum {
  public:
    void add(const ClientMetrics& m, Verdict verdict);
    Portfolio result() const;

  private:
    Portfolio m_portfolio;
};

/// PortfolioSum over every client, in the order given.
Portfolio compute_portfolio(const std::vector<ClientResult>& clients);

}  // namespace clientscore

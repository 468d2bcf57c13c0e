#pragma once
// Scores and verdicts (SPEC §4): components, toxicity, the verdict rules in order, reasons and
// action sentences, the portfolio, and the ranking.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <span>

#include "clientscore/aggregate.hpp"
#include "clientscore/metrics.hpp"
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

/// Whether score_client writes the reasons and the action now, or leaves them out (ranking a
/// million clients needs their verdicts only; their rows are made whole when rendered).
enum class ScoreText : std::uint8_t { now, later };

/// Components, toxicity, verdict, and (ScoreText::now) reasons and action for one client.
/// `rank` ranks every client with ScoreText::later and makes each row whole again, texts
/// included, when the renderer asks for it: with a million clients the texts would be hundreds
/// of megabytes held at once.
ClientScore score_client(const ClientMetrics& m, const ScoreContext& context,
                         ScoreText text = ScoreText::now);

/// SPEC §4 ◆11: a client's change against its entry in the baseline (`before` null: a new
/// client, whose other keys are null); toxicity_delta is rounded to one decimal.
ClientChange change_against(Verdict verdict, double toxicity, const BaselineClient* before);

/// --fail-on-change: the client reached `threshold` or a worse verdict that it did not have in
/// the baseline, that is its verdict is `threshold` or worse and it is new or worse than before
/// (fire becoming chase reaches nothing; chase becoming fire reaches fire).
bool reaches_new_verdict(Verdict verdict, const ClientChange& change, Verdict threshold);

/// The smallest n with 1.1ⁿ ≥ 1 + increase (0 when increase ≤ 0).
int quarters_of_ten_percent(double increase);

/// SPEC §4's ranking: toxicity (rounded) descending, then margin (unrounded) ascending, then
/// client id in byte order. True when `a` ranks before `b`.
template <class Id>
bool ranks_before_by(double toxicity_a, double margin_a, const Id& id_a, double toxicity_b, double margin_b,
                     const Id& id_b) {
    if (toxicity_a != toxicity_b) {
        return toxicity_a > toxicity_b;
    }
    if (margin_a != margin_b) {
        return margin_a < margin_b;
    }
    return id_a < id_b;
}
inline bool ranks_before(double toxicity_a, double margin_a, std::string_view id_a, double toxicity_b,
                         double margin_b, std::string_view id_b) {
    return ranks_before_by(toxicity_a, margin_a, id_a, toxicity_b, margin_b, id_b);
}

/// SPEC §3 revenue_share: a client's share of the portfolio's net revenue; none when that total
/// rounds to zero or less (the one rule for rank, explain and its months).
std::optional<double> revenue_share(double net_revenue, double total_net_revenue);

/// What ranking and the portfolio need of one listed client: 56 bytes, so that a million
/// clients are ranked without their full rows (those are made again when rendered).
struct RankedClient {
    std::uint32_t index = 0;  ///< the client's place in the aggregator
    Verdict verdict = Verdict::keep;
    double toxicity = 0;
    double net_revenue = 0;
    double cost_to_serve = 0;
    double support_hours = 0;
    double logged_hours = 0;
    double margin = 0;
};

/// Clients in rank order, with the total their revenue shares are taken of and the portfolio.
struct Ranking {
    std::vector<RankedClient> clients;
    double total_net_revenue = 0;  ///< summed in client-id order, whatever order they came in
    Portfolio portfolio;
};

/// SPEC §4's ranking and SPEC §5's portfolio. `ids[c.index]` is the id of client c. The total is
/// summed in id order and the portfolio in rank order: the input order (which depends on which
/// thread read what) never changes a floating-point sum.
Ranking rank_clients(std::vector<RankedClient> clients, const std::vector<std::string>& ids);

/// SPEC ◆9's people table: each known person's hours over every client (summed in client-id
/// order), the clients they served, the hours on clients whose `toxicity` (by client index; NaN
/// for a client not listed) is at or above `fire_at`, and the after-hours inbound contacts they
/// handled; ordered by hours descending, then name.
std::vector<PersonRow> people_table(const PeopleByClient& people, const std::vector<std::string>& ids,
                                    std::span<const double> toxicity, double email_minutes, double fire_at);

/// A client's people (explain), by hours descending then name, with their share of `hours`.
std::vector<ClientPersonRow> client_people(const ClientPeople& people, double hours, double email_minutes);

/// Portfolio totals from the unrounded client values, with if_fired, added client by client
/// in rank order (the order fixes the floating-point sums).
class PortfolioSum {
  public:
    void add(const ClientMetrics& m, Verdict verdict);
    Portfolio result() const;

  private:
    Portfolio m_portfolio;
};

}  // namespace clientscore

#pragma once
// The pipeline behind rank, explain and evidence: read every export into the aggregator, settle
// the period and the currency, and build the reports.

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "clientscore/aggregate.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/options.hpp"
#include "clientscore/report.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

/// Receives each warning line as soon as it is known (the app prints it unless --quiet).
using WarningSink = std::function<void(const std::string&)>;

/// ReadSettings from the options (opens the time zone: UsageError for an unknown one).
ReadSettings make_read_settings(const Options& options);

struct Analysis {
    Discovery discovery;
    std::vector<FileReport> reports;
    ClientDirectory directory;
    std::unique_ptr<Aggregator> aggregator;
    Settings settings;
    MetricContext context;
    Supplied supplied;
    /// Each client's invoices, in reading order: one array for all clients (a vector per
    /// client would cost a million allocations for a million clients).
    class InvoicesByClient {
      public:
        void build(const Aggregator& aggregator);
        std::span<const Invoice* const> operator[](std::uint32_t client) const {
            return std::span<const Invoice* const>(m_invoices)
                .subspan(m_start[client], m_start[client + 1] - m_start[client]);
        }

      private:
        std::vector<const Invoice*> m_invoices;
        std::vector<std::size_t> m_start;  // client c's invoices are [m_start[c], m_start[c + 1])
    };
    InvoicesByClient invoices_by_client;
    std::vector<std::string> warnings;

    /// A listed client, with what ranking and the portfolio need. Its full row (every metric,
    /// the score) is made again when asked for, from the aggregator: a million full rows would
    /// take 600 bytes a client.
    struct Ranked {
        std::uint32_t index = 0;  ///< in the aggregator
        Verdict verdict = Verdict::keep;
        double toxicity = 0;
        double net_revenue = 0;
        double cost_to_serve = 0;
        double support_hours = 0;
        double margin = 0;
    };
    /// Every listed client, in rank order.
    std::vector<Ranked> ranked;
    /// Σ net_revenue of the listed clients, summed in client-id order (revenue_share).
    double total_revenue = 0;
    Portfolio portfolio;

    /// The client id of a ranked client.
    const std::string& client_id(const Ranked& client) const {
        return aggregator->client_ids()[client.index];
    }
    /// The full row of ranked[position]: rank, id, name, metrics, and the score with its reasons
    /// and action left for later (ScoreText::later). Safe to call from several threads at once.
    ClientResult row(std::size_t position) const;
};

/// Reads and scores everything. `focus` is the CLIENT of explain/evidence as the user typed it.
Analysis analyse(const Options& options, const std::optional<std::string>& focus, const WarningSink& warn);

/// The rank report; it keeps `analysis` to make each client's row as the renderer asks for it.
RankReport build_rank_report(Analysis&& analysis);
/// The position in Analysis::ranked of the listed client a user typed (an id or a known
/// name); throws InputError naming the closest ids when there is none.
std::size_t find_client(const Analysis& analysis, const std::string& typed);
/// True when --fail-on is given and some client's verdict is that one or worse.
bool fails(const Analysis& analysis, const std::optional<Verdict>& fail_on);
/// Throws InputError for a client that is not in the report (naming the closest ids).
ExplainReport build_explain_report(const Analysis& analysis, const std::string& client);
EvidenceReport build_evidence_report(const Analysis& analysis, const std::string& client);

/// Reads every export for `check`: file-level errors are collected, not thrown.
CheckReport run_check(const Options& options, const WarningSink& warn);

}  // namespace clientscore

#pragma once
// The pipeline behind rank, explain and evidence, and what it hands on: `analyse` runs the
// stages (ingest → aggregate → measure → score and rank) and returns their results as plain
// data; the report builders of app/ turn that into the report of each command.

#include <functional>
#include <memory>
#include <optional>
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

/// What the stages produced for one run.
struct Analysis {
    Discovery discovery;
    std::vector<FileReport> reports;  ///< by file, the aggregator's bad rows included
    ClientDirectory directory;
    std::unique_ptr<Aggregator> aggregator;
    InvoicesByClient invoices_by_client;
    PeopleByClient people_by_client;
    /// Who carries the load (SPEC ◆9), over every listed client.
    std::vector<PersonRow> people;
    Settings settings;
    MetricContext context;
    Supplied supplied;
    Ranking ranking;  ///< every listed client, in rank order
    /// With --baseline: what it says of the run, and each client's change by rank position.
    std::optional<BaselineSummary> baseline;
    std::vector<ClientChange> changes;
    std::vector<std::string> warnings;
    /// The aggregator kept every client's totals by month (AggregateSettings::months_for_all).
    bool months_kept = false;
};

/// Reads and scores everything. `focus` is the CLIENT of explain/evidence as the user typed it.
Analysis analyse(const Options& options, const std::optional<std::string>& focus, const WarningSink& warn);

/// The full row of ranking.clients[position]: rank, id, name, every metric, the score with
/// its reasons and action. Safe to call from several threads at once.
ClientResult client_row(const Analysis& analysis, std::size_t position);

/// The months a period touches, each clipped to it, as_of no later than its end (SPEC §5 explain).
std::vector<Period> months_of(const Period& period);
/// `YYYY-MM` of a day.
std::string month_label(Days day);

/// The rank report; it keeps `analysis` to make each client's row as the renderer asks for it.
RankReport build_rank_report(Analysis&& analysis);
/// The position in ranking.clients of the listed client a user typed (an id or a known name);
/// throws InputError naming the closest ids when there is none.
std::size_t find_client(const Analysis& analysis, const std::string& typed);
/// --fail-on: the positions (in rank order) of the clients whose verdict is that one or worse;
/// none without it.
std::vector<std::size_t> at_or_worse(const Analysis& analysis, const std::optional<Verdict>& fail_on);
/// Why the exit status is 1 (SPEC §1: --fail-on matched, or --fail-on-change: some client
/// reached that verdict or a worse one it did not have in the baseline), for standard error:
/// a cron mail says which clients, up to five. None when neither matched.
std::optional<std::string> failure_reason(const Analysis& analysis, const Options& options);
/// Throws InputError for a client that is not in the report (naming the closest ids). A fire
/// client's checklist names `options`' exports and period in its evidence command.
ExplainReport build_explain_report(const Analysis& analysis, const std::string& client, const Options& options);
EvidenceReport build_evidence_report(const Analysis& analysis, const std::string& client);

/// Reads every export for `check`: file-level errors are collected, not thrown.
CheckReport run_check(const Options& options, const WarningSink& warn);

}  // namespace clientscore

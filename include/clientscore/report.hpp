#pragma once
// What the stages hand to the renderers: plain values, already computed and not yet rounded.
// Rounding happens in render/, from the metric table of clientscore/metrics.hpp (SPEC §5).

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/model.hpp"
#include "clientscore/metrics.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/numbers.hpp"

namespace clientscore {

struct IfFired {
    std::int64_t fired = 0;
    std::int64_t clients = 0;
    double net_revenue = 0;
    double cost_to_serve = 0;
    double margin = 0;
    double support_hours = 0;
    double hours_freed = 0;
    std::optional<double> freed_hours_value;
};

struct Portfolio {
    std::int64_t clients = 0;
    double net_revenue = 0;
    double cost_to_serve = 0;
    double margin = 0;
    double support_hours = 0;
    double logged_hours = 0;
    double hours = 0;
    std::optional<double> max_revenue_share;
    std::optional<double> effective_rate;
    IfFired if_fired;
    /// What the exports supplied: figures of data never supplied are null (SPEC §3 ◆2).
    Supplied supplied = Supplied::all();
};

/// One person of SPEC ◆9's "who carries the load" table, over all clients.
struct PersonRow {
    std::string person;
    double hours = 0;
    std::int64_t clients = 0;
    double toxic_hours = 0;  ///< on clients whose toxicity is at or above fire_at
    std::optional<double> toxic_share;
    std::int64_t after_hours_contacts = 0;
};

/// One person's part of one client's hours (explain).
struct ClientPersonRow {
    std::string person;
    double hours = 0;
    std::optional<double> share;  ///< of the client's hours; null when those are 0
};

/// The effective value of every option that changes a number (SPEC §5 settings).
struct Settings {
    Period period;
    std::string time_zone;  ///< empty: none
    BusinessHours business_hours;
    WeekdaySet business_days = 0x1F;
    std::size_t holidays = 0;
    double hourly_cost = defaults::hourly_cost;
    double email_minutes = defaults::email_minutes;
    double target_margin = defaults::target_margin;
    std::string currency;
    double fire_at = defaults::fire_at;
    double watch_at = defaults::watch_at;
    double chase_days = defaults::chase_days;
    std::array<Threshold, k_component_count> thresholds = defaults::thresholds;
    std::array<double, k_component_count> weights = defaults::weights;
    AgingBuckets aging;  ///< --aging (SPEC §3 ◆10)
};

/// A client whose verdict moved against the baseline: now `verdict`, before `before`.
struct BaselineMove {
    std::string client;
    Verdict verdict = Verdict::fire;
    std::optional<Verdict> before;  ///< null: not in the baseline
};

/// What a report says of its --baseline (SPEC §4 ◆11): JSON prints the period and `gone`; the
/// text formats and the html page also what moved.
struct BaselineSummary {
    Period period;                    ///< the baseline's; `undated` when it printed none
    std::vector<std::string> gone;    ///< in the baseline, not listed now, in byte order
    std::vector<BaselineMove> reached;  ///< newly fire or chase, in rank order
    std::vector<BaselineMove> worse;    ///< verdict later than before, in rank order
    std::vector<BaselineMove> better;   ///< verdict earlier than before, in rank order
};

/// Counts per export file name (SPEC §5 skipped_rows / ignored_rows), in file order.
using FileCounts = std::vector<std::pair<std::string, std::int64_t>>;

/// Which data the run was given (SPEC §4: a component without data is null).

/// The clients of a rank report, in toxicity rank order (the row at position i has rank i + 1).
/// Rows may be built only when asked for: a million full rows (metrics, score, texts) would
/// take 600 bytes a client, and the renderers need one batch of them at a time.
class ClientRows {
  public:
    /// Makes the row at a position; called from several threads at once.
    using Build = std::function<ClientResult(std::size_t position)>;

    ClientRows() = default;
    /// Rows held whole (explain's client, tests).
    ClientRows(std::vector<ClientResult> rows)  // NOLINT: implicit on purpose
        : m_rows(std::move(rows)), m_count(m_rows.size()) {}
    ClientRows(std::initializer_list<ClientResult> rows) : ClientRows(std::vector<ClientResult>(rows)) {}
    /// `count` rows, each made by `build` when asked for.
    ClientRows(std::size_t count, Build build) : m_count(count), m_build(std::move(build)) {}

    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    /// The row at `position`, made anew each time for built rows.
    ClientResult at(std::size_t position) const { return m_build ? m_build(position) : m_rows.at(position); }

  private:
    std::vector<ClientResult> m_rows;
    std::size_t m_count = 0;
    Build m_build;
};

/// Every client's toxicity month by month, scored as explain scores its months (SPEC §5): the
/// html report's sparklines. Computed row by row when asked for, like ClientRows.
struct ClientMonths {
    std::vector<std::string> months;  ///< YYYY-MM, each month the period touches
    /// The toxicity of the client at a rank position in each of `months`; empty when the
    /// months were not kept (every format but html). Called from several threads at once.
    std::function<std::vector<double>(std::size_t position)> toxicity;
};

struct RankReport {
    Settings settings;
    Portfolio portfolio;
    ClientRows clients;  ///< all clients in toxicity rank order
    /// Who carries the load (SPEC ◆9); empty when no export names a person.
    std::vector<PersonRow> people;
    ClientMonths months;
    /// Only with --baseline; every client then carries its change.
    std::optional<BaselineSummary> baseline;
    FileCounts skipped_rows;
    FileCounts ignored_rows;
    std::vector<std::string> warnings;
};

struct MonthResult {
    std::string month;  ///< YYYY-MM
    Period period;
    ClientScore score;
    ClientMetrics metrics;
};

struct OpenInvoice {
    std::string invoice_id;
    Days due_at = 0;
    double unpaid = 0;
    std::int64_t days_overdue = 0;
};

struct Offboarding {
    Days notice_date = 0;
    std::vector<OpenInvoice> open_invoices;
    std::vector<std::string> checklist;
};

struct ExplainReport {
    Settings settings;
    ClientResult client;  ///< with --baseline, its change too
    /// Only with --baseline.
    std::optional<BaselineSummary> baseline;
    std::vector<MonthResult> months;
    /// The client's people by hours (SPEC ◆9), most first; empty when none is known.
    std::vector<ClientPersonRow> people;
    std::optional<Offboarding> offboarding;
    std::vector<std::string> warnings;
    /// How many clients were ranked (the N of "rank 3 of N" in the table); 0 when not known.
    std::int64_t client_count = 0;
};

struct EvidenceEvent {
    Days date = 0;
    std::int32_t seconds = -1;  ///< -1: no time
    EventKind kind = EventKind::call;
    std::optional<Direction> direction;
    std::optional<double> minutes;
    std::optional<bool> after_hours;
    std::optional<bool> off_day;
    std::string tags;  ///< as exported
    std::optional<double> amount;
    std::string status;
    std::optional<std::int64_t> days_late;
    std::optional<Days> paid_at;  ///< invoices: as exported
    std::optional<double> paid;   ///< invoices: the paid part as of as_of (SPEC §3)
    std::string person;  ///< who handled it, empty when unknown
    std::string text;
    SourceRef source;
};

struct EvidenceReport {
    Settings settings;
    std::string client;
    std::optional<std::string> name;
    std::vector<EvidenceEvent> events;
    std::vector<std::string> warnings;
};

struct CheckReport {
    bool ok = true;
    std::vector<FileReport> files;
    std::vector<NotRead> not_read;
    /// File-level errors found while checking (already formatted `FILE:LINE: message`).
    std::vector<std::string> errors;
};

}  // namespace clientscore

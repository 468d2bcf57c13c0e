#pragma once
// What the score stage hands to the renderers: plain values, already computed and not yet
// rounded. Rounding happens in render/, from the column table below (SPEC §5).

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
#include "clientscore/options.hpp"

namespace clientscore {

/// Every metric of SPEC §3 for one client over one period, unrounded.
struct ClientMetrics {
    std::int64_t calls = 0;
    std::int64_t calls_in = 0;
    double call_minutes = 0;
    std::int64_t emails = 0;
    std::int64_t emails_in = 0;
    std::int64_t contacts_in = 0;
    double contacts_per_week = 0;
    double after_hours_share = 0;
    double off_day_share = 0;
    std::int64_t flagged_contacts = 0;
    std::int64_t invoices = 0;
    std::int64_t disputed_invoices = 0;
    std::array<std::int64_t, k_hostile_tag_count> tags{};
    double billed = 0;
    double credits = 0;
    double net_revenue = 0;
    double collected = 0;
    double outstanding = 0;
    double overdue = 0;
    std::array<double, 4> aging{};  ///< 1_30, 31_60, 61_90, over_90
    double avg_days_late = 0;
    std::int64_t max_days_late = 0;
    std::int64_t oldest_overdue_days = 0;
    double late_share = 0;
    double discounts = 0;
    std::int64_t discount_requests = 0;
    double discount_share = 0;
    double support_hours = 0;
    double cost_to_serve = 0;
    double margin = 0;
    std::optional<double> margin_pct;
    std::optional<double> effective_rate;
    std::optional<double> revenue_share;
    double price_increase_needed = 0;
};

inline constexpr std::array<std::string_view, 4> k_aging_names = {"1_30", "31_60", "61_90", "over_90"};

/// A client's score: components (null when the data was not supplied), toxicity, verdict.
struct ClientScore {
    std::array<std::optional<double>, k_component_count> components{};
    double toxicity = 0;  ///< rounded to one decimal (SPEC §4)
    Verdict verdict = Verdict::keep;
    std::vector<std::string> reasons;
    std::string action;
    bool text_pending = false;  ///< reasons and action are left to describe_client (ScoreText::later)
};

struct ClientResult {
    std::int64_t rank = 0;
    std::string client;
    std::optional<std::string> name;
    ClientScore score;
    ClientMetrics metrics;
};

struct Period {
    Days from = 0;
    Days to = 0;
    Days as_of = 0;
    std::int64_t days() const { return static_cast<std::int64_t>(to) - from + 1; }
};

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
    std::optional<double> max_revenue_share;
    std::optional<double> effective_rate;
    IfFired if_fired;
};

/// The effective value of every option that changes a number (SPEC §5 settings).
struct Settings {
    Period period;
    std::string time_zone;  ///< empty: none
    BusinessHours business_hours;
    WeekdaySet business_days = 0x1F;
    std::size_t holidays = 0;
    double hourly_cost = 60;
    double email_minutes = 5;
    double target_margin = 0.30;
    std::string currency;
    double fire_at = 60;
    double watch_at = 30;
    double chase_days = 60;
    std::array<Threshold, k_component_count> thresholds = k_default_thresholds;
    std::array<double, k_component_count> weights = {1, 1, 1, 1, 1};
};

/// Counts per export file name (SPEC §5 skipped_rows / ignored_rows), in file order.
using FileCounts = std::vector<std::pair<std::string, std::int64_t>>;

/// Which data the run was given (SPEC §4: a component without data is null).
struct Supplied {
    bool contacts = false;   ///< a calls, emails or contacts file
    bool discounts = false;  ///< a discounts file (or a preset that derives discounts)
    bool invoices = false;   ///< an invoices file
    bool hostility = false;  ///< a tags column, or a disputed column in invoices
};

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

struct RankReport {
    Settings settings;
    /// What the exports supplied: with settings and the period, the renderer describes each
    /// client (score_client with ScoreText::later left the reasons and action unwritten).
    Supplied supplied;
    Portfolio portfolio;
    ClientRows clients;  ///< all clients in toxicity rank order
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
    ClientResult client;
    std::vector<MonthResult> months;
    std::optional<Offboarding> offboarding;
    std::vector<std::string> warnings;
    /// How many clients were ranked (the N of "rank 3 of N" in the table); 0 when not known.
    std::int64_t client_count = 0;
};

enum class EventKind : std::uint8_t { call, email, invoice, discount };

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
    std::vector<std::string> not_read;
    /// File-level errors found while checking (already formatted `FILE:LINE: message`).
    std::vector<std::string> errors;
};

// ---- the client column table (STYLE: declare it in a table) -----------------------------------

/// A cell before formatting: null, integer, number (to be rounded to `decimals`), text or list.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string, std::vector<std::string>>;

/// One flat column of the per-client output, in JSON order. `group` is the nested JSON object
/// it belongs to (`components`, `tags`, `aging`) or empty; `key` is the flat CSV name
/// (`components_payment`), `sub` the key inside the group (`payment`).
struct ClientColumn {
    std::string key;
    std::string group;
    std::string sub;
    int decimals = 0;
    Cell (*get)(const ClientResult&, std::size_t index);
    std::size_t index = 0;  ///< passed to `get` (component, tag or aging index)
    std::string description;
};

/// Every per-client column, in the order of SPEC §5 (JSON keys; CSV header).
const std::vector<ClientColumn>& client_columns();

/// Rounds half away from zero as SPEC §3 says: r(x, d); -0 becomes 0.
double round_half_away(double x, int decimals);

}  // namespace clientscore

#pragma once
// The vocabulary every stage shares, below all of them: verdicts, components, the defaults of
// every option that changes a number, a client's metrics and score, and the one table of
// per-client metrics (key, JSON order, decimals, unit, header, description) that the JSON,
// CSV, table, markdown, explain and --sort all read. Adding a metric is a field of
// ClientMetrics, its formula in aggregate/metrics.cpp, and one row in src/metrics/metric_table.cpp.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "clientscore/model.hpp"

namespace clientscore {

enum class Verdict : std::uint8_t { keep, watch, reprice, chase, fire };
/// Names in Verdict order, worst last, as JSON/CSV print them and --fail-on reads them.
inline constexpr std::array<std::string_view, 5> k_verdict_names = {"keep", "watch", "reprice", "chase", "fire"};
inline std::string_view verdict_name(Verdict v) { return k_verdict_names.at(static_cast<std::size_t>(v)); }
/// A verdict name in any letter case; none for anything else.
std::optional<Verdict> parse_verdict(std::string_view text);

/// The toxicity components of SPEC §4, in output order.
enum class Component : std::uint8_t { communication, after_hours, discounts, payment, hostility };
inline constexpr std::size_t k_component_count = 5;
inline constexpr std::array<std::string_view, k_component_count> k_component_names = {
    "communication", "after_hours", "discounts", "payment", "hostility"};

/// A component's ok/bad values (SPEC §4 scale()).
struct Threshold {
    double ok = 0;
    double bad = 1;
};

/// SPEC's defaults, written once: Options, Settings, the metric context and --help read them.
namespace defaults {
inline constexpr double hourly_cost = 60;
inline constexpr double email_minutes = 5;
inline constexpr double target_margin = 0.30;
inline constexpr double fire_at = 60;
inline constexpr double watch_at = 30;
inline constexpr double chase_days = 60;
/// By Component.
inline constexpr std::array<Threshold, k_component_count> thresholds = {
    Threshold{2, 10}, Threshold{0.10, 0.40}, Threshold{0.05, 0.25}, Threshold{7, 45}, Threshold{0, 2}};
inline constexpr std::array<double, k_component_count> weights = {1, 1, 1, 1, 1};
/// SPEC §1 --max-bad-rows: the larger of 10 rows and 1% of a file's data rows.
inline constexpr std::int64_t max_bad_rows = 10;
inline constexpr double max_bad_percent = 1.0;
}  // namespace defaults

/// SPEC §4 discounts: the request rate scaled beside the discount share (requests a month).
inline constexpr Threshold k_discount_requests_per_month{0.5, 2};
/// SPEC §4 offboarding: the notice a fired client is given, in days.
inline constexpr int k_notice_days = 90;

struct Period {
    Days from = 0;
    Days to = 0;
    Days as_of = 0;
    /// No date was given and nothing in the exports is dated (SPEC §3 ◆3): the report is empty
    /// and its dates are null, never the epoch.
    bool undated = false;
    std::int64_t days() const { return static_cast<std::int64_t>(to) - from + 1; }
    /// SPEC §3 months: days / 30.4375 (the mean Gregorian month).
    double months() const { return static_cast<double>(days()) / 30.4375; }
};

/// SPEC §3 ◆10 (`--aging D1,D2,…`): the upper bounds in days of the aging buckets, ascending and
/// at least 1; the buckets are `1_D1`, `D1+1_D2`, …, and `over_Dn` for everything past the last.
struct AgingBuckets {
    std::vector<std::int64_t> bounds = {30, 60, 90};

    std::size_t size() const { return bounds.size() + 1; }
    /// The bucket of an invoice `days_overdue` (≥ 1) days past due: the first whose bound it
    /// does not pass, else the last.
    std::size_t bucket_of(std::int64_t days_overdue) const;
    /// `1_30`, `31_60`, …, `over_90`: the bucket's key in JSON (`aging_` before it in CSV).
    std::string name(std::size_t bucket) const;
    /// `overdue 31-60 days`, `overdue over 90 days`: its description for --help and explain.
    std::string description(std::size_t bucket) const;
    /// `30,60,90`, as --aging takes it.
    std::string text() const;
    bool operator==(const AgingBuckets&) const = default;
};

struct Supplied {
    bool contacts = false;   ///< a calls, emails or contacts file
    bool discounts = false;  ///< a discounts file (or a preset that derives discounts)
    bool invoices = false;   ///< an invoices file
    bool hostility = false;  ///< a tags column, or a disputed column in invoices
    bool time = false;       ///< a time entries file (SPEC ◆9)

    /// Hours are measured: contacts or time entries (SPEC §3 ◆2).
    bool hours() const { return contacts || time; }
    /// Margins are measured: invoices and hours.
    bool margin() const { return invoices && hours(); }

    /// Everything supplied: the default of values built by hand (tests), never of a run.
    static constexpr Supplied all() { return Supplied{true, true, true, true, true}; }
};

/// Every metric of SPEC §3 for one client over one period, unrounded.
struct ClientMetrics {
    /// The data behind them: a metric whose data was never supplied is null when shown
    /// (SPEC §3 ◆2), whatever value it holds here (0).
    Supplied supplied = Supplied::all();

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
    /// By bucket of the run's AgingBuckets (the default buckets' size until measured).
    std::vector<double> aging = std::vector<double>(AgingBuckets{}.size());
    double avg_days_late = 0;
    std::int64_t max_days_late = 0;
    std::int64_t oldest_overdue_days = 0;
    double late_share = 0;
    double discounts = 0;
    std::int64_t discount_requests = 0;
    double discount_share = 0;
    double support_hours = 0;
    double logged_hours = 0;
    double hours = 0;  ///< support_hours + logged_hours
    double cost_to_serve = 0;
    double margin = 0;
    std::optional<double> margin_pct;
    std::optional<double> effective_rate;
    std::int64_t people = 0;
    std::optional<std::string> top_person;
    std::optional<double> top_person_share;
    std::optional<double> revenue_share;
    double price_increase_needed = 0;
};

/// A client's score: components (null when the data was not supplied), toxicity, verdict, and
/// the sentences that explain it.
struct ClientScore {
    std::array<std::optional<double>, k_component_count> components{};
    double toxicity = 0;  ///< rounded to one decimal (SPEC §4)
    Verdict verdict = Verdict::keep;
    std::string cause;  ///< why the verdict (SPEC §4 ◆12); empty for keep
    std::vector<std::string> reasons;
    std::string action;
};

/// SPEC §4 ◆11: how a client moved against the baseline. `new`: not in the baseline; `worse`
/// and `better`: its verdict later or earlier in keep < watch < reprice < chase < fire.
enum class ChangeStatus : std::uint8_t { new_client, worse, better, same };
inline constexpr std::array<std::string_view, 4> k_change_status_names = {"new", "worse", "better", "same"};

struct ClientChange {
    ChangeStatus status = ChangeStatus::new_client;
    std::optional<Verdict> verdict_before;   ///< null for a new client
    std::optional<double> toxicity_before;   ///< as the baseline printed it
    std::optional<double> toxicity_delta;    ///< toxicity − toxicity_before, rounded to one decimal
};

/// One client's row, whole: what every renderer prints about it.
struct ClientResult {
    std::int64_t rank = 0;
    std::string client;
    std::optional<std::string> name;
    ClientScore score;
    ClientMetrics metrics;
    /// Only with --baseline (SPEC §4 ◆11).
    std::optional<ClientChange> change;
};

// ---- the metric table ---------------------------------------------------------------------------

/// A cell before formatting: null, integer, number (to be rounded to `decimals`), text or list.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string, std::vector<std::string>>;

/// How a value reads to a person (JSON and CSV print the rounded number whatever the unit):
/// `share` is a fraction shown as a percentage; `word` is text from a fixed vocabulary (never
/// shortened to fit a terminal), `text` is free text.
enum class Unit : std::uint8_t { count, number, money, share, word, text, list };

/// One flat column of the per-client output, in JSON order. `group` is the nested JSON object
/// it belongs to (`components`, `tags`, `aging`) or empty; `key` is the flat CSV name and the
/// --sort key (`components_payment`), `sub` the key inside the group (`payment`).
struct ClientColumn {
    std::string key;
    std::string group;
    std::string sub;
    int decimals = 0;
    Unit unit = Unit::number;
    std::string header;  ///< short header of the table formats (`contacts/wk`)
    std::string description;
    Cell (*get)(const ClientResult&, std::size_t index) = nullptr;
    std::size_t index = 0;  ///< passed to `get` (component, tag or aging index)
    int rank_table = 0;     ///< position in rank's table and markdown (1 = first); 0: not shown
    int month_table = 0;    ///< position in explain's month table (after the month); 0: not shown
};

/// What of the column table a run's settings decide: the aging buckets (◆10) and whether the
/// clients carry a change against a baseline (◆11, the `change` group after every metric).
struct ColumnShape {
    AgingBuckets aging;
    bool change = false;
    bool operator==(const ColumnShape&) const = default;
};

/// Every per-client column of one shape, in the order of SPEC §5 (JSON keys; CSV header).
class ClientTable {
  public:
    explicit ClientTable(const ColumnShape& shape);

    const ColumnShape& shape() const { return m_shape; }
    const std::vector<ClientColumn>& columns() const { return m_columns; }
    /// The index of the column whose flat key is `key`, if any.
    std::optional<std::size_t> find(std::string_view key) const;
    /// Index of the first metric column (`calls`): the columns before it describe the verdict
    /// (rank, client, name, toxicity, verdict, action, reasons, components).
    std::size_t first_metric() const { return m_first_metric; }
    /// One past the last metric column: the `change` group, when there is one, follows it.
    std::size_t metrics_end() const { return m_metrics_end; }
    /// The index of the first column of `group` (`components`, `tags`, `aging`, `change`);
    /// throws std::logic_error for a group the table has not.
    std::size_t first_of_group(std::string_view group) const;
    /// A client's value in a column (std::out_of_range past the table).
    Cell cell(const ClientResult& client, std::size_t column_index) const;
    /// The columns of a table (ClientColumn::rank_table or ::month_table), in their position order.
    std::vector<std::size_t> shown_in(int ClientColumn::*position) const;

  private:
    ColumnShape m_shape;
    std::vector<ClientColumn> m_columns;
    std::size_t m_first_metric = 0;
    std::size_t m_metrics_end = 0;
};

/// The table of `shape`, made once per shape and kept for the run (renderers hold it by
/// reference from several threads). The default shape is SPEC's default buckets, no baseline.
const ClientTable& client_table(const ColumnShape& shape = {});

}  // namespace clientscore

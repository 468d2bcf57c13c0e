#pragma once
// Per-client aggregation (SPEC §3): streamed records become integer counters per client; only
// invoices are kept whole (they are joined by invoice_id and measured against the period and
// as_of at the end). Memory grows with clients and invoices, never with calls, emails or
// discounts.

#include <array>
#include <climits>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"
#include "clientscore/metrics.hpp"
#include "clientscore/numbers.hpp"
#include "clientscore/position_index.hpp"
#include "clientscore/string_index.hpp"

namespace clientscore {

/// Hash that lets unordered_map<std::string, ...> be searched with a string_view.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

/// Known client ids and names from the clients file(s). A record whose client is not a known
/// id but equals the name of exactly one known id is attributed to that id (SPEC §2).
class ClientDirectory : public RecordSink {
public:
    void on_client(const ClientRecord& record) override;
    /// The id a record's client value stands for.
    std::string_view resolve(std::string_view client) const;
    /// The name of a known id, if the clients file gave one.
    std::optional<std::string> name_of(std::string_view id) const;
    bool empty() const { return m_names.empty(); }
    /// True when `id` is an id of the clients file.
    bool knows(std::string_view id) const { return m_names.find(id) != m_names.end(); }
    /// Calls visit(id, name) for every known id, in no particular order.
    template <class Visit>
    void for_each_known(Visit&& visit) const {
        for (const auto& [id, name] : m_names) {
            visit(std::string_view(id), std::string_view(name));
        }
    }

private:
    StringMap<std::string> m_names;                 // id → name (may be empty)
    StringMap<std::optional<std::string>> m_by_name;  // name → id, nullopt when ambiguous
};

/// The warning for the clients of the exports that the clients file does not list, with the
/// listed id or name each is closest to (a misspelt client in a time or contact export would
/// otherwise be ranked on its own, quietly, and its own client's figures left short). None when
/// no clients file was read or every client is listed. `clients_file` names the file.
std::optional<std::string> unlisted_clients_warning(const ClientDirectory& directory,
                                                    const std::vector<std::string>& client_ids,
                                                    std::string_view clients_file,
                                                    const std::vector<std::pair<std::uint32_t, std::string>>& first_seen = {});

/// Adds `value` to `sum`; on overflow `sum` stays at the limit and the result is false. Call
/// times and granted discounts are never negative, so a client's total reaches the limit in
/// whatever order and whatever parts its records are added: the outcome does not depend on how
/// the files were split between threads.
bool add_saturating(std::int64_t& sum, std::int64_t value);

/// Counters of calls and emails; integers, so partial totals add up exactly in any order. The
/// counts are 32-bit, so that with the call time they fill one cache line: every contact
/// record updates them, for clients spread over megabytes. A client's calls and emails
/// together may not pass k_max_contacts (checked where they are counted and added up), and
/// every other count is bounded by them.
struct ContactTotals {
    static constexpr std::uint32_t k_max_contacts = UINT32_MAX;
    std::int64_t call_ms = 0;
    std::uint32_t calls = 0;
    std::uint32_t calls_in = 0;
    std::uint32_t emails = 0;
    std::uint32_t emails_in = 0;
    std::uint32_t after_hours_in = 0;
    std::uint32_t off_day_in = 0;
    std::uint32_t flagged = 0;
    std::array<std::uint32_t, k_hostile_tag_count> tags{};
    /// False when call_ms reached its limit (see add_saturating) or the calls and emails
    /// together would pass k_max_contacts (then nothing is added).
    bool add(const ContactTotals& other);
};

/// Discounts in integer money per currency id.
struct DiscountTotals {
    std::int64_t requests = 0;
    std::vector<std::pair<std::uint16_t, Money>> granted;  // (currency id, sum)
    /// False when the sum reached its limit (see add_saturating).
    bool add_granted(std::uint16_t currency, Money amount);
};

/// Aligned so that the contact counters never straddle two cache lines.
struct alignas(64) ClientTotals {
    ContactTotals contacts;
    DiscountTotals discounts;
    std::int64_t logged_ms = 0;  ///< the time entries' durations (SPEC ◆9)
    bool has_event = false;  ///< a call, email, time entry or discount dated in the period
    /// The call time, the number of contacts or a discount sum went past its limit: no figure
    /// of this client can be trusted, and the run ends with an input error naming it
    /// (Aggregator::too_large_client).
    bool too_large = false;
};
static_assert(sizeof(ContactTotals) <= 64, "the contact counters fill one cache line");

/// What one person did for one client in the period (SPEC ◆9): the parts of their hours, and
/// the after-hours inbound contacts they handled.
struct PersonLoad {
    /// Call time and logged time together: the hours add them, and a load is kept for every
    /// pair of client and person (millions in a big export), so it is one sum, not two.
    std::int64_t ms = 0;
    std::uint32_t emails = 0;
    std::uint32_t after_hours_in = 0;
    /// SPEC ◆9: call minutes, email minutes and logged hours, in hours.
    double hours(double email_minutes) const {
        return static_cast<double>(ms) / 3'600'000.0 + static_cast<double>(emails) * email_minutes / 60.0;
    }
    /// False when a sum reached its limit (see add_saturating).
    bool add(const PersonLoad& other);
};

/// One known person's load on one client.
struct ClientPerson {
    std::uint32_t client = 0;
    std::uint32_t person = 0;
    PersonLoad load;
};

/// Who did what for which client: persons by name, and one load per (client, person) pair that
/// met in the period. It grows with clients and people, never with records. Every contact that
/// names a person lands here, so the lookups are flat: StringIndex for names, and for the pairs
/// a matrix of clients × people while it stays within a budget (most firms: tens of people on
/// every client, where a matrix cell is one indexed add), else an open table of pairs with the
/// load in its slot (a million clients with a few people each).
class PeopleLedger {
public:
    /// The matrix's budget: 4 Mi cells of 16 bytes, or four cells a pair it holds, whichever is more.
    static constexpr std::size_t k_dense_cells = std::size_t{1} << 22;

    PeopleLedger() = default;
    /// A ledger whose matrix budget is `dense_cells` (tests cross into the open table with a small one).
    explicit PeopleLedger(std::size_t dense_cells) : m_dense_cells(dense_cells) {}

    /// The id of a person (trimmed, compared exactly), given on first sight.
    std::uint32_t person_id(std::string_view name);
    /// Adds to the load of `person` on `client`; false when a sum reached its limit.
    bool add(std::uint32_t client, std::uint32_t person, const PersonLoad& load);
    /// Adds another ledger, whose client `c` is this side's `client_map[c]`.
    bool merge(const PeopleLedger& other, std::span<const std::uint32_t> client_map);
    const std::vector<std::string>& names() const { return m_names; }
    bool empty() const { return m_count == 0; }
    /// True while the pairs are held as a matrix (for tests: both forms list the same loads).
    bool dense() const { return m_dense; }
    /// Starts loading the cell of a pair that add() will meet a few records later (as the
    /// aggregator does for the client totals: the table is larger than the cache).
    void prefetch(std::uint32_t client, std::uint32_t person) const;
    /// Every load, by client, then by person name in byte order (SPEC ◆9 breaks ties by name).
    std::vector<ClientPerson> by_client() const;

private:
    static constexpr std::uint64_t k_empty = UINT64_MAX;
    struct Slot {
        std::uint64_t key = k_empty;  // client << 32 | person
        PersonLoad load;
    };
    void grow();
    PersonLoad* dense_cell(std::uint32_t client, std::uint32_t person);
    void to_table();
    template <class Visit>
    void for_each_pair(Visit&& visit) const;

    StringIndex m_ids;
    std::vector<std::string> m_names;
    std::size_t m_count = 0;
    std::size_t m_dense_cells = k_dense_cells;
    bool m_dense = true;
    // The matrix: row `client`, column `person`, m_stride columns, in blocks of k_block_rows
    // rows, so that more clients add a block rather than copy the matrix (which, grown by
    // half, held up to twice its size while it moved); a bit per cell says the pair met.
    static constexpr std::size_t k_block_rows = 64;
    struct Block {
        std::vector<PersonLoad> cells;
        std::vector<std::uint64_t> met;
    };
    std::vector<Block> m_blocks;
    std::size_t m_stride = 0;
    std::vector<Slot> m_slots;  // the open table, at most 85% full
};

/// One invoice after joining the rows that share its invoice_id. Kept for every invoice of
/// every export, so it is packed (72 bytes): its id and status text live in the aggregator
/// (Aggregator::invoice_id, Aggregator::invoice_status), and the optional dates and amounts
/// carry their presence in flags.
struct Invoice {
    Money amount = 0;
    SourceRef source;
    LocalDateTime issued;
    Days due = 0;
    std::uint32_t client = 0;
    std::uint16_t currency = 0;
    bool ignored = false;
    bool disputed = false;

    std::optional<Days> paid() const { return m_has_paid ? std::optional<Days>(m_paid) : std::nullopt; }
    void set_paid(std::optional<Days> day) {
        m_has_paid = day.has_value();
        m_paid = day.value_or(0);
    }
    std::optional<Money> amount_paid() const {
        return m_has_amount_paid ? std::optional<Money>(m_amount_paid) : std::nullopt;
    }
    void set_amount_paid(std::optional<Money> amount) {
        m_has_amount_paid = amount.has_value();
        m_amount_paid = amount.value_or(0);
    }

private:
    friend class Aggregator;
    // In this order the members leave no padding but the 4 bytes inside SourceRef.
    Days m_paid = 0;
    Money m_amount_paid = 0;
    std::uint32_t m_id_offset = 0;  // the id's bytes in the aggregator's id text
    std::uint32_t m_id_length = 0;
    std::uint32_t m_status = 0;     // index into the aggregator's status texts
    bool m_has_paid = false;
    bool m_has_amount_paid = false;
};
static_assert(sizeof(Invoice) <= 72, "an Invoice is kept for every invoice read: keep it packed");

/// What the aggregator needs to know before reading.
struct AggregateSettings {
    std::optional<Days> from;  ///< as given; events before it are left out
    std::optional<Days> to;    ///< as given; events after it are left out
    BusinessCalendar calendar;
    bool strict = false;
    /// explain/evidence: the client (already resolved id) whose events are also kept by month
    /// and as an evidence log.
    std::optional<std::string> focus;
    /// rank's html sparklines: every client's events are also kept by month (about 130 bytes
    /// per client and active month; off for every other report).
    bool months_for_all = false;
};

/// A focused client's contact or discount, kept for `evidence` (amounts not yet converted).
struct FocusEvent {
    LocalDateTime when;
    EventKind kind = EventKind::call;
    Direction direction = Direction::inbound;
    std::int64_t duration_ms = 0;
    bool after_hours = false;
    bool off_day = false;
    std::string tags;
    Money amount = 0;
    std::uint16_t currency = 0;
    std::string status;
    std::string text;
    std::string person;
    SourceRef source;
};

/// Extra bad or ignored rows that only the aggregator can see (invoice lines that disagree
/// with their first line; rows of ignored invoices).
struct FileExtras {
    ProblemLog bad_rows;
    std::int64_t ignored = 0;
};

class HeldContacts;

/// The sink that turns records into per-client totals and invoices.
class Aggregator : public RecordSink {
public:
    Aggregator(AggregateSettings settings, const ClientDirectory& directory,
               std::vector<std::string> file_names);
    Aggregator(const Aggregator&) = delete;
    Aggregator& operator=(const Aggregator&) = delete;
    ~Aggregator() override;
    void on_contact(const ContactRecord& record) override;
    void on_discount(const DiscountRecord& record) override;
    void on_invoice(const InvoiceRecord& record) override;
    void on_time(const TimeRecord& record) override;
    /// Only a focused client's events keep their text (evidence).
    bool wants_contact_text() const override { return m_settings.focus.has_value(); }
    /// Between these, contacts are counted a few records after they arrive (see aggregate/held_contacts.hpp).
    void begin_records() override;
    void end_records() override;

    const std::vector<std::string>& client_ids() const { return m_client_ids; }
    /// With a clients file: "FILE line N", the first row that names each client the file does
    /// not list (by file order, then line: the same whatever thread read it); empty when none.
    std::vector<std::pair<std::uint32_t, std::string>> unlisted_first_seen() const;
    const std::vector<ClientTotals>& totals() const { return m_totals; }
    const std::deque<Invoice>& invoices() const { return m_invoices; }
    std::string_view invoice_id(const Invoice& invoice) const {
        check_invoice_texts();
        return std::string_view(m_invoice_ids).substr(invoice.m_id_offset, invoice.m_id_length);
    }
    std::string_view invoice_status(const Invoice& invoice) const {
        check_invoice_texts();
        return m_statuses[invoice.m_status];
    }
    /// Currency codes by id; id 0 is "" (the reporting currency, from an empty cell).
    const std::vector<std::string>& currencies() const { return m_currencies; }
    /// Event dates (SPEC §3): activity and counted invoices' issue dates, in or out of the period.
    std::optional<Days> first_event() const { return m_first_event; }
    std::optional<Days> last_event() const { return m_last_event; }
    /// Activity dates: calls, emails and discounts of any status (SPEC §3 ◆3).
    std::optional<Days> first_activity() const { return m_first_activity; }
    std::optional<Days> last_activity() const { return m_last_activity; }
    const std::vector<FileExtras>& file_extras() const { return m_extras; }
    /// The first client in byte order whose call time or discounts add up to more than 64 bits.
    std::optional<std::string> too_large_client() const;
    /// The focused client's index, if it has any record at all.
    std::optional<std::uint32_t> focus_index() const;
    /// The focused client's totals per month key (year*12 + month-1).
    const std::map<int, ClientTotals>& focus_months() const { return m_focus_months; }
    const std::vector<FocusEvent>& focus_events() const { return m_focus_events; }
    /// Who handled each client's calls, emails and time entries in the period.
    const PeopleLedger& people() const { return m_people; }
    /// Hands the ledger over (PeopleByClient takes it); people() is empty after this.
    PeopleLedger take_people() { return std::exchange(m_people, PeopleLedger{}); }
    /// The focused client's people per month key (their client is 0).
    const std::map<int, PeopleLedger>& focus_month_people() const { return m_focus_month_people; }
    /// With AggregateSettings::months_for_all: a client's totals in one month (month key as
    /// for focus_months), null when it had no event then.
    const ClientTotals* client_month(std::uint32_t client, int month) const;

    /// Adds another aggregator's records, read from other files (or other parts of a file)
    /// with the same settings. Counters are integers, so any split adds up to the same totals.
    /// Invoices are appended in `other`'s order: files whose invoice lines may join must be
    /// read by one aggregator, in file order.
    void merge(Aggregator&& other);

    /// Frees the lookups that reading needs (client values, invoice ids, statuses): with a
    /// million clients they are a few hundred megabytes that scoring does not use. No record
    /// may be added or merged after this.
    void release_lookups();
    /// Frees the invoices' ids and status texts, which only explain and evidence show: rank
    /// with a million clients needs the room. invoice_id and invoice_status throw after this.
    void release_invoice_texts();

private:
    // Contacts are held back a few records to prefetch what each touches (aggregate/held_contacts.hpp).
    void hold_contact(const ContactRecord& record, bool time = false);
    void resolve_held();
    void count_held();
    // Every other way in counts the held contacts first, so that nothing sees them missing.
    void count_all_held();
    /// `person` is the record's person id when the caller looked it up already, else k_unknown_person.
    void count_contact(const ContactRecord& record, std::uint32_t index, std::uint32_t person = k_unknown_person);
    void count_time(const TimeRecord& record, std::uint32_t index, std::uint32_t person = k_unknown_person);
    void count_person(std::uint32_t client, std::uint32_t person, std::string_view name, const PersonLoad& load,
                      Days date);
    static constexpr std::uint32_t k_unknown_person = UINT32_MAX;

    /// The client index of a record's client value; `source` is the record's (null when merging),
    /// kept for a client the clients file does not list (unlisted_first_seen).
    std::uint32_t intern(std::string_view raw_client, std::uint64_t hash, const SourceRef* source);
    std::uint32_t intern(std::string_view raw_client, const SourceRef* source) {
        return intern(raw_client, StringIndex::hash_of(raw_client), source);
    }
    void note_row(std::uint32_t index, const SourceRef& source);
    std::uint16_t currency_id(std::string_view code);
    std::uint32_t status_id(std::string_view status);
    void check_invoice_texts() const;
    /// Where the invoice with this id is, if one was read.
    std::optional<std::uint32_t> find_invoice(std::string_view id) const;
    /// Appends an invoice with its id and status text.
    void add_invoice(Invoice invoice, std::string_view id, std::string_view status);
    void note_event_date(Days date);
    void note_activity_date(Days date);
    bool in_period(Days date) const;
    void bad_row(const SourceRef& source, const std::string& column, const std::string& message,
                 const std::string& kind);

    AggregateSettings m_settings;
    const ClientDirectory& m_directory;
    std::vector<std::string> m_file_names;
    PositionIndex m_index;                 // client id → index, keyed by m_client_ids
    StringIndex m_raw_index;               // client value as exported → index
    std::vector<std::string> m_client_ids;
    std::vector<ClientTotals> m_totals;
    // With a clients file: the first row (file, line) of each client it does not list, and
    // for every client its place in that list (k_listed for a listed one): a record of an
    // unlisted client may be read by any thread, so each record's row is compared.
    static constexpr std::uint32_t k_listed = UINT32_MAX;
    static constexpr SourceRef k_no_row{UINT32_MAX, INT64_MAX};
    std::vector<std::pair<std::uint32_t, SourceRef>> m_unlisted_first;
    std::vector<std::uint32_t> m_unlisted_slot;
    // A deque: growing it never copies the invoices already read (a vector's doubling would
    // briefly hold millions of them twice).
    std::deque<Invoice> m_invoices;
    std::string m_invoice_ids;             // every invoice's id, one after the other
    PositionIndex m_invoice_by_id;         // invoice_id → position in m_invoices
    std::vector<std::string> m_statuses{""};
    bool m_invoice_texts_released = false;
    StringIndex m_status_index;
    std::vector<std::string> m_currencies{""};
    std::optional<Days> m_first_event;
    std::optional<Days> m_last_event;
    std::optional<Days> m_first_activity;
    std::optional<Days> m_last_activity;
    std::vector<FileExtras> m_extras;
    std::map<int, ClientTotals> m_focus_months;
    std::vector<FocusEvent> m_focus_events;
    PeopleLedger m_people;
    std::map<int, PeopleLedger> m_focus_month_people;
    // Keyed by client index << 32 | month key; looked up, never iterated for output.
    std::unordered_map<std::uint64_t, ClientTotals> m_client_months;
    std::unique_ptr<HeldContacts> m_held;
};

/// Money amounts become reporting-currency doubles here: rate per currency id.
struct MetricContext {
    Period period;
    double hourly_cost = defaults::hourly_cost;
    double email_minutes = defaults::email_minutes;
    double target_margin = defaults::target_margin;
    std::vector<double> rates;  ///< by currency id
    Supplied supplied = Supplied::all();  ///< copied into every ClientMetrics
    AgingBuckets aging;  ///< --aging (SPEC §3 ◆10)
};

/// Converts integer money in a currency to the reporting currency.
double to_reporting(Money amount, std::uint16_t currency, const MetricContext& context);

/// The invoice-side facts of SPEC §3 for one invoice, against a period and as_of.
struct InvoiceFacts {
    double amount = 0;       ///< in the reporting currency
    double paid_part = 0;
    bool counted = false;    ///< not ignored
    bool in_period = false;  ///< issued within the period
    bool receivable = false;
    bool paid_in_full = false;
    std::optional<std::int64_t> days_late;  ///< for receivables due by as_of
    double unpaid() const { return amount - paid_part; }
};
InvoiceFacts invoice_facts(const Invoice& invoice, const MetricContext& context);

/// A client's people (PeopleLedger::by_client's entries of that client) and their names.
struct ClientPeople {
    std::span<const ClientPerson> loads;
    const std::vector<std::string>* names = nullptr;
};

/// Every metric of SPEC §3 for one client, except revenue_share (it needs all clients).
ClientMetrics compute_metrics(const ClientTotals& totals, std::span<const Invoice* const> invoices,
                              const MetricContext& context, const ClientPeople& people = {});

/// The loads of PeopleLedger::by_client, found by client (as InvoicesByClient is for invoices).
class PeopleByClient {
  public:
    PeopleByClient() = default;
    /// Takes the ledger's loads: the pairs are not held twice.
    PeopleByClient(PeopleLedger ledger, std::size_t clients);
    ClientPeople operator[](std::uint32_t client) const {
        if (m_start.empty()) {
            return {{}, &m_names};
        }
        return {std::span<const ClientPerson>(m_loads).subspan(m_start[client], m_start[client + 1] - m_start[client]),
                &m_names};
    }
    const std::vector<ClientPerson>& all() const { return m_loads; }
    const std::vector<std::string>& names() const { return m_names; }
    bool empty() const { return m_loads.empty(); }

  private:
    std::vector<ClientPerson> m_loads;
    std::vector<std::size_t> m_start;
    std::vector<std::string> m_names;
};

/// Each client's invoices, in reading order: one array for all clients (a vector per client
/// would cost a million allocations for a million clients).
class InvoicesByClient {
  public:
    InvoicesByClient() = default;
    explicit InvoicesByClient(const Aggregator& aggregator);
    std::span<const Invoice* const> operator[](std::uint32_t client) const {
        return std::span<const Invoice* const>(m_invoices)
            .subspan(m_start[client], m_start[client + 1] - m_start[client]);
    }

  private:
    std::vector<const Invoice*> m_invoices;
    std::vector<std::size_t> m_start;  // client c's invoices are [m_start[c], m_start[c + 1])
};

/// True when the client belongs in the report: an event or counted invoice in the period, or
/// a receivable.
bool is_listed(const ClientTotals& totals, std::span<const Invoice* const> invoices,
               const MetricContext& context);

}  // namespace clientscore

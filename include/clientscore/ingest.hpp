#pragma once
// Reading the exports (SPEC §1-2): find the files, read their bytes (gzip, stdin, --encoding),
// sniff the dialect, match the header to canonical fields, split records with
// fast-cpp-csv-parser, and hand each row to a sink as a typed record in local time.
// File-level problems throw InputError; row-level problems are counted and reported in the
// FileReport (under --strict the first one throws).

#include <array>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clientscore/metrics.hpp"
#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore {

/// A part of a large plain file, read on its own so that both cores can share the file: the
/// header bytes [0, header_end), which hold `header_records` lines, then the records in
/// [begin, end), whose first byte lies on physical line `begin_line`.
struct FileSlice {
    std::uint64_t header_end = 0;
    std::int64_t header_records = 0;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::int64_t begin_line = 0;
};

/// How a file came to be read (SPEC §1 ◆4; `found_by` in check's JSON).
enum class FoundBy { name, header, option };
inline constexpr std::array<std::string_view, 3> k_found_by_names = {"name", "header", "option"};

/// One export file to read. `path` is `-` for standard input.
struct InputFile {
    std::string path;
    Kind kind = Kind::calls;
    /// The name used in messages and in skipped_rows/ignored_rows: the base name, `-` for stdin.
    std::string display_name;
    /// Read only this part of the file (see plan_slices).
    std::optional<FileSlice> slice;
    FoundBy found_by = FoundBy::name;
};

/// Files named with --calls, --emails, ... (each repeatable), by kind.
using ExplicitFiles = std::array<std::vector<std::string>, k_kind_count>;

/// A file in DIR that is not read, and why (said by every command, never skipped quietly).
struct NotRead {
    std::string path;
    std::string why;
};

struct Discovery {
    /// Files to read: clients first, then calls, emails, contacts, time, invoices, discounts; within
    /// a kind in name order (byte order of the base name).
    std::vector<InputFile> files;
    /// Files of DIR that are not read, in name order: a kind's name in a form not read
    /// (`invoices.xls`), or a table file whose name and header name no kind, or several.
    std::vector<NotRead> not_read;
    /// Files of one kind with the same bytes, each a warning: both are read, as one.
    std::vector<std::string> duplicates;
};

/// A `--map KIND.FIELD=HEADER` option.
struct FieldMapping {
    Kind kind = Kind::calls;
    std::string field;
    std::string header;
};

/// Parses `KIND.FIELD=HEADER`; throws UsageError for an unknown kind or field.
FieldMapping parse_field_mapping(std::string_view text);

/// A `--where KIND.HEADER=V1|V2` or `KIND.HEADER!=V1|V2` option (SPEC §1 ◆8): only the rows of
/// files of `kind` whose column `header` equals (or, with `equal` false, equals none of) one of
/// `values` are read.
struct RowFilter {
    Kind kind = Kind::calls;
    std::string header;
    bool equal = true;
    /// Trimmed and ASCII lower-cased; compared with the cell trimmed and lower-cased alike.
    std::vector<std::string> values;
    /// The option as given, for messages.
    std::string text;
};

/// Parses `KIND.HEADER=V1|V2` or `KIND.HEADER!=V1|V2`; throws UsageError for an unknown kind,
/// a missing `=` or an empty header.
RowFilter parse_row_filter(std::string_view text);

/// How to read every file (from the options).
struct ReadSettings {
    std::string encoding = "utf-8";
    DateOrder date_order = DateOrder::automatic;
    DecimalMode decimal = DecimalMode::automatic;
    std::vector<FieldMapping> mappings;
    /// --date-format, tried in order before the built-in forms on every date and timestamp.
    std::vector<DateFormat> date_formats;
    /// --where; several on one kind must all hold.
    std::vector<RowFilter> filters;
    LocalTimeConverter time_zone;
    bool strict = false;
    /// Empty: detect per file; "none": generic rules only; otherwise a preset name.
    std::string preset;
    /// --header-row: the physical line of every file's header, 0 for none; unset: found.
    std::optional<std::int64_t> header_row;
};

/// How discover_inputs judges a folder.
struct DiscoverySettings {
    /// False for check: any one export is enough; a report needs calls, emails, contacts or
    /// invoices.
    bool need_activity = true;
    /// Files given to --fx, --holidays, --config or --baseline: not exports, never named as unread.
    std::vector<std::string> not_exports;
    /// How a file whose name names no kind is opened to read its header (encoding, --preset,
    /// --header-row; --map is not used to place a file).
    ReadSettings read;
};

/// Finds the exports (SPEC §1): an explicit file list replaces discovery for its kind; `dir`
/// is searched for the other kinds when given, or when no file option was given at all (then
/// it defaults to `.`). A file whose name names no kind is read when its header says one
/// (kind_by_header). Throws InputError for a missing folder or when none of calls, emails,
/// contacts and invoices is present; UsageError when `-` is given for more than one file.
Discovery discover_inputs(const std::optional<std::string>& dir, const ExplicitFiles& explicit_files,
                          const DiscoverySettings& settings = {});


/// Where a record came from: the index of its file in Discovery::files, and the physical line
/// where the record starts.
struct SourceRef {
    std::uint32_t file_index = 0;
    std::int64_t line = 0;
};

// The records below hold views into the reader's buffer: valid only during the sink call.

/// A call or an email (from a calls, emails or contacts file).
struct ContactRecord {
    std::string_view client;
    Channel channel = Channel::call;
    LocalDateTime when;
    Direction direction = Direction::inbound;
    std::int64_t duration_ms = 0;  ///< 0 for emails
    TagSet tags = 0;
    std::string_view tags_text;  ///< the tags cell as exported
    std::string_view text;       ///< notes of a call, subject of an email, exactly as exported
    std::string_view person;     ///< who handled it (SPEC ◆9), trimmed; empty when unknown
    SourceRef source;
};

/// One time entry (SPEC ◆9): a stretch of work on the client's account on its date. It has no
/// direction and is never after hours; its time of day, where given, is for evidence only.
struct TimeRecord {
    std::string_view client;
    LocalDateTime when;
    std::int64_t duration_ms = 0;
    std::string_view person;  ///< trimmed; empty when unknown
    std::string_view text;    ///< the notes, exactly as exported
    SourceRef source;
};

struct DiscountRecord {
    std::string_view client;
    LocalDateTime when;
    Money amount = 0;            ///< absolute value, in `currency`
    std::string_view currency;   ///< upper-case code; empty means the reporting currency
    DiscountStatus status = DiscountStatus::granted;
    std::string_view status_text;
    std::string_view reason;
    SourceRef source;
};

/// One row of an invoices file: a whole invoice, or one line of an invoice whose rows share
/// an invoice_id (the aggregate stage joins them).
struct InvoiceRecord {
    std::string_view client;
    std::string_view invoice_id;  ///< empty: an invoice of its own
    LocalDateTime issued;
    Days due = 0;                 ///< an empty due cell is the issue date
    std::optional<Days> paid;
    Money amount = 0;
    std::optional<Money> amount_paid;  ///< set when the column exists and the cell is not empty
    std::string_view currency;
    std::string_view status;      ///< as exported
    bool ignored = false;         ///< void/draft/deleted/cancelled status
    bool disputed = false;
    SourceRef source;
};

struct ClientRecord {
    std::string_view id;
    std::string_view name;  ///< empty when the file has no name column or the cell is empty
    SourceRef source;
};

/// Receives the records of one file, in file order, on the thread that called read_export.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void on_contact(const ContactRecord&) {}
    virtual void on_discount(const DiscountRecord&) {}
    virtual void on_time(const TimeRecord&) {}
    virtual void on_invoice(const InvoiceRecord&) {}
    virtual void on_client(const ClientRecord&) {}
    /// False when the sink never reads ContactRecord::text: the reader then leaves it empty
    /// instead of unquoting every call's notes (the longest field of a calls export).
    virtual bool wants_contact_text() const { return true; }
    /// read_export brackets the records of a file with these. Between them a sink may hold
    /// records back (the aggregator holds a few contacts, to prefetch what each one touches);
    /// when end_records returns it has taken every record. A read that throws does not call
    /// end_records: what it read is not to be used.
    virtual void begin_records() {}
    virtual void end_records() {}
};

/// A row-level problem (SPEC §5 check: `line` is where the record starts, `column` the header).
struct Problem {
    std::int64_t line = 0;
    std::string column;
    std::string message;
    /// The problem without the value (`is not a date`), to count alike problems together;
    /// empty: the message is its own kind.
    std::string kind = {};
};

/// SPEC §1 --max-bad-rows: a file may have at most the larger of `rows` bad rows and
/// `percent` % of its data rows (rounded down); `--strict` is both zero.
struct BadRowLimit {
    std::int64_t rows = defaults::max_bad_rows;
    double percent = defaults::max_bad_percent;

    std::int64_t allowed(std::int64_t data_rows) const;
    bool none() const { return rows == 0 && percent == 0; }
};

/// The bad rows of one file, whichever stage found them (a cell ingest could not read, an
/// invoice line the aggregator found at odds with its first line): every one counted, the
/// first k_kept by line kept for `check`, and one set of warning lines made from them.
struct ProblemLog {
    static constexpr std::size_t k_kept = 20;
    static constexpr std::size_t k_warned = 10;

    /// Alike problems (same column and kind) counted together, for the one line that says
    /// what went wrong most often when a file passes its limit.
    struct Tally {
        std::string column;
        std::string kind;
        std::int64_t count = 0;
        Problem first;  ///< the one on the lowest line
    };
    static constexpr std::size_t k_tallies = 32;  ///< kinds beyond these are counted, not told apart

    std::int64_t count = 0;
    std::vector<Problem> kept;  ///< by line
    std::vector<Tally> tallies;

    void add(Problem problem);
    /// The kind with the most rows (on a tie, the one met first in the file); null when empty.
    const Tally* most_frequent() const;
    /// Adds another log of the same file (a slice of it, or the aggregator's bad rows).
    void merge(const ProblemLog& other);
    /// The warning lines (without the `clientscore: ` prefix): the first k_warned problems as
    /// `FILE:LINE: column "C": message`, then `FILE: N more bad rows skipped`.
    std::vector<std::string> warnings(std::string_view file) const;

private:
    void tally(const Problem& problem, std::int64_t rows);
};

struct FileReport;

/// Throws InputError (SPEC §1 ◆1) when `report` has more bad rows than `limit` allows: the
/// file, the count, the limit, the most frequent problem with its first line, and a hint
/// that fixes that problem or names --max-bad-rows.
void enforce_bad_row_limit(const FileReport& report, const BadRowLimit& limit);

/// A column an alias named but whose values do not fit the field (SPEC §2 ◆5).
struct PassedOver {
    std::string field;
    std::string column;
    std::string why;
};

/// What reading one file found: everything `check` prints, and the counts `rank` reports.
struct FileReport {
    InputFile file;
    std::string preset = "none";
    /// The preset was forced with --preset rather than detected from the header.
    bool preset_forced = false;
    /// The header columns that matched the preset's signature (why it was detected).
    std::vector<std::string> preset_columns;
    /// The preset's conventions for this file, one line each, naming its headers.
    std::vector<std::string> preset_notes;
    /// The preset derives granted discounts from this file (Stripe's Total Discount Amount):
    /// the discounts component counts as supplied (SPEC §4).
    bool derives_discounts = false;
    char delimiter = ',';
    bool bom = false;
    std::int64_t header_line = 0;  ///< physical line of the header; 0 before it was read
    bool no_header = false;        ///< --header-row 0: the file has none, its columns are #1, #2, …
    std::string encoding = "utf-8";
    /// The worksheet read from an `.xlsx` workbook; empty for a text file.
    std::string sheet;
    /// "dmy", "mdy", or empty when the file has no slash dates that needed settling.
    std::string date_order;
    /// ".", ",", "mixed", or empty when no amount had a decimal separator.
    std::string decimal;
    /// Canonical field → header it was matched to, in the field order of SPEC §2.
    std::vector<std::pair<std::string, std::string>> mapping;
    /// Columns an alias named that were passed over, and why (SPEC §2 ◆5).
    std::vector<PassedOver> passed_over;
    std::int64_t rows = 0;     ///< data rows, skipped ones included
    std::int64_t ignored = 0;  ///< rows read on purpose without counting them (SPEC §5)
    /// Of `ignored`, the rows a preset counts apart, by what they are (`an empty "ACCOUNTID"
    /// (a lead's or contact's call, not a client's)`), for check to say how many.
    std::vector<std::pair<std::string, std::int64_t>> ignored_by;
    /// Bad rows: counted, the first ones kept (rows counts them too).
    ProblemLog bad_rows;
    /// The file's event dates (local), none for a clients file or a file without events.
    std::optional<Days> from;
    std::optional<Days> to;
    /// Currency codes seen, sorted.
    std::vector<std::string> currencies;
    /// Optional columns that were present (for SPEC §4's "data not supplied" rule).
    bool has_tags = false;
    bool has_disputed = false;
};

/// Reads one export file and sends each good row to `sink`; an `.xlsx` workbook is read as the
/// CSV text of its sheet named as the kind, else of its first (one line per sheet row). Throws
/// InputError for problems of the whole file (missing, unreadable, not text, not a valid
/// workbook, open quote at the end, record over 16 MiB, required column absent, dates that
/// cannot be settled) and, under --strict, for the first bad row.
FileReport read_export(const InputFile& file, std::uint32_t file_index, const ReadSettings& settings,
                       RecordSink& sink);
/// The same read into `report`, which keeps what was found before an InputError ends it (the
/// encoding, BOM, delimiter, header line, preset, mapping): check shows it for a file it
/// cannot use.
void read_export(const InputFile& file, std::uint32_t file_index, const ReadSettings& settings, RecordSink& sink,
                 FileReport& report);
/// The same read over `text` instead of the file at `file.path` (which is not opened):
/// `file.display_name` names it in messages, and `file.slice` still applies.
FileReport read_export(std::string_view text, const InputFile& file, std::uint32_t file_index,
                       const ReadSettings& settings, RecordSink& sink);

/// Cuts one large plain file into about `parts` slices at record boundaries (found from the
/// quote parity of the bytes before each cut, as the CSV layer counts quotes), one slice after
/// another: readers start on the first slices while the planner still scans for the next.
class SlicePlanner {
public:
    /// Plans slices of at least `min_slice_bytes`. The file cannot be cut (cuttable() is false)
    /// when it is not worth cutting or cannot be cut safely: standard input, gzip, an encoding
    /// other than UTF-8, a header that is not its first line, a preset that needs the whole file,
    /// or fewer than two slices' worth of bytes. Throws nothing: a file it cannot read is left
    /// uncut, for its reader to report.
    SlicePlanner(const InputFile& file, std::size_t parts, std::uint64_t min_slice_bytes,
                 const ReadSettings& settings);
    SlicePlanner(const SlicePlanner&) = delete;
    SlicePlanner& operator=(const SlicePlanner&) = delete;
    ~SlicePlanner();

    bool cuttable() const;
    /// The next slice in file order; none after the last, or once failed().
    std::optional<FileSlice> next();
    /// The scan met what makes a cut unsafe (a bare CR, which ends a line for the CSV layer but
    /// not for the line count) after slices were given: they cannot stand for the file, which
    /// must be read whole.
    bool failed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Every slice of SlicePlanner at once; none when the file is not cuttable or the plan failed.
std::vector<FileSlice> plan_slices(const InputFile& file, std::size_t parts, std::uint64_t min_slice_bytes,
                                   const ReadSettings& settings);

/// The reports of the slices of one file (in slice order) as the report of the whole file:
/// counts add, problems and warnings keep the first ones in file order. Slices whose date
/// order needed settling cannot be merged: callers read such a file whole instead.
FileReport merge_slice_reports(const std::vector<FileReport>& slices);


/// Reads a holidays file (a header line and a `date` column, any date form of SPEC §2).
std::vector<Days> read_holidays(const std::string& path, const ReadSettings& settings);

/// Reads an fx file (`currency,rate`): code → units of the reporting currency per unit.
std::vector<std::pair<std::string, double>> read_fx_rates(const std::string& path, const ReadSettings& settings);

/// One client of a baseline report (SPEC §4 ◆11): what a change is measured against.
struct BaselineClient {
    std::string client;
    Verdict verdict = Verdict::keep;
    double toxicity = 0;
};

/// The parts of an earlier `rank --format json` that --baseline compares with.
struct Baseline {
    /// Its period; `undated` when it printed none (a report of nothing dated).
    Period period{0, 0, 0, true};
    /// Its clients in byte order of their ids, each once.
    std::vector<BaselineClient> clients;
    /// portfolio.clients as it printed it: more than `clients` when it was cut with --top.
    std::optional<std::int64_t> portfolio_clients;

    /// The baseline's entry for a client id, if it listed one.
    const BaselineClient* find(std::string_view client) const;
};

/// Limits that keep a hostile --baseline from exhausting the stack or memory.
struct BaselineLimits {
    /// Objects and arrays inside each other; a rank report nests 4 deep.
    std::size_t max_depth = 64;
    /// The longest string, key or number: the record limit of the exports (SPEC §1), since every text
    /// of a report comes from one of their cells or is shorter.
    std::size_t max_string_bytes = 16u << 20;
};

/// Reads the JSON report `in` as a baseline, streamed (SAX): only each client's id, verdict and
/// toxicity are kept, so memory follows the number of clients, not the file's size. Throws
/// InputError naming `name` for text that is not JSON, JSON that is not a rank report of
/// schema_version 1 (an array, another schema_version, no clients array, a client without
/// client/verdict/toxicity), a client listed twice, or a file past `limits`.
Baseline parse_baseline(std::istream& in, const std::string& name, const BaselineLimits& limits = {});
/// parse_baseline of the file at `path` (InputError when it cannot be opened).
Baseline read_baseline(const std::string& path, const BaselineLimits& limits = {});

}  // namespace clientscore

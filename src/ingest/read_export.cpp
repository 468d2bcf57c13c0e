// read_export: one export file, read row by row into typed records (SPEC §2).

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/memory.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/column_fit.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/header/header_search.hpp"
#include "ingest/presets/preset_detect.hpp"
#include "ingest/presets/preset_rules.hpp"
#include "ingest/rows/row_reader.hpp"

namespace clientscore {

namespace {

using ingest::RowReader;

// The header's fields, or an error whose hint also says how the header is found or named:
// a file without one names its columns by position; a header not on the line the search took
// is given with --header-row.
ingest::HeaderMatch match_or_explain(const InputFile& file, const ingest::CsvReader& csv, const ReadSettings& settings,
                                     const ingest::Preset* preset, const ingest::FitTest& fit,
                                     std::int64_t header_at) {
    try {
        return ingest::match_header(file.kind, csv.header(), settings.mappings, file.display_name, csv.header_line(),
                                    preset, fit);
    } catch (const InputError& error) {
        // A --map naming a column the file lacks keeps its own hint: the columns it has.
        const bool names_missing = std::string_view(error.what()).starts_with("no column for the required");
        if (!names_missing) {
            throw;
        }
        if (header_at == ingest::k_no_header) {
            throw InputError(error.where(), error.what(),
                             fmt::format("the file has no header (--header-row 0): name its {} columns by position, "
                                         "e.g. --map {}.client=#1",
                                         csv.header().size(), k_kind_names[static_cast<std::size_t>(file.kind)]));
        }
        if (header_at == 0 && settings.mappings.empty()) {
            throw InputError(error.where(), error.what(),
                             error.hint() + fmt::format("; or, if the header is not line {}, give its line: --header-row N",
                                                        csv.header_line()));
        }
        throw;
    }
}

// The column `field` is read from on this row: its own, or the one a preset's fill names when
// its own cell is empty; `constant` is then the fill's value, if it has one.
int filled(RowReader& rows, std::string_view field, int own, std::string_view& constant) {
    constant = {};
    return rows.preset() != nullptr ? rows.preset()->fill(field, own, rows.record(), constant) : own;
}

void widen_range(FileReport& report, Days date) {
    report.from = report.from ? std::min(*report.from, date) : date;
    report.to = report.to ? std::max(*report.to, date) : date;
}

// Who handled a row (SPEC ◆9): the person column, completed by a preset's second column
// (Harvest's `First Name` and `Last Name`). `scratch` holds a joined name until the next row.
class PersonColumns {
public:
    explicit PersonColumns(RowReader& rows)
        : m_person(rows.column("person")),
          m_more(rows.preset() != nullptr ? rows.preset()->column("person_more") : -1) {}
    std::string_view read(RowReader& rows) {
        const std::string_view first = rows.value(m_person);
        const std::string_view more = rows.value(m_more);
        if (more.empty()) {
            return first;
        }
        if (first.empty()) {
            return more;
        }
        m_scratch.assign(first);
        m_scratch += ' ';
        m_scratch.append(more);
        return m_scratch;
    }

private:
    int m_person;
    int m_more;
    std::string m_scratch;
};

// calls, emails and contacts: one reader, the channel comes from the kind or the channel column.
void read_contacts(RowReader& rows, Kind kind, FileReport& report, RecordSink& sink, int time_column) {
    const int client = rows.column("client");
    const int channel = rows.column("channel");
    const int when = rows.column(kind == Kind::emails ? "sent_at" : "started_at");
    const int duration = rows.column("duration");
    const int direction = rows.column("direction");
    const int tags = rows.column("tags");
    const int text = sink.wants_contact_text() ? rows.column(kind == Kind::emails ? "subject" : "notes") : -1;
    const int time_of_day = rows.preset() != nullptr ? rows.preset()->column("time_of_day") : time_column;
    report.has_tags = tags >= 0;
    PersonColumns person(rows);

    // A pointer, not a copied optional: GCC 12 at -O3 warns falsely (-Wmaybe-uninitialized) on that.
    const std::optional<Direction>* email_direction =
        rows.preset() != nullptr ? &rows.preset()->preset().email_direction : nullptr;

    ContactRecord record;
    std::string_view constant;
    while (rows.next()) {
        record.channel = kind == Kind::emails ? Channel::email : Channel::call;
        if (kind == Kind::contacts) {
            // Rows on other channels (chat, self service, ...) are read on purpose and not
            // sent; they are neither judged nor counted as bad.
            const int channel_at = filled(rows, "channel", channel, constant);
            const std::optional<Channel> parsed = parse_channel(constant.empty() ? rows.word(channel_at) : constant);
            if (!parsed) {
                ++report.ignored;
                continue;
            }
            record.channel = *parsed;
        }
        if (!rows.required(filled(rows, "client", client, constant), record.client) ||
            !rows.required_timestamp(when, record.when) ||
            (time_of_day >= 0 && !rows.time_of_day(time_of_day, record.when)) ||
            !rows.direction(direction, record.direction)) {
            continue;
        }
        if (email_direction != nullptr && email_direction->has_value() && record.channel == Channel::email &&
            rows.value(direction).empty()) {
            record.direction = **email_direction;
        }
        record.duration_ms = 0;
        if (record.channel == Channel::call && !rows.duration(duration, record.duration_ms)) {
            continue;
        }
        record.tags_text = rows.value(tags);
        record.tags = parse_tags(record.tags_text);
        record.text = rows.text(text);
        record.person = person.read(rows);
        record.source = rows.source();
        widen_range(report, record.when.date);
        sink.on_contact(record);
    }
}

void read_time(RowReader& rows, FileReport& report, RecordSink& sink, int time_column) {
    const int client = rows.column("client");
    const int when = rows.column("started_at");
    const int duration = rows.column("duration");
    const int notes = sink.wants_contact_text() ? rows.column("notes") : -1;
    const int time_of_day = rows.preset() != nullptr ? rows.preset()->column("time_of_day") : time_column;
    PersonColumns person(rows);

    TimeRecord record;
    while (rows.next()) {
        if (!rows.required(client, record.client) || !rows.required_timestamp(when, record.when) ||
            (time_of_day >= 0 && !rows.time_of_day(time_of_day, record.when)) ||
            !rows.duration(duration, record.duration_ms)) {
            continue;
        }
        record.person = person.read(rows);
        record.text = rows.text(notes);
        record.source = rows.source();
        widen_range(report, record.when.date);
        sink.on_time(record);
    }
}

void read_invoices(RowReader& rows, FileReport& report, RecordSink& sink) {
    const int client = rows.column("client");
    const int invoice_id = rows.column("invoice_id");
    const int issued = rows.column("issued_at");
    const int due = rows.column("due_at");
    const int paid = rows.column("paid_at");
    const int amount = rows.column("amount");
    const int amount_paid = rows.column("amount_paid");
    const int currency = rows.column("currency");
    const int status = rows.column("status");
    const int disputed = rows.column("disputed");
    report.has_disputed = disputed >= 0;
    ingest::PresetRules* preset = rows.preset();
    const int balance = preset != nullptr ? preset->column("balance") : -1;
    const int discount = preset != nullptr ? preset->column("discount") : -1;
    const int discount_reason = preset != nullptr ? preset->column("discount_reason") : -1;
    const int refund = preset != nullptr ? preset->column("refund") : -1;
    const bool payments = preset != nullptr && preset->preset().rows_are_payments;

    InvoiceRecord record;
    InvoiceRecord credit;
    DiscountRecord derived;
    std::string_view constant;
    while (rows.next()) {
        std::optional<Money> open_balance;
        std::optional<Money> discount_amount;
        std::optional<Money> refunded;
        std::optional<LocalDateTime> due_at;
        std::optional<LocalDateTime> paid_at;
        std::optional<Money> value;
        std::string_view amount_text;
        if (!rows.required(filled(rows, "client", client, constant), record.client) ||
            !rows.required_timestamp(filled(rows, "issued_at", issued, constant), record.issued) ||
            !rows.timestamp(due, due_at) || !rows.timestamp(paid, paid_at) || !rows.required(amount, amount_text) ||
            !rows.amount(amount, value) || !rows.amount(amount_paid, record.amount_paid) ||
            !rows.currency(currency, record.currency) || !rows.disputed(disputed, record.disputed) ||
            !rows.amount(balance, open_balance) || !rows.amount(discount, discount_amount) ||
            !rows.amount(refund, refunded)) {
            continue;
        }
        if (preset != nullptr && preset->is_credit(rows.record())) {
            // A credit memo: negative whatever sign the report printed.
            *value = -std::abs(*value);
            open_balance = open_balance ? std::optional<Money>(-std::abs(*open_balance)) : std::nullopt;
        }
        if (open_balance && !record.amount_paid) {
            record.amount_paid = *value - *open_balance;
        }
        if (!record.amount_paid && preset != nullptr && preset->is_paid_in_full(rows.record())) {
            record.amount_paid = *value;
        }
        record.invoice_id = rows.value(invoice_id);
        // An empty due cell: due on the issue date (SPEC §2).
        record.due = due_at ? due_at->date : record.issued.date;
        record.paid = paid_at ? std::optional<Days>(paid_at->date) : std::nullopt;
        if (payments) {
            // A payment is money received: billed and settled on the day it was taken.
            record.due = record.issued.date;
            record.paid = record.issued.date;
            record.amount_paid = *value;
        }
        record.amount = *value;
        // Through the preset's words: a vendor's own word for a draft is a draft.
        record.status = rows.word(status);
        // Ignored invoices are still sent: rows sharing an invoice_id take the first row's
        // status, which only the aggregate stage can see; it also counts them as ignored.
        record.ignored = is_ignored_invoice_status(record.status);
        record.source = rows.source();
        if (!record.ignored) {
            widen_range(report, record.issued.date);
        }
        sink.on_invoice(record);
        if (refunded && *refunded != 0 && !record.ignored) {
            // Money given back (a refunded payment): a credit note of its own on the row's date,
            // so that the payment still counts as billed and the refund as credited.
            credit = record;
            credit.invoice_id = {};
            credit.amount = -std::abs(*refunded);
            credit.amount_paid.reset();
            credit.status = {};
            sink.on_invoice(credit);
        }
        if (discount_amount && *discount_amount != 0 && !record.ignored) {
            // A discount the invoice itself records (Stripe): granted to its client on its date.
            derived.client = record.client;
            derived.when = record.issued;
            derived.amount = std::abs(*discount_amount);
            derived.currency = record.currency;
            derived.status = DiscountStatus::granted;
            derived.status_text = {};
            derived.reason = rows.text(discount_reason);
            derived.source = record.source;
            sink.on_discount(derived);
        }
    }
}

void read_discounts(RowReader& rows, FileReport& report, RecordSink& sink) {
    const int client = rows.column("client");
    const int granted = rows.column("granted_at");
    const int amount = rows.column("amount");
    const int currency = rows.column("currency");
    const int status = rows.column("status");
    const int reason = rows.column("reason");

    DiscountRecord record;
    while (rows.next()) {
        std::optional<Money> value;
        std::string_view amount_text;
        if (!rows.required(client, record.client) || !rows.required_timestamp(granted, record.when) ||
            !rows.required(amount, amount_text) || !rows.amount(amount, value) ||
            !rows.currency(currency, record.currency) ||
            !rows.discount_status(status, record.status, record.status_text)) {
            continue;
        }
        record.amount = *value < 0 ? -*value : *value;
        record.reason = rows.text(reason);
        record.source = rows.source();
        widen_range(report, record.when.date);
        sink.on_discount(record);
    }
}

void read_clients(RowReader& rows, RecordSink& sink) {
    const int client = rows.column("client");
    const int name = rows.column("name");
    ClientRecord record;
    while (rows.next()) {
        if (!rows.required(client, record.id)) {
            continue;
        }
        record.name = rows.value(name);
        record.source = rows.source();
        sink.on_client(record);
    }
}

void read_raw(ingest::RawInput& raw, const InputFile& file, std::uint32_t file_index, const ReadSettings& settings,
              RecordSink& sink, FileReport& report) {
    report.file = file;
    report.encoding = ingest::is_utf8_name(settings.encoding) || raw.is_workbook() ? std::string("utf-8")
                                                                                 : settings.encoding;
    report.sheet = raw.sheet_name();

    if (file.slice) {
        raw.set_slice(*file.slice);
    }
    ingest::check_preset_setting(settings.preset);
    // A slice starts below the header its file was planned with (line 1, see plan_slices).
    const std::int64_t header_at = file.slice ? 0 : ingest::find_header_line(raw, file.kind, settings);
    auto csv = std::make_unique<ingest::CsvReader>(raw, settings.encoding, header_at);
    if (!csv->has_header()) {
        if (header_at > 0) {
            throw InputError(Location{file.display_name, 0, {}},
                             fmt::format("line {} is blank or past the end: no header there (--header-row {})",
                                         header_at, header_at),
                             "give the line of the header as the file numbers it, or 0 for a file without one");
        }
        throw InputError(Location{file.display_name, 0, {}}, "is empty: there is no header line",
                         "an export needs a header line naming its columns, even when it has no rows");
    }
    ingest::PresetChoice choice = ingest::choose_preset(file.kind, csv->header(), settings.preset);
    // Title lines, a company name and blank lines above the header are rows the read passed by.
    if (csv->header_line() > 1) {
        report.ignored += csv->header_line() - 1;
    }
    report.bom = csv->bom();
    report.delimiter = csv->delimiter();
    report.header_line = csv->header_line();
    report.preset = choice.preset != nullptr ? std::string(choice.preset->name) : std::string("none");
    const ingest::Preset* preset = choice.preset;
    if (preset != nullptr && !preset->refuse.empty()) {
        // Recognised and never summed: its rows are not what the kind reads (a ledger's lines
        // count each sale on two accounts).
        report.preset_forced = choice.forced;
        report.preset_columns = choice.columns;
        throw InputError(Location{file.display_name, csv->header_line(), {}}, std::string(preset->refuse),
                         std::string(preset->refuse_hint));
    }
    ingest::ColumnFit column_fit(raw, settings.encoding, csv->header_request(), settings.date_order, settings.decimal,
                                 settings.date_formats);
    const std::vector<std::string>& header = csv->header();
    const ingest::FitTest fit = [&](const ingest::FieldSpec& field, int column) {
        return column_fit.why_not(field, column, header[static_cast<std::size_t>(column)]);
    };
    report.no_header = header_at == ingest::k_no_header;
    const ingest::HeaderMatch match = match_or_explain(file, *csv, settings, preset, fit, header_at);
    report.passed_over = match.passed_over;
    // A date-only start takes its time of day from the column beside it (`Start time`).
    int time_column = -1;
    if (file.kind == Kind::calls || file.kind == Kind::emails || file.kind == Kind::contacts ||
        file.kind == Kind::time) {
        time_column = ingest::time_sibling(header, match.column(file.kind == Kind::emails ? "sent_at" : "started_at"));
        // A column another field reads is not a time of day (a time export's `Time (h)` beside its `Date`).
        if (std::find(match.columns.begin(), match.columns.end(), time_column) != match.columns.end()) {
            time_column = -1;
        }
    }
    for (std::size_t f = 0; f < match.fields.size(); ++f) {
        if (match.columns[f] >= 0) {
            report.mapping.emplace_back(std::string(match.fields[f]->name),
                                        csv->header()[static_cast<std::size_t>(match.columns[f])]);
        }
    }
    if (time_column >= 0 && choice.preset == nullptr) {
        report.mapping.emplace_back(file.kind == Kind::emails ? "sent_at time" : "started_at time",
                                    header[static_cast<std::size_t>(time_column)]);
    }

    std::optional<ingest::PresetRules> rules;
    ReadSettings adjusted;
    const ReadSettings* used = &settings;
    if (preset != nullptr) {
        rules.emplace(*preset, csv->header(), match);
        report.preset = std::string(preset->name);
        report.preset_forced = choice.forced;
        report.preset_columns = std::move(choice.columns);
        report.preset_notes = rules->describe(csv->header());
        report.derives_discounts = rules->column("discount") >= 0;
        if (settings.date_order == DateOrder::automatic && preset->date_order != DateOrder::automatic) {
            adjusted = settings;
            adjusted.date_order = preset->date_order;
            used = &adjusted;
        }
    }

    RowReader rows(*csv, match, raw, file_index, *used, report, rules ? &*rules : nullptr);
    sink.begin_records();
    switch (file.kind) {
        case Kind::calls:
        case Kind::emails:
        case Kind::contacts:
            read_contacts(rows, file.kind, report, sink, time_column);
            break;
        case Kind::time:
            read_time(rows, report, sink, time_column);
            break;
        case Kind::invoices:
            read_invoices(rows, report, sink);
            break;
        case Kind::discounts:
            read_discounts(rows, report, sink);
            break;
        case Kind::clients:
            read_clients(rows, sink);
            break;
    }
    sink.end_records();
    rows.finish();
}

}  // namespace

FileReport read_export(const InputFile& file, std::uint32_t file_index, const ReadSettings& settings,
                       RecordSink& sink) {
    FileReport report;
    read_export(file, file_index, settings, sink, report);
    return report;
}

void read_export(const InputFile& file, std::uint32_t file_index, const ReadSettings& settings, RecordSink& sink,
                 FileReport& report) {
    const ReadingScope reading(file.display_name);
    // Named before the file is opened: a file that cannot be opened is still reported as itself.
    report = FileReport{};
    report.file = file;
    // A workbook's sheet named as the kind is read, else its first (SPEC §1).
    ingest::RawInput raw(file.path, file.display_name, k_kind_names[static_cast<std::size_t>(file.kind)]);
    read_raw(raw, file, file_index, settings, sink, report);
}

FileReport read_export(std::string_view text, const InputFile& file, std::uint32_t file_index,
                       const ReadSettings& settings, RecordSink& sink) {
    const ReadingScope reading(file.display_name);
    ingest::RawInput raw = ingest::RawInput::from_text(std::string(text), file.display_name,
                                                       k_kind_names[static_cast<std::size_t>(file.kind)]);
    FileReport report;
    read_raw(raw, file, file_index, settings, sink, report);
    return report;
}

}  // namespace clientscore

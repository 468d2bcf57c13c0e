// read_export: one export file, read row by row into typed records (SPEC §2).

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/header_match.hpp"
#include "ingest/row_reader.hpp"

namespace clientscore {

namespace {

using ingest::RowReader;

void widen_range(FileReport& report, Days date) {
    report.from = report.from ? std::min(*report.from, date) : date;
    report.to = report.to ? std::max(*report.to, date) : date;
}

// calls, emails and contacts: one reader, the channel comes from the kind or the channel column.
void read_contacts(RowReader& rows, Kind kind, FileReport& report, RecordSink& sink) {
    const int client = rows.column("client");
    const int channel = rows.column("channel");
    const int when = rows.column(kind == Kind::emails ? "sent_at" : "started_at");
    const int duration = rows.column("duration");
    const int direction = rows.column("direction");
    const int tags = rows.column("tags");
    const int text = rows.column(kind == Kind::emails ? "subject" : "notes");
    report.has_tags = tags >= 0;

    ContactRecord record;
    while (rows.next()) {
        record.channel = kind == Kind::emails ? Channel::email : Channel::call;
        if (kind == Kind::contacts) {
            // Rows on other channels (chat, self service, ...) are read on purpose and not
            // sent; they are neither judged nor counted as bad.
            const std::optional<Channel> parsed = parse_channel(rows.value(channel));
            if (!parsed) {
                ++report.ignored;
                continue;
            }
            record.channel = *parsed;
        }
        if (!rows.required(client, record.client) || !rows.required_timestamp(when, record.when) ||
            !rows.direction(direction, record.direction)) {
            continue;
        }
        record.duration_ms = 0;
        if (record.channel == Channel::call && !rows.duration(duration, record.duration_ms)) {
            continue;
        }
        record.tags_text = rows.value(tags);
        record.tags = parse_tags(record.tags_text);
        record.text = rows.text(text);
        record.source = rows.source();
        widen_range(report, record.when.date);
        sink.on_contact(record);
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

    InvoiceRecord record;
    while (rows.next()) {
        std::optional<LocalDateTime> due_at;
        std::optional<LocalDateTime> paid_at;
        std::optional<Money> value;
        std::string_view amount_text;
        if (!rows.required(client, record.client) || !rows.required_timestamp(issued, record.issued) ||
            !rows.timestamp(due, due_at) || !rows.timestamp(paid, paid_at) || !rows.required(amount, amount_text) ||
            !rows.amount(amount, value) || !rows.amount(amount_paid, record.amount_paid) ||
            !rows.currency(currency, record.currency) || !rows.disputed(disputed, record.disputed)) {
            continue;
        }
        record.invoice_id = rows.value(invoice_id);
        // An empty due cell: due on the issue date (SPEC §2).
        record.due = due_at ? due_at->date : record.issued.date;
        record.paid = paid_at ? std::optional<Days>(paid_at->date) : std::nullopt;
        record.amount = *value;
        record.status = rows.value(status);
        // Ignored invoices are still sent: rows sharing an invoice_id take the first row's
        // status, which only the aggregate stage can see; it also counts them as ignored.
        record.ignored = is_ignored_invoice_status(record.status);
        record.source = rows.source();
        if (!record.ignored) {
            widen_range(report, record.issued.date);
        }
        sink.on_invoice(record);
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

}  // namespace

FileReport read_export(const InputFile& file, std::uint32_t file_index, const ReadSettings& settings,
                       RecordSink& sink) {
    FileReport report;
    report.file = file;
    report.encoding = ingest::is_utf8_name(settings.encoding) ? std::string("utf-8") : settings.encoding;

    const ingest::RawInput raw(file.path, file.display_name);
    ingest::CsvReader csv(raw, settings.encoding);
    report.bom = csv.bom();
    report.delimiter = csv.delimiter();
    if (!csv.has_header()) {
        throw InputError(Location{file.display_name, 0, {}}, "is empty: there is no header line",
                         "an export needs a header line naming its columns, even when it has no rows");
    }
    const ingest::HeaderMatch match =
        ingest::match_header(file.kind, csv.header(), settings.mappings, file.display_name, csv.header_line());
    for (std::size_t f = 0; f < match.fields.size(); ++f) {
        if (match.columns[f] >= 0) {
            report.mapping.emplace_back(std::string(match.fields[f]->name),
                                        csv.header()[static_cast<std::size_t>(match.columns[f])]);
        }
    }

    RowReader rows(csv, match, raw, file_index, settings, report);
    switch (file.kind) {
        case Kind::calls:
        case Kind::emails:
        case Kind::contacts:
            read_contacts(rows, file.kind, report, sink);
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
    rows.finish();
    return report;
}

}  // namespace clientscore

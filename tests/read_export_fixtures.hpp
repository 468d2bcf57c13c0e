#pragma once
// read_export over a file or over text, with a sink that copies every record it is handed: for
// the tests of the reading stage (test_ingest_*.cpp).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore::read_fixtures {

struct Contact {
    std::string client;
    Channel channel;
    LocalDateTime when;
    Direction direction;
    std::int64_t duration_ms;
    TagSet tags;
    std::string text;
    std::int64_t line;
};

struct Invoice {
    std::string client;
    std::string invoice_id;
    LocalDateTime issued;
    Days due;
    std::optional<Days> paid;
    Money amount;
    std::optional<Money> amount_paid;
    std::string currency;
    std::string status;
    bool ignored;
    bool disputed;
    std::int64_t line;
};

struct Discount {
    std::string client;
    LocalDateTime when;
    Money amount;
    std::string currency;
    DiscountStatus status;
    std::string reason;
    std::int64_t line;
};

struct Collect : RecordSink {
    std::vector<Contact> contacts;
    std::vector<Invoice> invoices;
    std::vector<Discount> discounts;
    std::vector<std::pair<std::string, std::string>> clients;
    void on_contact(const ContactRecord& r) override {
        contacts.push_back(Contact{std::string(r.client), r.channel, r.when, r.direction, r.duration_ms, r.tags,
                                   std::string(r.text), r.source.line});
    }
    void on_invoice(const InvoiceRecord& r) override {
        invoices.push_back(Invoice{std::string(r.client), std::string(r.invoice_id), r.issued, r.due, r.paid,
                                   r.amount, r.amount_paid, std::string(r.currency), std::string(r.status),
                                   r.ignored, r.disputed, r.source.line});
    }
    void on_discount(const DiscountRecord& r) override {
        discounts.push_back(Discount{std::string(r.client), r.when, r.amount, std::string(r.currency), r.status,
                                     std::string(r.reason), r.source.line});
    }
    void on_client(const ClientRecord& r) override { clients.emplace_back(r.id, r.name); }
};

struct Read {
    FileReport report;
    Collect got;
};

inline Read read_file(const std::string& path, Kind kind, const ReadSettings& settings = {}) {
    Read r;
    const InputFile file{path, kind, path == "-" ? "-" : std::filesystem::path(path).filename().string(), std::nullopt};
    r.report = read_export(file, 0, settings, r.got);
    return r;
}

inline Read read_text(const std::string& name, Kind kind, const std::string& text, const ReadSettings& settings = {}) {
    Read r;
    r.report = read_export(text, InputFile{"(not opened)", kind, name, std::nullopt}, 0, settings, r.got);
    return r;
}

inline std::string input_error(const std::string& name, Kind kind, const std::string& text,
                        const ReadSettings& settings = {}) {
    try {
        read_text(name, kind, text, settings);
    } catch (const InputError& error) {
        return error.located_message() + (error.hint().empty() ? "" : "\n" + error.hint());
    }
    return "(no error)";
}

inline Days day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

}  // namespace clientscore::read_fixtures

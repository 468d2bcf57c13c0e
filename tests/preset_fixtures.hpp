#pragma once
// The preset fixtures of tests/data/presets read with read_export, and a sink that copies every
// record: for the preset tests (test_ingest_presets.cpp, test_ingest_preset_detect.cpp).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore::preset_fixtures {

inline const std::filesystem::path k_presets = std::filesystem::path(CLIENTSCORE_TEST_DATA) / "presets";

struct Contact {
    std::string client;
    Channel channel;
    LocalDateTime when;
    Direction direction;
    std::int64_t duration_ms;
    std::string text;
    std::int64_t line;
    std::string person;
};

struct TimeEntry {
    std::string client;
    LocalDateTime when;
    std::int64_t duration_ms;
    std::string person;
    std::string text;
    std::int64_t line;
};

struct Invoice {
    std::string client;
    std::string invoice_id;
    Days issued;
    Days due;
    std::optional<Days> paid;
    Money amount;
    std::optional<Money> amount_paid;
    std::string currency;
    bool ignored;
    bool disputed;
    std::int64_t line;
};

struct Discount {
    std::string client;
    Days when;
    Money amount;
    std::string currency;
    DiscountStatus status;
    std::string reason;
};

struct Collect : RecordSink {
    std::vector<Contact> contacts;
    std::vector<Invoice> invoices;
    std::vector<Discount> discounts;
    std::vector<TimeEntry> time;
    void on_contact(const ContactRecord& r) override {
        contacts.push_back(Contact{std::string(r.client), r.channel, r.when, r.direction, r.duration_ms,
                                   std::string(r.text), r.source.line, std::string(r.person)});
    }
    void on_time(const TimeRecord& r) override {
        time.push_back(TimeEntry{std::string(r.client), r.when, r.duration_ms, std::string(r.person),
                                 std::string(r.text), r.source.line});
    }
    void on_invoice(const InvoiceRecord& r) override {
        invoices.push_back(Invoice{std::string(r.client), std::string(r.invoice_id), r.issued.date, r.due, r.paid,
                                   r.amount, r.amount_paid, std::string(r.currency), r.ignored, r.disputed,
                                   r.source.line});
    }
    void on_discount(const DiscountRecord& r) override {
        discounts.push_back(Discount{std::string(r.client), r.when.date, r.amount, std::string(r.currency), r.status,
                                     std::string(r.reason)});
    }
};

struct Read {
    FileReport report;
    Collect got;
};

inline Read read_fixture(const std::string& name, Kind kind, const ReadSettings& settings = {}) {
    InputFile file;
    file.path = (k_presets / name).string();
    file.kind = kind;
    file.display_name = name;
    Read r;
    r.report = read_export(file, 0, settings, r.got);
    return r;
}

inline ReadSettings with_preset(const std::string& name) {
    ReadSettings s;
    s.preset = name;
    return s;
}

inline Days day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }
inline LocalDateTime at(int y, unsigned m, unsigned d, int hh, int mm) { return LocalDateTime{day(y, m, d), hh * 3600 + mm * 60}; }
inline Money money(double units) { return static_cast<Money>(units * static_cast<double>(k_money_scale) + (units < 0 ? -0.5 : 0.5)); }

}  // namespace clientscore::preset_fixtures

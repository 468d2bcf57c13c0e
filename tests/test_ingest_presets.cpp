// Presets (src/ingest/presets/presets.cpp): every supported vendor export read from a fixture with
// the vendor's header spelling, without --map; end-to-end metrics through the binary. Detection
// and the rules' machinery have their own test files (test_ingest_preset_detect.cpp,
// test_ingest_preset_rules.cpp).

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/presets/preset_detect.hpp"
#include "ingest/presets/presets.hpp"
#include "preset_fixtures.hpp"
#include "temp_file.hpp"

namespace fs = std::filesystem;
using namespace clientscore;
using clientscore::testing::run_clientscore;
using nlohmann::json;
using namespace clientscore::preset_fixtures;

namespace {

const fs::path k_realdata = CLIENTSCORE_REALDATA;

json rank_json(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"rank", "--format", "json", "--quiet"};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = run_clientscore(full);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

const json& client_of(const json& report, const std::string& id) {
    for (const json& c : report["clients"]) {
        if (c["client"] == id) {
            return c;
        }
    }
    FAIL("no client " << id);
    static const json k_none;
    return k_none;
}

std::string fixture(const std::string& name) { return (k_presets / name).string(); }

LocalDateTime at_s(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
    return LocalDateTime{day(y, m, d), hh * 3600 + mm * 60 + ss};
}

}  // namespace

TEST_CASE("ingest::presets stripe invoices", "[ingest][presets]") {
    const Read r = read_fixture("stripe-invoices.csv", Kind::invoices);
    CHECK(r.report.bad_rows.count == 0);
    CHECK(r.report.derives_discounts);
    REQUIRE(r.got.invoices.size() == 5);
    const Invoice& first = r.got.invoices[0];
    CHECK(first.client == "cus_QaB1");  // Customer, the id, not Customer Name
    CHECK(first.invoice_id == "in_1PqA01");
    CHECK(first.issued == day(2026, 7, 1));
    CHECK(first.due == day(2026, 7, 1));  // empty due date: due on issue
    CHECK(first.paid == day(2026, 7, 1));
    CHECK(first.amount == money(1200));
    CHECK(first.amount_paid == money(1200));
    CHECK(first.currency == "USD");
    CHECK(r.got.invoices[2].ignored);  // draft
    CHECK_FALSE(r.got.invoices[4].ignored);  // uncollectible counts
    // Total Discount Amount > 0 on a counted invoice: a granted discount on the invoice date.
    REQUIRE(r.got.discounts.size() == 2);
    CHECK(r.got.discounts[0].client == "cus_QaB1");
    CHECK(r.got.discounts[0].when == day(2026, 7, 1));
    CHECK(r.got.discounts[0].amount == money(300));
    CHECK(r.got.discounts[0].currency == "USD");
    CHECK(r.got.discounts[0].status == DiscountStatus::granted);
    CHECK(r.got.discounts[0].reason == "SUMMER25");
    CHECK(r.got.discounts[1].client == "cus_QzZ9");
    CHECK(r.got.discounts[1].amount == money(160));
}

TEST_CASE("ingest::presets hubspot calls and emails", "[ingest][presets]") {
    const Read calls = read_fixture("hubspot-calls.csv", Kind::calls);
    // No associated company: a bad row (empty client).
    CHECK(calls.report.bad_rows.count == 1);
    CHECK(calls.report.bad_rows.kept.at(0).column == "Associated Company");
    REQUIRE(calls.got.contacts.size() == 3);
    CHECK(calls.got.contacts[0].client == "Acme Corp");
    CHECK(calls.got.contacts[0].when == at(2026, 7, 6, 8, 15));
    CHECK(calls.got.contacts[0].duration_ms == 300000);  // milliseconds, whatever the header says
    CHECK(calls.got.contacts[0].text == "Angry about the invoice, threatened to leave");
    CHECK(calls.got.contacts[1].when == at(2026, 7, 7, 8, 20));  // Unix milliseconds
    CHECK(calls.got.contacts[1].direction == Direction::outbound);
    CHECK(calls.got.contacts[1].duration_ms == 45000);
    CHECK(calls.got.contacts[2].client == "Zenith Ltd");  // NO_ANSWER still counts

    const Read emails = read_fixture("hubspot-emails.csv", Kind::emails);
    REQUIRE(emails.got.contacts.size() == 4);
    CHECK(emails.got.contacts[0].direction == Direction::inbound);   // INCOMING_EMAIL
    CHECK(emails.got.contacts[1].direction == Direction::outbound);  // EMAIL
    CHECK(emails.got.contacts[2].direction == Direction::inbound);
    CHECK(emails.got.contacts[3].direction == Direction::outbound);  // FORWARDED_EMAIL
    CHECK(emails.got.contacts[0].text == "Where is my report?");
    CHECK(emails.got.contacts[0].client == "Acme Corp");  // Company Name

    SECTION("times are UTC: --timezone converts them") {
        ReadSettings s;
        s.time_zone = LocalTimeConverter("Europe/Berlin");
        const Read berlin = read_fixture("hubspot-calls.csv", Kind::calls, s);
        CHECK(berlin.got.contacts[0].when == at(2026, 7, 6, 10, 15));
    }
}

TEST_CASE("ingest::presets zoho-crm and aircall calls", "[ingest][presets]") {
    const Read zoho = read_fixture("zoho-crm-calls.csv", Kind::calls);
    REQUIRE(zoho.got.contacts.size() == 3);
    CHECK(zoho.got.contacts[0].client == "Acme Corp");  // Related To
    CHECK(zoho.got.contacts[0].duration_ms == 750000);  // 12:30 mm:ss
    CHECK(zoho.got.contacts[1].direction == Direction::outbound);
    CHECK(zoho.got.contacts[2].direction == Direction::inbound);  // Missed
    CHECK(zoho.got.contacts[2].when == at(2026, 7, 11, 10, 15));

    const Read aircall = read_fixture("aircall-calls.csv", Kind::calls);
    REQUIRE(aircall.got.contacts.size() == 3);
    CHECK(aircall.got.contacts[0].client == "Acme Corp");  // contact
    CHECK(aircall.got.contacts[0].duration_ms == 610000);
    CHECK(aircall.got.contacts[2].client == "Zenith Ltd");
    CHECK(aircall.got.contacts[2].direction == Direction::inbound);  // missed, as exported
    CHECK(aircall.got.contacts[2].duration_ms == 25000);
}

TEST_CASE("ingest::presets salesforce tasks take the time of day from Created Date", "[ingest][presets]") {
    const Read r = read_fixture("salesforce-tasks.csv", Kind::calls);
    CHECK(r.report.ignored == 1);  // Call Type Internal
    CHECK(r.report.date_order == "mdy");
    REQUIRE(r.got.contacts.size() == 3);
    CHECK(r.got.contacts[0].when == at(2026, 7, 6, 19, 45));
    CHECK(r.got.contacts[0].duration_ms == 600000);
    CHECK(r.got.contacts[1].when == at(2026, 7, 7, 10, 0));
    CHECK(r.got.contacts[1].direction == Direction::outbound);
    CHECK(r.got.contacts[2].when == LocalDateTime{day(2026, 7, 13), -1});  // no Created Date: date only
    const auto& notes = r.report.preset_notes;
    CHECK(std::find(notes.begin(), notes.end(),
                    "the time of day of a date-only \"Activity Date\" comes from \"Created Date\"") != notes.end());
}

TEST_CASE("ingest::presets pipedrive activities", "[ingest][presets]") {
    const Read r = read_fixture("pipedrive-activities.csv", Kind::contacts);
    CHECK(r.report.ignored == 2);  // a meeting, and a call not done
    REQUIRE(r.got.contacts.size() == 3);
    CHECK(r.got.contacts[0].client == "Acme Corp");
    CHECK(r.got.contacts[0].channel == Channel::call);
    CHECK(r.got.contacts[0].when == at(2026, 7, 6, 7, 30));
    CHECK(r.got.contacts[0].duration_ms == 90 * 60000);  // 01:30 is hours and minutes
    CHECK(r.got.contacts[0].direction == Direction::inbound);
    CHECK(r.got.contacts[1].channel == Channel::email);
    CHECK(r.got.contacts[2].duration_ms == 10 * 60000);

    ReadSettings s;
    s.time_zone = LocalTimeConverter("Europe/Berlin");
    const Read berlin = read_fixture("pipedrive-activities.csv", Kind::contacts, s);
    CHECK(berlin.got.contacts[0].when == at(2026, 7, 6, 9, 30));  // due_date + due_time is UTC
}

TEST_CASE("ingest::presets xero, freshbooks and zoho-books invoices", "[ingest][presets]") {
    SECTION("xero: the Total once per invoice, paid = Total − InvoiceAmountDue, 15 Jul 2026 dates") {
        const Read r = read_fixture("xero-invoices.csv", Kind::invoices);
        CHECK(r.report.ignored == 1);
        CHECK(r.report.bad_rows.count == 0);
        REQUIRE(r.got.invoices.size() == 2);
        CHECK(r.got.invoices[0].client == "Acme Corp");
        CHECK(r.got.invoices[0].invoice_id == "INV-0001");
        CHECK(r.got.invoices[0].issued == day(2026, 7, 15));
        CHECK(r.got.invoices[0].due == day(2026, 8, 14));
        CHECK(r.got.invoices[0].amount == money(1500));
        CHECK(r.got.invoices[0].amount_paid == money(1000));
        CHECK_FALSE(r.got.invoices[0].paid);
        CHECK(r.got.invoices[1].issued == day(2026, 7, 20));  // 20/07/2026, day-first
        CHECK(r.got.invoices[1].amount == money(2400));
        CHECK(r.got.invoices[1].amount_paid == money(2400));
        CHECK(r.got.invoices[1].currency == "GBP");
    }
    SECTION("freshbooks: line totals add up, due on Date Issued") {
        const Read r = read_fixture("freshbooks-invoices.csv", Kind::invoices);
        CHECK(r.report.ignored == 0);
        REQUIRE(r.got.invoices.size() == 4);
        CHECK(r.got.invoices[0].invoice_id == "0000101");
        CHECK(r.got.invoices[0].client == "Acme Corp");
        CHECK(r.got.invoices[0].amount == money(500));
        CHECK(r.got.invoices[1].amount == money(300));
        CHECK(r.got.invoices[0].due == day(2026, 7, 1));
        CHECK(r.got.invoices[0].paid == day(2026, 7, 20));
        CHECK(r.got.invoices[2].due == r.got.invoices[2].issued);
        CHECK(r.got.invoices[3].ignored);  // draft
    }
    SECTION("zoho-books: Total once, paid = Total − Balance on Last Payment Date") {
        const Read r = read_fixture("zoho-books-invoices.csv", Kind::invoices);
        CHECK(r.report.ignored == 1);
        REQUIRE(r.got.invoices.size() == 3);
        CHECK(r.got.invoices[0].amount == money(1200));
        CHECK(r.got.invoices[0].amount_paid == money(800));
        CHECK(r.got.invoices[0].paid == day(2026, 7, 25));
        CHECK(r.got.invoices[1].amount_paid == money(900));
        CHECK(r.got.invoices[2].ignored);  // Void
    }
}

TEST_CASE("ingest::presets quickbooks report below its title lines", "[ingest][presets]") {
    const Read r = read_fixture("quickbooks-invoice-list.csv", Kind::invoices);
    // 11 rows after the header on line 5: 4 invoices; 2 customer sections, 2 `Total for`, the
    // TOTAL, a Payment and the print-date footer are ignored, not skipped; so are the 4 lines
    // above the header (SPEC §2 ◆6).
    CHECK(r.report.header_line == 5);
    CHECK(r.report.rows == 11);
    CHECK(r.report.ignored == 11);
    CHECK(r.report.bad_rows.count == 0);
    CHECK(r.report.date_order == "mdy");
    REQUIRE(r.got.invoices.size() == 4);
    const Invoice& first = r.got.invoices[0];
    CHECK(first.line == 7);
    CHECK(first.client == "Acme Corp");
    CHECK(first.invoice_id == "1001");
    CHECK(first.issued == day(2024, 1, 3));
    CHECK(first.due == day(2024, 2, 2));
    CHECK(first.amount == money(4250));
    CHECK(first.amount_paid == money(0));
    CHECK(r.got.invoices[1].amount_paid == money(600));
    CHECK(r.got.invoices[2].amount == money(-250));  // Credit Memo $(250.00)
    CHECK(r.got.invoices[3].client == "Zenith Ltd");
    CHECK(r.got.invoices[3].amount_paid == money(600));

    SECTION("--preset quickbooks finds the header too") {
        const Read forced = read_fixture("quickbooks-invoice-list.csv", Kind::invoices, with_preset("quickbooks"));
        CHECK(forced.got.invoices.size() == 4);
        CHECK(forced.got.invoices[0].line == 7);
    }
    SECTION("--preset none: the title line is the header, and it lacks the required fields") {
        CHECK_THROWS_AS(read_fixture("quickbooks-invoice-list.csv", Kind::invoices, with_preset("none")), InputError);
    }
}

TEST_CASE("ingest::presets ibm-ar", "[ingest][presets]") {
    const Read r = read_fixture("ibm-ar-invoices.csv", Kind::invoices);
    REQUIRE(r.got.invoices.size() == 2);
    CHECK(r.got.invoices[0].client == "0379-NEVHP");
    CHECK(r.got.invoices[0].invoice_id == "0000611365");
    CHECK(r.got.invoices[0].issued == day(2013, 1, 2));
    CHECK(r.got.invoices[0].paid == day(2013, 1, 15));
    CHECK(r.got.invoices[1].disputed);

    SECTION("the real export is detected and reads as the generic aliases read it") {
        InputFile file;
        file.path = (k_realdata / "business/ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv").string();
        file.kind = Kind::invoices;
        file.display_name = "WA_Fn-UseC_-Accounts-Receivable.csv";
        Collect detected;
        Collect generic;
        const FileReport a = read_export(file, 0, {}, detected);
        const FileReport b = read_export(file, 0, with_preset("none"), generic);
        CHECK(a.preset == "ibm-ar");
        CHECK(b.preset == "none");
        CHECK(a.bad_rows.count == 0);
        REQUIRE(detected.invoices.size() == generic.invoices.size());
        Money total = 0;
        for (std::size_t i = 0; i < detected.invoices.size(); ++i) {
            CHECK(detected.invoices[i].amount == generic.invoices[i].amount);
            CHECK(detected.invoices[i].paid == generic.invoices[i].paid);
            total += detected.invoices[i].amount;
        }
        CHECK(total == money(147703.18));
    }
}

TEST_CASE("ingest::presets servicenow: one contact per incident", "[ingest][presets]") {
    const Read r = read_fixture("servicenow-contacts.csv", Kind::contacts);
    CHECK(r.report.rows == 7);
    CHECK(r.report.bad_rows.count == 1);  // INC0000050's first row has caller `?`
    CHECK(r.report.ignored == 4);  // three later updates, one self-service incident
    REQUIRE(r.got.contacts.size() == 2);
    CHECK(r.got.contacts[0].client == "Caller 2403");
    CHECK(r.got.contacts[0].channel == Channel::call);
    CHECK(r.got.contacts[0].when == at(2016, 2, 29, 1, 16));
    CHECK(r.got.contacts[1].channel == Channel::email);
    CHECK(r.got.contacts[1].when == at(2016, 3, 1, 10, 4));  // day-first

    SECTION("the real incident log, gzip, without --map") {
        InputFile file;
        file.path = (k_realdata / "business/uci-incident-management-servicenow/Master_Ticket_Dataset.csv.gz").string();
        file.kind = Kind::contacts;
        file.display_name = "Master_Ticket_Dataset.csv.gz";
        Collect got;
        const FileReport report = read_export(file, 0, {}, got);
        CHECK(report.preset == "servicenow");
        CHECK(report.rows == 119998);
        // 20,769 incidents; 3 of them have no caller on any row (their first row is bad).
        CHECK(report.bad_rows.count == 3);
        CHECK(got.contacts.size() == 20769 - 3);
        CHECK(report.ignored == 119998 - 20769);
        CHECK(report.date_order == "dmy");
        CHECK(report.from == day(2016, 2, 29));
    }
}

TEST_CASE("ingest::presets end to end through the binary", "[ingest][presets][e2e]") {
    SECTION("stripe: derived discounts make the discounts component supplied") {
        const json report = rank_json({"--invoices", fixture("stripe-invoices.csv"), "--as-of", "2026-08-31"});
        const json& acme = client_of(report, "cus_QaB1");
        CHECK(acme["discounts"] == 300.0);
        CHECK(acme["billed"] == 2700.0);
        CHECK_FALSE(acme["components"]["discounts"].is_null());
        CHECK(client_of(report, "cus_QzZ9")["discounts"] == 160.0);
        CHECK(report["ignored_rows"]["stripe-invoices.csv"] == 1);  // the draft

        const json generic = rank_json(
            {"--invoices", fixture("stripe-invoices.csv"), "--as-of", "2026-08-31", "--preset", "none"});
        CHECK(client_of(generic, "cus_QaB1")["components"]["discounts"].is_null());
    }
    SECTION("hubspot calls and emails") {
        const json report = rank_json({"--calls", fixture("hubspot-calls.csv"), "--emails",
                                       fixture("hubspot-emails.csv"), "--preset", "hubspot"});
        const json& acme = client_of(report, "Acme Corp");
        CHECK(acme["calls"] == 2);
        CHECK(acme["calls_in"] == 1);
        CHECK(acme["call_minutes"] == 5.75);
        CHECK(acme["emails"] == 3);
        CHECK(acme["emails_in"] == 2);
        CHECK(report["skipped_rows"]["hubspot-calls.csv"] == 1);
    }
    SECTION("quickbooks: detail rows only; skipped 0, the rest ignored") {
        const json report = rank_json({"--invoices", fixture("quickbooks-invoice-list.csv"), "--as-of", "2024-03-31"});
        const json& acme = client_of(report, "Acme Corp");
        CHECK(acme["invoices"] == 3);
        CHECK(acme["billed"] == 4850.0);
        CHECK(acme["credits"] == 250.0);
        CHECK(client_of(report, "Zenith Ltd")["outstanding"] == 400.0);
        CHECK(report["skipped_rows"]["quickbooks-invoice-list.csv"] == 0);
        CHECK(report["ignored_rows"]["quickbooks-invoice-list.csv"] == 11);
    }
    SECTION("pipedrive forced with --preset") {
        const json report = rank_json({"--contacts", fixture("pipedrive-activities.csv"), "--preset", "pipedrive"});
        const json& acme = client_of(report, "Acme Corp");
        CHECK(acme["calls"] == 1);
        CHECK(acme["emails"] == 1);
        CHECK(acme["call_minutes"] == 90.0);
        CHECK(report["ignored_rows"]["pipedrive-activities.csv"] == 2);
    }
    SECTION("servicenow realdata without --map") {
        const json report = rank_json({"--contacts", (k_realdata / "business/uci-incident-management-servicenow/"
                                                                   "Master_Ticket_Dataset.csv.gz")
                                                          .string()});
        std::int64_t contacts = 0;
        for (const json& c : report["clients"]) {
            contacts += c["calls"].get<std::int64_t>() + c["emails"].get<std::int64_t>();
        }
        CHECK(contacts == 20769 - 3);
        CHECK(report["skipped_rows"]["Master_Ticket_Dataset.csv.gz"] == 3);
        CHECK(report["ignored_rows"]["Master_Ticket_Dataset.csv.gz"] == 119998 - 20769);
    }
    SECTION("check names the preset, the columns that matched, and the conventions") {
        const auto r = run_clientscore({"check", "--calls", fixture("salesforce-tasks.csv")});
        CHECK(r.status == 0);
        CHECK(r.out.find("preset       salesforce (header: Account Name, Subject, Call Type, Call Duration, "
                         "Activity Date, Created Date, Comments)") != std::string::npos);
        CHECK(r.out.find("the time of day of a date-only \"Activity Date\" comes from \"Created Date\"") !=
              std::string::npos);
        const auto j = run_clientscore({"check", "--format", "json", "--invoices", fixture("xero-invoices.csv")});
        const json file = json::parse(j.out)["files"][0];
        CHECK(file["preset"] == "xero");
        CHECK(file["preset_forced"] == false);
        CHECK(file["preset_columns"][0] == "*ContactName");
        CHECK(file["mapping"]["client"] == "*ContactName");
    }
}

TEST_CASE("ingest::presets salesforce-tasks: the Task object as a contacts file", "[ingest][presets]") {
    const Read r = read_fixture("salesforce-task-export.csv", Kind::contacts);
    CHECK(r.report.preset == "salesforce-tasks");
    CHECK(r.report.rows == 9);
    CHECK(r.report.bad_rows.count == 0);
    // A to-do, an internal call, two tasks not started, a meeting, and a lead's call.
    CHECK(r.report.ignored == 5);
    REQUIRE(r.report.ignored_by.size() == 1);
    CHECK(r.report.ignored_by[0].first ==
          "an empty \"ACCOUNTID\" (a task with a lead or with no account, not a client's)");
    CHECK(r.report.ignored_by[0].second == 1);
    REQUIRE(r.got.contacts.size() == 4);
    const Contact& call = r.got.contacts[0];
    CHECK(call.client == "0015g00000ACME");
    CHECK(call.channel == Channel::call);
    CHECK(call.direction == Direction::inbound);
    CHECK(call.when == at_s(2023, 1, 17, 15, 4, 5));  // the date of ActivityDate, the time of CreatedDate
    CHECK(call.duration_ms == 300000);
    CHECK(call.text == "Wants a refund, threatened a bad review");
    CHECK(r.got.contacts[1].channel == Channel::email);  // TaskSubtype Email
    CHECK(r.got.contacts[1].direction == Direction::outbound);
    CHECK(r.got.contacts[1].when == at(2023, 1, 18, 9, 30));
    CHECK(r.got.contacts[2].channel == Channel::email);  // ListEmail
    CHECK(r.got.contacts[2].client == "0015g00000ZEN");
    CHECK(r.got.contacts[2].direction == Direction::outbound);
    CHECK(r.got.contacts[2].when == at(2023, 1, 19, 20, 15));
    CHECK(r.got.contacts[3].direction == Direction::outbound);
    CHECK(r.got.contacts[3].duration_ms == 125000);

    SECTION("CreatedDate is a UTC instant: --timezone moves the time, never the date") {
        ReadSettings s;
        s.time_zone = LocalTimeConverter("Europe/Berlin");
        const Read berlin = read_fixture("salesforce-task-export.csv", Kind::contacts, s);
        REQUIRE(berlin.got.contacts.size() == 4);
        CHECK(berlin.got.contacts[0].when == at_s(2023, 1, 17, 16, 4, 5));
        CHECK(berlin.got.contacts[2].when == at(2023, 1, 19, 21, 15));
    }
    SECTION("an older org's export without TaskSubtype: EmailMessageId, CallType and the duration say") {
        const Read legacy = read_fixture("salesforce-task-export-legacy.csv", Kind::contacts);
        CHECK(legacy.report.rows == 4);
        CHECK(legacy.report.ignored == 1);  // neither: a meeting
        CHECK(legacy.report.bad_rows.count == 0);
        REQUIRE(legacy.got.contacts.size() == 3);
        CHECK(legacy.got.contacts[0].channel == Channel::email);
        CHECK(legacy.got.contacts[0].direction == Direction::outbound);
        CHECK(legacy.got.contacts[0].when == at(2023, 2, 1, 13, 0));  // a bare ActivityDate
        CHECK(legacy.got.contacts[1].channel == Channel::call);
        CHECK(legacy.got.contacts[1].when == at(2023, 2, 2, 7, 10));
        CHECK(legacy.got.contacts[2].channel == Channel::call);  // only a duration
        CHECK(legacy.got.contacts[2].duration_ms == 45000);
        CHECK(legacy.got.contacts[2].direction == Direction::inbound);
    }
    SECTION("a Windows-1252 export: an input error that names --encoding, read with it") {
        try {
            read_fixture("salesforce-task-export-cp1252.csv", Kind::contacts);
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.where().line == 2);
            CHECK(e.hint().find("--encoding windows-1252") != std::string::npos);
        }
        ReadSettings s;
        s.encoding = "windows-1252";
        const Read cp1252 = read_fixture("salesforce-task-export-cp1252.csv", Kind::contacts, s);
        REQUIRE(cp1252.got.contacts.size() == 1);
        CHECK(cp1252.got.contacts[0].text == "Beschwerde \xC3\xBC" "ber die Rechnung");
    }
    SECTION("named as calls, the report-layout preset reads only its calls") {
        const Read calls = read_fixture("salesforce-task-export.csv", Kind::calls);
        CHECK(calls.report.preset == "salesforce");
        // TaskSubtype other than Call (4 rows), and the internal call.
        CHECK(calls.report.ignored == 5);
        CHECK(calls.report.bad_rows.count == 1);  // the lead's call: no AccountId
        REQUIRE(calls.got.contacts.size() == 3);  // a planned call is a call to this preset
        CHECK(calls.got.contacts[0].when == at_s(2023, 1, 17, 15, 4, 5));  // not midnight
    }
}

TEST_CASE("ingest::presets zoho-analytics calls: no ACCOUNTID is a lead's or contact's call", "[ingest][presets]") {
    const Read r = read_fixture("zoho-analytics-calls.csv", Kind::calls);
    CHECK(r.report.rows == 6);
    CHECK(r.report.ignored == 2);
    REQUIRE(r.report.ignored_by.size() == 1);
    CHECK(r.report.ignored_by[0].second == 2);
    // Malformed: `yesterday` is no date; a bad row, named by file, line and column.
    REQUIRE(r.report.bad_rows.count == 1);
    CHECK(r.report.bad_rows.kept.at(0).line == 7);
    CHECK(r.report.bad_rows.kept.at(0).column == "Call Start Time");
    REQUIRE(r.got.contacts.size() == 3);
    CHECK(r.got.contacts[0].client == "4150868000000224005");
    CHECK(r.got.contacts[0].when == at_s(2021, 4, 20, 7, 49, 50));
    CHECK(r.got.contacts[0].duration_ms == 330000);  // 05:30
    CHECK(r.got.contacts[0].direction == Direction::inbound);
    CHECK(r.got.contacts[1].direction == Direction::outbound);
    CHECK(r.got.contacts[1].duration_ms == 120000);
    CHECK(r.got.contacts[2].client == "4150868000000224011");
    CHECK(r.got.contacts[2].direction == Direction::inbound);  // Missed
    CHECK(r.got.contacts[2].when == at(2021, 4, 22, 19, 5));
}

TEST_CASE("ingest::presets zoho-crm invoices", "[ingest][presets]") {
    const Read r = read_fixture("zoho-crm-invoices.csv", Kind::invoices);
    CHECK(r.report.preset == "zoho-crm");
    CHECK(r.report.rows == 5);
    REQUIRE(r.report.bad_rows.count == 1);  // Grand Total `12O.00`
    CHECK(r.report.bad_rows.kept.at(0).line == 6);
    CHECK(r.report.bad_rows.kept.at(0).column == "Grand Total");
    REQUIRE(r.got.invoices.size() == 4);
    CHECK(r.got.invoices[0].client == "Acme Corp");
    CHECK(r.got.invoices[0].invoice_id == "INV-1001");
    CHECK(r.got.invoices[0].issued == day(2021, 4, 20));
    CHECK(r.got.invoices[0].due == day(2021, 5, 20));
    CHECK(r.got.invoices[0].amount == money(1200));
    CHECK_FALSE(r.got.invoices[0].amount_paid);  // the module records no payment
    CHECK(r.got.invoices[1].issued == day(2021, 4, 22));  // no Invoice Date: Created Time
    CHECK(r.got.invoices[1].due == day(2021, 5, 20));
    CHECK(r.got.invoices[1].amount == money(450.50));
    CHECK(r.got.invoices[2].ignored);  // Cancelled
    CHECK(r.got.invoices[3].amount_paid == money(800));  // status Paid
    CHECK_FALSE(r.got.invoices[3].paid);
    CHECK(r.got.invoices[3].currency == "USD");
}

TEST_CASE("ingest::presets invoice-ninja: title lines, items repeating the invoice", "[ingest][presets]") {
    const Read r = read_fixture("invoice-ninja-invoices.csv", Kind::invoices);
    CHECK(r.report.preset == "invoice-ninja");
    CHECK(r.report.header_line == 4);
    CHECK(r.report.rows == 7);
    CHECK(r.report.ignored == 3 + 3);  // the title lines, later items of 0001 and 0003
    CHECK(r.report.bad_rows.count == 0);
    REQUIRE(r.got.invoices.size() == 4);
    const Invoice& partial = r.got.invoices[0];
    CHECK(partial.client == "Acme Corp");
    CHECK(partial.invoice_id == "0001");
    CHECK(partial.issued == day(2024, 1, 10));
    CHECK(partial.due == day(2024, 2, 9));
    CHECK(partial.amount == money(1500));  // once, not per item
    CHECK(partial.amount_paid == money(1000));  // Paid is money
    CHECK_FALSE(partial.paid);
    CHECK(r.got.invoices[1].amount_paid == money(300));
    CHECK(r.got.invoices[2].amount == money(2000));
    CHECK(r.got.invoices[2].amount_paid == money(0));
    CHECK_FALSE(r.got.invoices[2].ignored);  // Sent
    CHECK(r.got.invoices[3].ignored);  // Draft: not issued
}

TEST_CASE("ingest::presets invoicely and invoice2go", "[ingest][presets]") {
    SECTION("invoicely: Jan 28 2021 dates, status Paid is paid in full") {
        const Read r = read_fixture("invoicely-invoices.csv", Kind::invoices);
        CHECK(r.report.rows == 4);
        CHECK(r.report.bad_rows.count == 0);
        REQUIRE(r.got.invoices.size() == 4);
        CHECK(r.got.invoices[0].invoice_id == "INV-1");
        CHECK(r.got.invoices[0].client == "Bruce Co");
        CHECK(r.got.invoices[0].issued == day(2021, 1, 28));
        CHECK(r.got.invoices[0].due == day(2021, 2, 27));
        CHECK(r.got.invoices[0].amount == money(1020));
        CHECK_FALSE(r.got.invoices[0].amount_paid);
        CHECK(r.got.invoices[1].amount_paid == money(250));
        CHECK_FALSE(r.got.invoices[1].paid);
        CHECK(r.got.invoices[2].amount == money(3400.50));
        CHECK(r.got.invoices[3].ignored);  // Draft
    }
    SECTION("invoice2go: CSV inside quoted fields, unsent is a draft, due on the document date") {
        const Read r = read_fixture("invoice2go-invoices.csv", Kind::invoices);
        CHECK(r.report.rows == 4);
        CHECK(r.report.bad_rows.count == 0);
        REQUIRE(r.got.invoices.size() == 4);
        CHECK(r.got.invoices[0].client == "Gotham Works");
        CHECK(r.got.invoices[0].invoice_id == "1");
        CHECK(r.got.invoices[0].issued == day(2021, 1, 28));
        CHECK(r.got.invoices[0].due == day(2021, 1, 28));
        CHECK(r.got.invoices[0].amount == money(192.75));
        CHECK(r.got.invoices[0].amount_paid == money(0));
        CHECK(r.got.invoices[1].ignored);  // unsent
        CHECK(r.got.invoices[2].amount_paid == money(367.20));
        CHECK(r.got.invoices[2].paid == day(2021, 2, 15));
        CHECK(r.got.invoices[3].amount_paid == money(200));
        CHECK(r.got.invoices[3].currency == "USD");
    }
}

TEST_CASE("ingest::presets xero-api: supplier bills ignored, drafts and submitted not issued", "[ingest][presets]") {
    const Read r = read_fixture("xero-api-invoices.csv", Kind::invoices);
    CHECK(r.report.rows == 6);
    CHECK(r.report.ignored == 1);  // ACCPAY
    CHECK(r.report.bad_rows.count == 0);
    REQUIRE(r.got.invoices.size() == 5);
    CHECK(r.got.invoices[0].client == "9f3d0a11-aaaa");
    CHECK(r.got.invoices[0].invoice_id == "6c1a2e4b-0001");
    CHECK(r.got.invoices[0].issued == day(2023, 1, 10));
    CHECK(r.got.invoices[0].due == day(2023, 2, 9));
    CHECK(r.got.invoices[0].amount == money(1150));
    CHECK(r.got.invoices[0].amount_paid == money(1000));
    CHECK(r.got.invoices[0].currency == "GBP");
    CHECK(r.got.invoices[1].paid == day(2023, 2, 20));
    CHECK(r.got.invoices[1].amount_paid == money(500));
    CHECK(r.got.invoices[2].ignored);  // DRAFT
    CHECK(r.got.invoices[3].ignored);  // SUBMITTED
    CHECK(r.got.invoices[4].ignored);  // VOIDED
}

TEST_CASE("ingest::presets stripe-payments: payments paid on their date, refunds credits", "[ingest][presets]") {
    const Read r = read_fixture("stripe-payments.csv", Kind::invoices);
    CHECK(r.report.preset == "stripe-payments");
    CHECK(r.report.rows == 6);
    CHECK(r.report.ignored == 2);  // Failed, Canceled
    REQUIRE(r.report.bad_rows.count == 1);  // Amount `1O0.00`
    CHECK(r.report.bad_rows.kept.at(0).line == 7);
    CHECK(r.report.bad_rows.kept.at(0).column == "Amount");
    REQUIRE(r.got.invoices.size() == 5);
    const Invoice& paid = r.got.invoices[0];
    CHECK(paid.client == "cus_NaA1");
    CHECK(paid.invoice_id == "py_3Mq1A001");
    CHECK(paid.issued == day(2023, 1, 5));
    CHECK(paid.due == day(2023, 1, 5));
    CHECK(paid.paid == day(2023, 1, 5));
    CHECK(paid.amount == money(100));
    CHECK(paid.amount_paid == money(100));
    CHECK(paid.currency == "USD");
    CHECK(r.got.invoices[1].amount == money(250));  // the refunded payment still billed...
    CHECK(r.got.invoices[2].amount == money(-250));  // ...and its refund a credit note of its own
    CHECK(r.got.invoices[2].invoice_id.empty());
    CHECK(r.got.invoices[2].issued == day(2023, 1, 6));
    CHECK(r.got.invoices[3].client == "guest@example.com");  // no Customer ID
    CHECK(r.got.invoices[3].amount == money(75));
    CHECK(r.got.invoices[4].amount == money(-25));

    SECTION("times are UTC: --timezone moves them") {
        ReadSettings s;
        s.time_zone = LocalTimeConverter("Asia/Tokyo");
        const Read tokyo = read_fixture("stripe-payments.csv", Kind::invoices, s);
        CHECK(tokyo.got.invoices[1].issued == day(2023, 1, 7));  // 22:10 UTC
    }
}

TEST_CASE("ingest::presets asterisk: Master.csv has no header; --preset asterisk names its columns",
          "[ingest][presets]") {
    const Read r = read_fixture("asterisk-master.csv", Kind::calls, with_preset("asterisk"));
    CHECK(r.report.preset == "asterisk");
    CHECK(r.report.no_header);
    CHECK(r.report.rows == 4);
    // Malformed: a line cut short has the wrong number of fields.
    REQUIRE(r.report.bad_rows.count == 1);
    CHECK(r.report.bad_rows.kept.at(0).line == 4);
    REQUIRE(r.got.contacts.size() == 3);
    CHECK(r.got.contacts[0].client == "ACME");  // accountcode
    CHECK(r.got.contacts[0].when == at_s(2023, 1, 17, 9, 15, 2));
    CHECK(r.got.contacts[0].duration_ms == 300000);  // billsec, not duration (308)
    CHECK(r.got.contacts[0].direction == Direction::inbound);
    CHECK(r.got.contacts[1].client == "5559876");  // no accountcode: src
    CHECK(r.got.contacts[1].when == at(2023, 1, 17, 21, 40));
    CHECK(r.got.contacts[1].duration_ms == 55000);
    CHECK(r.got.contacts[2].duration_ms == 0);  // NO ANSWER: a call all the same

    SECTION("without --preset its first record is no header") {
        CHECK_THROWS_AS(read_fixture("asterisk-master.csv", Kind::calls), InputError);
    }
}

TEST_CASE("ingest::presets wave-ledger: a general ledger is refused, never summed", "[ingest][presets]") {
    try {
        read_fixture("wave-ledger.csv", Kind::invoices);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().file == "wave-ledger.csv");
        CHECK(e.where().line == 1);
        CHECK(std::string(e.what()).find("Wave account-transactions (general ledger) export") != std::string::npos);
        CHECK(e.hint().find("Sales → Invoices → Export") != std::string::npos);
        CHECK(e.hint().find("Accounts receivable aging") != std::string::npos);
    }
}

TEST_CASE("ingest::presets new presets end to end through the binary", "[ingest][presets][e2e]") {
    SECTION("stripe-payments: billed, collected, credited") {
        const json report = rank_json({"--invoices", fixture("stripe-payments.csv"), "--as-of", "2023-01-31"});
        const json& acme = client_of(report, "cus_NaA1");
        CHECK(acme["billed"] == 350.0);
        CHECK(acme["credits"] == 250.0);
        CHECK(acme["outstanding"] == 0.0);
        CHECK(report["ignored_rows"]["stripe-payments.csv"] == 2);
        CHECK(report["skipped_rows"]["stripe-payments.csv"] == 1);
    }
    SECTION("wave-ledger: exit 3, the file named, what to download instead") {
        const auto r = run_clientscore({"rank", "--invoices", fixture("wave-ledger.csv")});
        CHECK(r.status == 3);
        CHECK(r.err.find("wave-ledger.csv:1: is a Wave account-transactions") != std::string::npos);
        CHECK(r.err.find("Accounts receivable aging") != std::string::npos);
    }
    SECTION("asterisk: --preset asterisk, the calls of each caller") {
        const json report = rank_json({"--calls", fixture("asterisk-master.csv"), "--preset", "asterisk"});
        CHECK(client_of(report, "5559876")["calls"] == 2);
        CHECK(client_of(report, "ACME")["call_minutes"] == 5.0);
        CHECK(report["skipped_rows"]["asterisk-master.csv"] == 1);
    }
    SECTION("check says how many calls were a lead's or contact's") {
        const auto r = run_clientscore({"check", "--calls", fixture("zoho-analytics-calls.csv")});
        INFO(r.out);
        CHECK(r.out.find("6 (1 skipped, 2 ignored; 2 with an empty \"ACCOUNTID\" (a call with a lead or contact, "
                         "not a client))") != std::string::npos);
        const auto j = run_clientscore({"check", "--format", "json", "--calls", fixture("zoho-analytics-calls.csv")});
        const json file = json::parse(j.out)["files"][0];
        CHECK(file["preset"] == "zoho-analytics");
        CHECK(file["ignored_by"]["an empty \"ACCOUNTID\" (a call with a lead or contact, not a client)"] == 2);
    }
}

TEST_CASE("ingest::presets harvest: the detailed time report, First Name and Last Name", "[ingest][presets][time]") {
    // Hours as tracked, not Hours Rounded: 1.5 + 0.25 h for Acme (Maria Lopez), 2.75 + 1 h for
    // Zenith (Tom Becker, and Priya, whose last name is empty: no trailing space).
    const auto check = [](const Read& r) {
        CHECK(r.report.preset == "harvest");
        CHECK(r.report.bad_rows.count == 0);
        REQUIRE(r.got.time.size() == 4);
        const TimeEntry& first = r.got.time[0];
        CHECK(first.client == "Acme Corp");
        CHECK(first.when == LocalDateTime{day(2026, 9, 1), -1});  // a date: Harvest gives no time of day
        CHECK(first.duration_ms == 5400000);
        CHECK(first.person == "Maria Lopez");
        CHECK(first.text == "Homepage review, second round");
        CHECK(r.got.time[1].duration_ms == 900000);  // 0.25, not the rounded 0.5
        CHECK(r.got.time[2].client == "Zenith Ltd");
        CHECK(r.got.time[2].duration_ms == 9900000);
        CHECK(r.got.time[2].person == "Tom Becker");
        CHECK(r.got.time[3].duration_ms == 3600000);
        CHECK(r.got.time[3].person == "Priya");
        const auto& notes = r.report.preset_notes;
        CHECK(std::find(notes.begin(), notes.end(),
                        "the person is \"First Name\" and \"Last Name\" joined with a space") != notes.end());
    };
    SECTION("comma-delimited, `.` decimal") {
        const Read r = read_fixture("harvest-time-report.csv", Kind::time);
        check(r);
        CHECK(r.report.delimiter == ',');
    }
    SECTION("semicolon-delimited, `,` decimal (1,5 is an hour and a half, not 15)") {
        const Read r = read_fixture("harvest-time-report-semicolon.csv", Kind::time);
        check(r);
        CHECK(r.report.delimiter == ';');
    }
    SECTION("the mapping check shows") {
        const auto j = run_clientscore({"check", "--format", "json", "--time", fixture("harvest-time-report.csv")});
        const json file = json::parse(j.out)["files"][0];
        CHECK(file["preset"] == "harvest");
        CHECK(file["mapping"]["duration"] == "Hours");
        CHECK(file["mapping"]["person"] == "First Name");
        CHECK(file["mapping"]["billable"] == "Billable?");
    }
}

TEST_CASE("ingest::presets toggl: Duration H:MM:SS or decimal hours, the time from Start time",
          "[ingest][presets][time]") {
    const Read r = read_fixture("toggl-detailed.csv", Kind::time);
    CHECK(r.report.preset == "toggl");
    CHECK(r.report.bad_rows.count == 0);
    REQUIRE(r.got.time.size() == 3);
    CHECK(r.got.time[0].client == "Acme Corp");
    CHECK(r.got.time[0].when == at(2026, 9, 1, 9, 15));
    CHECK(r.got.time[0].duration_ms == (90 * 60 + 30) * 1000);  // 01:30:30
    CHECK(r.got.time[0].person == "Maria Lopez");
    CHECK(r.got.time[0].text == "Homepage mockups");
    // Past midnight: the entry stays on the day it started.
    CHECK(r.got.time[1].when == at(2026, 9, 2, 22, 10));
    CHECK(r.got.time[1].duration_ms == 150 * 60 * 1000);
    CHECK(r.got.time[1].person == "Tom Becker");
    CHECK(r.got.time[2].duration_ms == 5 * 60 * 1000);

    SECTION("the decimal duration format: a plain number is hours, not seconds") {
        const Read d = read_fixture("toggl-detailed-decimal.csv", Kind::time);
        CHECK(d.report.preset == "toggl");
        REQUIRE(d.got.time.size() == 2);
        CHECK(d.got.time[0].duration_ms == 5436000);  // 1.51 h
        CHECK(d.got.time[1].duration_ms == 9000000);  // 2.50 h
        const Read generic = read_fixture("toggl-detailed-decimal.csv", Kind::time, with_preset("none"));
        CHECK(generic.got.time[0].duration_ms == 1510);  // what the header alone would say: seconds
    }
}

TEST_CASE("ingest::presets clockify: Duration (h) and Duration (decimal) normalise alike; each reads right",
          "[ingest][presets][time]") {
    const Read r = read_fixture("clockify-detailed.csv", Kind::time);
    CHECK(r.report.preset == "clockify");
    CHECK(r.report.bad_rows.count == 0);
    CHECK(r.report.date_order == "mdy");  // 09/14/2026
    REQUIRE(r.got.time.size() == 3);
    CHECK(r.got.time[0].client == "Acme Corp");
    CHECK(r.got.time[0].when == at(2026, 9, 1, 9, 15));  // 09:15:00 AM
    // Duration (h) 01:30:30 = 5,430 s, exact; Duration (decimal) 1.51 would be 5,436 s.
    CHECK(r.got.time[0].duration_ms == 5430000);
    CHECK(r.got.time[0].person == "Maria Lopez");
    CHECK(r.got.time[0].text == "Homepage mockups");
    CHECK(r.got.time[1].when == at(2026, 9, 14, 19, 0));  // 07:00:00 PM
    CHECK(r.got.time[1].duration_ms == 8100000);
    CHECK(r.got.time[1].person == "Tom Becker");
    CHECK(r.got.time[2].duration_ms == 1200000);  // 00:20:00, not 0.33 h (1,188 s)

    SECTION("only Duration (decimal): decimal hours, not seconds") {
        const Read d = read_fixture("clockify-detailed-decimal.csv", Kind::time);
        CHECK(d.report.preset == "clockify");
        REQUIRE(d.got.time.size() == 2);
        CHECK(d.got.time[0].duration_ms == 5400000);  // 1.50 h
        CHECK(d.got.time[1].duration_ms == 8100000);  // 2.25 h
    }
    SECTION("Duration (decimal) left of Duration (h): Duration (h) is still the one read") {
        const clientscore::testing::TempFile file(
            "clockify.csv",
            "Project,Client,Description,User,Email,Billable,Start Date,Start Time,Duration (decimal),Duration (h)\n"
            "Website,Acme Corp,Mockups,Maria Lopez,maria@example.com,Yes,09/14/2026,09:15:00 AM,1.51,01:30:30\n");
        InputFile input;
        input.path = file.path();
        input.kind = Kind::time;
        input.display_name = "clockify.csv";
        Collect got;
        const FileReport report = read_export(input, 0, {}, got);
        CHECK(report.preset == "clockify");
        REQUIRE(got.time.size() == 1);
        CHECK(got.time[0].duration_ms == 5430000);
    }
    SECTION("check names the column read") {
        const auto j = run_clientscore({"check", "--format", "json", "--time", fixture("clockify-detailed.csv")});
        const json file = json::parse(j.out)["files"][0];
        CHECK(file["preset"] == "clockify");
        CHECK(file["mapping"]["duration"] == "Duration (h)");
        CHECK(file["mapping"]["person"] == "User");
    }
}

TEST_CASE("ingest::presets the person of the call presets", "[ingest][presets]") {
    SECTION("hubspot: hubspot_owner_id on calls and emails") {
        const Read calls = read_fixture("hubspot-calls.csv", Kind::calls);
        REQUIRE(calls.got.contacts.size() == 3);
        CHECK(calls.got.contacts[0].person == "52550153");
        CHECK(calls.got.contacts[2].person == "61002417");
        const Read emails = read_fixture("hubspot-emails.csv", Kind::emails);
        REQUIRE(emails.got.contacts.size() == 4);
        CHECK(emails.got.contacts[0].person == "52550153");
        CHECK(emails.got.contacts[2].person.empty());  // an unassigned email: unknown
        CHECK(emails.got.contacts[3].person == "61002417");
        // The label of an export from the activities index names the same property.
        const clientscore::testing::TempFile file(
            "calls.csv",
            "hs_timestamp,hs_call_direction,hs_call_duration,Associated Company,Activity assigned to\n"
            "2026-07-06T08:15:00Z,INBOUND,60000,Acme Corp,Dana Whitfield\n");
        InputFile input;
        input.path = file.path();
        input.kind = Kind::calls;
        input.display_name = "calls.csv";
        Collect got;
        CHECK(read_export(input, 0, {}, got).preset == "hubspot");
        REQUIRE(got.contacts.size() == 1);
        CHECK(got.contacts[0].person == "Dana Whitfield");
    }
    SECTION("zoho-crm and zoho-analytics: Call Owner") {
        const Read zoho = read_fixture("zoho-crm-calls.csv", Kind::calls);
        REQUIRE(zoho.got.contacts.size() == 3);
        CHECK(zoho.got.contacts[0].person == "Ana Ortiz");
        CHECK(zoho.got.contacts[1].person == "Ben Li");
        const Read analytics = read_fixture("zoho-analytics-calls.csv", Kind::calls);
        REQUIRE(analytics.got.contacts.size() == 3);
        CHECK(analytics.got.contacts[0].person == "Ana Ortiz");
        CHECK(analytics.got.contacts[2].person == "Ben Li");
    }
    SECTION("aircall: user, empty for a call nobody took") {
        const Read r = read_fixture("aircall-calls.csv", Kind::calls);
        REQUIRE(r.got.contacts.size() == 3);
        CHECK(r.got.contacts[0].person == "Anna");
        CHECK(r.got.contacts[2].person.empty());
    }
    SECTION("salesforce: Assigned in a report, OwnerId from Data Loader") {
        const Read report = read_fixture("salesforce-tasks.csv", Kind::calls);
        REQUIRE(report.got.contacts.size() == 3);
        CHECK(report.got.contacts[0].person == "Dana Whitfield");
        CHECK(report.got.contacts[2].person.empty());
        const Read tasks = read_fixture("salesforce-task-export.csv", Kind::contacts);
        REQUIRE(tasks.got.contacts.size() == 4);
        CHECK(tasks.got.contacts[0].person == "0055g00000U1");
        CHECK(tasks.got.contacts[2].person == "0055g00000U2");
    }
    SECTION("pipedrive: owner_name") {
        const Read r = read_fixture("pipedrive-activities.csv", Kind::contacts);
        REQUIRE(r.got.contacts.size() == 3);
        CHECK(r.got.contacts[0].person == "Lena Vogel");
        CHECK(r.got.contacts[2].person == "Sam Ortiz");
    }
}

TEST_CASE("ingest::presets time exports end to end: logged hours and who carries the load",
          "[ingest][presets][time][e2e]") {
    SECTION("harvest") {
        const json report = rank_json({"--time", fixture("harvest-time-report.csv")});
        CHECK(client_of(report, "Acme Corp")["logged_hours"] == 1.75);
        CHECK(client_of(report, "Zenith Ltd")["logged_hours"] == 3.75);
        CHECK(client_of(report, "Acme Corp")["cost_to_serve"] == 105.0);  // 1.75 h × 60
        const json& people = report["people"];
        REQUIRE(people.size() == 3);
        CHECK(people[0]["person"] == "Tom Becker");
        CHECK(people[0]["hours"] == 2.75);
        CHECK(people[1]["person"] == "Maria Lopez");
        CHECK(people[1]["hours"] == 1.75);
        CHECK(people[2]["person"] == "Priya");
        CHECK(people[2]["hours"] == 1.0);
    }
    SECTION("toggl: 1:30:30 + 0:05:00 is 1.59 h") {
        const json report = rank_json({"--time", fixture("toggl-detailed.csv")});
        CHECK(client_of(report, "Acme Corp")["logged_hours"] == 1.59);
        CHECK(client_of(report, "Zenith Ltd")["logged_hours"] == 2.5);
        CHECK(report["people"][0]["person"] == "Tom Becker");
    }
    SECTION("clockify: 1:30:30 + 0:20:00 is 1.84 h") {
        const json report = rank_json({"--time", fixture("clockify-detailed.csv")});
        CHECK(client_of(report, "Acme Corp")["logged_hours"] == 1.84);
        CHECK(client_of(report, "Zenith Ltd")["logged_hours"] == 2.25);
    }
}

// Choosing a file's preset (src/ingest/presets/preset_detect.cpp, SPEC §2 "Presets"): header
// signatures, --preset forcing one or turning detection off.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_search.hpp"
#include "ingest/presets/preset_detect.hpp"
#include "ingest/presets/presets.hpp"
#include "preset_fixtures.hpp"

namespace fs = std::filesystem;
using namespace clientscore;
using namespace clientscore::preset_fixtures;

namespace {

const ingest::Preset& preset(std::string_view name, Kind kind) {
    const ingest::Preset* found = ingest::find_preset(name, kind);
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("ingest::presets detection from the header", "[ingest][presets]") {
    struct Case {
        const char* file;
        Kind kind;
        const char* preset;
    };
    const std::vector<Case> cases = {
        {"stripe-invoices.csv", Kind::invoices, "stripe"},
        {"hubspot-calls.csv", Kind::calls, "hubspot"},
        {"hubspot-emails.csv", Kind::emails, "hubspot"},
        {"zoho-crm-calls.csv", Kind::calls, "zoho-crm"},
        {"aircall-calls.csv", Kind::calls, "aircall"},
        {"salesforce-tasks.csv", Kind::calls, "salesforce"},
        {"pipedrive-activities.csv", Kind::contacts, "pipedrive"},
        {"xero-invoices.csv", Kind::invoices, "xero"},
        {"freshbooks-invoices.csv", Kind::invoices, "freshbooks"},
        {"zoho-books-invoices.csv", Kind::invoices, "zoho-books"},
        {"quickbooks-invoice-list.csv", Kind::invoices, "quickbooks"},
        {"ibm-ar-invoices.csv", Kind::invoices, "ibm-ar"},
        {"servicenow-contacts.csv", Kind::contacts, "servicenow"},
        {"salesforce-task-export.csv", Kind::contacts, "salesforce-tasks"},
        {"salesforce-task-export-legacy.csv", Kind::contacts, "salesforce-tasks"},
        {"zoho-analytics-calls.csv", Kind::calls, "zoho-analytics"},
        {"zoho-crm-invoices.csv", Kind::invoices, "zoho-crm"},
        {"invoice-ninja-invoices.csv", Kind::invoices, "invoice-ninja"},
        {"invoicely-invoices.csv", Kind::invoices, "invoicely"},
        {"invoice2go-invoices.csv", Kind::invoices, "invoice2go"},
        {"xero-api-invoices.csv", Kind::invoices, "xero-api"},
        {"stripe-payments.csv", Kind::invoices, "stripe-payments"},
        {"harvest-time-report.csv", Kind::time, "harvest"},
        {"harvest-time-report-semicolon.csv", Kind::time, "harvest"},
        {"toggl-detailed.csv", Kind::time, "toggl"},
        {"toggl-detailed-decimal.csv", Kind::time, "toggl"},
        {"clockify-detailed.csv", Kind::time, "clockify"},
        {"clockify-detailed-decimal.csv", Kind::time, "clockify"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const Read detected = read_fixture(c.file, c.kind);
        CHECK(detected.report.preset == c.preset);
        CHECK_FALSE(detected.report.preset_forced);
        CHECK(detected.report.preset_columns.size() >= 3);
        const Read forced = read_fixture(c.file, c.kind, with_preset(c.preset));
        CHECK(forced.report.preset == c.preset);
        CHECK(forced.report.preset_forced);
        CHECK(forced.report.rows == detected.report.rows);
        CHECK(forced.report.ignored == detected.report.ignored);
    }

    SECTION("the preset list names every vendor of the issue once") {
        CHECK(ingest::preset_names() ==
              std::vector<std::string_view>{"stripe", "hubspot", "zoho-crm", "zoho-analytics", "aircall", "salesforce",
                                            "salesforce-tasks", "pipedrive", "harvest", "toggl", "clockify", "xero",
                                            "freshbooks", "zoho-books",
                                            "invoice-ninja", "invoicely", "invoice2go", "xero-api",
                                            "stripe-payments", "wave-ledger", "quickbooks", "ibm-ar", "servicenow",
                                            "asterisk"});
    }
    SECTION("generic exports match no preset") {
        for (const char* name : {"calls", "emails", "invoices", "discounts", "clients", "time"}) {
            InputFile file;
            file.path = (fs::path(CLIENTSCORE_SOURCE_DIR) / "sample_data" / (std::string(name) + ".csv")).string();
            const auto kind_at = std::find(k_kind_names.begin(), k_kind_names.end(), std::string_view(name));
            file.kind = static_cast<Kind>(kind_at - k_kind_names.begin());
            file.display_name = name;
            RecordSink sink;
            const FileReport report = read_export(file, 0, {}, sink);
            CAPTURE(name);
            CHECK(report.preset == "none");
            CHECK(report.preset_columns.empty());
            CHECK(report.preset_notes.empty());
        }
    }
    SECTION("the signature matches loosely: case, spaces, underscores, parentheses") {
        const ingest::PresetChoice choice = ingest::choose_preset(
            Kind::calls, {"HS Timestamp", "HS_CALL_DURATION (ms)", "hs-call-direction", "Company name"}, "");
        REQUIRE(choice.preset != nullptr);
        CHECK(choice.preset->name == "hubspot");
        CHECK(choice.columns == std::vector<std::string>{"HS Timestamp", "HS_CALL_DURATION (ms)", "hs-call-direction"});
    }
    SECTION("a preset for another kind is no preset for this file") {
        const Read r = read_fixture("ibm-ar-invoices.csv", Kind::invoices, with_preset("hubspot"));
        CHECK(r.report.preset == "none");
        CHECK(r.got.invoices.size() == 2);
    }
    SECTION("--preset none reads with the generic rules only") {
        CHECK_THROWS_AS(read_fixture("aircall-calls.csv", Kind::calls, with_preset("none")), InputError);
        const Read r = read_fixture("stripe-invoices.csv", Kind::invoices, with_preset("none"));
        CHECK(r.report.preset == "none");
        CHECK(r.got.discounts.empty());
        CHECK_FALSE(r.report.derives_discounts);
    }
    SECTION("an unknown preset name is a usage error listing the names") {
        try {
            read_fixture("stripe-invoices.csv", Kind::invoices, with_preset("sap"));
            FAIL("no error");
        } catch (const UsageError& e) {
            CHECK(std::string(e.what()) == "--preset sap: unknown preset");
            CHECK(e.hint().find("stripe, hubspot, zoho-crm") != std::string::npos);
        }
    }
}

TEST_CASE("ingest::match_signature counts the entries present, and `!` entries must be there", "[ingest][presets]") {
    // hubspot calls: !hs_timestamp and 6 more entries, 3 needed.
    const ingest::Preset& hubspot = preset("hubspot", Kind::calls);
    const std::vector<std::string> without_must = {"Company", "hs_call_duration", "HS Call Direction", "hs_call_status"};
    ingest::SignatureMatch m = ingest::match_signature(hubspot, without_must);
    CHECK(m.count == 3);
    CHECK_FALSE(m.detected);  // hs_timestamp is missing
    CHECK(m.columns == std::vector<std::string>{"hs_call_duration", "HS Call Direction", "hs_call_status"});

    std::vector<std::string> with_must = without_must;
    with_must.push_back("HS_TIMESTAMP");
    m = ingest::match_signature(hubspot, with_must);
    CHECK(m.count == 4);
    CHECK(m.detected);
    CHECK(m.columns == std::vector<std::string>{"hs_call_duration", "HS Call Direction", "hs_call_status",
                                                "HS_TIMESTAMP"});  // in header order

    m = ingest::match_signature(hubspot, {"hs_timestamp", "hs_call_body"});
    CHECK(m.count == 2);
    CHECK_FALSE(m.detected);  // fewer than 3
    CHECK(ingest::match_signature(hubspot, {}).count == 0);
}

TEST_CASE("ingest::match_signature: `a|b` alternatives count once, the first present one matches",
          "[ingest][presets]") {
    // salesforce: account_name|account_id, ..., call_duration|call_duration_in_seconds, !activity_date.
    const ingest::Preset& salesforce = preset("salesforce", Kind::calls);
    const ingest::SignatureMatch both = ingest::match_signature(
        salesforce, {"Account ID", "Account Name", "Subject", "Call Type", "Call Duration", "Activity Date"});
    CHECK(both.count == 5);
    CHECK(both.detected);
    CHECK(both.columns ==
          std::vector<std::string>{"Account Name", "Subject", "Call Type", "Call Duration", "Activity Date"});
    const ingest::SignatureMatch second = ingest::match_signature(
        salesforce, {"AccountId", "Subject", "CallType", "CallDurationInSeconds", "ActivityDate"});
    CHECK(second.count == 5);
    CHECK(second.detected);
}

TEST_CASE("ingest::check_preset_setting accepts empty, none and the preset names", "[ingest][presets]") {
    CHECK_NOTHROW(ingest::check_preset_setting(""));
    CHECK_NOTHROW(ingest::check_preset_setting("none"));
    for (const std::string_view name : ingest::preset_names()) {
        CHECK_NOTHROW(ingest::check_preset_setting(name));
    }
    try {
        ingest::check_preset_setting("sap");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "--preset sap: unknown preset");
        CHECK(e.hint() ==
              "presets: stripe, hubspot, zoho-crm, zoho-analytics, aircall, salesforce, salesforce-tasks, pipedrive, "
              "harvest, toggl, clockify, xero, freshbooks, zoho-books, invoice-ninja, invoicely, invoice2go, "
              "xero-api, stripe-payments, wave-ledger, quickbooks, ibm-ar, servicenow, asterisk, or none to turn "
              "detection off");
    }
}

TEST_CASE("ingest::choose_preset: forced, none, and the best signature with ties in table order",
          "[ingest][presets]") {
    SECTION("none chooses no preset even for a matching header") {
        const ingest::PresetChoice c = ingest::choose_preset(Kind::calls, {"hs_timestamp", "hs_call_duration",
                                                                           "hs_call_direction"}, "none");
        CHECK(c.preset == nullptr);
        CHECK_FALSE(c.forced);
        CHECK(c.columns.empty());
    }
    SECTION("a forced preset applies whatever the header, with the columns that matched") {
        const ingest::PresetChoice c = ingest::choose_preset(Kind::emails, {"client", "hs_timestamp"}, "hubspot");
        REQUIRE(c.preset != nullptr);
        CHECK(c.preset->name == "hubspot");
        CHECK(c.preset->kind == Kind::emails);  // the entry for this kind
        CHECK(c.forced);
        CHECK(c.columns == std::vector<std::string>{"hs_timestamp"});
    }
    SECTION("a forced preset that reads no file of this kind: none, but forced") {
        const ingest::PresetChoice c = ingest::choose_preset(Kind::calls, {"client", "date"}, "stripe");
        CHECK(c.preset == nullptr);
        CHECK(c.forced);
    }
    SECTION("detection takes the most entries; a tie goes to the earlier preset") {
        // zoho-crm: subject, call_type, !related_to, call_start_time, call_duration = 5 of 9 (5 needed);
        // salesforce: account_name, subject, call_type, call_duration, !activity_date = 5 (5 needed).
        std::vector<std::string> header = {"Related To", "Subject",     "Call Type",   "Call Duration",
                                           "Call Start Time", "Activity Date", "Account Name"};
        ingest::PresetChoice c = ingest::choose_preset(Kind::calls, header, "");
        REQUIRE(c.preset != nullptr);
        CHECK(c.preset->name == "zoho-crm");
        CHECK_FALSE(c.forced);
        header.push_back("Created Date");  // salesforce's sixth entry
        c = ingest::choose_preset(Kind::calls, header, "");
        REQUIRE(c.preset != nullptr);
        CHECK(c.preset->name == "salesforce");
        CHECK(c.columns.size() == 6);
    }
    SECTION("a generic header detects nothing") {
        CHECK(ingest::choose_preset(Kind::invoices, {"client", "date", "due", "amount"}, "").preset == nullptr);
    }
}

TEST_CASE("ingest::needs_whole_file: rows merged across the file", "[ingest][presets]") {
    CHECK(ingest::needs_whole_file(preset("xero", Kind::invoices)));        // once per invoice
    CHECK(ingest::needs_whole_file(preset("servicenow", Kind::contacts)));  // once per incident
    CHECK_FALSE(ingest::needs_whole_file(preset("quickbooks", Kind::invoices)));  // its title lines are the search's
    CHECK_FALSE(ingest::needs_whole_file(preset("stripe", Kind::invoices)));
    CHECK_FALSE(ingest::needs_whole_file(preset("hubspot", Kind::calls)));
    CHECK_FALSE(ingest::needs_whole_file(preset("freshbooks", Kind::invoices)));  // lines join without a merge
}

TEST_CASE("ingest::match_signature: a `-` entry must be absent and counts for nothing", "[ingest][presets]") {
    ingest::Preset p;
    p.signature = "a,b,-c";
    p.needed = 2;
    const ingest::SignatureMatch without = ingest::match_signature(p, {"A", "B"});
    CHECK(without.detected);
    CHECK(without.count == 2);
    const ingest::SignatureMatch with = ingest::match_signature(p, {"A", "B", "C"});
    CHECK_FALSE(with.detected);
    CHECK(with.count == 2);
    CHECK(with.columns == std::vector<std::string>{"A", "B"});  // the absent entry names no column
}

TEST_CASE("ingest::match_signature: an entry with parentheses names them (Clockify's two durations)",
          "[ingest][presets]") {
    // Normalisation drops parenthesised text, so `Duration (h)` is `duration` to a plain entry
    // and only an entry that spells the parentheses tells Clockify's columns from Toggl's.
    const std::vector<std::string> toggl = {"User", "Email", "Client", "Project", "Task", "Description", "Billable",
                                            "Start date", "Start time", "End date", "End time", "Duration", "Tags",
                                            "Amount ()"};
    const std::vector<std::string> clockify = {"Project", "Client", "Description", "Task", "User", "Group", "Email",
                                               "Tags", "Billable", "Start Date", "Start Time", "End Date", "End Time",
                                               "Duration (h)", "Duration (decimal)", "Billable Rate (USD)",
                                               "Billable Amount (USD)"};
    CHECK(ingest::match_signature(preset("toggl", Kind::time), toggl).detected);
    CHECK_FALSE(ingest::match_signature(preset("clockify", Kind::time), toggl).detected);
    CHECK(ingest::match_signature(preset("clockify", Kind::time), clockify).detected);
    CHECK_FALSE(ingest::match_signature(preset("toggl", Kind::time), clockify).detected);
    const ingest::PresetChoice choice = ingest::choose_preset(Kind::time, clockify, "");
    REQUIRE(choice.preset != nullptr);
    CHECK(choice.preset->name == "clockify");
    CHECK(std::find(choice.columns.begin(), choice.columns.end(), "Duration (h)") != choice.columns.end());
    // Wave's parenthesised entries still match its header, spaces and case aside.
    CHECK(ingest::match_signature(preset("wave-ledger", Kind::invoices),
                                  {"Transaction ID", "Debit Amount (Two Column Approach)",
                                   "Other Accounts for this Transaction"})
              .count == 3);
}

TEST_CASE("ingest::presets found by header: the salesforce report layout is calls, the Task object contacts",
          "[ingest][presets]") {
    const auto kind_of = [](const char* name) {
        const ingest::RawInput raw((k_presets / name).string(), name);
        return ingest::kind_by_header(raw, {});
    };
    // A Data Loader export names a call's client and date too (calls and emails by the generic
    // aliases, or the salesforce calls preset): the Task object's signature outweighs them.
    for (const char* name : {"salesforce-task-export.csv", "salesforce-task-export-legacy.csv"}) {
        CAPTURE(name);
        const ingest::HeaderKind found = kind_of(name);
        INFO(found.why);
        REQUIRE(found.kind);
        CHECK(*found.kind == Kind::contacts);
    }
    // Every new layout found by its header alone is of its kind (a folder of downloads).
    const std::vector<std::pair<const char*, Kind>> by_header = {
        {"zoho-analytics-calls.csv", Kind::calls},       {"zoho-crm-invoices.csv", Kind::invoices},
        {"invoice-ninja-invoices.csv", Kind::invoices},  {"invoicely-invoices.csv", Kind::invoices},
        {"invoice2go-invoices.csv", Kind::invoices},     {"xero-api-invoices.csv", Kind::invoices},
        {"stripe-payments.csv", Kind::invoices},         {"wave-ledger.csv", Kind::invoices},
        // A time export names a client and a date too (a call's required fields): its hours outweigh them.
        {"harvest-time-report.csv", Kind::time},         {"toggl-detailed.csv", Kind::time},
        {"clockify-detailed.csv", Kind::time},           {"clockify-detailed-decimal.csv", Kind::time},
    };
    for (const auto& [name, kind] : by_header) {
        CAPTURE(name);
        const ingest::HeaderKind found = kind_of(name);
        INFO(found.why);
        REQUIRE(found.kind);
        CHECK(*found.kind == kind);
    }
    const ingest::HeaderKind report = kind_of("salesforce-tasks.csv");
    INFO(report.why);
    REQUIRE(report.kind);
    CHECK(*report.kind == Kind::calls);
    // No `WhoId`/`WhatId`: the report layout is not the Task object.
    const ingest::PresetChoice choice = ingest::choose_preset(
        Kind::contacts, {"Account Name", "Subject", "Call Type", "Call Duration", "Activity Date", "Created Date",
                         "Comments"}, "");
    CHECK(choice.preset == nullptr);
}

TEST_CASE("ingest::presets headerless: --preset asterisk reads line 1 as a record", "[ingest][presets]") {
    const ingest::RawInput raw((k_presets / "asterisk-master.csv").string(), "asterisk-master.csv");
    ReadSettings forced = with_preset("asterisk");
    CHECK(ingest::find_header_line(raw, Kind::calls, forced) == ingest::k_no_header);
    // Another kind keeps its own header: the preset reads calls only.
    CHECK(ingest::find_header_line(raw, Kind::invoices, forced) == 0);
    // Never detected: a header of data is no signature.
    CHECK(ingest::choose_preset(Kind::calls, {"#1", "#2", "#10", "#14"}, "").preset == nullptr);
    forced.header_row = 1;  // --header-row wins
    CHECK(ingest::find_header_line(raw, Kind::calls, forced) == 1);
}

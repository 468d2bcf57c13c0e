// The preset table: every vendor export clientscore reads without --map (SPEC §2 "Presets").
// To add one, add an entry here (and a fixture and a test); the machinery needs no change
// unless the export has a quirk no field below describes.
//
// Conventions chosen where the exports leave room are written next to their entry, so that
// every reader of the same file gets the same numbers (README "Supported exports").

#include "ingest/presets/presets.hpp"

#include <algorithm>

// Each entry names only what differs from the defaults of Preset; GCC 12 warns about every
// member a designated initializer leaves to its default, which is the point here.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace clientscore::ingest {

namespace {

constexpr std::string_view k_hubspot_client = "associated_company,company_name,associated_company_id";

std::vector<Preset> make_table() {
    return {
        // Stripe dashboard invoice export. The client is `Customer` (the customer id), the
        // invoice is `id` (drafts have no Number yet); amounts in major units; times UTC.
        Preset{
            .name = "stripe",
            .kind = Kind::invoices,
            .reads = "Stripe invoices (dashboard export)",
            .signature = "id,customer,customer_name,customer_email,amount_due,amount_paid,amount_remaining,"
                         "finalized_at,total_discount_amount,applied_coupons,subscription,billing",
            .needed = 6,
            .aliases = {{"client", "customer"},
                        {"invoice_id", "id,number"},
                        {"issued_at", "date,created"},
                        {"due_at", "due_date"},
                        {"paid_at", "paid_at"},
                        {"amount", "amount_due,total"},
                        {"amount_paid", "amount_paid"},
                        {"status", "status"}},
            .columns = {{"discount", "total_discount_amount"}, {"discount_reason", "applied_coupons"}},
            .utc = true,
            // Auto-charged invoices have no due date: due on issue.
            .optional_fields = "due_at",
        },
        // HubSpot call engagements (property names). Every call counts whatever hs_call_status.
        Preset{
            .name = "hubspot",
            .kind = Kind::calls,
            .reads = "HubSpot calls and emails (engagement properties)",
            .signature = "!hs_timestamp,hs_call_duration,hs_call_direction,hs_call_disposition,hs_call_status,"
                         "hs_call_title,hs_call_body",
            .needed = 3,
            .aliases = {{"client", k_hubspot_client},
                        {"started_at", "hs_timestamp"},
                        {"duration", "hs_call_duration"},
                        {"direction", "hs_call_direction"},
                        {"notes", "hs_call_body,hs_call_title"}},
            .utc = true,
            .duration_unit = DurationUnit::milliseconds,
        },
        Preset{
            .name = "hubspot",
            .kind = Kind::emails,
            .reads = "HubSpot calls and emails (engagement properties)",
            .signature = "!hs_timestamp,hs_email_direction,hs_email_subject,hs_email_status,hs_email_text",
            .needed = 3,
            .aliases = {{"client", k_hubspot_client},
                        {"sent_at", "hs_timestamp"},
                        {"direction", "hs_email_direction"},
                        {"subject", "hs_email_subject"}},
            .words = {{"direction", "INCOMING_EMAIL", WordAction::means, "inbound"},
                      {"direction", "EMAIL", WordAction::means, "outbound"},
                      {"direction", "FORWARDED_EMAIL", WordAction::means, "outbound"}},
            .utc = true,
        },
        // Zoho CRM calls module. The client is `Related To` (the account); a missed call was
        // an inbound call.
        Preset{
            .name = "zoho-crm",
            .kind = Kind::calls,
            .reads = "Zoho CRM calls",
            .signature = "subject,call_type,call_purpose,!related_to,contact_name,call_start_time,call_duration,"
                         "call_status,call_result",
            .needed = 5,
            .aliases = {{"client", "related_to"},
                        {"started_at", "call_start_time"},
                        {"duration", "call_duration"},
                        {"direction", "call_type"},
                        {"notes", "subject"}},
            .words = {{"direction", "missed", WordAction::means, "inbound"}},
        },
        // Aircall calls. The client is `contact`; `duration` as exported; missed calls are
        // inbound calls like the others.
        Preset{
            .name = "aircall",
            .kind = Kind::calls,
            .reads = "Aircall calls",
            .signature = "started_at,!answered_at,ended_at,duration,direction,status,missed_call_reason,user,number,"
                         "contact",
            .needed = 6,
            .aliases = {{"client", "contact"},
                        {"started_at", "started_at"},
                        {"duration", "duration"},
                        {"direction", "direction"}},
            .utc = true,
        },
        // Salesforce tasks (report or Data Loader spelling). `Activity Date` is a date: the
        // time of day comes from `Created Date`. Internal calls are not client contacts.
        Preset{
            .name = "salesforce",
            .kind = Kind::calls,
            .reads = "Salesforce tasks (calls)",
            .signature = "account_name|account_id,subject,call_type,call_duration|call_duration_in_seconds,"
                         "!activity_date,created_date,comments|description",
            .needed = 5,
            .aliases = {{"client", "account_name,account_id"},
                        {"started_at", "activity_date"},
                        {"duration", "call_duration_in_seconds,call_duration"},
                        {"direction", "call_type"},
                        {"notes", "comments,description"}},
            .columns = {{"time_of_day", "created_date"}},
            .words = {{"direction", "internal", WordAction::ignore_row, {}}},
            .duration_unit = DurationUnit::seconds,
        },
        // Pipedrive activities as a contacts file: `type` call → call, email → email, other
        // activity types are ignored. The client is `org_id`; `due_date` with `due_time` is a
        // UTC instant; `duration` is HH:MM. Activities not done were planned, not held: ignored.
        Preset{
            .name = "pipedrive",
            .kind = Kind::contacts,
            .reads = "Pipedrive activities",
            .signature = "type,subject,!due_date,due_time,duration,org_id|organization,done,add_time",
            .needed = 5,
            .aliases = {{"client", "org_id,organization"},
                        {"channel", "type"},
                        {"started_at", "due_date"},
                        {"duration", "duration"},
                        {"notes", "subject,note"}},
            .columns = {{"time_of_day", "due_time"}, {"done", "done"}},
            .words = {{"done", "0", WordAction::ignore_row, {}},
                      {"done", "false", WordAction::ignore_row, {}},
                      {"done", "no", WordAction::ignore_row, {}},
                      {"done", "to do", WordAction::ignore_row, {}}},
            .utc = true,
            .duration_hours_minutes = true,
        },
        // Xero sales invoices: one row per line item with the invoice's Total repeated. Total
        // and the paid part (Total − InvoiceAmountDue) are taken once per invoice; no payment date.
        Preset{
            .name = "xero",
            .kind = Kind::invoices,
            .reads = "Xero sales invoices",
            .signature = "!contact_name,invoice_number,invoice_date,due_date,total,invoice_amount_due,"
                         "invoice_amount_paid,reference,line_amount,unit_amount,account_code,tax_type",
            .needed = 5,
            .aliases = {{"client", "contact_name"},
                        {"invoice_id", "invoice_number"},
                        {"issued_at", "invoice_date"},
                        {"due_at", "due_date"},
                        {"amount", "total,invoice_total"},
                        {"amount_paid", "invoice_amount_paid"},
                        {"status", "status"}},
            .columns = {{"balance", "invoice_amount_due"}},
            .date_order = DateOrder::dmy,
            .month_name_dates = true,
            .once_per = "invoice_id",
        },
        // FreshBooks invoice details: one row per line item, line totals add up (the generic
        // joining of rows that share an invoice number); no due date: due on `Date Issued`.
        // `Discount Percentage` yields nothing.
        Preset{
            .name = "freshbooks",
            .kind = Kind::invoices,
            .reads = "FreshBooks invoices (line items)",
            .signature = "invoice,client_name,!date_issued,invoice_status,date_paid,line_total,discount_percentage",
            .needed = 4,
            .aliases = {{"client", "client_name,organization"},
                        {"invoice_id", "invoice,invoice_number"},
                        {"issued_at", "date_issued"},
                        {"paid_at", "date_paid"},
                        {"amount", "line_total"},
                        {"status", "invoice_status"}},
            .optional_fields = "due_at",
        },
        // Zoho Books invoices: invoice-level values repeated on every line row, taken once;
        // paid part = Total − Balance, paid on `Last Payment Date`.
        Preset{
            .name = "zoho-books",
            .kind = Kind::invoices,
            .reads = "Zoho Books invoices",
            .signature = "invoice_number,invoice_date,due_date,total,!balance,invoice_status,customer_name,"
                         "last_payment_date,discount_amount",
            .needed = 6,
            .aliases = {{"client", "customer_name,customer_id"},
                        {"invoice_id", "invoice_number"},
                        {"issued_at", "invoice_date"},
                        {"due_at", "due_date"},
                        {"paid_at", "last_payment_date"},
                        {"amount", "total"},
                        {"status", "invoice_status"}},
            .columns = {{"balance", "balance"}},
            .once_per = "invoice_id",
        },
        // QuickBooks report CSV (Invoice List, A/R Aging Detail): title lines above the
        // header, a leading empty column, customer section rows and `Total for …` rows (no
        // date: ignored). Paid part = Amount − Open balance, no payment date; a Credit Memo is
        // a credit note; Payment rows are not invoices.
        Preset{
            .name = "quickbooks",
            .kind = Kind::invoices,
            .reads = "QuickBooks Invoice List / A/R detail report",
            .signature = "date,!transaction_type,num,name|customer,due_date,amount,open_balance",
            .needed = 5,
            .aliases = {{"client", "name,customer"},
                        {"invoice_id", "num"},
                        {"issued_at", "date"},
                        {"due_at", "due_date"},
                        {"amount", "amount"}},
            .columns = {{"balance", "open_balance"}, {"row_type", "transaction_type"}},
            .words = {{"row_type", "credit memo", WordAction::credit, {}},
                      {"row_type", "payment", WordAction::ignore_row, {}}},
            .date_order = DateOrder::mdy,
            .ignore_without = "issued_at",
        },
        // The IBM accounts-receivable sample: the generic aliases read it; the preset names it
        // and fixes its US dates.
        Preset{
            .name = "ibm-ar",
            .kind = Kind::invoices,
            .reads = "IBM accounts-receivable sample",
            .signature = "customer_id,invoice_number,invoice_date,due_date,invoice_amount,disputed,!settled_date,"
                         "days_to_settle,days_late,paperless_bill",
            .needed = 6,
            .aliases = {{"client", "customer_id"},
                        {"invoice_id", "invoice_number"},
                        {"issued_at", "invoice_date"},
                        {"due_at", "due_date"},
                        {"paid_at", "settled_date"},
                        {"amount", "invoice_amount"},
                        {"disputed", "disputed"}},
            .date_order = DateOrder::mdy,
        },
        // ServiceNow incident log as a contacts file: one row per update of an incident, so
        // each incident (`number`) is one contact at its first row; client `caller_id`.
        Preset{
            .name = "servicenow",
            .kind = Kind::contacts,
            .reads = "ServiceNow incident log",
            .signature = "!number,incident_state,caller_id,opened_at,contact_type,sys_mod_count,sys_updated_at,"
                         "assignment_group",
            .needed = 5,
            .aliases = {{"client", "caller_id"}, {"started_at", "opened_at"}, {"channel", "contact_type"}},
            .columns = {{"incident", "number"}},
            .date_order = DateOrder::dmy,
            .once_per = "incident",
        },
    };
}

}  // namespace

const std::vector<Preset>& preset_table() {
    static const std::vector<Preset> k_table = make_table();
    return k_table;
}

std::vector<std::string_view> preset_names() {
    std::vector<std::string_view> out;
    for (const Preset& preset : preset_table()) {
        if (std::find(out.begin(), out.end(), preset.name) == out.end()) {
            out.push_back(preset.name);
        }
    }
    return out;
}

const Preset* find_preset(std::string_view name, Kind kind) {
    for (const Preset& preset : preset_table()) {
        if (preset.name == name && preset.kind == kind) {
            return &preset;
        }
    }
    return nullptr;
}

std::vector<std::string_view> split_names(std::string_view names) {
    std::vector<std::string_view> out;
    while (!names.empty()) {
        const std::size_t comma = names.find(',');
        out.push_back(names.substr(0, comma));
        names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
    }
    return out;
}

}  // namespace clientscore::ingest

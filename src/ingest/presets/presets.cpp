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
// The activity's owner: the property (an owner id), or its label in an export from the
// activities index ("Activity assigned to"; "HubSpot Owner" in older portals).
constexpr std::string_view k_hubspot_owner = "hubspot_owner_id,activity_assigned_to,hubspot_owner";

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
                        {"notes", "hs_call_body,hs_call_title"},
                        {"person", k_hubspot_owner}},
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
                        {"subject", "hs_email_subject"},
                        {"person", k_hubspot_owner}},
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
                        {"notes", "subject"},
                        {"person", "call_owner"}},
            .words = {{"direction", "missed", WordAction::means, "inbound"}},
        },
        // Zoho CRM calls as Zoho Analytics holds them (its CRM connector's Calls table): the
        // client is `ACCOUNTID`; a call whose ACCOUNTID is empty was with a lead or a contact of
        // no account (`WHOID`), not with a client: ignored and counted apart. `Call Duration`
        // (mm:ss) and `Call Duration (in seconds)` normalise alike: the leftmost is read, and
        // both forms read right. A missed call was an inbound call.
        Preset{
            .name = "zoho-analytics",
            .kind = Kind::calls,
            .reads = "Zoho CRM calls (Zoho Analytics table)",
            .signature = "!accountid,!whoid,subject,call_type,call_purpose,related_to,contact_name,"
                         "call_start_time,call_duration,call_status,call_result,call_owner,seid,semodule,created_time",
            .needed = 6,
            .aliases = {{"client", "accountid"},
                        {"started_at", "call_start_time"},
                        {"duration", "call_duration"},
                        {"direction", "call_type"},
                        {"notes", "description,subject"},
                        {"person", "call_owner"}},
            .words = {{"direction", "missed", WordAction::means, "inbound"}},
            .ignore_empty = "client",
            .ignore_empty_means = "a call with a lead or contact, not a client",
        },
        // Aircall calls. The client is `contact`; `duration` as exported; missed calls are
        // inbound calls like the others. The person is `user`, the teammate who took or made
        // the call (empty for a call nobody answered).
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
                        {"direction", "direction"},
                        {"person", "user"}},
            .utc = true,
        },
        // Salesforce tasks (report or Data Loader spelling). `Activity Date` is a date: the
        // time of day comes from `Created Date`. Internal calls are not client contacts. The
        // person is the task's owner: `Assigned` in a report, `OwnerId` (an id) from Data Loader.
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
                        {"notes", "comments,description"},
                        {"person", "assigned,owner_id"}},
            .columns = {{"time_of_day", "created_date"}, {"task_subtype", "task_subtype"}},
            // A Data Loader export of every task named as calls: its emails and to-dos are not calls.
            .words = {{"direction", "internal", WordAction::ignore_row, {}},
                      {"task_subtype", "call", WordAction::keep_row, {}}},
            .duration_unit = DurationUnit::seconds,
            .start_is_date = true,
        },
        // Salesforce Task object as Data Loader (or any API tool) writes it: calls, emails and
        // to-dos in one file, so a contacts kind. `TaskSubtype` says which (Email and ListEmail
        // are emails, Call a call); an older org's export has none, and then a set
        // `EmailMessageId` is an email, a set `CallType` or `CallDurationInSeconds` a call. Other
        // tasks (to-dos, meetings) are ignored, and so are tasks not started or deferred: they
        // were planned, not held. The client is `AccountId` only: `WhatId` may name an
        // opportunity, a case or a campaign, and Salesforce already fills AccountId from it
        // when it belongs to an account; a task with no AccountId (a lead's) is ignored, counted.
        // `ActivityDate` is a date (`2023-01-17 00:00:00` too): the time of day comes from
        // `CreatedDate`, a UTC instant. A logged email task is one we sent: outbound. The person
        // is `OwnerId`, the user the task is assigned to (an id: the export has no names).
        Preset{
            .name = "salesforce-tasks",
            .kind = Kind::contacts,
            .reads = "Salesforce Task object (Data Loader / API names)",
            .signature = "!activity_date,!who_id|what_id,account_id,subject,status,owner_id,type,"
                         "created_date,email_message_id,call_duration_in_seconds,call_type,call_disposition,"
                         "task_subtype,activity_origin_type,description,priority,is_closed",
            .needed = 6,
            .aliases = {{"client", "account_id"},
                        {"channel", "task_subtype"},
                        {"started_at", "activity_date"},
                        {"duration", "call_duration_in_seconds"},
                        {"direction", "call_type"},
                        {"notes", "description,subject"},
                        {"person", "owner_id"}},
            .columns = {{"time_of_day", "created_date"}, {"task_status", "status"}},
            .words = {{"channel", "ListEmail", WordAction::means, "email"},
                      {"direction", "internal", WordAction::ignore_row, {}},
                      {"task_status", "not started", WordAction::ignore_row, {}},
                      {"task_status", "deferred", WordAction::ignore_row, {}}},
            .utc = true,
            .duration_unit = DurationUnit::seconds,
            .optional_fields = "channel",
            .fills = {{"channel", "email_message_id", "email"},
                      {"channel", "call_type,call_duration_in_seconds", "call"}},
            .ignore_empty = "client",
            .ignore_empty_means = "a task with a lead or with no account, not a client's",
            .start_is_date = true,
            .email_direction = Direction::outbound,
        },
        // Pipedrive activities as a contacts file: `type` call → call, email → email, other
        // activity types are ignored. The client is `org_id`; `due_date` with `due_time` is a
        // UTC instant; `duration` is HH:MM. Activities not done were planned, not held: ignored.
        // The person is the user the activity is assigned to: `owner_name`, else `user_id`.
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
                        {"notes", "subject,note"},
                        {"person", "owner_name,user_id"}},
            .columns = {{"time_of_day", "due_time"}, {"done", "done"}},
            .words = {{"done", "0", WordAction::ignore_row, {}},
                      {"done", "false", WordAction::ignore_row, {}},
                      {"done", "no", WordAction::ignore_row, {}},
                      {"done", "to do", WordAction::ignore_row, {}}},
            .utc = true,
            .duration_hours_minutes = true,
        },
        // Harvest's detailed time report (Reports → Detailed time → Export → CSV). The person is
        // `First Name` and `Last Name` joined; `Hours` is decimal hours as tracked (`Hours
        // Rounded` is what the account's rounding bills, not the work); a `;`-delimited file
        // (a European spreadsheet's save) writes `1,5`, read as the generic rules read amounts.
        // No time of day: Harvest's report gives none.
        Preset{
            .name = "harvest",
            .kind = Kind::time,
            .reads = "Harvest detailed time report",
            .signature = "date,!client,project,project_code,task,notes,!hours,hours_rounded,billable?,invoiced?,approved?,"
                         "first_name,last_name,roles,employee?,billable_rate,billable_amount,cost_rate,cost_amount,"
                         "currency,external_reference_url",
            .needed = 8,
            .aliases = {{"client", "client"},
                        {"started_at", "date"},
                        {"duration", "hours"},
                        {"billable", "billable?"},
                        {"notes", "notes"},
                        {"person", "first_name"}},
            .columns = {{"person_more", "last_name"}},
            .duration_unit = DurationUnit::hours,
        },
        // Toggl Track's detailed report CSV. `Start date` with `Start time`; `Duration` is
        // H:MM:SS in the classic and improved formats, and decimal hours (`1.51`) when the
        // profile's duration format is decimal, so a plain number is hours. The person is
        // `User`; `Amount ()` (its currency in the parentheses) is not read. No other column
        // normalises to duration: a `Duration (h)` is Clockify's (see below).
        Preset{
            .name = "toggl",
            .kind = Kind::time,
            .reads = "Toggl Track detailed report",
            .signature = "user,email,!client,project,task,description,billable,!start_date,start_time,end_date,"
                         "end_time,!duration,tags,amount,-duration_(h)|duration_(decimal)",
            .needed = 9,
            .aliases = {{"client", "client"},
                        {"started_at", "start_date"},
                        {"duration", "duration"},
                        {"billable", "billable"},
                        {"notes", "description"},
                        {"person", "user"}},
            .columns = {{"time_of_day", "start_time"}},
            .duration_unit = DurationUnit::hours,
        },
        // Clockify's detailed report CSV. `Duration (h)` (H:MM:SS, or H:MM, or decimal hours,
        // as the workspace's duration format says) and `Duration (decimal)` (decimal hours,
        // rounded to 0.01) both normalise to `duration`: the preset names them with their
        // parentheses, `Duration (h)` first because it is exact to the second, and reads a
        // plain number as hours (the generic reading of `Duration (decimal)` is seconds).
        Preset{
            .name = "clockify",
            .kind = Kind::time,
            .reads = "Clockify detailed report",
            .signature = "project,!client,description,task,user,group,email,tags,billable,!start_date,start_time,"
                         "end_date,end_time,!duration_(h)|duration_(decimal),billable_rate,billable_amount",
            .needed = 9,
            .aliases = {{"client", "client"},
                        {"started_at", "start_date"},
                        {"duration", "duration_(h),duration_(decimal)"},
                        {"billable", "billable"},
                        {"notes", "description"},
                        {"person", "user"}},
            .columns = {{"time_of_day", "start_time"}},
            .duration_unit = DurationUnit::hours,
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
        // Zoho CRM's Invoices module (not Zoho Books): one row per invoice. Issued on `Invoice
        // Date`, else `Created Time` (`20 Apr, 2021 07:49:50`); amount `Grand Total`. The module
        // records no payment: only a custom `Paid` status says one (paid in full, no date), so
        // other invoices read as unpaid (README says so).
        Preset{
            .name = "zoho-crm",
            .kind = Kind::invoices,
            .reads = "Zoho CRM invoices",
            .signature = "invoice_number,subject,!account_name,contact_name,invoice_owner,invoice_date,"
                         "due_date,!grand_total,sub_total,status,created_time,modified_time,sales_order,"
                         "purchase_order,excise_duty,sales_commission",
            .needed = 5,
            .aliases = {{"client", "account_name"},
                        {"invoice_id", "invoice_number"},
                        {"issued_at", "invoice_date,created_time"},
                        {"due_at", "due_date"},
                        {"amount", "grand_total"},
                        {"status", "status"}},
            .words = {{"status", "paid", WordAction::paid_in_full, {}}},
            .optional_fields = "due_at",
            .fills = {{"issued_at", "created_time", {}}},
        },
        // Invoice Ninja's invoice export: title lines above the header (the header search finds
        // it), one row per item repeating the invoice's Amount, Balance and Paid, taken once per
        // invoice. `Paid` is the amount paid (money, not a date); no payment date. Status
        // Draft is no invoice issued (SPEC §2: ignored); Reversed and Cancelled are void.
        Preset{
            .name = "invoice-ninja",
            .kind = Kind::invoices,
            .reads = "Invoice Ninja invoices (with items)",
            .signature = "!client,email,!invoice_number,amount,balance,paid,po_number,status,invoice_date,due_date,"
                         "partial,partial_due_date,public_notes,private_notes,item_product,item_notes,item_cost,"
                         "item_quantity",
            .needed = 9,
            .aliases = {{"client", "client"},
                        {"invoice_id", "invoice_number"},
                        {"issued_at", "invoice_date"},
                        {"due_at", "due_date"},
                        {"amount", "amount"},
                        {"amount_paid", "paid"},
                        {"status", "status"}},
            .columns = {{"balance", "balance"}},
            .words = {{"status", "reversed", WordAction::means, "void"}},
            .once_per = "invoice_id",
        },
        // Invoicely's invoice export: `Details` is the invoice number, dates `Jan 28 2021`.
        // It has no paid amount or date: status Paid means paid in full (no payment date);
        // a partly paid invoice reads as unpaid.
        Preset{
            .name = "invoicely",
            .kind = Kind::invoices,
            .reads = "Invoicely invoices",
            .signature = "date,due,!details,client,status,total",
            .needed = 6,
            .aliases = {{"client", "client"},
                        {"invoice_id", "details"},
                        {"issued_at", "date"},
                        {"due_at", "due"},
                        {"amount", "total"},
                        {"status", "status"}},
            .words = {{"status", "paid", WordAction::paid_in_full, {}}},
        },
        // Invoice2go's document export: one row per document, its items and taxes as CSV inside
        // one quoted field each (read as text, not summed). No due date: due on `DocumentDate`.
        // An `unsent` document was never sent to the client: a draft.
        Preset{
            .name = "invoice2go",
            .kind = Kind::invoices,
            .reads = "Invoice2go invoices",
            // AccountId is the Invoice2go account, not the client: in the signature so that the
            // file is not also a client list (clients' generic alias account_id) when found by header.
            .signature = "!document_number,document_date,name,email_recipient,document_status,output_status,"
                         "part_payment,date_paid,total_amount,balance_due_amount,amount_paid_amount,items,taxes,"
                         "account_id",
            .needed = 6,
            .aliases = {{"client", "name"},
                        {"invoice_id", "document_number"},
                        {"issued_at", "document_date"},
                        {"paid_at", "date_paid"},
                        {"amount", "total_amount"},
                        {"amount_paid", "amount_paid_amount"},
                        {"currency", "currency_code,currency"},
                        {"status", "document_status"}},
            .words = {{"status", "unsent", WordAction::means, "draft"}},
            .optional_fields = "due_at",
        },
        // Xero invoices as data tools and connectors write them from Xero's API (snake_case
        // fields). `type` ACCPAY is a supplier bill, not a sale: ignored; ACCREC counts. The
        // client is `contact_id`; paid on `fully_paid_on_date`. SUBMITTED is awaiting approval,
        // not yet sent: a draft.
        Preset{
            .name = "xero-api",
            .kind = Kind::invoices,
            .reads = "Xero invoices (API fields, as connectors write them)",
            .signature = "!invoice_id,!contact_id,type,date,due_date,total,amount_due,amount_paid,fully_paid_on_date,"
                         "currency_code,status,invoice_number,reference,sub_total,total_tax",
            .needed = 7,
            .aliases = {{"client", "contact_id"},
                        {"invoice_id", "invoice_id"},
                        {"issued_at", "date"},
                        {"due_at", "due_date"},
                        {"paid_at", "fully_paid_on_date"},
                        {"amount", "total"},
                        {"amount_paid", "amount_paid"},
                        {"currency", "currency_code"},
                        {"status", "status"}},
            .columns = {{"type", "type"}},
            .words = {{"type", "ACCPAY", WordAction::ignore_row, {}},
                      {"status", "SUBMITTED", WordAction::means, "draft"}},
        },
        // Stripe's payments export (not its invoices: see `stripe`). A succeeded payment is an
        // invoice paid in full on its date; `Amount Refunded` above 0 is also a credit note on
        // that date; any other status (failed, uncaptured, …) took no money: ignored. The
        // client is `Customer ID`, else `Customer Email` (a guest payment). Times UTC.
        Preset{
            .name = "stripe-payments",
            .kind = Kind::invoices,
            .reads = "Stripe payments (dashboard export)",
            .signature = "id,!created_date|created,amount,!amount_refunded,currency,status,customer_id,customer_email,"
                         "captured,fee,converted_amount,seller_message,description,card_id",
            .needed = 6,
            .aliases = {{"client", "customer_id"},
                        {"invoice_id", "id"},
                        {"issued_at", "created_date,created"},
                        {"amount", "amount"},
                        {"currency", "currency"},
                        {"status", "status"}},
            .columns = {{"refund", "amount_refunded"}},
            .words = {{"status", "paid", WordAction::keep_row, {}},
                      {"status", "succeeded", WordAction::keep_row, {}},
                      {"status", "refunded", WordAction::keep_row, {}},
                      {"status", "partially refunded", WordAction::keep_row, {}},
                      {"status", "partially_refunded", WordAction::keep_row, {}}},
            .utc = true,
            .optional_fields = "due_at",
            .fills = {{"client", "customer_email", {}}},
            .rows_are_payments = true,
        },
        // Wave's account transactions (general ledger): every sale is on several ledger lines
        // (income, receivable, the payment), so its amounts are no invoice list. Recognised so
        // that it is refused with what to download instead, never summed.
        Preset{
            .name = "wave-ledger",
            .kind = Kind::invoices,
            .reads = "Wave account transactions (refused: not an invoice list)",
            .signature = "!transaction_id,transaction_date,account_name,transaction_description,"
                         "transaction_line_description,debit_amount_(two_column_approach),"
                         "credit_amount_(two_column_approach),!other_accounts_for_this_transaction,customer,vendor,"
                         "invoice_number,bill_number,account_group,account_type",
            .needed = 6,
            .refuse = "is a Wave account-transactions (general ledger) export, not a list of invoices: each sale "
                      "is on several ledger lines, so its amounts are not summed",
            .refuse_hint = "in Wave, download Sales → Invoices → Export (one row per invoice), or the Accounts "
                           "receivable aging report, and read that file instead",
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
        // Asterisk's cdr_csv log (Master.csv): no header, the columns in Asterisk's documented
        // order (accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata,
        // start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield).
        // Only --preset asterisk reads it. The client is `accountcode` (#1), else the calling
        // number `src` (#2); started_at `start` (#10). The duration is `billsec` (#14), the
        // answered talk time: `duration` (#13) also counts the ringing, and a call nobody
        // answered is 0 minutes, still a call. The log says nothing of who placed a call (its
        // contexts are each site's own names): every call reads as inbound.
        Preset{
            .name = "asterisk",
            .kind = Kind::calls,
            .reads = "Asterisk cdr_csv Master.csv (no header; --preset asterisk)",
            .needed = 1,
            .aliases = {{"client", "#1"}, {"started_at", "#10"}, {"duration", "#14"}},
            .duration_unit = DurationUnit::seconds,
            .fills = {{"client", "#2", {}}},
            .headerless = true,
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

#include "app/analysis.hpp"

#include <cmath>

#include <fmt/format.h>

#include "app/baseline_changes.hpp"
#include "app/currency.hpp"
#include "app/measure_clients.hpp"
#include "app/parallel_read.hpp"
#include "app/progress.hpp"
#include "app/run_settings.hpp"
#include "app/warning_log.hpp"
#include "clientscore/error.hpp"

namespace clientscore {

namespace {

bool is_contact_kind(Kind k) { return k == Kind::calls || k == Kind::emails || k == Kind::contacts; }

void check_sums_fit(const Aggregator& ag) {
    if (const std::optional<std::string> client = ag.too_large_client()) {
        throw InputError(
            Location{},
            fmt::format("the call time or discounts of client \"{}\" add up to more than 64-bit "
                        "milliseconds or minor units, or its calls and emails to more than {}",
                        *client, ContactTotals::k_max_contacts),
            "one of its durations or discount amounts is far too large: check its rows in the exports");
    }
}

}  // namespace

Analysis analyse(const Options& o, const std::optional<std::string>& focus, const WarningSink& warn) {
    Analysis a;
    WarningLog warnings(warn);
    const ReadSettings read = make_read_settings(o);
    a.settings = make_settings(o);
    // The baseline is read first: a wrong file ends the run before the exports are read.
    std::optional<Baseline> baseline;
    if (o.baseline_file) {
        baseline = read_baseline(*o.baseline_file);
    }
    std::vector<Days> holidays;
    if (o.holidays_file) {
        holidays = read_holidays(*o.holidays_file, read);
    }
    a.settings.holidays = holidays.size();
    std::vector<std::pair<std::string, double>> fx;
    if (o.fx_file) {
        fx = read_fx_rates(*o.fx_file, read);
    }
    a.discovery = discover_inputs(o.dir, o.files, make_discovery_settings(o, /*need_activity=*/true));
    for (const NotRead& file : a.discovery.not_read) {
        warnings.add(fmt::format("warning: {}: not read; {}", file.path, file.why));
    }
    for (const std::string& duplicate : a.discovery.duplicates) {
        warnings.add("warning: " + duplicate);
    }
    for (const std::string& idle : idle_option_warnings(o, a.discovery)) {
        warnings.add(idle);
    }
    for (const InputFile& f : a.discovery.files) {
        a.supplied.contacts |= is_contact_kind(f.kind);
        a.supplied.discounts |= f.kind == Kind::discounts;
        a.supplied.invoices |= f.kind == Kind::invoices;
        a.supplied.time |= f.kind == Kind::time;
    }
    if (!a.supplied.contacts && !a.supplied.invoices) {
        // Toxicity is measured on calls, emails and invoices: a keep from time entries alone
        // would read as a clean bill of health.
        warnings.add("warning: no call, email or invoice export was read, only time entries or discounts: the "
                     "toxicity has almost nothing to measure, so nearly every client reads keep; add the CRM and "
                     "billing exports");
    }

    // Ingest and aggregate. The clients files come first in discovery order: ids and names
    // must be known before any record is attributed.
    AggregateSettings agg = make_aggregate_settings(o, std::move(holidays));
    const std::vector<InputFile>& files = a.discovery.files;
    a.reports.resize(files.size());
    ReadProgress progress(files, progress_settings(o));
    std::uint32_t index = 0;
    for (; index < files.size() && files[index].kind == Kind::clients; ++index) {
        a.reports[index] = read_export(files[index], index, read, a.directory);
        progress.file_read(index);
    }
    if (focus) {
        agg.focus = std::string(a.directory.resolve(*focus));
    }
    a.months_kept = agg.months_for_all;
    a.aggregator =
        read_in_parallel(files, index, a.directory, agg, read, make_read_plan(o), a.reports, &progress);
    // Cleared before any warning about the rows read is printed, so none lands on the line.
    progress.finish();
    Aggregator& ag = *a.aggregator;
    check_sums_fit(ag);
    ag.release_lookups();
    if (!focus) {
        ag.release_invoice_texts();  // rank names no invoice
    }
    for (std::size_t i = 0; i < a.reports.size(); ++i) {
        FileReport& report = a.reports[i];
        if (i < ag.file_extras().size()) {
            report.bad_rows.merge(ag.file_extras()[i].bad_rows);
            report.ignored += ag.file_extras()[i].ignored;
        }
        // A file mostly not read must not become a report (SPEC §1 ◆1).
        enforce_bad_row_limit(report, o.max_bad_rows);
        warnings.add_bad_rows(report);
        a.supplied.hostility |= report.has_tags || report.has_disputed;
        a.supplied.discounts |= report.derives_discounts;
    }

    if (std::optional<std::string> unlisted = unlisted_clients_warning(
            a.directory, ag.client_ids(), files.front().display_name, ag.unlisted_first_seen())) {
        warnings.add(*unlisted);
    }

    // Normalize what only the whole data settles: the period, the currency.
    a.settings.period = settle_period(o, DateRange{ag.first_event(), ag.last_event()},
                                     DateRange{ag.first_activity(), ag.last_activity()});
    a.context.period = a.settings.period;
    a.context.hourly_cost = o.hourly_cost;
    a.context.email_minutes = o.email_minutes;
    a.context.target_margin = o.target_margin;
    a.context.supplied = a.supplied;
    a.context.aging = o.aging;
    CurrencyChoice currency = choose_currency(o.currency, ag.currencies(), fx, o.fx_file, a.reports);
    a.settings.currency = currency.reporting;
    a.context.rates = std::move(currency.rates);

    // Measure, score and rank.
    a.invoices_by_client = InvoicesByClient(ag);
    a.people_by_client = PeopleByClient(ag.take_people(), ag.client_ids().size());
    MeasuredClients measured = measure_clients(ag, a.invoices_by_client, a.people_by_client, a.context,
                                               ScoreContext{&a.settings, a.supplied, a.settings.period}, o.threads);
    if (a.settings.period.undated) {
        std::int64_t ignored = 0;
        std::int64_t skipped = 0;
        for (const FileReport& report : a.reports) {
            ignored += report.ignored;
            skipped += report.bad_rows.count;
        }
        measured.clients.clear();
        warnings.add(fmt::format(
            "warning: no call, email, time entry, discount or counted invoice in the exports is dated ({} rows ignored "
            "on purpose, such as draft or void invoices, and {} skipped as bad), so the period is unknown and "
            "no client is listed",
            ignored, skipped));
    } else if (!measured.any_event) {
        warnings.add(fmt::format(
            "warning: no call, email, time entry, invoice or discount is dated in the period {} to {}; "
            "only clients with open receivables are listed",
            format_date(a.settings.period.from), format_date(a.settings.period.to)));
    }
    a.ranking = rank_clients(std::move(measured.clients), ag.client_ids());
    a.ranking.portfolio.supplied = a.supplied;
    if (!a.people_by_client.empty()) {
        std::vector<double> toxicity(ag.client_ids().size(), NAN);
        for (const RankedClient& c : a.ranking.clients) {
            toxicity[c.index] = c.toxicity;
        }
        a.people = people_table(a.people_by_client, ag.client_ids(), toxicity, a.context.email_minutes,
                                a.settings.fire_at);
    }
    if (baseline) {
        BaselineComparison compared =
            compare_with_baseline(*baseline, *o.baseline_file, a.ranking, ag.client_ids(), a.settings.period);
        for (const std::string& line : compared.warnings) {
            warnings.add(line);
        }
        a.changes = std::move(compared.changes);
        a.baseline = std::move(compared.summary);
    }
    a.warnings = warnings.take();
    return a;
}

}  // namespace clientscore

#include <algorithm>

#include <fmt/format.h>

#include "app/analysis.hpp"
#include "app/currency.hpp"
#include "app/progress.hpp"
#include "app/run_settings.hpp"
#include "app/warning_log.hpp"
#include "clientscore/error.hpp"

namespace clientscore {

namespace {

std::string error_line(const InputError& e) {
    std::string line = e.located_message();
    if (!e.hint().empty()) {
        line += " (" + e.hint() + ")";
    }
    return line;
}

}  // namespace

// check reads every file as rank does, through the aggregator, so that it sees the bad rows
// only the aggregator finds (invoice lines at odds with their first line); one file's error
// does not stop it reading the others.
CheckReport run_check(const Options& o, const WarningSink& warn) {
    CheckReport report;
    WarningLog warnings(warn);
    const ReadSettings read = make_read_settings(o);
    Discovery discovery = discover_inputs(o.dir, o.files, make_discovery_settings(o, /*need_activity=*/false));
    report.not_read = discovery.not_read;
    for (const std::string& duplicate : discovery.duplicates) {
        warnings.add("warning: " + duplicate);
    }
    for (const std::string& idle : idle_option_warnings(o, discovery)) {
        warnings.add(idle);
    }
    std::vector<std::string> names;
    for (const InputFile& f : discovery.files) {
        names.push_back(f.display_name);
    }
    ClientDirectory directory;
    std::optional<Aggregator> aggregator;
    std::vector<std::string> currencies;
    std::vector<bool> failed(discovery.files.size(), false);
    ReadProgress progress(discovery.files, progress_settings(o));
    for (std::uint32_t i = 0; i < discovery.files.size(); ++i) {
        const InputFile& file = discovery.files[i];
        if (file.kind != Kind::clients && !aggregator) {
            aggregator.emplace(make_aggregate_settings(o, {}), directory, names);
        }
        // What was found before a file-level error (encoding, BOM, header, preset) is still
        // shown: it is often what explains the error.
        FileReport r;
        try {
            if (file.kind == Kind::clients) {
                read_export(file, i, read, directory, r);
            } else {
                read_export(file, i, read, *aggregator, r);
            }
            currencies.insert(currencies.end(), r.currencies.begin(), r.currencies.end());
            report.files.push_back(std::move(r));
        } catch (const InputError& e) {
            r.bad_rows = ProblemLog{};
            r.bad_rows.kept.push_back(Problem{e.where().line, e.where().column, e.what()});
            report.files.push_back(std::move(r));
            report.errors.push_back(error_line(e));
            report.ok = false;
            failed[i] = true;
        }
        progress.file_read(i);  // read or not, check is done with it
    }
    progress.finish();
    for (std::uint32_t i = 0; i < report.files.size(); ++i) {
        if (failed[i]) {
            continue;
        }
        FileReport& r = report.files[i];
        if (aggregator && i < aggregator->file_extras().size()) {
            r.bad_rows.merge(aggregator->file_extras()[i].bad_rows);
            r.ignored += aggregator->file_extras()[i].ignored;
        }
        try {
            enforce_bad_row_limit(r, o.max_bad_rows);
        } catch (const InputError& e) {
            report.errors.push_back(error_line(e));
            report.ok = false;
        }
        warnings.add_bad_rows(r);
    }
    if (aggregator) {
        if (std::optional<std::string> unlisted =
                unlisted_clients_warning(directory, aggregator->client_ids(), discovery.files.front().display_name,
                                         aggregator->unlisted_first_seen())) {
            warnings.add(*unlisted);
        }
    }
    try {
        if (o.holidays_file) {
            read_holidays(*o.holidays_file, read);
        }
        std::vector<std::pair<std::string, double>> fx;
        if (o.fx_file) {
            fx = read_fx_rates(*o.fx_file, read);
        }
        std::vector<std::string> seen{""};
        seen.insert(seen.end(), currencies.begin(), currencies.end());
        choose_currency(o.currency, seen, fx, o.fx_file, report.files);
    } catch (const InputError& e) {
        report.errors.push_back(error_line(e));
        report.ok = false;
    }
    return report;
}

}  // namespace clientscore

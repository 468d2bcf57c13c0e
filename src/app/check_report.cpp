#include <algorithm>

#include <fmt/format.h>

#include "app/analysis.hpp"
#include "app/currency.hpp"
#include "clientscore/error.hpp"

namespace clientscore {

namespace {

// check only counts and validates: it keeps no records.
class NullSink : public RecordSink {};

std::string error_line(const InputError& e) {
    std::string line = e.located_message();
    if (!e.hint().empty()) {
        line += " (" + e.hint() + ")";
    }
    return line;
}

}  // namespace

CheckReport run_check(const Options& o, const WarningSink& warn) {
    CheckReport report;
    ReadSettings read = make_read_settings(o);
    Discovery discovery = discover_inputs(o.dir, o.files);
    report.not_read = discovery.not_read;
    NullSink sink;
    std::vector<std::string> currencies;
    for (std::uint32_t i = 0; i < discovery.files.size(); ++i) {
        const InputFile& file = discovery.files[i];
        try {
            FileReport r = read_export(file, i, read, sink);
            for (const auto& line : r.warnings) {
                warn(line);
            }
            currencies.insert(currencies.end(), r.currencies.begin(), r.currencies.end());
            report.files.push_back(std::move(r));
        } catch (const InputError& e) {
            FileReport r;
            r.file = file;
            r.problems.push_back(Problem{e.where().line, e.where().column, e.what()});
            report.files.push_back(std::move(r));
            report.errors.push_back(error_line(e));
            report.ok = false;
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

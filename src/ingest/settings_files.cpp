// The two small files options point at: --holidays (a `date` column) and --fx (`currency,rate`).
// They describe the business, not its clients, so any bad row is an input error.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/rows/date_order.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/rows/row_problems.hpp"

namespace clientscore {

namespace {

std::string display_name_of(const std::string& path) {
    if (path == "-") {
        return "-";
    }
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

int find_column(const ingest::CsvReader& csv, std::string_view name, const std::string& display_name,
                std::string_view option) {
    const std::vector<std::string>& header = csv.header();
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (ingest::normalize_header(header[i]) == name) {
            return static_cast<int>(i);
        }
    }
    throw InputError(Location{display_name, csv.header_line(), {}}, fmt::format("no column \"{}\"", name),
                     fmt::format("{} wants a CSV file with a header line{}", option,
                                 option == "--fx" ? " `currency,rate`" : " and a `date` column"));
}

void require_header(const ingest::CsvReader& csv, const std::string& display_name) {
    if (!csv.has_header()) {
        throw InputError(Location{display_name, 0, {}}, "is empty: there is no header line");
    }
}

void require_field_count(const ingest::CsvRecord& record, const ingest::CsvReader& csv,
                         const std::string& display_name) {
    if (record.size() != csv.header().size()) {
        throw InputError(Location{display_name, record.line(), {}},
                         fmt::format("has {} fields, the header has {}", record.size(), csv.header().size()));
    }
}

}  // namespace

std::vector<Days> read_holidays(const std::string& path, const ReadSettings& settings) {
    const std::string display_name = display_name_of(path);
    const ingest::RawInput raw(path, display_name);
    ingest::CsvReader csv(raw, settings.encoding);
    require_header(csv, display_name);
    const int column = find_column(csv, "date", display_name, "--holidays");
    const std::string& header = csv.header()[static_cast<std::size_t>(column)];
    ingest::DateOrderResolver dates(settings.date_order, display_name, [&] {
        return ingest::scan_for_date_order(raw, settings.encoding, {column}, csv.header(), 0, settings.date_formats);
    });

    std::vector<Days> out;
    ingest::CsvRecord record;
    while (csv.next(record)) {
        require_field_count(record, csv, display_name);
        const std::string_view text = trim(record.field(static_cast<std::size_t>(column)));
        if (is_missing(text)) {
            continue;
        }
        // --date-format reads every date column (SPEC §1 ◆7), a holiday's too.
        ParsedTimestamp ts;
        const DateFormat::Fit fit = settings.date_formats.empty()
                                        ? DateFormat::Fit::no
                                        : parse_with_formats(settings.date_formats, text, ts);
        if (fit == DateFormat::Fit::no) {
            const Result<ParsedTimestamp> parsed =
                parse_timestamp(text, dates.order_for(text, record.line(), header));
            if (!parsed) {
                throw InputError(Location{display_name, record.line(), header},
                                 fmt::format("{} {}", ingest::quote_value(text), parsed.error()));
            }
            ts = *parsed;
        } else if (fit != DateFormat::Fit::yes) {
            throw InputError(Location{display_name, record.line(), header},
                             fmt::format("{} {}", ingest::quote_value(text), fit_error(fit)));
        }
        out.push_back(settings.time_zone.to_local(ts).date);
    }
    return out;
}

std::vector<std::pair<std::string, double>> read_fx_rates(const std::string& path, const ReadSettings& settings) {
    const std::string display_name = display_name_of(path);
    const ingest::RawInput raw(path, display_name);
    ingest::CsvReader csv(raw, settings.encoding);
    require_header(csv, display_name);
    const int currency_column = find_column(csv, "currency", display_name, "--fx");
    const int rate_column = find_column(csv, "rate", display_name, "--fx");

    std::vector<std::pair<std::string, double>> out;
    ingest::CsvRecord record;
    while (csv.next(record)) {
        require_field_count(record, csv, display_name);
        const std::string_view code_text = trim(record.field(static_cast<std::size_t>(currency_column)));
        const std::string_view rate_text = trim(record.field(static_cast<std::size_t>(rate_column)));
        if (is_missing(code_text) && is_missing(rate_text)) {
            continue;
        }
        const Result<std::string> code = parse_currency(code_text);
        if (!code) {
            throw InputError(Location{display_name, record.line(), csv.header()[static_cast<std::size_t>(currency_column)]},
                             fmt::format("{} {}", ingest::quote_value(code_text), code.error()));
        }
        double rate = 0;
        const auto [end, error] = std::from_chars(rate_text.data(), rate_text.data() + rate_text.size(), rate);
        if (error != std::errc{} || end != rate_text.data() + rate_text.size() || !std::isfinite(rate) ||
            rate <= 0) {
            throw InputError(Location{display_name, record.line(), csv.header()[static_cast<std::size_t>(rate_column)]},
                             fmt::format("{} is not a rate (a positive number with `.` decimals)",
                                         ingest::quote_value(rate_text)),
                             "1 unit of the currency = rate units of the reporting currency, e.g. `EUR,1.08`");
        }
        // A currency listed twice: the later line wins, in the place of the first.
        const auto same = std::find_if(out.begin(), out.end(), [&](const auto& entry) { return entry.first == *code; });
        if (same != out.end()) {
            same->second = rate;
        } else {
            out.emplace_back(*code, rate);
        }
    }
    return out;
}

}  // namespace clientscore

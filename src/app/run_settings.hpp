#pragma once
// What the options mean for each stage: the reader's settings, the aggregator's, the settings
// a report prints, and the period once the data has given its span (SPEC §3).

#include <optional>

#include "app/parallel_read.hpp"
#include "clientscore/aggregate.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/options.hpp"
#include "clientscore/report.hpp"

namespace clientscore {

/// ReadSettings from the options (opens the time zone: UsageError for an unknown one).
ReadSettings make_read_settings(const Options& options);

/// A warning for each --where and --map of a kind no file is read of: it changes nothing, which
/// a user who typed it would not expect (`--where emails.Queue=Sales` with no emails file).
std::vector<std::string> idle_option_warnings(const Options& options, const Discovery& discovery);

/// How the folder is searched: `need_activity` false for check; --fx, --holidays and --config
/// files are never exports.
DiscoverySettings make_discovery_settings(const Options& options, bool need_activity);
/// The aggregator's settings: the given bounds, the business calendar, --strict.
AggregateSettings make_aggregate_settings(const Options& options, std::vector<Days> holidays);
/// Settings as reports print them, before the period and the currency are settled.
Settings make_settings(const Options& options);
ReadPlan make_read_plan(const Options& options);
/// Dates seen, for settle_period.
struct DateRange {
    std::optional<Days> first;
    std::optional<Days> last;
};

/// SPEC §3 ◆3: a missing bound is taken from the data's first or last event date; with neither
/// given, the period is the span of the activity (calls, emails, discounts), or of the counted
/// invoices when there is no activity, or undated when nothing is dated.
Period settle_period(const Options& options, const DateRange& events, const DateRange& activity);

}  // namespace clientscore

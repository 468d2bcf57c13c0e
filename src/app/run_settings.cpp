#include "app/run_settings.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clientscore {

ReadSettings make_read_settings(const Options& o) {
    ReadSettings r;
    r.encoding = o.encoding;
    r.date_order = o.date_order;
    r.decimal = o.decimal;
    r.mappings = o.mappings;
    r.date_formats = o.date_formats;
    r.filters = o.filters;
    if (!o.time_zone.empty()) {
        r.time_zone = LocalTimeConverter(o.time_zone);
    }
    r.strict = o.strict;
    r.preset = o.preset;
    r.header_row = o.header_row;
    return r;
}

std::vector<std::string> idle_option_warnings(const Options& o, const Discovery& discovery) {
    const auto read = [&](Kind kind) {
        return std::any_of(discovery.files.begin(), discovery.files.end(),
                           [&](const InputFile& f) { return f.kind == kind; });
    };
    std::vector<std::string> out;
    for (const RowFilter& filter : o.filters) {
        if (!read(filter.kind)) {
            out.push_back(fmt::format("warning: --where {}: no {} file is read, so it leaves nothing out", filter.text,
                                      k_kind_names[static_cast<std::size_t>(filter.kind)]));
        }
    }
    for (const FieldMapping& mapping : o.mappings) {
        if (!read(mapping.kind)) {
            const std::string_view kind = k_kind_names[static_cast<std::size_t>(mapping.kind)];
            out.push_back(fmt::format("warning: --map {}.{}={}: no {} file is read, so it maps nothing", kind,
                                      mapping.field, mapping.header, kind));
        }
    }
    return out;
}

DiscoverySettings make_discovery_settings(const Options& o, bool need_activity) {
    DiscoverySettings d;
    d.need_activity = need_activity;
    for (const auto* file : {&o.fx_file, &o.holidays_file, &o.config_file, &o.baseline_file}) {
        if (*file) {
            d.not_exports.push_back(**file);
        }
    }
    d.read = make_read_settings(o);
    return d;
}

AggregateSettings make_aggregate_settings(const Options& o, std::vector<Days> holidays) {
    AggregateSettings agg;
    agg.from = o.from;
    agg.to = o.to;
    agg.calendar = BusinessCalendar(o.business_hours, o.business_days, std::move(holidays));
    agg.strict = o.strict;
    // Only rank's html page draws every client's months (its sparklines).
    agg.months_for_all = o.command == Command::rank && o.format == OutputFormat::html;
    return agg;
}

Settings make_settings(const Options& o) {
    Settings s;
    s.time_zone = o.time_zone;
    s.business_hours = o.business_hours;
    s.business_days = o.business_days;
    s.hourly_cost = o.hourly_cost;
    s.email_minutes = o.email_minutes;
    s.target_margin = o.target_margin;
    s.fire_at = o.fire_at;
    s.watch_at = o.watch_at;
    s.chase_days = o.chase_days;
    s.thresholds = o.thresholds;
    s.weights = o.weights;
    s.aging = o.aging;
    return s;
}

ReadPlan make_read_plan(const Options& o) { return ReadPlan{o.threads, o.slice_bytes}; }

// Neither bound ever cuts an event off when it comes from the data, so the aggregator can
// filter on the given bounds alone while it streams.
Period settle_period(const Options& o, const DateRange& events, const DateRange& activity) {
    Period p;
    if (o.from && o.to) {
        p.from = *o.from;
        p.to = *o.to;
    } else if (o.from) {
        p.from = *o.from;
        p.to = events.last ? std::max(*events.last, *o.from) : *o.from;
    } else if (o.to) {
        p.to = *o.to;
        p.from = events.first ? std::min(*events.first, *o.to) : *o.to;
    } else if (activity.first && activity.last) {
        // SPEC §3 ◆3: a ledger of old invoices beside a month of calls is a monthly run.
        p.from = *activity.first;
        p.to = *activity.last;
    } else if (events.first && events.last) {
        p.from = *events.first;  // no activity at all: the counted invoices' issue dates
        p.to = *events.last;
    } else {
        // Nothing dated and no dates given: the report is empty and says so, its dates null.
        p.undated = true;
        p.from = p.to = o.as_of.value_or(0);
    }
    p.as_of = o.as_of.value_or(p.to);
    return p;
}

}  // namespace clientscore

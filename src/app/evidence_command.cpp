#include "app/evidence_command.hpp"

#include <fmt/format.h>

#include <array>

#include "clientscore/normalize.hpp"

namespace clientscore {

std::string shell_quoted(std::string_view text) {
    const auto plain = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '%' || c == '+' || c == ',';
    };
    bool quote = text.empty();
    for (const char c : text) {
        quote = quote || !plain(c);
    }
    if (!quote) {
        return std::string(text);
    }
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    out += '\'';
    return out;
}

namespace {

// A client id as part of a file name: characters a shell or a file system reads specially become `_`.
std::string file_stem(std::string_view client) {
    std::string out;
    for (const char c : client) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                          c == '-' || c == '.';
        out += keep ? c : '_';
    }
    return out.empty() || out.front() == '.' ? "client" + out : out;
}

}  // namespace

std::string evidence_command(const Options& o, const std::string& client, const Period& period) {
    std::string line = "clientscore evidence " + shell_quoted(client);
    auto add = [&](std::string_view option, std::string_view value) {
        line += fmt::format(" {} {}", option, shell_quoted(value));
    };
    bool any_file = false;
    for (std::size_t k = 0; k < o.files.size(); ++k) {
        for (const std::string& path : o.files[k]) {
            add(fmt::format("--{}", k_kind_names[k]), path);  // --calls, --emails, …
            any_file = true;
        }
    }
    if (o.dir) {
        line += " " + shell_quoted(*o.dir);
    } else if (!any_file) {
        line += " .";  // the run read the current folder
    }
    if (!period.undated) {
        add("--from", format_date(period.from));
        add("--to", format_date(period.to));
        if (period.as_of != period.to) {
            add("--as-of", format_date(period.as_of));
        }
    }
    // What changes the events listed, their local times and flags, or their amounts.
    if (!o.time_zone.empty()) {
        add("--timezone", o.time_zone);
    }
    const BusinessHours default_hours;
    if (o.business_hours.start_minute != default_hours.start_minute ||
        o.business_hours.end_minute != default_hours.end_minute) {
        add("--business-hours", format_business_hours(o.business_hours));
    }
    if (o.business_days != Options{}.business_days) {
        add("--business-days", format_business_days(o.business_days));
    }
    if (o.holidays_file) {
        add("--holidays", *o.holidays_file);
    }
    if (!o.currency.empty()) {
        add("--currency", o.currency);
    }
    if (o.fx_file) {
        add("--fx", *o.fx_file);
    }
    for (const FieldMapping& mapping : o.mappings) {
        add("--map", fmt::format("{}.{}={}", k_kind_names[static_cast<std::size_t>(mapping.kind)], mapping.field,
                                 mapping.header));
    }
    for (const RowFilter& filter : o.filters) {
        add("--where", filter.text);
    }
    for (const DateFormat& format : o.date_formats) {
        add("--date-format", format.pattern());
    }
    if (!o.preset.empty()) {
        add("--preset", o.preset);
    }
    if (o.encoding != Options{}.encoding) {
        add("--encoding", o.encoding);
    }
    if (o.date_order != DateOrder::automatic) {
        add("--date-order", o.date_order == DateOrder::dmy ? "dmy" : "mdy");
    }
    if (o.decimal != DecimalMode::automatic) {
        add("--decimal", o.decimal == DecimalMode::dot ? "." : ",");
    }
    if (o.header_row) {
        add("--header-row", fmt::format("{}", *o.header_row));
    }
    if (o.strict) {
        line += " --strict";
    } else if (o.max_bad_rows.rows != defaults::max_bad_rows || o.max_bad_rows.percent != defaults::max_bad_percent) {
        add("--max-bad-rows", fmt::format("{},{}%", o.max_bad_rows.rows, o.max_bad_rows.percent));
    }
    line += " --format csv -o " + shell_quoted(fmt::format("evidence-{}.csv", file_stem(client)));
    return line;
}

}  // namespace clientscore

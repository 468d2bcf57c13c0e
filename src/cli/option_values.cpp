#include "cli/option_values.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/metrics.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore::cli {

namespace {

// Component keys in the order of the hint lines; taken from options.hpp so a new component
// only needs a new row there.
std::string component_list() {
    std::string out;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        out += i == 0 ? "" : ", ";
        out += k_component_names[i];
    }
    return out;
}

std::optional<std::size_t> component_index(std::string_view name) {
    for (std::size_t i = 0; i < k_component_count; ++i) {
        if (k_component_names[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

// std::from_chars rather than strtod: no locale, no leading blanks or '+', and the whole text
// must be consumed, so `7O` or `1,5` are refused instead of read as 7 or 1.
std::optional<double> to_finite(std::string_view text) {
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

template <class T, std::size_t N>
T parse_choice(std::string_view option, std::string_view text,
               const std::array<std::pair<std::string_view, T>, N>& choices, std::string_view what) {
    const std::string lower = ascii_lower(text);
    std::string names;
    for (const auto& [name, value] : choices) {
        if (name == lower) {
            return value;
        }
        names += names.empty() ? "" : ", ";
        names += name;
    }
    throw UsageError(fmt::format("{}: \"{}\" is not {}", option, text, what),
                     fmt::format("choose one of {}", names));
}

}  // namespace

double parse_number(std::string_view option, std::string_view text) {
    if (auto value = to_finite(text)) {
        return *value;
    }
    throw UsageError(
        fmt::format("{}: \"{}\" is not a number", option, text),
        fmt::format("write a plain decimal number with a '.' decimal point, e.g. {} 75", option));
}

double parse_non_negative(std::string_view option, std::string_view text) {
    const double value = parse_number(option, text);
    if (value < 0) {
        throw UsageError(fmt::format("{}: {} is below 0", option, text), "give a number of at least 0");
    }
    return value;
}

double parse_margin_share(std::string_view option, std::string_view text) {
    const double value = parse_number(option, text);
    if (value < 0 || value >= 1) {
        throw UsageError(fmt::format("{}: {} is not a share from 0 up to 1", option, text),
                         fmt::format("give a share of revenue, e.g. {} 0.30 for 30%", option));
    }
    return value;
}

long parse_row_count(std::string_view option, std::string_view text) {
    long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || value < 1) {
        throw UsageError(fmt::format("{}: \"{}\" is not a whole number of at least 1", option, text),
                         fmt::format("e.g. {} 10; leave it out to show every row", option));
    }
    return value;
}

long parse_header_row(std::string_view option, std::string_view text) {
    long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || value < 0) {
        throw UsageError(fmt::format("{}: \"{}\" is not a line number", option, text),
                         fmt::format("give the line of the header as the file numbers it from 1 ({} 4), or 0 for "
                                     "files without a header (then --map KIND.FIELD=#N names the Nth column)",
                                     option));
    }
    return value;
}

BadRowLimit parse_bad_row_limit(std::string_view option, std::string_view text) {
    const auto fail = [&]() -> UsageError {
        return UsageError(fmt::format("{}: \"{}\" is not a limit of bad rows", option, text),
                          fmt::format("give N rows, P% of a file's rows, or N,P% for the larger of the two, "
                                      "e.g. {} 10,1% (the default) or {} 0 (as --strict)",
                                      option, option));
    };
    BadRowLimit limit{0, 0};
    bool rows_given = false;
    bool percent_given = false;
    std::string_view rest = text;
    while (true) {
        const std::size_t comma = rest.find(',');
        std::string_view part = rest.substr(0, comma);
        if (part.empty()) {
            throw fail();
        }
        if (part.back() == '%') {
            part.remove_suffix(1);
            double value = 0;
            const char* end = part.data() + part.size();
            auto [ptr, ec] = std::from_chars(part.data(), end, value);
            if (percent_given || part.empty() || ec != std::errc{} || ptr != end || !(value >= 0 && value <= 100)) {
                throw fail();
            }
            limit.percent = value;
            percent_given = true;
        } else {
            std::int64_t value = 0;
            const char* end = part.data() + part.size();
            auto [ptr, ec] = std::from_chars(part.data(), end, value);
            if (rows_given || ec != std::errc{} || ptr != end || value < 0) {
                throw fail();
            }
            limit.rows = value;
            rows_given = true;
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest = rest.substr(comma + 1);
    }
    return limit;
}

Days parse_date(std::string_view option, std::string_view text) {
    auto date = parse_iso_date(text);
    if (!date) {
        throw UsageError(fmt::format("{}: \"{}\" {}", option, text, date.error()),
                         "write dates as YYYY-MM-DD, e.g. 2024-03-31");
    }
    return *date;
}

DateSpan parse_month(std::string_view option, std::string_view text) {
    // Checking the shape first keeps `2024-3` and `2024-03-01` from being read some other way;
    // parse_iso_date of the first day then applies the same year and month rules as --from.
    bool shaped = text.size() == 7 && text[4] == '-';
    for (std::size_t i = 0; shaped && i < text.size(); ++i) {
        shaped = i == 4 || (text[i] >= '0' && text[i] <= '9');
    }
    auto first = shaped ? parse_iso_date(fmt::format("{}-01", text)) : Result<Days>::failure("");
    if (!first) {
        throw UsageError(fmt::format("{}: \"{}\" is not a month", option, text),
                         "write the month as YYYY-MM, e.g. 2024-03");
    }
    const CivilDate civil = civil_from_days(*first);
    const Days next = civil.month == 12 ? days_from_civil(civil.year + 1, 1, 1)
                                        : days_from_civil(civil.year, civil.month + 1, 1);
    return DateSpan{*first, next - 1};
}

BusinessHours parse_hours(std::string_view option, std::string_view text) {
    auto hours = parse_business_hours(text);
    if (!hours) {
        throw UsageError(fmt::format("{}: \"{}\" {}", option, text, hours.error()),
                         fmt::format("write HH:MM-HH:MM, e.g. {} 08:30-17:00", option));
    }
    return *hours;
}

WeekdaySet parse_days(std::string_view option, std::string_view text) {
    auto days = parse_business_days(text);
    if (!days) {
        throw UsageError(
            fmt::format("{}: \"{}\" {}", option, text, days.error()),
            fmt::format("write days or ranges separated by commas, e.g. {} Mon-Wed,Fri", option));
    }
    return *days;
}

std::string parse_currency_code(std::string_view option, std::string_view text) {
    auto code = parse_currency(text);
    if (!code) {
        throw UsageError(fmt::format("{}: \"{}\" {}", option, text, code.error()),
                         fmt::format("give a three-letter code, e.g. {} EUR", option));
    }
    return *code;
}

namespace {

constexpr std::array<std::pair<std::string_view, OutputFormat>, 7> k_output_formats = {{
    {"table", OutputFormat::table},
    {"json", OutputFormat::json},
    {"csv", OutputFormat::csv},
    {"tsv", OutputFormat::tsv},
    {"markdown", OutputFormat::markdown},
    {"html", OutputFormat::html},
    {"xlsx", OutputFormat::xlsx},
}};

// SPEC §1 ◆12: the file name endings that pick a format.
constexpr std::array<std::pair<std::string_view, OutputFormat>, 6> k_output_extensions = {{
    {".json", OutputFormat::json},
    {".csv", OutputFormat::csv},
    {".tsv", OutputFormat::tsv},
    {".md", OutputFormat::markdown},
    {".html", OutputFormat::html},
    {".xlsx", OutputFormat::xlsx},
}};

}  // namespace

OutputFormat parse_output_format(std::string_view option, std::string_view text) {
    return parse_choice(option, text, k_output_formats, "an output format");
}

std::string_view output_format_name(OutputFormat format) {
    for (const auto& [name, value] : k_output_formats) {
        if (value == format) {
            return name;
        }
    }
    return "table";
}

std::optional<std::pair<std::string, OutputFormat>> format_of_file_name(std::string_view path) {
    const std::string lower = ascii_lower(path);
    for (const auto& [extension, format] : k_output_extensions) {
        const std::size_t slash = lower.find_last_of('/');
        const std::string_view base = slash == std::string::npos ? std::string_view(lower)
                                                                 : std::string_view(lower).substr(slash + 1);
        // A name that is only the ending (`.json`) is a hidden file, not a format.
        if (base.size() > extension.size() && base.ends_with(extension)) {
            return std::pair<std::string, OutputFormat>(std::string(extension), format);
        }
    }
    return std::nullopt;
}

ColorMode parse_color_mode(std::string_view option, std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, ColorMode>, 3> k_choices = {{
        {"auto", ColorMode::automatic},
        {"always", ColorMode::always},
        {"never", ColorMode::never},
    }};
    return parse_choice(option, text, k_choices, "a colour mode");
}

DateOrder parse_date_order(std::string_view option, std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, DateOrder>, 3> k_choices = {{
        {"dmy", DateOrder::dmy},
        {"mdy", DateOrder::mdy},
        {"auto", DateOrder::automatic},
    }};
    return parse_choice(option, text, k_choices, "a date order");
}

DateFormat parse_date_format(std::string_view option, std::string_view text) {
    Result<DateFormat> format = DateFormat::compile(text);
    if (!format) {
        throw UsageError(fmt::format("{} \"{}\" {}", option, text, format.error()),
                         "directives: %Y %y %m %d %e %b %B %a %A %H %I %M %S %p %z (%% is a percent sign); any "
                         "other character stands for itself, e.g. --date-format \"%d-%b-%y %H:%M\"");
    }
    return std::move(format.value());
}

DecimalMode parse_decimal_mode(std::string_view option, std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, DecimalMode>, 3> k_choices = {{
        {".", DecimalMode::dot},
        {",", DecimalMode::comma},
        {"auto", DecimalMode::automatic},
    }};
    return parse_choice(option, text, k_choices, "a decimal separator");
}

Verdict parse_fail_on(std::string_view option, std::string_view text) {
    auto verdict = parse_verdict(text);
    if (verdict == Verdict::keep) {
        throw UsageError(fmt::format("{}: keep would match every client", option),
                         "choose watch, reprice, chase or fire; leave the option out to never fail");
    }
    if (!verdict) {
        throw UsageError(fmt::format("{}: \"{}\" is not a verdict", option, text),
                         "choose watch, reprice, chase or fire");
    }
    return *verdict;
}

SortKey parse_sort_key(std::string_view option, std::string_view text) {
    SortKey sort;
    std::string_view key = text;
    const auto colon = text.rfind(':');
    if (colon != std::string_view::npos) {
        key = text.substr(0, colon);
        const std::string order = ascii_lower(text.substr(colon + 1));
        if (order != "asc" && order != "desc") {
            throw UsageError(fmt::format("{}: \"{}\": the order after ':' must be asc or desc", option, text),
                             fmt::format("e.g. {} net_revenue:asc", option));
        }
        sort.ascending = order == "asc";
    }
    if (key.empty()) {
        throw UsageError(fmt::format("{}: no key in \"{}\"", option, text),
                         fmt::format("name a column of the CSV output, e.g. {} toxicity", option));
    }
    sort.key = std::string(key);
    return sort;
}

void check_sort_key(std::string_view option, const SortKey& sort, const ClientTable& table) {
    if (table.find(sort.key)) {
        return;
    }
    std::string closest;
    std::size_t best = 3;  // suggest only near misses
    for (const auto& column : table.columns()) {
        const std::size_t distance = edit_distance(sort.key, column.key);
        if (distance < best) {
            best = distance;
            closest = column.key;
        }
    }
    std::string message = fmt::format("{}: unknown key \"{}\"", option, sort.key);
    if (!closest.empty()) {
        message += fmt::format(" (did you mean \"{}\"?)", closest);
    }
    // The change columns exist only beside a baseline, the aging ones by --aging.
    const bool change_key = sort.key.rfind("change_", 0) == 0;
    throw UsageError(message,
                     change_key && !table.shape().change
                         ? std::string("the change_ columns need --baseline FILE")
                         : std::string("sort by a column of the CSV output, e.g. rank, toxicity, net_revenue, margin, "
                                       "margin_pct, contacts_per_week, avg_days_late, overdue, name; add :asc for "
                                       "ascending (clientscore rank --help lists them all)"));
}

AgingBuckets parse_aging(std::string_view option, std::string_view text) {
    constexpr std::string_view k_hint = "give ascending whole numbers of days, e.g. --aging 15,30,60,90";
    // A century of days: beyond it a bound is a typo, and the sums stay far from overflow.
    constexpr long k_most = 36525;
    AgingBuckets aging;
    aging.bounds.clear();
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const std::string_view entry = trim(
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        long value = 0;
        const char* end = entry.data() + entry.size();
        auto [ptr, ec] = std::from_chars(entry.data(), end, value);
        if (entry.empty() || ec != std::errc{} || ptr != end || value < 1 || value > k_most) {
            throw UsageError(
                entry.empty() ? fmt::format("{}: empty entry in \"{}\"", option, text)
                              : fmt::format("{}: \"{}\" is not a whole number of days from 1 to {} (in \"{}\")",
                                            option, entry, k_most, text),
                std::string(k_hint));
        }
        if (!aging.bounds.empty() && value <= aging.bounds.back()) {
            throw UsageError(fmt::format("{}: {} does not come after {}: the bounds must ascend (in \"{}\")", option,
                                         value, aging.bounds.back(), text),
                             std::string(k_hint));
        }
        aging.bounds.push_back(value);
        if (comma == std::string_view::npos) {
            return aging;
        }
        start = comma + 1;
    }
}

namespace {

// Splits a comma list into trimmed entries; an empty entry is an error rather than skipped,
// because `payment=2,,` is more likely a mangled value than an intended one.
std::vector<std::string_view> split_entries(std::string_view option, std::string_view text,
                                            std::string_view example) {
    std::vector<std::string_view> entries;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const std::string_view entry = trim(
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (entry.empty()) {
            throw UsageError(fmt::format("{}: empty entry in \"{}\"", option, text),
                             fmt::format("e.g. {} {}", option, example));
        }
        entries.push_back(entry);
        if (comma == std::string_view::npos) {
            return entries;
        }
        start = comma + 1;
    }
}

std::size_t component_of(std::string_view option, std::string_view name) {
    if (auto index = component_index(name)) {
        return *index;
    }
    throw UsageError(fmt::format("{}: unknown component \"{}\"", option, name),
                     fmt::format("the components are {}", component_list()));
}

double entry_number(std::string_view option, std::string_view entry, std::string_view text) {
    if (auto value = to_finite(trim(text))) {
        return *value;
    }
    throw UsageError(fmt::format("{}: \"{}\" is not a number (in \"{}\")", option, trim(text), entry),
                     "write plain decimal numbers with a '.' decimal point");
}

}  // namespace

void apply_thresholds(std::string_view option, std::string_view text,
                      std::array<Threshold, k_component_count>& thresholds) {
    constexpr std::string_view k_example = "payment=7:45,hostility=0:2";
    for (std::string_view entry : split_entries(option, text, k_example)) {
        const auto equals = entry.find('=');
        const auto colon = entry.find(':', equals == std::string_view::npos ? 0 : equals);
        if (equals == std::string_view::npos || colon == std::string_view::npos) {
            throw UsageError(fmt::format("{}: \"{}\" is not NAME=OK:BAD", option, entry),
                             fmt::format("e.g. {} {}", option, k_example));
        }
        const std::size_t index = component_of(option, trim(entry.substr(0, equals)));
        const double ok = entry_number(option, entry, entry.substr(equals + 1, colon - equals - 1));
        const double bad = entry_number(option, entry, entry.substr(colon + 1));
        if (!(ok < bad)) {
            throw UsageError(fmt::format("{}: {}'s OK value ({}) must be below its BAD value ({})", option,
                                         k_component_names[index], ok, bad),
                             "OK is where the component starts to rise from 0, BAD where it reaches 1");
        }
        thresholds[index] = Threshold{ok, bad};
    }
}

void apply_weights(std::string_view option, std::string_view text,
                   std::array<double, k_component_count>& weights) {
    constexpr std::string_view k_example = "payment=2,communication=0.5";
    for (std::string_view entry : split_entries(option, text, k_example)) {
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos) {
            throw UsageError(fmt::format("{}: \"{}\" is not NAME=N", option, entry),
                             fmt::format("e.g. {} {}", option, k_example));
        }
        const std::size_t index = component_of(option, trim(entry.substr(0, equals)));
        const double weight = entry_number(option, entry, entry.substr(equals + 1));
        if (weight < 0) {
            throw UsageError(
                fmt::format("{}: {}'s weight {} is negative", option, k_component_names[index], weight),
                "give weights of 0 or more; 0 leaves a component out");
        }
        weights[index] = weight;
    }
}

void check_weights(std::string_view option, const std::array<double, k_component_count>& weights) {
    for (double weight : weights) {
        if (weight > 0) {
            return;
        }
    }
    throw UsageError(fmt::format("{}: all five weights are 0", option),
                     "give at least one component a weight above 0");
}

}  // namespace clientscore::cli

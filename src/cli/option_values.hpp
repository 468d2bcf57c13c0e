#pragma once
// The value parsers behind the options of SPEC §1: text as typed (or as read from the config
// file) in, a typed value out. Each throws UsageError naming the option, with a hint line that
// shows a valid value. `option` is the long name with its dashes (`--hourly-cost`).

#include <array>
#include <string>
#include <string_view>

#include "clientscore/model.hpp"
#include "clientscore/options.hpp"

namespace clientscore::cli {

/// A finite decimal number (`75`, `0.3`, `-2`); fails on anything else, `inf` and `nan` included.
double parse_number(std::string_view option, std::string_view text);
/// A finite number of at least 0.
double parse_non_negative(std::string_view option, std::string_view text);
/// A share from 0 up to (not including) 1, for --target-margin.
double parse_margin_share(std::string_view option, std::string_view text);
/// A whole number of at least 1, for --top.
long parse_row_count(std::string_view option, std::string_view text);

/// --header-row: a physical line number from 1, or 0 for files without a header.
long parse_header_row(std::string_view option, std::string_view text);

/// --max-bad-rows: `N`, `P%` or `N,P%` (the larger of the two); anything else is a usage error.
BadRowLimit parse_bad_row_limit(std::string_view option, std::string_view text);
/// `YYYY-MM-DD`, strictly (normalize's parse_iso_date).
Days parse_date(std::string_view option, std::string_view text);

/// The first and last day of a `YYYY-MM` month, for --month.
struct DateSpan {
    Days first = 0;
    Days last = 0;
};
DateSpan parse_month(std::string_view option, std::string_view text);

BusinessHours parse_hours(std::string_view option, std::string_view text);
WeekdaySet parse_days(std::string_view option, std::string_view text);
/// Three letters, upper-cased.
std::string parse_currency_code(std::string_view option, std::string_view text);

OutputFormat parse_output_format(std::string_view option, std::string_view text);
/// The --format name of a format (`markdown`).
std::string_view output_format_name(OutputFormat format);
/// SPEC §1 ◆12: the format an --output file name picks by its ending (`.json`, `.csv`, `.tsv`,
/// `.md`, `.html`, `.xlsx`, in any case) and that ending; none for any other name.
std::optional<std::pair<std::string, OutputFormat>> format_of_file_name(std::string_view path);
ColorMode parse_color_mode(std::string_view option, std::string_view text);
DateOrder parse_date_order(std::string_view option, std::string_view text);
/// A --date-format pattern, compiled; a usage error names what is wrong with it (an unknown
/// directive, a missing year, ...) and lists the directives.
DateFormat parse_date_format(std::string_view option, std::string_view text);
DecimalMode parse_decimal_mode(std::string_view option, std::string_view text);
/// watch, reprice, chase or fire (keep would match every client, so it is refused).
Verdict parse_fail_on(std::string_view option, std::string_view text);

/// `KEY`, `KEY:asc` or `KEY:desc`; the key is checked by check_sort_key once every option is
/// known (--aging and --baseline decide which columns there are).
SortKey parse_sort_key(std::string_view option, std::string_view text);
/// Fails when `sort.key` names no column of `table`, suggesting a near one.
void check_sort_key(std::string_view option, const SortKey& sort, const ClientTable& table);

/// --aging `D1,D2,…`: ascending whole numbers of days from 1 (SPEC §3 ◆10); anything else fails.
AgingBuckets parse_aging(std::string_view option, std::string_view text);

/// Applies `NAME=OK:BAD,...` to `thresholds`; components not named keep their values, a name
/// given twice takes the last pair. Fails on an unknown name, a value that is not a number, or
/// OK not below BAD.
void apply_thresholds(std::string_view option, std::string_view text,
                      std::array<Threshold, k_component_count>& thresholds);

/// Applies `NAME=N,...` to `weights` (the last of a repeated name wins). Fails on an unknown
/// name, a value that is not a number, or a negative weight.
void apply_weights(std::string_view option, std::string_view text,
                   std::array<double, k_component_count>& weights);
/// Fails when all five weights are 0 (the toxicity would have nothing to weigh).
void check_weights(std::string_view option, const std::array<double, k_component_count>& weights);

}  // namespace clientscore::cli

// libFuzzer target: normalize::parse_timestamp and slash_hint on arbitrary text, in every date
// order (the month-name, weekday, dotted and 12-hour forms of SPEC ◆7 among its seeds), and
// --date-format: an input with a line feed is also patterns (its first line, several split at
// tabs, as --date-format given several times) and a value (the rest), each compiled with
// DateFormat::compile and the value read with them. Besides crashes and sanitizer reports it
// checks what callers rely on: a timestamp that parses lies in 1970..2100, its time of day is
// a real one, and its offset is under a day; and parse_with_formats gives the first pattern
// that reads the value, else the first miss that says why.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "clientscore/normalize.hpp"

namespace {

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

void check_timestamp(const clientscore::ParsedTimestamp& ts) {
    using namespace clientscore;
    static const Days k_first = days_from_civil(1970, 1, 1);
    static const Days k_last = days_from_civil(2100, 12, 31);
    check(ts.date >= k_first && ts.date <= k_last);
    check(ts.seconds == -1 || (ts.seconds >= 0 && ts.seconds < 86400));
    if (ts.offset_minutes) {
        check(*ts.offset_minutes > -24 * 60 && *ts.offset_minutes < 24 * 60);
    }
    const CivilDate civil = civil_from_days(ts.date);
    check(days_from_civil(civil.year, civil.month, civil.day) == ts.date);
    check(format_date(ts.date).size() == 10);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clientscore;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)slash_hint(text);
    for (const DateOrder order : {DateOrder::automatic, DateOrder::dmy, DateOrder::mdy}) {
        const Result<ParsedTimestamp> r = parse_timestamp(text, order);
        if (!r) {
            check(!r.error().empty());
            continue;
        }
        check_timestamp(*r);
    }
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) {
        return 0;
    }
    const std::string_view value = text.substr(newline + 1);
    std::vector<DateFormat> formats;
    DateFormat::Fit expected = DateFormat::Fit::no;
    bool read = false;
    std::string_view patterns = text.substr(0, newline);
    while (formats.size() < 16) {
        const std::size_t tab = patterns.find('\t');
        const Result<DateFormat> format = DateFormat::compile(patterns.substr(0, tab));
        if (!format) {
            check(!format.error().empty());
        } else {
            ParsedTimestamp ts;
            const DateFormat::Fit fit = format->parse(value, ts);
            if (fit == DateFormat::Fit::yes) {
                check_timestamp(ts);
            } else if (fit != DateFormat::Fit::no) {
                check(!fit_error(fit).empty());
            }
            check(parse_with_formats({*format}, value, ts) == fit);
            if (!read && (fit == DateFormat::Fit::yes || expected == DateFormat::Fit::no)) {
                expected = fit;
                read = fit == DateFormat::Fit::yes;
            }
            formats.push_back(*format);
        }
        if (tab == std::string_view::npos) {
            break;
        }
        patterns.remove_prefix(tab + 1);
    }
    if (!formats.empty()) {
        ParsedTimestamp ts;
        check(parse_with_formats(formats, value, ts) == expected);
        if (expected == DateFormat::Fit::yes) {
            check_timestamp(ts);
        }
    }
    return 0;
}

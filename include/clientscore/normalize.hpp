#pragma once
// Pure parsers for the values of SPEC §2: text in, typed value or a reason out. No I/O, no
// locale, no exceptions. Every function here is table-tested in tests/test_normalize_*.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/model.hpp"
#include "clientscore/result.hpp"

namespace clientscore {

// ---- text -------------------------------------------------------------------------------------

// These two run on every cell of every row: defined here, so that they inline.

/// Trims spaces and tabs at both ends.
inline std::string_view trim(std::string_view s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) {
        ++b;
    }
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) {
        --e;
    }
    return s.substr(b, e - b);
}

/// is_missing for a cell already trimmed.
inline bool is_missing_trimmed(std::string_view t) {
    // By length first: nearly every cell is longer than the longest marker.
    auto lower = [](char c) { return static_cast<char>(c | 0x20); };  // ASCII letters only
    switch (t.size()) {
        case 0:
            return true;
        case 1:
            return t[0] == '?';
        case 2:
            return lower(t[0]) == 'n' && lower(t[1]) == 'a';
        case 3:
            return lower(t[0]) == 'n' && t[1] == '/' && lower(t[2]) == 'a';
        case 4:
            return lower(t[0]) == 'n' && lower(t[1]) == 'u' && lower(t[2]) == 'l' && lower(t[3]) == 'l';
        default:
            return false;
    }
}

/// True for an empty cell or one of the missing-value markers `?`, `NA`, `N/A`, `NULL` (any
/// case, after trimming).
inline bool is_missing(std::string_view cell) { return is_missing_trimmed(trim(cell)); }

/// Lower-cases ASCII letters; other bytes are kept.
std::string ascii_lower(std::string_view s);

/// The Levenshtein distance of two strings, ASCII letters compared without case: how far a
/// typed name is from a known one, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The Levenshtein distance of two strings, bytes compared exactly, when it is at most `limit`,
/// else limit + 1; one digit for another counts limit + 1 (C025 and C026 are two ids, not a
/// typo): how near a client value is to a listed one.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit);

// ---- dates and times (normalize/timestamp.cpp) ------------------------------------------------

/// Days since 1970-01-01 of a civil date; the date must be valid.
Days days_from_civil(int year, unsigned month, unsigned day);
/// The civil date of a day number.
struct CivilDate {
    int year;
    unsigned month;
    unsigned day;
};
CivilDate civil_from_days(Days d);
/// 0 = Monday ... 6 = Sunday.
unsigned weekday_of(Days d);
/// `YYYY-MM-DD`.
std::string format_date(Days d);
/// Parses an option date `YYYY-MM-DD` (strictly that form); fails otherwise.
Result<Days> parse_iso_date(std::string_view text);

/// A timestamp as written in an export, before any time-zone conversion.
struct ParsedTimestamp {
    Days date = 0;                   ///< the wall date as written (UTC date for Unix times)
    std::int32_t seconds = -1;       ///< seconds since midnight; -1 when only a date was given
    std::optional<std::int32_t> offset_minutes;  ///< set by `Z`, `±HH:MM`, `±HHMM`; 0 for Unix times
};

/// What a slash date says about the order of its parts, for `--date-order auto`.
enum class SlashHint : std::uint8_t {
    not_slash,    ///< not a D/M/Y or M/D/Y date
    day_first,    ///< first part above 12
    month_first,  ///< second part above 12
    same,         ///< both parts equal: either order reads the same date
    ambiguous     ///< both parts 1..12 and different: needs settling
};
SlashHint slash_hint(std::string_view text);

/// Parses every timestamp form of SPEC §2: ISO date / date-time (space or `T`, optional
/// seconds and fraction, optional `Z`/`±HH:MM`/`±HHMM`; a bare date ignores an offset),
/// `YYYY/MM/DD`, `D.M.YYYY [H:MM[:SS]]`, slash dates `[H:MM[:SS]] [AM|PM]` in `order` (which
/// must be dmy or mdy when the value is ambiguous; with `automatic` an ambiguous value fails),
/// dotted and slash dates with two-digit years (00-69 → 20xx, 70-99 → 19xx), English month
/// names with an optional leading weekday (`15 Jul 2026`, `15-Jul-2026`, `Jul 15, 2026 3:05 PM`,
/// `Tue Oct 31 22:10:47 +0000 2017`), Unix seconds (9-10 digits) and milliseconds (12-13
/// digits). Years outside 1970..2100 fail; a value of no form fails naming the form it came
/// closest to. The input is already trimmed.
Result<ParsedTimestamp> parse_timestamp(std::string_view text, DateOrder order);

/// A `--date-format` pattern (SPEC §1 ◆7), compiled: strftime-style directives `%Y %y %m %d %e
/// %b %B %a %A %H %I %M %S %p %z` (and `%%`), any other character literal (ASCII letters in
/// any case; a space stands for one or more spaces). Reading is by hand, not date::parse: see
/// date_format.cpp for why.
class DateFormat {
public:
    /// How a value fared against the pattern.
    enum class Fit : std::uint8_t {
        no,            ///< not in this form
        yes,           ///< read
        no_such_day,   ///< in this form, but no real day (31/02)
        no_such_time,  ///< in this form, but no real time of day (25:00, 13 PM)
        year_range     ///< in this form, but a year outside 1970-2100
    };

    /// Compiles `pattern`; fails (phrased to follow the pattern) on an unknown directive, a `%`
    /// at the end, a field given twice, or a pattern that does not give a year, a month and a
    /// day, or gives an hour without its minutes or `%I` and `%p` without each other.
    static Result<DateFormat> compile(std::string_view pattern);

    /// Reads the whole of `text` (already trimmed) in this form into `out`. Does not allocate.
    Fit parse(std::string_view text, ParsedTimestamp& out) const;

    const std::string& pattern() const { return m_pattern; }

private:
    DateFormat() = default;
    std::string m_pattern;  ///< validated: every `%` starts a known directive
};

/// Reads `text` in the first of `formats` that reads it: `yes` with `out` set; `no` when it is
/// in none of their forms; else how the first one whose form it is in failed (such a value is
/// a bad value, not one for the built-in forms: the user said what the form is, and a built-in
/// form could read it in another order).
DateFormat::Fit parse_with_formats(const std::vector<DateFormat>& formats, std::string_view text,
                                   ParsedTimestamp& out);

/// The bad-value message of a failed Fit (`is not a date (no such day)`); empty for yes/no.
std::string_view fit_error(DateFormat::Fit fit);

/// A bare time of day `H:MM[:SS]` with an optional `AM`/`PM`, as seconds since midnight
/// (a preset's separate time column, such as Pipedrive's `due_time`). Fails on anything else.
Result<std::int32_t> parse_time_of_day(std::string_view text);

// ---- numbers ----------------------------------------------------------------------------------

/// The unit that a duration header's words give to plain numbers (SPEC §2 calls.duration).
enum class DurationUnit : std::uint8_t { seconds, minutes, milliseconds, hours };
DurationUnit duration_unit_from_header(std::string_view header);

/// A duration in milliseconds: a plain number in `unit` (`.` decimal), or `H:MM:SS` / `M:SS`
/// (M may exceed 59) whatever the unit. Empty is 0. Negative values fail.
Result<std::int64_t> parse_duration_ms(std::string_view text, DurationUnit unit);

/// A duration cell as an export writes it: parse_duration_ms, but `H:MM` is hours and minutes
/// where `hours_minutes` (time trackers, SPEC ◆9; one colon is otherwise minutes and seconds),
/// and a plain number's one `,` is its decimal point where `decimal` is comma (SPEC §2: the
/// decimal separator as for amounts).
Result<std::int64_t> parse_duration_cell(std::string_view text, DurationUnit unit, bool hours_minutes,
                                         DecimalMode decimal);

/// A parsed amount and the decimal separator it used ('\0' when it had none).
struct ParsedAmount {
    Money value = 0;
    char decimal_used = '\0';
};

/// Parses an amount (SPEC §2): optional currency symbol or code before or after, sign or
/// parentheses (outside or inside the symbol), thousands separators `,` `.` space, no-break
/// space and `'` (each followed by exactly three digits), decimal `.` or `,`. With both kinds
/// of separator the last is the decimal one; otherwise `decimal` (dot or comma; never
/// automatic here) decides. More than four decimals are rounded half away from zero. Fails on
/// anything else, and on values that overflow Money.
Result<ParsedAmount> parse_amount(std::string_view text, DecimalMode decimal);

// ---- enumerations -----------------------------------------------------------------------------

/// `in`, `inbound`, `incoming`, `received` → inbound; `out`, `outbound`, `outgoing`, `sent`,
/// `placed` → outbound; empty → inbound; anything else fails. Case-insensitive.
Result<Direction> parse_direction(std::string_view text);

/// The hostile tags in a `;`, `|` or `,` separated list (case-insensitive; `rude` is abusive,
/// `redo` is rework); other tags are ignored. Never fails.
TagSet parse_tags(std::string_view text);

/// `yes`, `y`, `true`, `1`, `disputed` → true; `no`, `n`, `false`, `0`, empty → false; else fails.
Result<bool> parse_disputed(std::string_view text);

/// True for the invoice statuses that make an invoice ignored: void, voided, draft, deleted,
/// cancelled, canceled (case-insensitive).
bool is_ignored_invoice_status(std::string_view text);

/// granted/approved/applied/empty, requested/pending, denied/rejected; anything else fails.
Result<DiscountStatus> parse_discount_status(std::string_view text);

/// The channel of a contacts row: phone/call → call, email/mail → email, anything else none.
enum class Channel : std::uint8_t { call, email };
std::optional<Channel> parse_channel(std::string_view text);

/// An ISO-4217-like currency code: trimmed, upper-cased; fails unless three ASCII letters.
Result<std::string> parse_currency(std::string_view text);

// ---- options that describe the business (normalize/business_calendar.cpp) ---------------------

/// Business hours as minutes since midnight: start inclusive, end exclusive; end may be 1440
/// (`24:00`); an end before the start wraps past midnight.
struct BusinessHours {
    int start_minute = 9 * 60;
    int end_minute = 18 * 60;
};
/// Parses `HH:MM-HH:MM`.
Result<BusinessHours> parse_business_hours(std::string_view text);
/// `HH:MM-HH:MM` again, for settings output.
std::string format_business_hours(const BusinessHours& hours);

/// A bit per weekday, bit 0 = Monday ... bit 6 = Sunday.
using WeekdaySet = std::uint8_t;
/// Parses a comma list of days or ranges with three-letter or full names in any case
/// (`Mon-Fri`, `Sun-Thu`, `Mon-Wed,Fri`); a range may wrap past Sunday.
Result<WeekdaySet> parse_business_days(std::string_view text);
/// The canonical comma list of three-letter names, Monday first (`Mon,Tue,Wed,Thu,Fri`).
std::string format_business_days(WeekdaySet days);

/// Business hours, days and holidays: decides off-day and after-hours for a local time.
class BusinessCalendar {
public:
    BusinessCalendar() = default;
    BusinessCalendar(BusinessHours hours, WeekdaySet days, std::vector<Days> holidays);
    /// Not a business day, or a holiday.
    bool off_day(Days date) const;
    /// Off-day, or (when a time is known) outside the business hours.
    bool after_hours(const LocalDateTime& when) const;
    const BusinessHours& hours() const { return m_hours; }
    WeekdaySet days() const { return m_days; }
    const std::vector<Days>& holidays() const { return m_holidays; }

private:
    BusinessHours m_hours{};
    WeekdaySet m_days = 0x1F;
    std::vector<Days> m_holidays;  // sorted, unique
};

// ---- time zones (normalize/local_time.cpp) ----------------------------------------------------

/// The message for a zone the tz database does not hold; without a database at all (no tzdata
/// installed), every name fails, and the hint says to install it rather than to fix the name.
struct ZoneProblem {
    std::string message;
    std::string hint;
};
ZoneProblem time_zone_problem(const std::string& zone_name, bool database_found);

/// The business time zone: converts timestamps to local wall time (SPEC §3 "Local time").
class LocalTimeConverter {
public:
    /// No zone: timestamps keep their own offset's wall time; Unix times are read in UTC.
    LocalTimeConverter() = default;
    /// An IANA zone from the system tz database; fails (UsageError) for an unknown name.
    explicit LocalTimeConverter(const std::string& zone_name);
    /// The local wall time of a parsed timestamp: converted to the zone when it carries an
    /// offset and a zone is set; otherwise its wall time as written. A bare date stays as is.
    LocalDateTime to_local(const ParsedTimestamp& ts) const;
    const std::string& zone_name() const { return m_zone_name; }

private:
    const void* m_zone = nullptr;  // const date::time_zone*, kept opaque so callers need no date headers
    std::string m_zone_name;
};

}  // namespace clientscore

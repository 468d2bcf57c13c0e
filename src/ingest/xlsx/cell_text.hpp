#pragma once
// How a spreadsheet cell's stored value shows as text (SPEC §1: "a cell shows as Excel would show
// it"): numbers as Excel's General format shows them, date serials as timestamps, times as
// H:MM:SS, and the `_xHHHH_` escapes of OOXML strings decoded. Pure functions, no I/O.

#include <cstdint>
#include <string>
#include <string_view>

namespace clientscore::ingest {

/// What a cell's number format makes of a number.
enum class NumberShow : std::uint8_t {
    general,  ///< a plain number
    date,     ///< a date without a time of day (m/d/yyyy, d-mmm-yy, ...)
    date_time,///< a date with a time of day (m/d/yyyy h:mm)
    time,     ///< a time of day only (h:mm, h:mm:ss AM/PM)
    elapsed,  ///< a duration in hours ([h]:mm:ss)
};

/// The kind of the number format `id`: the built-in ids by their meaning (14-17, 22 and the
/// East Asian date ids are dates, 18-21 and 45-47 times), any other id by its format `code`
/// (a custom format is a date or time when, outside quoted text, escapes and [colour] or
/// [$locale] brackets, its first section holds y, m, d, h or s).
NumberShow classify_number_format(int id, std::string_view code);

/// Appends `value` as Excel's General format shows it: at most 15 significant digits, trailing
/// zeros dropped, an exponent (`1.5E+20`) only below 1e-9 or from 1e15 on.
void append_general_number(double value, std::string& out);

/// Appends the date serial `serial` shown as `show` (not general): a date as `YYYY-MM-DD` when
/// the serial is a whole day, else `YYYY-MM-DD HH:MM:SS`; a time of day as `HH:MM:SS` (a serial
/// of a day or more with a time-only format keeps its date: `YYYY-MM-DD HH:MM:SS`); elapsed time
/// as `H:MM:SS` with all the hours. Days count from 1899-12-30 (with Excel's fictitious
/// 1900-02-29 as serial 60) or, with `date1904`, from 1904-01-01. Seconds are rounded. Returns
/// false, appending nothing, for a serial no date shows (negative, or after 9999-12-31).
bool append_date_serial(double serial, NumberShow show, bool date1904, std::string& out);

/// Appends the text of an OOXML string with its `_xHHHH_` escapes decoded (`_x000D_` is a CR,
/// `_x005F_` an underscore); a NUL, which no text file may hold, is dropped.
void append_ooxml_text(std::string_view text, std::string& out);

}  // namespace clientscore::ingest

// How a stored cell value shows as text: number formats, General numbers, date serials, escapes.

#include <catch2/catch.hpp>

#include <string>

#include "ingest/xlsx/cell_text.hpp"

using clientscore::ingest::append_date_serial;
using clientscore::ingest::append_general_number;
using clientscore::ingest::append_ooxml_text;
using clientscore::ingest::classify_number_format;
using clientscore::ingest::NumberShow;

namespace {

std::string general(double value) {
    std::string out;
    append_general_number(value, out);
    return out;
}

std::string serial(double value, NumberShow show, bool date1904 = false) {
    std::string out;
    if (!append_date_serial(value, show, date1904, out)) {
        return "(none)";
    }
    return out;
}

std::string decoded(const std::string& text) {
    std::string out;
    append_ooxml_text(text, out);
    return out;
}

}  // namespace

TEST_CASE("ingest::classify_number_format: the built-in date and time ids 14 to 22", "[ingest][xlsx]") {
    CHECK(classify_number_format(14, "") == NumberShow::date);  // m/d/yyyy
    CHECK(classify_number_format(15, "") == NumberShow::date);  // d-mmm-yy
    CHECK(classify_number_format(16, "") == NumberShow::date);  // d-mmm
    CHECK(classify_number_format(17, "") == NumberShow::date);  // mmm-yy
    CHECK(classify_number_format(18, "") == NumberShow::time);  // h:mm AM/PM
    CHECK(classify_number_format(19, "") == NumberShow::time);  // h:mm:ss AM/PM
    CHECK(classify_number_format(20, "") == NumberShow::time);  // h:mm
    CHECK(classify_number_format(21, "") == NumberShow::time);  // h:mm:ss
    CHECK(classify_number_format(22, "") == NumberShow::date_time);  // m/d/yyyy h:mm
    CHECK(classify_number_format(46, "") == NumberShow::elapsed);    // [h]:mm:ss
    CHECK(classify_number_format(0, "") == NumberShow::general);
    CHECK(classify_number_format(2, "") == NumberShow::general);   // 0.00
    CHECK(classify_number_format(10, "") == NumberShow::general);  // 0.00%
    CHECK(classify_number_format(49, "") == NumberShow::general);  // @ (text)
}

TEST_CASE("ingest::classify_number_format: custom codes by their letters outside quotes and brackets", "[ingest][xlsx]") {
    CHECK(classify_number_format(164, "yyyy-mm-dd") == NumberShow::date);
    CHECK(classify_number_format(164, "dd/mm/yyyy hh:mm:ss") == NumberShow::date_time);
    CHECK(classify_number_format(164, "[$-409]mmmm d, yyyy") == NumberShow::date);
    CHECK(classify_number_format(164, "mmm-yy") == NumberShow::date);  // m without h or s is a month
    CHECK(classify_number_format(164, "h:mm") == NumberShow::time);
    CHECK(classify_number_format(164, "mm:ss") == NumberShow::time);
    CHECK(classify_number_format(164, "[h]:mm:ss") == NumberShow::elapsed);
    CHECK(classify_number_format(164, "[mm]:ss") == NumberShow::elapsed);
    // Letters in quoted text, escapes, colours and fills are shown as written, not dates.
    CHECK(classify_number_format(164, "#,##0.00 \"days\"") == NumberShow::general);
    CHECK(classify_number_format(164, "0.0\\h") == NumberShow::general);
    CHECK(classify_number_format(164, "[Red]#,##0;[Blue]-#,##0") == NumberShow::general);
    CHECK(classify_number_format(164, "_(\"$\"* #,##0.00_)") == NumberShow::general);
    CHECK(classify_number_format(164, "General") == NumberShow::general);
    CHECK(classify_number_format(164, "0.00E+00") == NumberShow::general);
}

TEST_CASE("ingest::append_general_number: what Excel's General format shows", "[ingest][xlsx]") {
    CHECK(general(0) == "0");
    CHECK(general(-0.0) == "0");
    CHECK(general(42) == "42");
    CHECK(general(-1250) == "-1250");
    CHECK(general(1234.56) == "1234.56");
    CHECK(general(1234.5599999999999) == "1234.56");  // 15 significant digits, as Excel keeps
    CHECK(general(0.1 + 0.2) == "0.3");
    CHECK(general(-0.000125) == "-0.000125");
    CHECK(general(123456789012345.0) == "123456789012345");
    CHECK(general(1e15) == "1E+15");
    CHECK(general(1.5e20) == "1.5E+20");
    CHECK(general(2.5e-10) == "2.5E-10");
    CHECK(general(12345678.9) == "12345678.9");
    CHECK(general(99.999999999999999) == "100");
}

TEST_CASE("ingest::append_date_serial: dates, times and durations in the 1900 system", "[ingest][xlsx]") {
    CHECK(serial(46266, NumberShow::date) == "2026-09-01");
    CHECK(serial(46266.4375, NumberShow::date) == "2026-09-01 10:30:00");  // a time the format hides is kept
    CHECK(serial(46266.4375, NumberShow::date_time) == "2026-09-01 10:30:00");
    CHECK(serial(46266, NumberShow::date_time) == "2026-09-01 00:00:00");
    CHECK(serial(0.6041666666666666, NumberShow::time) == "14:30:00");
    CHECK(serial(46266.6041666666666, NumberShow::time) == "2026-09-01 14:30:00");
    CHECK(serial(1.0625, NumberShow::elapsed) == "25:30:00");
    CHECK(serial(0.0104166666666667, NumberShow::elapsed) == "0:15:00");
    // Seconds round, and a time that rounds to midnight is the next day.
    CHECK(serial(46266.99999999, NumberShow::date_time) == "2026-09-02 00:00:00");
    // Excel's day numbers around its fictitious 1900-02-29.
    CHECK(serial(1, NumberShow::date) == "1900-01-01");
    CHECK(serial(59, NumberShow::date) == "1900-02-28");
    CHECK(serial(60, NumberShow::date) == "1900-02-29");
    CHECK(serial(61, NumberShow::date) == "1900-03-01");
    CHECK(serial(2958465, NumberShow::date) == "9999-12-31");
    CHECK(serial(2958466, NumberShow::date) == "(none)");
    CHECK(serial(-1, NumberShow::date) == "(none)");
}

TEST_CASE("ingest::append_date_serial: the 1904 system counts from 1904-01-01", "[ingest][xlsx]") {
    CHECK(serial(0, NumberShow::date, true) == "1904-01-01");
    CHECK(serial(44804, NumberShow::date, true) == "2026-09-01");
    CHECK(serial(44804.5, NumberShow::date_time, true) == "2026-09-01 12:00:00");
}

TEST_CASE("ingest::append_ooxml_text: _xHHHH_ escapes", "[ingest][xlsx]") {
    CHECK(decoded("plain") == "plain");
    CHECK(decoded("a_x000D_b") == "a\rb");
    CHECK(decoded("snake_x005F_case") == "snake_case");
    CHECK(decoded("x_x00E9_") == "x\xC3\xA9");
    CHECK(decoded("_x20AC_5") == "\xE2\x82\xAC" "5");
    CHECK(decoded("nul_x0000_gone") == "nulgone");
    CHECK(decoded("not_an_escape_xZZZZ_") == "not_an_escape_xZZZZ_");
    CHECK(decoded("short_x00") == "short_x00");
}

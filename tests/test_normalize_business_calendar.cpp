#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clientscore/normalize.hpp"

using namespace clientscore;

namespace {

constexpr WeekdaySet k_mon = 1 << 0;
constexpr WeekdaySet k_tue = 1 << 1;
constexpr WeekdaySet k_wed = 1 << 2;
constexpr WeekdaySet k_thu = 1 << 3;
constexpr WeekdaySet k_fri = 1 << 4;
constexpr WeekdaySet k_sat = 1 << 5;
constexpr WeekdaySet k_sun = 1 << 6;

constexpr std::int32_t hms(int h, int m, int s = 0) { return h * 3600 + m * 60 + s; }

}  // namespace

TEST_CASE("normalize::parse_business_hours", "[normalize]") {
    struct Row {
        std::string_view text;
        int start;
        int end;
        std::string_view formatted;
    };
    const Row rows[] = {
        {"09:00-18:00", 540, 1080, "09:00-18:00"},   {"9:00-17:30", 540, 1050, "09:00-17:30"},
        {"08:15 - 16:45", 495, 1005, "08:15-16:45"}, {"00:00-24:00", 0, 1440, "00:00-24:00"},
        {"18:00-24:00", 1080, 1440, "18:00-24:00"},  {"22:00-06:00", 1320, 360, "22:00-06:00"},
        {"20:00-00:00", 1200, 0, "20:00-00:00"},     {"23:59-00:01", 1439, 1, "23:59-00:01"},
    };
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        const Result<BusinessHours> h = parse_business_hours(r.text);
        REQUIRE(h.ok());
        CHECK(h->start_minute == r.start);
        CHECK(h->end_minute == r.end);
        CHECK(format_business_hours(*h) == r.formatted);
    }
    SECTION("malformed") {
        for (const std::string_view s :
             {"", "9-17", "09:00", "09:00-", "-18:00", "09:00-18", "09:0-18:00", "09:00-18:00-20:00",
              "24:00-08:00", "09:00-24:01", "09:00-25:00", "09:60-18:00", "9am-5pm", "09.00-18.00",
              "09:00–18:00", "009:00-18:00", "09:00 18:00", "x09:00-18:00"}) {
            INFO("[" << s << "]");
            const Result<BusinessHours> h = parse_business_hours(s);
            REQUIRE_FALSE(h.ok());
            CHECK(h.error().rfind("is not a range of business hours", 0) == 0);
        }
    }
    SECTION("start equal to end") {
        for (const std::string_view s : {"09:00-09:00", "00:00-00:00", "0:00-00:00"}) {
            INFO("[" << s << "]");
            const Result<BusinessHours> h = parse_business_hours(s);
            REQUIRE_FALSE(h.ok());
            CHECK(h.error().rfind("is an empty range of business hours", 0) == 0);
        }
    }
}

TEST_CASE("normalize::parse_business_days", "[normalize]") {
    struct Row {
        std::string_view text;
        WeekdaySet days;
        std::string_view formatted;
    };
    const Row rows[] = {
        {"Mon-Fri", 0x1F, "Mon,Tue,Wed,Thu,Fri"},
        {"mon-fri", 0x1F, "Mon,Tue,Wed,Thu,Fri"},
        {"MONDAY-friday", 0x1F, "Mon,Tue,Wed,Thu,Fri"},
        {"Sun-Thu", static_cast<WeekdaySet>(k_sun | k_mon | k_tue | k_wed | k_thu), "Mon,Tue,Wed,Thu,Sun"},
        {"Mon-Wed,Fri", static_cast<WeekdaySet>(k_mon | k_tue | k_wed | k_fri), "Mon,Tue,Wed,Fri"},
        {"Sat", k_sat, "Sat"},
        {"Sunday", k_sun, "Sun"},
        {"Fri-Mon", static_cast<WeekdaySet>(k_fri | k_sat | k_sun | k_mon), "Mon,Fri,Sat,Sun"},
        {"Mon-Sun", 0x7F, "Mon,Tue,Wed,Thu,Fri,Sat,Sun"},
        {"Wed-Wed", k_wed, "Wed"},
        {" Tue , Thu ", static_cast<WeekdaySet>(k_tue | k_thu), "Tue,Thu"},
        {"Mon - Tue,Tue-Wed", static_cast<WeekdaySet>(k_mon | k_tue | k_wed), "Mon,Tue,Wed"},
        {"thursday,Tuesday", static_cast<WeekdaySet>(k_tue | k_thu), "Tue,Thu"},
    };
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        const Result<WeekdaySet> d = parse_business_days(r.text);
        REQUIRE(d.ok());
        CHECK(static_cast<int>(*d) == static_cast<int>(r.days));
        CHECK(format_business_days(*d) == r.formatted);
    }
    SECTION("malformed") {
        for (const std::string_view s :
             {"", " ", ",", "Mon,", ",Mon", "Mon,,Fri", "Mo-Fr", "Monday-", "-Fri", "Mon-Wed-Fri", "Tues",
              "Thurs", "weekdays", "1-5", "Mon;Fri", "Mon Fri", "Mon–Fri"}) {
            INFO("[" << s << "]");
            const Result<WeekdaySet> d = parse_business_days(s);
            REQUIRE_FALSE(d.ok());
            CHECK(d.error().rfind("is not a list of business days", 0) == 0);
        }
    }
    CHECK(format_business_days(0) == "");
}

TEST_CASE("normalize::BusinessCalendar", "[normalize]") {
    const Days monday = days_from_civil(2026, 3, 2);
    REQUIRE(weekday_of(monday) == 0);
    const Days friday = monday + 4;
    const Days saturday = monday + 5;
    const Days sunday = monday + 6;

    SECTION("defaults: 09:00-18:00, Monday to Friday, no holidays") {
        const BusinessCalendar cal;
        CHECK(format_business_hours(cal.hours()) == "09:00-18:00");
        CHECK(cal.days() == 0x1F);
        CHECK_FALSE(cal.off_day(monday));
        CHECK_FALSE(cal.off_day(friday));
        CHECK(cal.off_day(saturday));
        CHECK(cal.off_day(sunday));
        struct Row {
            Days date;
            std::int32_t seconds;
            bool after;
        };
        const Row rows[] = {
            {monday, hms(9, 0), false},
            {monday, hms(8, 59, 59), true},
            {monday, hms(17, 59, 59), false},
            {monday, hms(18, 0), true},
            {monday, 0, true},
            {monday, hms(23, 59, 59), true},
            {monday, -1, false},
            {saturday, -1, true},
            {saturday, hms(12, 0), true},
            {sunday, hms(10, 0), true},
            {friday, hms(12, 0), false},
        };
        for (const Row& r : rows) {
            INFO(format_date(r.date) << " " << r.seconds);
            CHECK(cal.after_hours(LocalDateTime{r.date, r.seconds}) == r.after);
        }
    }
    SECTION("hours that wrap past midnight, days that wrap past Sunday, holidays") {
        const BusinessCalendar cal(BusinessHours{22 * 60, 6 * 60},
                                   static_cast<WeekdaySet>(k_sun | k_mon | k_tue | k_wed | k_thu),
                                   {friday, monday + 1, monday + 1, monday - 100});
        CHECK(cal.holidays() == std::vector<Days>{monday - 100, monday + 1, friday});  // sorted, unique
        CHECK_FALSE(cal.off_day(sunday));
        CHECK(cal.off_day(saturday));
        CHECK(cal.off_day(friday));      // a business day, but a holiday
        CHECK(cal.off_day(monday + 1));  // a holiday
        CHECK_FALSE(cal.off_day(monday));
        struct Row {
            Days date;
            std::int32_t seconds;
            bool after;
        };
        const Row rows[] = {
            {monday, hms(22, 0), false},     {monday, hms(23, 30), false}, {monday, hms(2, 0), false},
            {monday, hms(5, 59, 59), false}, {monday, hms(6, 0), true},    {monday, hms(12, 0), true},
            {monday, hms(21, 59, 59), true}, {monday, -1, false},          {sunday, hms(23, 0), false},
            {monday + 1, hms(23, 0), true},  {monday + 1, -1, true},       {saturday, hms(23, 0), true},
        };
        for (const Row& r : rows) {
            INFO(format_date(r.date) << " " << r.seconds);
            CHECK(cal.after_hours(LocalDateTime{r.date, r.seconds}) == r.after);
        }
    }
    SECTION("a day that ends at 24:00") {
        const BusinessCalendar cal(BusinessHours{0, 24 * 60}, 0x7F, {});
        CHECK_FALSE(cal.after_hours(LocalDateTime{saturday, 0}));
        CHECK_FALSE(cal.after_hours(LocalDateTime{sunday, hms(23, 59, 59)}));
    }
}

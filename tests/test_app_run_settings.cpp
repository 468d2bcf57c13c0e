// run_settings (src/app/run_settings.cpp): what the options mean for each stage, and the
// period once the data has given its span (SPEC §1, §3). The environment (CLIENTSCORE_THREADS,
// CLIENTSCORE_SLICE_BYTES) is read by the command line only: here everything comes from Options.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/run_settings.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using Catch::Detail::Approx;

namespace {

Days day(const char* iso) { return parse_iso_date(iso).value(); }

/// Sets an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_old = old;
        }
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (m_old) {
            ::setenv(m_name, m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("app::make_read_plan takes the threads and the slice size from Options", "[app]") {
    Options o;
    o.threads = 3;
    o.slice_bytes = 12345;
    const ReadPlan p = make_read_plan(o);
    CHECK(p.threads == 3);
    CHECK(p.slice_bytes == 12345);
    // The environment does not reach past the command line.
    const ScopedEnv threads("CLIENTSCORE_THREADS", "7");
    const ScopedEnv slices("CLIENTSCORE_SLICE_BYTES", "999");
    const ReadPlan again = make_read_plan(o);
    CHECK(again.threads == 3);
    CHECK(again.slice_bytes == 12345);
}

TEST_CASE("app::the command line reads CLIENTSCORE_THREADS and CLIENTSCORE_SLICE_BYTES into the read plan",
          "[app]") {
    {
        const ScopedEnv threads("CLIENTSCORE_THREADS", "3");
        const ScopedEnv slices("CLIENTSCORE_SLICE_BYTES", "4096");
        const ReadPlan p = make_read_plan(options_for({"rank", "."}));
        CHECK(p.threads == 3);
        CHECK(p.slice_bytes == 4096);
    }
    {
        // Out of range or not a number: the defaults stay.
        const ScopedEnv threads("CLIENTSCORE_THREADS", "0");
        const ScopedEnv slices("CLIENTSCORE_SLICE_BYTES", "lots");
        const ReadPlan p = make_read_plan(options_for({"rank", "."}));
        CHECK(p.threads == default_worker_threads());
        CHECK(p.slice_bytes == (16ull << 20));
    }
}

TEST_CASE("app::only the command line reads the CLIENTSCORE_ environment variables", "[app]") {
    namespace fs = std::filesystem;
    std::vector<std::string> readers;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(CLIENTSCORE_SOURCE_DIR) / "src")) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        if (s.find("CLIENTSCORE_THREADS") != std::string::npos || s.find("CLIENTSCORE_SLICE_BYTES") != std::string::npos ||
            s.find("CLIENTSCORE_PROGRESS_AFTER_MS") != std::string::npos) {
            readers.push_back(fs::relative(entry.path(), CLIENTSCORE_SOURCE_DIR).string());
        }
    }
    CHECK(readers == std::vector<std::string>{"src/cli/command_line.cpp"});
}

TEST_CASE("app::make_read_settings carries the reading options", "[app]") {
    const Options o = options_for({"rank", ".", "--encoding", "latin1", "--date-order", "dmy", "--decimal", ",",
                                   "--map", "calls.client=Kunde", "--strict", "--preset", "none", "--timezone",
                                   "Europe/Berlin"});
    const ReadSettings r = make_read_settings(o);
    CHECK(r.encoding == "latin1");
    CHECK(r.date_order == DateOrder::dmy);
    CHECK(r.decimal == DecimalMode::comma);
    REQUIRE(r.mappings.size() == 1);
    CHECK(r.mappings[0].kind == Kind::calls);
    CHECK(r.mappings[0].field == "client");
    CHECK(r.mappings[0].header == "Kunde");
    CHECK(r.strict);
    CHECK(r.preset == "none");
    CHECK(r.time_zone.zone_name() == "Europe/Berlin");
    CHECK(make_read_settings(options_for({"rank", "."})).time_zone.zone_name().empty());
}

TEST_CASE("app::make_read_settings: an unknown time zone is a usage error", "[app]") {
    Options o;
    o.time_zone = "Mars/Olympus";
    CHECK_THROWS_AS(make_read_settings(o), UsageError);
}

TEST_CASE("app::make_aggregate_settings carries the bounds, the calendar and --strict", "[app]") {
    const Options o = options_for({"rank", ".", "--from", "2026-09-01", "--to", "2026-09-30", "--business-hours",
                                   "08:00-16:00", "--business-days", "Sun-Thu", "--strict"});
    const AggregateSettings a = make_aggregate_settings(o, {day("2026-09-08")});
    CHECK(a.from == std::optional<Days>(day("2026-09-01")));
    CHECK(a.to == std::optional<Days>(day("2026-09-30")));
    CHECK(a.strict);
    CHECK_FALSE(a.focus.has_value());
    CHECK(a.calendar.hours().start_minute == 8 * 60);
    CHECK(a.calendar.hours().end_minute == 16 * 60);
    CHECK(a.calendar.off_day(day("2026-09-08")));        // a Tuesday, but a holiday
    CHECK_FALSE(a.calendar.off_day(day("2026-09-09")));  // Wednesday
    CHECK(a.calendar.off_day(day("2026-09-11")));        // Friday: not in Sun-Thu
    CHECK_FALSE(a.calendar.off_day(day("2026-09-13")));  // Sunday
    CHECK(a.calendar.after_hours(LocalDateTime{day("2026-09-09"), 16 * 3600}));  // the end is exclusive
    CHECK_FALSE(a.calendar.after_hours(LocalDateTime{day("2026-09-09"), 8 * 3600}));
}

TEST_CASE("app::make_settings copies every option that changes a number", "[app]") {
    const Options o = options_for({"rank", ".", "--hourly-cost", "75", "--email-minutes", "3", "--target-margin",
                                   "0.4", "--fire-at", "70", "--watch-at", "20", "--chase-days", "45", "--timezone",
                                   "UTC", "--weights", "payment=2", "--thresholds", "payment=5:30"});
    const Settings s = make_settings(o);
    CHECK(s.hourly_cost == 75);
    CHECK(s.email_minutes == 3);
    CHECK(s.target_margin == Approx(0.4));
    CHECK(s.fire_at == 70);
    CHECK(s.watch_at == 20);
    CHECK(s.chase_days == 45);
    CHECK(s.time_zone == "UTC");
    const auto payment = static_cast<std::size_t>(Component::payment);
    CHECK(s.weights[payment] == 2);
    CHECK(s.weights[static_cast<std::size_t>(Component::hostility)] == 1);
    CHECK(s.thresholds[payment].ok == 5);
    CHECK(s.thresholds[payment].bad == 30);
    CHECK(s.business_days == o.business_days);
    CHECK(s.currency.empty());  // settled later, from the data
    CHECK(s.holidays == 0);
}

TEST_CASE("app::settle_period fills the bounds the options leave open (SPEC §1, §3)", "[app]") {
    // Events are activity and counted invoices; here an old invoice of 2026-06-15 widens them.
    const DateRange events{day("2026-06-15"), day("2026-10-20")};
    const DateRange activity{day("2026-09-03"), day("2026-10-20")};
    Options o;
    SECTION("none given: the span of the activity, as of its end, not the old invoice (◆3)") {
        const Period p = settle_period(o, events, activity);
        CHECK(p.from == day("2026-09-03"));
        CHECK(p.to == day("2026-10-20"));
        CHECK(p.as_of == day("2026-10-20"));
        CHECK_FALSE(p.undated);
    }
    SECTION("none given and no activity: the span of the counted invoices") {
        const Period p = settle_period(o, events, DateRange{});
        CHECK(p.from == day("2026-06-15"));
        CHECK(p.to == day("2026-10-20"));
    }
    SECTION("both given: as given") {
        o.from = day("2026-01-01");
        o.to = day("2026-01-31");
        const Period p = settle_period(o, events, activity);
        CHECK(p.from == day("2026-01-01"));
        CHECK(p.to == day("2026-01-31"));
        CHECK(p.as_of == day("2026-01-31"));
    }
    SECTION("only from: to is the later of the last event and from") {
        o.from = day("2026-10-01");
        CHECK(settle_period(o, events, activity).to == day("2026-10-20"));
        o.from = day("2026-11-15");
        const Period p = settle_period(o, events, activity);
        CHECK(p.from == day("2026-11-15"));
        CHECK(p.to == day("2026-11-15"));
    }
    SECTION("only to: from is the earlier of the first event date and to") {
        o.to = day("2026-10-01");
        CHECK(settle_period(o, events, activity).from == day("2026-06-15"));
        o.to = day("2026-05-01");
        const Period p = settle_period(o, events, activity);
        CHECK(p.from == day("2026-05-01"));
        CHECK(p.to == day("2026-05-01"));
    }
    SECTION("--as-of wins over the end of the period") {
        o.as_of = day("2026-12-31");
        CHECK(settle_period(o, events, activity).as_of == day("2026-12-31"));
    }
    SECTION("nothing dated and no dates given: undated, never the epoch as a date") {
        const Period p = settle_period(o, DateRange{}, DateRange{});
        CHECK(p.undated);
    }
    SECTION("only from, and no event: the period is that day") {
        o.from = day("2026-04-01");
        const Period p = settle_period(o, DateRange{}, DateRange{});
        CHECK(p.to == day("2026-04-01"));
        CHECK_FALSE(p.undated);
    }
}

TEST_CASE("app::idle_option_warnings: a --where or --map of a kind no file is read of is said", "[app]") {
    Discovery discovery;
    discovery.files.push_back(InputFile{"calls.csv", Kind::calls, "calls.csv", std::nullopt});
    const Options o = options_for({"rank", ".", "--where", "emails.Queue=Sales", "--where", "calls.Queue=Sales",
                                   "--map", "invoices.client=Kunde", "--map", "calls.client=Kunde"});
    CHECK(idle_option_warnings(o, discovery) ==
          std::vector<std::string>{
              "warning: --where emails.Queue=Sales: no emails file is read, so it leaves nothing out",
              "warning: --map invoices.client=Kunde: no invoices file is read, so it maps nothing"});
    discovery.files.push_back(InputFile{"emails.csv", Kind::emails, "emails.csv", std::nullopt});
    discovery.files.push_back(InputFile{"invoices.csv", Kind::invoices, "invoices.csv", std::nullopt});
    CHECK(idle_option_warnings(o, discovery).empty());
}

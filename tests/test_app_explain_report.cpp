// build_explain_report (src/app/explain_report.cpp): the client's row with its rank, one
// result per calendar month the period touches (clipped to the period), and for fire the
// offboarding plan (SPEC §5 explain).

#include <catch2/catch.hpp>

#include "app/analysis.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using Catch::Detail::Approx;

namespace {

ExplainReport explain_of(const std::string& client, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"explain", client};
    all.insert(all.end(), args.begin(), args.end());
    const Options options = options_for(all);
    const Analysis a = analyse(options, client, {});
    return build_explain_report(a, client, options);
}

}  // namespace

TEST_CASE("app::build_explain_report splits the period into calendar months clipped to it", "[app]") {
    ExportFolder dir({{"calls.csv",
                       "client,started_at\n"
                       "A,2026-09-20 10:00\n"
                       "A,2026-10-05 10:00\n"
                       "A,2026-10-06 10:00\n"
                       "B,2026-11-02 10:00\n"}});
    const ExplainReport r =
        explain_of("A", {dir.path(), "--from", "2026-09-15", "--to", "2026-11-10", "--as-of", "2026-10-20"});
    CHECK(r.client.client == "A");
    CHECK(r.client_count == 2);
    REQUIRE(r.months.size() == 3);
    CHECK(r.months[0].month == "2026-09");
    CHECK(format_date(r.months[0].period.from) == "2026-09-15");
    CHECK(format_date(r.months[0].period.to) == "2026-09-30");
    CHECK(format_date(r.months[0].period.as_of) == "2026-09-30");
    CHECK(r.months[1].month == "2026-10");
    CHECK(format_date(r.months[1].period.from) == "2026-10-01");
    CHECK(format_date(r.months[1].period.to) == "2026-10-31");
    CHECK(format_date(r.months[1].period.as_of) == "2026-10-20");  // the earlier of to and as_of
    CHECK(r.months[2].month == "2026-11");
    CHECK(format_date(r.months[2].period.from) == "2026-11-01");
    CHECK(format_date(r.months[2].period.to) == "2026-11-10");
    CHECK(format_date(r.months[2].period.as_of) == "2026-10-20");
    CHECK(r.months[0].metrics.calls == 1);
    CHECK(r.months[1].metrics.calls == 2);
    CHECK(r.months[2].metrics.calls == 0);  // B's call is not A's
    CHECK(r.client.metrics.calls == 3);
    // October: 2 inbound calls over 31 days.
    CHECK(r.months[1].metrics.contacts_per_week == Approx(2.0 / (31.0 / 7.0)));
    CHECK_FALSE(r.offboarding.has_value());
}

TEST_CASE("app::build_explain_report gives each month its share of that month's revenue", "[app]") {
    ExportFolder dir({{"invoices.csv",
                       "client,issued_at,due_at,paid_at,amount\n"
                       "A,2026-09-20,2026-09-30,2026-09-25,100.00\n"
                       "B,2026-09-25,2026-10-05,2026-09-28,300.00\n"
                       "A,2026-10-05,2026-10-15,2026-10-10,200.00\n"}});
    const ExplainReport r = explain_of("A", {dir.path(), "--from", "2026-09-01", "--to", "2026-11-30"});
    CHECK(r.client.metrics.revenue_share == Approx(300.0 / 600.0));
    REQUIRE(r.months.size() == 3);
    CHECK(r.months[0].metrics.net_revenue == Approx(100.0));
    CHECK(r.months[0].metrics.revenue_share == Approx(100.0 / 400.0));
    CHECK(r.months[1].metrics.net_revenue == Approx(200.0));
    CHECK(r.months[1].metrics.revenue_share == Approx(1.0));
    CHECK_FALSE(r.months[2].metrics.revenue_share.has_value());  // no revenue in November
}

TEST_CASE("app::build_explain_report plans the offboarding of a fire client", "[app]") {
    // One week, ten inbound calls at 23:00 (communication 1, after_hours 1) and an open invoice
    // 23 days late (payment 16/38): toxicity 80.7 with no revenue in the period, so fire.
    std::string calls = "client,started_at,duration\n";
    for (int day = 1; day <= 7; ++day) {
        calls += "F,2026-09-0" + std::to_string(day) + " 23:00,600\n";
    }
    calls += "F,2026-09-01 23:30,600\nF,2026-09-02 23:30,600\nF,2026-09-03 23:30,600\n";
    ExportFolder dir({{"calls.csv", calls},
                      {"invoices.csv",
                       "client,invoice_id,issued_at,due_at,paid_at,amount\n"
                       "F,F-1,2026-08-01,2026-08-15,,300.00\n"
                       "F,F-2,2026-08-02,2026-08-15,2026-08-10,120.00\n"}});
    const ExplainReport r = explain_of("F", {dir.path(), "--from", "2026-09-01", "--to", "2026-09-07"});
    CHECK(r.client.score.toxicity == Approx(80.7));
    REQUIRE(r.client.score.verdict == Verdict::fire);
    REQUIRE(r.offboarding.has_value());
    const Offboarding& off = *r.offboarding;
    CHECK(format_date(off.notice_date) == "2026-12-06");  // as_of 2026-09-07 + 90 days
    REQUIRE(off.open_invoices.size() == 1);                // F-2 was paid before the period
    CHECK(off.open_invoices[0].invoice_id == "F-1");
    CHECK(format_date(off.open_invoices[0].due_at) == "2026-08-15");
    CHECK(off.open_invoices[0].unpaid == Approx(300.0));
    CHECK(off.open_invoices[0].days_overdue == 23);
    REQUIRE(off.checklist.size() == 5);
    CHECK(off.checklist[0] == "Send written notice on 2026-09-07 that the engagement ends on 2026-12-06 (90 days).");
    // The command names the folder and the period it ran with, so it can be pasted as it is.
    CHECK(off.checklist[1] == "Keep the evidence log with it: clientscore evidence F " + dir.path() +
                                  " --from 2026-09-01 --to 2026-09-07 --format csv -o evidence-F.csv");
    CHECK(off.checklist[2].rfind("Collect the 1 open invoice (300", 0) == 0);
}

TEST_CASE("app::build_explain_report throws InputError for a client that is not listed", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}});
    const Options options = options_for({"explain", "B", dir.path()});
    const Analysis a = analyse(options, std::string("B"), {});
    CHECK_THROWS_AS(build_explain_report(a, "B", options), InputError);
}

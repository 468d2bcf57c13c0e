// build_evidence_report (src/app/evidence_report.cpp): the focused client's calls, emails and
// discounts of the period and its invoices (those of the period and the receivables issued
// before it), in the order of SPEC §5 evidence.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/analysis.hpp"
#include "app_fixtures.hpp"
#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

EvidenceReport evidence_of(const std::string& client, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"evidence", client};
    all.insert(all.end(), args.begin(), args.end());
    const Analysis a = analyse(options_for(all), client, {});
    return build_evidence_report(a, client);
}

}  // namespace

TEST_CASE("app::build_evidence_report lists the client's events by date, time, then kind", "[app]") {
    ExportFolder dir({{"calls.csv",
                       "client,started_at,duration,direction,notes\n"
                       "A,2026-09-10 09:30,120,inbound,timed call\n"
                       "A,2026-09-02,60,outbound,date only\n"
                       "B,2026-09-05 10:00,60,inbound,not theirs\n"
                       "A,2026-08-20 10:00,60,inbound,before the period\n"},
                      {"emails.csv", "client,sent_at,subject\nA,2026-09-10 09:30,same time as the call\n"},
                      {"invoices.csv",
                       "client,invoice_id,issued_at,due_at,paid_at,amount,status\n"
                       "A,OLD1,2026-07-01,2026-07-31,,200.00,\n"          // open: a receivable
                       "A,OLDPAID,2026-07-01,2026-07-31,2026-08-01,50.00,\n"  // paid before the period
                       "A,NEW1,2026-09-10,2026-09-20,,80.00,\n"
                       "A,VOID1,2026-09-11,2026-09-20,,30.00,void\n"},  // ignored: not listed
                      {"discounts.csv", "client,granted_at,amount,reason\nA,2026-09-15,25.00,loyalty\n"}});
    const EvidenceReport e = evidence_of("A", {dir.path(), "--from", "2026-09-01", "--to", "2026-09-30"});
    CHECK(e.client == "A");
    CHECK_FALSE(e.name.has_value());
    std::vector<std::string> texts;
    for (const EvidenceEvent& ev : e.events) {
        texts.push_back(ev.text);
    }
    // A date without a time sorts before the timed events of its day; at one time, a call
    // before an email.
    CHECK(texts == std::vector<std::string>{"OLD1", "date only", "NEW1", "timed call", "same time as the call",
                                            "loyalty"});
    REQUIRE(e.events.size() == 6);
    const EvidenceEvent& old = e.events[0];
    CHECK(old.kind == EventKind::invoice);
    CHECK(format_date(old.date) == "2026-07-01");
    CHECK(old.amount == Approx(200.0));
    CHECK(old.days_late == std::optional<std::int64_t>(61));  // as of 2026-09-30, due 2026-07-31
    CHECK_FALSE(old.direction.has_value());
    const EvidenceEvent& date_only = e.events[1];
    CHECK(date_only.kind == EventKind::call);
    CHECK(date_only.seconds == -1);
    CHECK(date_only.direction == std::optional<Direction>(Direction::outbound));
    CHECK(date_only.minutes == Approx(1.0));
    CHECK(date_only.after_hours == std::optional<bool>(false));  // no time, on a Wednesday
    CHECK(date_only.off_day == std::optional<bool>(false));
    CHECK(e.events[2].days_late == std::optional<std::int64_t>(10));
    const EvidenceEvent& call = e.events[3];
    CHECK(call.seconds == 9 * 3600 + 30 * 60);
    CHECK(call.minutes == Approx(2.0));
    CHECK(e.events[4].kind == EventKind::email);
    CHECK_FALSE(e.events[4].minutes.has_value());
    const EvidenceEvent& discount = e.events[5];
    CHECK(discount.kind == EventKind::discount);
    CHECK(discount.amount == Approx(25.0));
    CHECK_FALSE(discount.after_hours.has_value());
}

TEST_CASE("app::build_evidence_report gives discounts in the reporting currency", "[app]") {
    ExportFolder dir({{"discounts.csv", "client,granted_at,amount,currency\nA,2026-09-15,10.00,USD\n"},
                      {"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}});
    TempDir rates;
    write_file(rates / "rates.csv", "currency,rate\nUSD,0.9\n");
    const EvidenceReport e =
        evidence_of("A", {dir.path(), "--fx", (rates / "rates.csv").string(), "--currency", "EUR"});
    REQUIRE(e.events.size() == 2);
    CHECK(e.events[1].kind == EventKind::discount);
    CHECK(e.events[1].amount == Approx(9.0));
    CHECK(e.settings.currency == "EUR");
}

TEST_CASE("app::build_evidence_report finds the client by name and carries the warnings", "[app]") {
    ExportFolder dir({{"clients.csv", "client,name\nC1,Acme Ltd\n"},
                      {"calls.csv", "client,started_at\nC1,2026-09-01 10:00\nC1,never\n"}});
    const EvidenceReport e = evidence_of("Acme Ltd", {dir.path()});
    CHECK(e.client == "C1");
    CHECK(e.name == std::optional<std::string>("Acme Ltd"));
    CHECK(e.events.size() == 1);
    REQUIRE(e.warnings.size() == 1);
    CHECK(e.warnings[0].rfind("clientscore: calls.csv:3: column \"started_at\"", 0) == 0);
}

TEST_CASE("app::build_evidence_report throws InputError for an unknown client", "[app]") {
    ExportFolder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"}});
    const Analysis a = analyse(options_for({"evidence", "Z", dir.path()}), std::string("Z"), {});
    CHECK_THROWS_AS(build_evidence_report(a, "Z"), InputError);
}

TEST_CASE("cli::evidence returns notes exactly as exported", "[cli][e2e]") {
    TempDir dir;
    write_file(dir / "calls.csv",
               "client,started_at,duration,notes\n"
               "ACME,2026-09-02 22:15,600,\"Shouted, then said \"\"we will sue\"\"\nand hung up\"\n"
               "ACME,2026-09-01 10:00,60,first\n"
               "OTHER,2026-09-01 10:00,60,not theirs\n");
    RunResult r = run_clientscore({"evidence", "ACME", dir.path().string(), "--format", "json"});
    REQUIRE(r.status == 0);
    json e = json::parse(r.out);
    REQUIRE(e["events"].size() == 2);
    CHECK(e["events"][0]["text"] == "first");
    CHECK(e["events"][1]["text"] == "Shouted, then said \"we will sue\"\nand hung up");
    CHECK(e["events"][1]["after_hours"] == true);
    CHECK(e["events"][1]["minutes"] == 10);
}

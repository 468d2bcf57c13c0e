// End-to-end, SPEC ◆9: time entries in the hours and the cost to serve, the persons on calls,
// emails and time entries, and the nulls of ◆2. The fixture (tests/data/time_entries) is small
// enough to work every number by hand; the comments do so (email_minutes 5, hourly_cost 60).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

const std::string k_dir = source_path("tests/data/time_entries");
const std::vector<std::string> k_period = {"--from", "2026-09-01", "--to", "2026-09-30"};

json run_json(std::vector<std::string> args) {
    args.insert(args.end(), k_period.begin(), k_period.end());
    args.insert(args.end(), {"--format", "json"});
    const RunResult r = run_clientscore(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

const json& client(const json& report, const std::string& id) {
    for (const json& c : report["clients"]) {
        if (c["client"] == id) {
            return c;
        }
    }
    FAIL("no client " << id);
    static const json none;
    return none;
}

std::string file(const std::string& name) { return k_dir + "/" + name; }

}  // namespace

TEST_CASE("cli::time entries add to the hours and the cost to serve", "[cli][e2e][time]") {
    const json report = run_json({"rank", k_dir});
    // A: calls 30 + 10 min and one email of 5 min = 0.75 h; 2.5 h logged → 3.25 h, 195.00.
    const json& a = client(report, "A");
    CHECK(a["support_hours"] == 0.75);
    CHECK(a["logged_hours"] == 2.5);
    CHECK(a["hours"] == 3.25);
    CHECK(a["cost_to_serve"] == 195);
    CHECK(a["margin_pct"] == 0.805);          // (1000 − 195) / 1000
    CHECK(a["effective_rate"] == 307.69);     // 1000 / 3.25
    // B: a call of 20 min (nobody named) and an email: 0.42 h; 1:30 logged is 1.5 h (H:MM).
    const json& b = client(report, "B");
    CHECK(b["logged_hours"] == 1.5);
    CHECK(b["hours"] == 1.92);
    CHECK(b["cost_to_serve"] == 115);         // 1.91667 × 60
    // D: time entries only.
    const json& d = client(report, "D");
    CHECK(d["support_hours"] == 0);
    CHECK(d["calls"] == 0);
    CHECK(d["hours"] == 3);
    CHECK(d["margin"] == 120);
    const json& p = report["portfolio"];
    CHECK(p["support_hours"] == 1.17);
    CHECK(p["logged_hours"] == 7);
    CHECK(p["hours"] == 8.17);
    CHECK(p["cost_to_serve"] == 490);
}

TEST_CASE("cli::who carries each client: people, top person and the people table", "[cli][e2e][time]") {
    const json report = run_json({"rank", k_dir});
    const json& a = client(report, "A");
    CHECK(a["people"] == 2);
    CHECK(a["top_person"] == "Ana");          // 0.5 + 0.083 + 2.5 = 3.083 h of 3.25
    CHECK(a["top_person_share"] == 0.9487);
    const json& b = client(report, "B");
    CHECK(b["people"] == 1);                  // the unnamed call counts in hours, not in people
    CHECK(b["top_person"] == "Ben");
    CHECK(b["top_person_share"] == 0.8261);   // 1.583 of 1.917 h

    const json& people = report["people"];
    REQUIRE(people.size() == 3);
    CHECK(people[0]["person"] == "Ana");
    CHECK(people[0]["hours"] == 3.08);
    CHECK(people[1]["person"] == "Cy");
    CHECK(people[2]["person"] == "Ben");
    CHECK(people[2]["clients"] == 2);
    CHECK(people[2]["hours"] == 1.75);        // 10 min on A, 5 min + 1.5 h on B
    CHECK(people[2]["after_hours_contacts"] == 2);  // Saturday's call, the 23:00 email
    CHECK(people[0]["toxic_hours"] == 0);

    SECTION("toxic hours count clients at fire_at exactly") {
        // B is the most toxic: at its toxicity only B counts, and only Ben works on it.
        const double toxicity = b["toxicity"].get<double>();
        REQUIRE(toxicity > a["toxicity"].get<double>());
        const json at = run_json({"rank", k_dir, "--fire-at", json(toxicity).dump()});
        CHECK(at["people"][0]["person"] == "Ana");
        CHECK(at["people"][0]["toxic_hours"] == 0);
        CHECK(at["people"][2]["person"] == "Ben");
        CHECK(at["people"][2]["toxic_hours"] == 1.58);     // 5 min + 1.5 h on B
        CHECK(at["people"][2]["toxic_share"] == 0.9048);   // of his 1.75 h
    }
}

TEST_CASE("cli::data never supplied is null: time, contacts, both", "[cli][e2e][time]") {
    SECTION("no time file: logged_hours null, hours are the support hours") {
        const json report = run_json({"rank", "--calls", file("calls.csv"), "--emails", file("emails.csv"),
                                      "--invoices", file("invoices.csv")});
        const json& a = client(report, "A");
        CHECK(a["logged_hours"].is_null());
        CHECK(a["hours"] == 0.75);
        CHECK(a["cost_to_serve"] == 45);
        CHECK(report["portfolio"]["logged_hours"].is_null());
        const json& d = client(report, "D");  // only an invoice now
        CHECK(d["people"] == 0);
        CHECK(d["top_person"].is_null());
        CHECK(d["top_person_share"].is_null());
    }
    SECTION("time entries without calls or emails: support_hours null, margins measured") {
        const json report = run_json({"rank", "--time", file("time.csv"), "--invoices", file("invoices.csv")});
        const json& a = client(report, "A");
        CHECK(a["support_hours"].is_null());
        CHECK(a["calls"].is_null());
        CHECK(a["logged_hours"] == 2.5);
        CHECK(a["hours"] == 2.5);
        CHECK(a["margin"] == 850);
        CHECK(report["portfolio"]["support_hours"].is_null());
        CHECK(report["portfolio"]["hours"] == 7);
    }
    SECTION("neither: hours, cost and margins null") {
        const json report = run_json({"rank", "--invoices", file("invoices.csv")});
        const json& a = client(report, "A");
        CHECK(a["hours"].is_null());
        CHECK(a["cost_to_serve"].is_null());
        CHECK(a["margin"].is_null());
        CHECK(a["people"].is_null());
        CHECK(report["portfolio"]["hours"].is_null());
        CHECK_FALSE(report.contains("people"));
    }
}

TEST_CASE("cli::explain lists the client's people; evidence the time entries", "[cli][e2e][time]") {
    const json explain = run_json({"explain", "A", k_dir});
    CHECK(explain["people"] == 2);  // the metric, as in rank; the list is carried_by
    REQUIRE(explain["carried_by"].size() == 2);
    CHECK(explain["carried_by"][0]["person"] == "Ana");
    CHECK(explain["carried_by"][0]["share"] == 0.9487);
    CHECK(explain["carried_by"][1]["person"] == "Ben");
    CHECK(explain["months"][0]["logged_hours"] == 2.5);
    CHECK(explain["months"][0]["top_person"] == "Ana");

    const json evidence = run_json({"evidence", "A", k_dir});
    std::vector<std::string> kinds;
    for (const json& e : evidence["events"]) {
        kinds.push_back(e["kind"]);
    }
    CHECK(kinds == std::vector<std::string>{"invoice", "call", "email", "call", "time"});
    const json& time = evidence["events"][4];
    CHECK(time["minutes"] == 150);
    CHECK(time["person"] == "Ana");
    CHECK(time["text"] == "Design review");
    CHECK(time["after_hours"].is_null());
    CHECK(evidence["events"][1]["person"] == "Ana");
    CHECK(evidence["events"][0]["person"].is_null());

    const RunResult table = run_clientscore({"explain", "A", k_dir, "--from", "2026-09-01", "--to", "2026-09-30"});
    CHECK(table.out.find("People") != std::string::npos);
    CHECK(table.out.find("logged hours") != std::string::npos);
}

TEST_CASE("cli::check shows a time file, its mapping, and a bad duration", "[cli][e2e][time]") {
    RunResult r = run_clientscore({"check", k_dir, "--format", "json"});
    REQUIRE(r.status == 0);
    const json check = json::parse(r.out);
    bool seen = false;
    for (const json& f : check["files"]) {
        if (f["kind"] == "time") {
            seen = true;
            CHECK(f["mapping"]["duration"] == "hours");
            CHECK(f["mapping"]["person"] == "user");
            CHECK(f["rows"] == 3);
        }
    }
    CHECK(seen);

    TempDir dir;
    // A `;` file takes `,` as its decimal separator, for hours as for amounts (SPEC §2).
    write_file(dir / "time.csv", "Date;Client;Time (h)\n2026-09-01;A;0,25\n2026-09-02;A;1,5\n");
    write_file(dir / "invoices.csv", read_file(file("invoices.csv")));
    const json comma = run_json({"rank", dir.path().string()});
    CHECK(client(comma, "A")["logged_hours"] == 1.75);

    write_file(dir / "time.csv", "date,client,hours\n2026-09-01,A,2\n2026-09-02,A,two\n");
    write_file(dir / "invoices.csv", read_file(file("invoices.csv")));
    r = run_clientscore({"rank", dir.path().string(), "--strict"});
    CHECK(r.status == 3);
    CHECK(r.err.find("time.csv:3: column \"hours\"") != std::string::npos);
}

TEST_CASE("cli::a client the clients list does not know is counted apart and named, with its near miss",
          "[cli][e2e][time]") {
    // A time export that typed the letter O for the zero of C001: its 12.5 hours are not
    // C001's. The run still counts them (nothing is dropped or moved) and says so, in rank's
    // standard error and JSON and in check.
    TempDir dir;
    write_file(dir / "clients.csv", "client_id,client_name\nC001,Nordlicht Apotheken GmbH\nC002,Weber & Partner\n");
    write_file(dir / "invoices.csv",
               "invoice_id,client_id,issued_at,due_at,paid_at,amount\nI1,C001,2026-09-01,2026-09-15,2026-09-10,"
               "1000\nI2,C002,2026-09-01,2026-09-15,2026-09-12,500\n");
    write_file(dir / "time.csv", "date,client,hours,user\n2026-09-02,C001,2,Ana\n2026-09-03,C0O1,12.5,Ana\n");
    const RunResult r = run_clientscore({"rank", dir.path().string(), "--format", "json"});
    REQUIRE(r.status == 0);
    const std::string expected = "warning: 1 client in the exports is not in the clients list (clients.csv) and is "
                                 "counted as its own client: \"C0O1\" (time.csv line 3; close to C001)";
    CHECK(r.err.find(expected) != std::string::npos);
    const json out = json::parse(r.out);
    CHECK(client(out, "C001")["logged_hours"] == 2.0);
    CHECK(client(out, "C0O1")["logged_hours"] == 12.5);
    CHECK(client(out, "C0O1")["name"].is_null());
    bool in_json = false;
    for (const json& w : out["warnings"]) {
        in_json |= w.get<std::string>().find(expected) != std::string::npos;
    }
    CHECK(in_json);

    const RunResult check = run_clientscore({"check", dir.path().string()});
    CHECK(check.status == 0);
    CHECK(check.err.find(expected) != std::string::npos);
}

// build_rank_report, client_row and fails (src/app/rank_report.cpp): the rank report's rows made
// on demand, the per-file counts of skipped and ignored rows, and --fail-on.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/analysis.hpp"
#include "app_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::testing;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

std::int64_t count_for(const FileCounts& counts, const std::string& name) {
    for (const auto& [file, n] : counts) {
        if (file == name) {
            return n;
        }
    }
    return -1;
}

// Period 2026-09-01 to 2026-09-06 (six days). B: two calls at the weekend, both threats:
// communication 0.04, after_hours 1, payment 0, hostility 1, toxicity 51.0, margin unknown
// (no revenue, no hours): watch. A: one call in business hours, 300 billed and paid on time:
// toxicity 0, keep. C: 100 billed, no contact: toxicity 0, keep.
const std::vector<std::pair<std::string, std::string>> k_three_clients = {
    {"calls.csv",
     "client,started_at,tags\n"
     "A,2026-09-01 10:00,\n"
     "B,2026-09-05 23:00,threat\n"
     "B,2026-09-06 23:00,threat\n"
     "A,soon,\n"},
    {"invoices.csv",
     "client,issued_at,due_at,paid_at,amount,status\n"
     "A,2026-09-02,2026-09-30,2026-09-03,300.00,\n"
     "C,2026-09-03,2026-09-30,2026-09-04,100.00,\n"
     "C,2026-09-04,2026-09-30,,999.00,void\n"}};

}  // namespace

TEST_CASE("app::build_rank_report counts skipped and ignored rows for every file read", "[app]") {
    ExportFolder dir(k_three_clients);
    dir.add("emails.csv", "client,sent_at\n");  // read, with nothing in it: zeros
    const RankReport r = build_rank_report(analyse(options_for({"rank", dir.path()}), std::nullopt, {}));
    CHECK(count_for(r.skipped_rows, "calls.csv") == 1);
    CHECK(count_for(r.skipped_rows, "emails.csv") == 0);
    CHECK(count_for(r.skipped_rows, "invoices.csv") == 0);
    CHECK(count_for(r.ignored_rows, "invoices.csv") == 1);  // the void invoice
    CHECK(count_for(r.ignored_rows, "calls.csv") == 0);
    CHECK(r.skipped_rows.size() == 3);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].rfind("clientscore: calls.csv:5: column \"started_at\"", 0) == 0);
}

TEST_CASE("app::build_rank_report adds up files of the same name", "[app]") {
    ExportFolder a({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\nA,bad\n"}});
    ExportFolder b({{"calls.csv", "client,started_at\nB,2026-09-01 10:00\nB,bad\nB,worse\n"}});
    const RankReport r = build_rank_report(
        analyse(options_for({"rank", "--calls", a / "calls.csv", "--calls", b / "calls.csv"}), std::nullopt, {}));
    REQUIRE(r.skipped_rows.size() == 1);
    CHECK(r.skipped_rows[0] == std::pair<std::string, std::int64_t>("calls.csv", 3));
    REQUIRE(r.ignored_rows.size() == 1);
    CHECK(r.ignored_rows[0].second == 0);
}

TEST_CASE("app::build_rank_report makes each client's row in rank order", "[app]") {
    ExportFolder dir(k_three_clients);
    const RankReport r = build_rank_report(analyse(options_for({"rank", dir.path()}), std::nullopt, {}));
    REQUIRE(r.clients.size() == 3);
    CHECK(r.portfolio.clients == 3);
    const ClientResult first = r.clients.at(0);
    const ClientResult second = r.clients.at(1);
    const ClientResult third = r.clients.at(2);
    CHECK(first.rank == 1);
    CHECK(first.client == "B");
    CHECK(second.rank == 2);
    CHECK(third.rank == 3);
    // A and C tie on toxicity 0; then margin ascending (SPEC §4 ranking): C's 100 (no hours)
    // before A's 300 (no call durations, so no cost).
    CHECK(second.client == "C");
    CHECK(third.client == "A");
    CHECK(third.metrics.revenue_share == Approx(0.75));  // 300 of 400
    CHECK(second.metrics.revenue_share == Approx(0.25));
    CHECK(first.metrics.revenue_share == Approx(0.0));
    CHECK(first.score.verdict == Verdict::watch);
    // A row is made anew each time it is asked for, the same each time.
    CHECK(r.clients.at(2).metrics.billed == third.metrics.billed);
}

TEST_CASE("app::at_or_worse lists the clients whose verdict is --fail-on or worse", "[app]") {
    ExportFolder dir(k_three_clients);
    const Analysis a = analyse(options_for({"rank", dir.path()}), std::nullopt, {});
    CHECK(at_or_worse(a, std::nullopt).empty());
    CHECK_FALSE(at_or_worse(a, Verdict::keep).empty());
    CHECK_FALSE(at_or_worse(a, Verdict::watch).empty());  // B
    CHECK(at_or_worse(a, Verdict::reprice).empty());
    CHECK(at_or_worse(a, Verdict::fire).empty());
}

TEST_CASE("app::rank JSON lists the counts of every file read", "[app]") {
    ExportFolder dir(k_three_clients);
    const RunResult r = run_clientscore({"rank", dir.path(), "--format", "json"});
    REQUIRE(r.status == 0);
    const json report = json::parse(r.out);
    CHECK(report["skipped_rows"] == json({{"calls.csv", 1}, {"invoices.csv", 0}}));
    CHECK(report["ignored_rows"] == json({{"calls.csv", 0}, {"invoices.csv", 1}}));
    CHECK(report["clients"][0]["client"] == "B");
}

TEST_CASE("app::build_rank_report scores every client's months as explain does, for html only", "[app]") {
    const std::string sample = std::string(CLIENTSCORE_SOURCE_DIR) + "/sample_data";
    const std::vector<std::string> period = {"--from", "2026-09-01", "--to", "2026-10-31"};
    auto args = [&](std::vector<std::string> head) {
        head.insert(head.end(), period.begin(), period.end());
        return head;
    };
    const RankReport plain = build_rank_report(analyse(options_for(args({"rank", sample})), std::nullopt, {}));
    CHECK_FALSE(plain.months.toxicity);
    const RankReport html =
        build_rank_report(analyse(options_for(args({"rank", sample, "--format", "html"})), std::nullopt, {}));
    REQUIRE(html.months.toxicity);
    CHECK(html.months.months == std::vector<std::string>{"2026-09", "2026-10"});
    for (const std::string id : {"C018", "C016", "C001"}) {
        CAPTURE(id);
        const Options options = options_for(args({"explain", id, sample}));
        const Analysis a = analyse(options, id, {});
        const ExplainReport e = build_explain_report(a, id, options);
        const std::vector<double> months = html.months.toxicity(static_cast<std::size_t>(e.client.rank - 1));
        REQUIRE(months.size() == e.months.size());
        for (std::size_t m = 0; m < months.size(); ++m) {
            CHECK(months[m] == e.months[m].score.toxicity);
        }
    }
}

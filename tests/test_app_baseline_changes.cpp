// compare_with_baseline and reached_on_change (src/app/baseline_changes.cpp): every client's
// change against the baseline, who is gone, who moved, and the warnings (SPEC §4 ◆11).

#include <catch2/catch.hpp>

#include "app/baseline_changes.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;

namespace {

Days day(std::string_view text) { return *parse_iso_date(text); }

Period period(std::string_view from, std::string_view to) { return Period{day(from), day(to), day(to), false}; }

// Ranked now (rank order): N (new, fire), W (watch → chase), B (fire → reprice), S (keep → keep).
// The baseline also had G, now gone.
struct Case {
    std::vector<std::string> ids = {"S", "B", "N", "W"};  // aggregator order, not rank order
    Ranking ranking;
    Baseline baseline;
    Case() {
        auto ranked = [](std::uint32_t index, Verdict verdict, double toxicity) {
            RankedClient r;
            r.index = index;
            r.verdict = verdict;
            r.toxicity = toxicity;
            return r;
        };
        ranking.clients = {ranked(2, Verdict::fire, 80.0), ranked(3, Verdict::chase, 45.5),
                           ranked(1, Verdict::reprice, 61.2), ranked(0, Verdict::keep, 10.0)};
        baseline.period = period("2026-08-01", "2026-08-31");
        baseline.clients = {{"B", Verdict::fire, 71.7}, {"G", Verdict::chase, 20.0}, {"S", Verdict::keep, 10.0},
                            {"W", Verdict::watch, 33.3}};
    }
};

}  // namespace

TEST_CASE("app::compare_with_baseline: new, worse, better, same and gone", "[app][baseline]") {
    const Case c;
    const BaselineComparison out =
        compare_with_baseline(c.baseline, "base.json", c.ranking, c.ids, period("2026-09-01", "2026-09-30"));
    REQUIRE(out.changes.size() == 4);
    // by rank position: N, W, B, S
    CHECK(out.changes[0].status == ChangeStatus::new_client);
    CHECK_FALSE(out.changes[0].toxicity_delta);
    CHECK(out.changes[1].status == ChangeStatus::worse);
    CHECK(out.changes[1].verdict_before == Verdict::watch);
    CHECK(*out.changes[1].toxicity_delta == 12.2);  // 45.5 − 33.3
    CHECK(out.changes[2].status == ChangeStatus::better);
    CHECK(*out.changes[2].toxicity_delta == -10.5);  // 61.2 − 71.7
    CHECK(out.changes[3].status == ChangeStatus::same);
    CHECK(*out.changes[3].toxicity_delta == 0.0);

    CHECK(out.summary.gone == std::vector<std::string>{"G"});
    REQUIRE(out.summary.reached.size() == 2);  // N new at fire, W worse into chase
    CHECK(out.summary.reached[0].client == "N");
    CHECK_FALSE(out.summary.reached[0].before);
    CHECK(out.summary.reached[1].client == "W");
    CHECK(out.summary.reached[1].before == Verdict::watch);
    REQUIRE(out.summary.worse.size() == 1);  // W watch → chase; N is new, not worse
    CHECK(out.summary.worse[0].client == "W");
    CHECK(out.summary.worse[0].verdict == Verdict::chase);
    CHECK(out.summary.worse[0].before == Verdict::watch);
    REQUIRE(out.summary.better.size() == 1);
    CHECK(out.summary.better[0].client == "B");
    CHECK(out.summary.better[0].verdict == Verdict::reprice);
    CHECK(out.summary.better[0].before == Verdict::fire);
    CHECK(out.warnings.empty());  // August against September: no day shared
}

TEST_CASE("app::compare_with_baseline warns when the periods share a day", "[app][baseline]") {
    const Case c;
    const BaselineComparison overlapping =
        compare_with_baseline(c.baseline, "base.json", c.ranking, c.ids, period("2026-08-31", "2026-09-30"));
    REQUIRE(overlapping.warnings.size() == 1);
    CHECK(overlapping.warnings[0] ==
          "warning: --baseline base.json: its period 2026-08-01 to 2026-08-31 overlaps this one (2026-08-31 to "
          "2026-09-30), so the change compares periods that share days");
    CHECK(compare_with_baseline(c.baseline, "base.json", c.ranking, c.ids, period("2026-07-01", "2026-07-31"))
              .warnings.empty());
    Baseline undated = c.baseline;
    undated.period.undated = true;
    CHECK(compare_with_baseline(undated, "base.json", c.ranking, c.ids, period("2026-08-01", "2026-08-31"))
              .warnings.empty());
}

TEST_CASE("app::compare_with_baseline warns of a baseline cut with --top", "[app][baseline]") {
    Case c;
    c.baseline.portfolio_clients = 40;
    const BaselineComparison out =
        compare_with_baseline(c.baseline, "base.json", c.ranking, c.ids, period("2026-09-01", "2026-09-30"));
    REQUIRE(out.warnings.size() == 1);
    CHECK_THAT(out.warnings[0], Contains("it lists 4 of the 40 clients it counted (written with --top?)"));
}

TEST_CASE("app::reached_on_change", "[app][baseline]") {
    const Case c;
    const BaselineComparison out =
        compare_with_baseline(c.baseline, "base.json", c.ranking, c.ids, period("2026-09-01", "2026-09-30"));
    CHECK(reached_on_change(c.ranking, out.changes, std::nullopt).empty());
    CHECK_FALSE(reached_on_change(c.ranking, out.changes, Verdict::fire).empty());   // N is a new fire
    CHECK_FALSE(reached_on_change(c.ranking, out.changes, Verdict::chase).empty());  // W reached chase
    Ranking without_new = c.ranking;
    std::vector<ClientChange> changes = out.changes;
    without_new.clients.erase(without_new.clients.begin());
    changes.erase(changes.begin());
    CHECK(reached_on_change(without_new, changes, Verdict::fire).empty());  // B was fire before and is better
    CHECK_FALSE(reached_on_change(without_new, changes, Verdict::watch).empty());      // W: watch → chase
}

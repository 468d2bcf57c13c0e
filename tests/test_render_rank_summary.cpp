// The sentences about a whole rank report (src/render/rank_summary.cpp), which the text table,
// markdown and the html page share: who carries the toxic load, what moved since the baseline.

#include <catch2/catch.hpp>

#include "render/rank_summary.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::render;

TEST_CASE("render::people_summary names the largest toxic share", "[render][people]") {
    RankReport report = test::sample_rank_report();
    CHECK(people_summary(report).empty());  // nobody known
    // By hours, then name, as the people table comes: Bo's share is the largest, then Di's equal one.
    report.people = {PersonRow{"Ann", 10, 2, 2, 0.2, 0}, PersonRow{"Bo", 4, 1, 3, 0.75, 0},
                     PersonRow{"Di", 2, 1, 1.5, 0.75, 0}, PersonRow{"Cy", 0, 0, 0, std::nullopt, 0}};
    CHECK(people_summary(report) == "Bo spends 75.0% of their 4.0 hours on clients at toxicity 60 or above.");
    report.settings.fire_at = 70;
    CHECK(people_summary(report).ends_with("at toxicity 70 or above."));
    for (PersonRow& row : report.people) {
        row.toxic_share = row.toxic_share ? std::optional<double>(0) : std::nullopt;
    }
    CHECK(people_summary(report).empty());  // nobody's hours go to toxic clients
}

TEST_CASE("render::id_list and move_text", "[render][baseline]") {
    CHECK(id_list({}, 3).empty());
    CHECK(id_list({"A", "B"}, 3) == "A, B");
    CHECK(id_list({"A", "B", "C", "D", "E"}, 3) == "A, B, C and 2 more");
    CHECK(move_text(BaselineMove{"C018", Verdict::fire, Verdict::watch}) == "C018 fire (was watch)");
    CHECK(move_text(BaselineMove{"C007", Verdict::chase, std::nullopt}) == "C007 chase (new)");
    CHECK(move_texts({BaselineMove{"A", Verdict::keep, Verdict::fire}}) == std::vector<std::string>{"A keep (was fire)"});
}

TEST_CASE("render::since_baseline: reached, better, gone", "[render][baseline]") {
    BaselineSummary b;
    b.period = Period{test::k_2024_01_01, test::k_2024_01_31, test::k_2024_01_31, false};
    CHECK(since_baseline(b) ==
          "Since the baseline (2024-01-01 to 2024-01-31): no client newly fire or chase; none worse; none better; "
          "none gone.");
    b.reached = {BaselineMove{"C018", Verdict::fire, Verdict::watch}, BaselineMove{"C020", Verdict::chase, {}}};
    b.worse = {BaselineMove{"C018", Verdict::fire, Verdict::watch}};  // the text does not list the worse
    b.better = {BaselineMove{"C017", Verdict::keep, Verdict::reprice}};
    b.gone = {"C031"};
    CHECK(since_baseline(b) == "Since the baseline (2024-01-01 to 2024-01-31): newly fire or chase: C018 fire (was "
                               "watch), C020 chase (new); worse: C018; better: C017; gone: C031.");
    b.period.undated = true;
    CHECK(since_baseline_lead(b.period) == "Since the baseline:");
    for (int i = 0; i < 12; ++i) {
        b.gone.push_back("G" + std::to_string(i));
    }
    CHECK(since_baseline(b).ends_with("gone: C031, G0, G1, G2, G3, G4, G5, G6, G7, G8 and 3 more."));
}

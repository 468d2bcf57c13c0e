#pragma once
// The scoring context the score tests share (tests/test_score_*.cpp): default settings, every
// kind of data supplied, and a 30-day period (months = 30 / 30.4375).

#include "clientscore/normalize.hpp"
#include "clientscore/score.hpp"

namespace clientscore::test {

struct Context {
    Settings settings;
    ScoreContext score;
    Context() {
        score.settings = &settings;
        score.supplied = Supplied{true, true, true, true};
        // 30 days: months = 30 / 30.4375
        score.period = Period{days_from_civil(2026, 9, 1), days_from_civil(2026, 9, 30), days_from_civil(2026, 9, 30)};
    }
    Context(const Context&) = delete;  // score.settings points into this object
    Context& operator=(const Context&) = delete;
};

}  // namespace clientscore::test

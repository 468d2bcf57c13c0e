// ContactTotals, DiscountTotals and add_saturating (src/aggregate/totals.cpp): integer counters
// that add up to the same totals whatever parts they were counted in, and report the limits.

#include <catch2/catch.hpp>

#include <climits>
#include <cstdint>

#include "clientscore/aggregate.hpp"

using namespace clientscore;

TEST_CASE("aggregate::add_saturating stops at the limit and says so", "[aggregate]") {
    std::int64_t sum = 40;
    CHECK(add_saturating(sum, 2));
    CHECK(sum == 42);
    CHECK(add_saturating(sum, -50));
    CHECK(sum == -8);
    sum = INT64_MAX - 1;
    CHECK(add_saturating(sum, 1));  // exactly the limit fits
    CHECK(sum == INT64_MAX);
    CHECK_FALSE(add_saturating(sum, 1));
    CHECK(sum == INT64_MAX);
    sum = INT64_MIN + 5;
    CHECK_FALSE(add_saturating(sum, -6));
    CHECK(sum == INT64_MIN);
}

TEST_CASE("aggregate::ContactTotals::add keeps the calls and emails of a client under the 32-bit limit",
          "[aggregate]") {
    // The counters are 32-bit; the calls and emails together bound every other count, so the
    // sum of those two is what is checked when parts read by different threads are added up.
    ContactTotals a;
    a.calls = ContactTotals::k_max_contacts - 10;
    a.calls_in = 5;
    a.call_ms = 1000;
    ContactTotals b;
    b.emails = 10;
    b.emails_in = 10;
    b.tags[0] = 3;
    b.call_ms = 500;
    CHECK(a.add(b));  // exactly at the limit
    CHECK(a.calls + a.emails == ContactTotals::k_max_contacts);
    CHECK(a.emails_in == 10);
    CHECK(a.tags[0] == 3);
    CHECK(a.call_ms == 1500);
    ContactTotals one;
    one.calls = 1;
    const ContactTotals before = a;
    CHECK_FALSE(a.add(one));  // one more would pass it: nothing is added
    CHECK(a.calls == before.calls);
    CHECK(a.call_ms == before.call_ms);
    ContactTotals slow;
    slow.call_ms = INT64_MAX;
    CHECK_FALSE(a.add(slow));  // the call time saturates
    CHECK(a.call_ms == INT64_MAX);
}

TEST_CASE("aggregate::ContactTotals::add adds every counter and tag", "[aggregate]") {
    ContactTotals a;
    a.calls = 3;
    a.calls_in = 2;
    a.emails = 4;
    a.emails_in = 1;
    a.after_hours_in = 1;
    a.off_day_in = 1;
    a.flagged = 2;
    a.tags[static_cast<std::size_t>(HostileTag::rework)] = 2;
    a.call_ms = 60000;
    ContactTotals b;
    b.calls = 1;
    b.calls_in = 1;
    b.emails = 2;
    b.emails_in = 2;
    b.after_hours_in = 3;
    b.off_day_in = 2;
    b.flagged = 1;
    b.tags[static_cast<std::size_t>(HostileTag::rework)] = 1;
    b.tags[static_cast<std::size_t>(HostileTag::escalation)] = 1;
    b.call_ms = 1500;
    ContactTotals ab = a;
    CHECK(ab.add(b));
    CHECK(ab.calls == 4);
    CHECK(ab.calls_in == 3);
    CHECK(ab.emails == 6);
    CHECK(ab.emails_in == 3);
    CHECK(ab.after_hours_in == 4);
    CHECK(ab.off_day_in == 3);
    CHECK(ab.flagged == 3);
    CHECK(ab.tags[static_cast<std::size_t>(HostileTag::rework)] == 3);
    CHECK(ab.tags[static_cast<std::size_t>(HostileTag::escalation)] == 1);
    CHECK(ab.tags[static_cast<std::size_t>(HostileTag::threat)] == 0);
    CHECK(ab.call_ms == 61500);
    // The other order gives the same totals.
    ContactTotals ba = b;
    CHECK(ba.add(a));
    CHECK(ba.calls == ab.calls);
    CHECK(ba.emails_in == ab.emails_in);
    CHECK(ba.tags == ab.tags);
    CHECK(ba.call_ms == ab.call_ms);
}

TEST_CASE("aggregate::DiscountTotals::add_granted sums per currency and saturates", "[aggregate]") {
    DiscountTotals t;
    CHECK(t.add_granted(1, 500));
    CHECK(t.add_granted(0, 70));
    CHECK(t.add_granted(1, 250));
    REQUIRE(t.granted.size() == 2);
    CHECK(t.granted[0] == std::pair<std::uint16_t, Money>{1, 750});
    CHECK(t.granted[1] == std::pair<std::uint16_t, Money>{0, 70});
    CHECK(t.add_granted(0, INT64_MAX - 70));  // exactly the limit
    CHECK_FALSE(t.add_granted(0, 1));
    CHECK(t.granted[1].second == INT64_MAX);
    CHECK(t.granted[0].second == 750);  // the other currency is untouched
    CHECK(t.requests == 0);             // requests are counted by the aggregator, not here
}

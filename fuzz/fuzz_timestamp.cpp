// libFuzzer target: normalize::parse_timestamp and slash_hint on arbitrary text, in every date
// order. Besides crashes and sanitizer reports it checks what callers rely on: a timestamp that
// parses lies in 1970..2100, its time of day is a real one, and its offset is under a day.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clientscore/normalize.hpp"

namespace {

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clientscore;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const Days k_first = days_from_civil(1970, 1, 1);
    static const Days k_last = days_from_civil(2100, 12, 31);
    (void)slash_hint(text);
    for (const DateOrder order : {DateOrder::automatic, DateOrder::dmy, DateOrder::mdy}) {
        const Result<ParsedTimestamp> r = parse_timestamp(text, order);
        if (!r) {
            check(!r.error().empty());
            continue;
        }
        check(r->date >= k_first && r->date <= k_last);
        check(r->seconds == -1 || (r->seconds >= 0 && r->seconds < 86400));
        if (r->offset_minutes) {
            check(*r->offset_minutes > -24 * 60 && *r->offset_minutes < 24 * 60);
        }
        const CivilDate civil = civil_from_days(r->date);
        check(days_from_civil(civil.year, civil.month, civil.day) == r->date);
        check(format_date(r->date).size() == 10);
    }
    return 0;
}

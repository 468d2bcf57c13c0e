// libFuzzer target: normalize::parse_duration_ms and duration_unit_from_header on arbitrary
// text in every unit. Besides crashes and sanitizer reports (signed overflow included) it checks
// that a parsed duration is never negative.

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
    (void)duration_unit_from_header(text);
    for (const DurationUnit unit : {DurationUnit::seconds, DurationUnit::minutes, DurationUnit::milliseconds}) {
        const Result<std::int64_t> r = parse_duration_ms(text, unit);
        if (!r) {
            check(!r.error().empty());
            continue;
        }
        check(*r >= 0);
    }
    return 0;
}

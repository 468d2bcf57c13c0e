// libFuzzer target: normalize::parse_amount on arbitrary text with each decimal mode. Besides
// crashes and sanitizer reports it checks that a parsed amount survives a round trip through
// its plain form (`-123.4567`), so no value is read other than it would be written.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clientscore/model.hpp"
#include "clientscore/normalize.hpp"

namespace {

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

std::string plain(clientscore::Money value) {
    const bool negative = value < 0;
    // Money never holds INT64_MIN: parse_amount negates a magnitude of at most INT64_MAX.
    const auto magnitude = static_cast<std::uint64_t>(negative ? -value : value);
    std::string fraction = std::to_string(magnitude % static_cast<std::uint64_t>(clientscore::k_money_scale));
    fraction.insert(0, 4 - fraction.size(), '0');
    return (negative ? "-" : "") + std::to_string(magnitude / static_cast<std::uint64_t>(clientscore::k_money_scale)) +
           "." + fraction;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clientscore;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const DecimalMode mode : {DecimalMode::automatic, DecimalMode::dot, DecimalMode::comma}) {
        const Result<ParsedAmount> r = parse_amount(text, mode);
        if (!r) {
            check(!r.error().empty());
            continue;
        }
        check(r->decimal_used == '\0' || r->decimal_used == '.' || r->decimal_used == ',');
        const Result<ParsedAmount> again = parse_amount(plain(r->value), DecimalMode::dot);
        check(again.ok() && again->value == r->value);
    }
    return 0;
}

#include <array>
#include <utility>

#include "clientscore/options.hpp"

namespace clientscore {

namespace {

// Names in Verdict order, worst last, as JSON/CSV print them and --fail-on reads them.
constexpr std::array<std::string_view, 5> k_verdict_names = {"keep", "watch", "reprice", "chase", "fire"};

}  // namespace

std::string_view verdict_name(Verdict v) { return k_verdict_names.at(static_cast<std::size_t>(v)); }

std::optional<Verdict> parse_verdict(std::string_view text) {
    for (std::size_t i = 0; i < k_verdict_names.size(); ++i) {
        const std::string_view name = k_verdict_names[i];
        bool same = name.size() == text.size();
        // Case-insensitive by hand: a config file or a script may write FIRE.
        for (std::size_t j = 0; same && j < name.size(); ++j) {
            const char c = text[j];
            same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == name[j];
        }
        if (same) {
            return static_cast<Verdict>(i);
        }
    }
    return std::nullopt;
}

}  // namespace clientscore

#include "clientscore/metrics.hpp"

namespace clientscore {

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

// Enumerated values of SPEC §2: trimmed, matched case-insensitively, never allocating on
// success (directions and tags are read on every contact row).

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"
#include "normalize/ascii.hpp"

namespace clientscore {
namespace {

using detail::iequals;

template <std::size_t N>
bool is_one_of(std::string_view s, const std::array<std::string_view, N>& lower_words) {
    for (const std::string_view w : lower_words) {
        if (iequals(s, w)) {
            return true;
        }
    }
    return false;
}

constexpr std::array<std::string_view, 4> k_inbound_words = {"in", "inbound", "incoming", "received"};
constexpr std::array<std::string_view, 5> k_outbound_words = {"out", "outbound", "outgoing", "sent",
                                                              "placed"};

struct TagWord {
    std::string_view word;
    HostileTag tag;
};
constexpr std::array<TagWord, 8> k_tag_words = {{
    {"threat", HostileTag::threat},
    {"abusive", HostileTag::abusive},
    {"rude", HostileTag::abusive},
    {"escalation", HostileTag::escalation},
    {"blame", HostileTag::blame},
    {"dispute", HostileTag::dispute},
    {"rework", HostileTag::rework},
    {"redo", HostileTag::rework},
}};

TagSet tag_of(std::string_view word) {
    for (const TagWord& t : k_tag_words) {
        if (iequals(word, t.word)) {
            return tag_bit(t.tag);
        }
    }
    return 0;
}

}  // namespace

Result<Direction> parse_direction(std::string_view text) {
    const std::string_view s = trim(text);
    // The words as most exports write them, before the case-blind search.
    if (s == "outbound") {
        return Direction::outbound;
    }
    if (s.empty() || s == "inbound" || is_one_of(s, k_inbound_words)) {
        return Direction::inbound;
    }
    if (is_one_of(s, k_outbound_words)) {
        return Direction::outbound;
    }
    return Result<Direction>::failure("is not a direction (in, out, inbound, outbound, ...)");
}

TagSet parse_tags(std::string_view text) {
    if (text.empty()) {
        return 0;  // most contacts carry no tag, or the export has no tags column
    }
    TagSet tags = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ';' || text[i] == '|' || text[i] == ',') {
            tags |= tag_of(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    return tags;
}

Result<bool> parse_disputed(std::string_view text) {
    constexpr std::array<std::string_view, 5> k_yes = {"yes", "y", "true", "1", "disputed"};
    constexpr std::array<std::string_view, 4> k_no = {"no", "n", "false", "0"};
    const std::string_view s = trim(text);
    if (s.empty() || is_one_of(s, k_no)) {
        return false;
    }
    if (is_one_of(s, k_yes)) {
        return true;
    }
    return Result<bool>::failure("is not a disputed mark (yes, no, true, false, 1, 0, disputed)");
}

bool is_ignored_invoice_status(std::string_view text) {
    constexpr std::array<std::string_view, 6> k_ignored = {"void",    "voided",    "draft",
                                                           "deleted", "cancelled", "canceled"};
    return is_one_of(trim(text), k_ignored);
}

Result<DiscountStatus> parse_discount_status(std::string_view text) {
    constexpr std::array<std::string_view, 3> k_granted = {"granted", "approved", "applied"};
    constexpr std::array<std::string_view, 2> k_requested = {"requested", "pending"};
    constexpr std::array<std::string_view, 2> k_denied = {"denied", "rejected"};
    const std::string_view s = trim(text);
    if (s.empty() || is_one_of(s, k_granted)) {
        return DiscountStatus::granted;
    }
    if (is_one_of(s, k_requested)) {
        return DiscountStatus::requested;
    }
    if (is_one_of(s, k_denied)) {
        return DiscountStatus::denied;
    }
    return Result<DiscountStatus>::failure(
        "is not a discount status (granted, approved, applied, requested, pending, denied, rejected)");
}

std::optional<Channel> parse_channel(std::string_view text) {
    constexpr std::array<std::string_view, 2> k_call = {"phone", "call"};
    constexpr std::array<std::string_view, 2> k_email = {"email", "mail"};
    const std::string_view s = trim(text);
    if (is_one_of(s, k_call)) {
        return Channel::call;
    }
    if (is_one_of(s, k_email)) {
        return Channel::email;
    }
    return std::nullopt;
}

Result<std::string> parse_currency(std::string_view text) {
    const std::string_view s = trim(text);
    if (s.size() != 3 || !detail::is_alpha(s[0]) || !detail::is_alpha(s[1]) || !detail::is_alpha(s[2])) {
        return Result<std::string>::failure("is not a currency code (three letters such as EUR or USD)");
    }
    std::string code(s);
    for (char& c : code) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return code;
}

}  // namespace clientscore

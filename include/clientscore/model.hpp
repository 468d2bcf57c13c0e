#pragma once
// Plain value types that flow between the stages.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clientscore {

/// Money in integer ten-thousandths of a currency unit, as read. Four decimals hold every
/// export we have seen (Superstore's amounts have four) and keep sums exact; it becomes
/// floating point only where SPEC §3 multiplies it by a rate or divides it.
using Money = std::int64_t;
inline constexpr Money k_money_scale = 10000;

/// A civil date as days since 1970-01-01 (negative before).
using Days = std::int32_t;

/// A local wall-clock time: the date, and the seconds since midnight, or -1 when the export
/// gave a date without a time of day.
struct LocalDateTime {
    Days date = 0;
    std::int32_t seconds = -1;
    bool has_time() const { return seconds >= 0; }
    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

enum class Direction : std::uint8_t { inbound, outbound };

/// The six hostile tags of SPEC §2, in the order the output lists them.
enum class HostileTag : std::uint8_t { threat, abusive, escalation, blame, dispute, rework };
inline constexpr std::size_t k_hostile_tag_count = 6;
inline constexpr std::array<std::string_view, k_hostile_tag_count> k_hostile_tag_names = {
    "threat", "abusive", "escalation", "blame", "dispute", "rework"};

/// A set of hostile tags, one bit per HostileTag.
using TagSet = std::uint8_t;
inline constexpr TagSet tag_bit(HostileTag t) { return static_cast<TagSet>(1u << static_cast<unsigned>(t)); }

/// The kinds of export file of SPEC §1.
enum class Kind : std::uint8_t { calls, emails, invoices, discounts, clients, contacts, time };
inline constexpr std::size_t k_kind_count = 7;
inline constexpr std::array<std::string_view, k_kind_count> k_kind_names = {
    "calls", "emails", "invoices", "discounts", "clients", "contacts", "time"};

/// The kinds of event of a client's evidence log (SPEC §5 evidence), in the order events of
/// the same moment are listed.
enum class EventKind : std::uint8_t { call, email, time, invoice, discount };

enum class DiscountStatus : std::uint8_t { granted, requested, denied };

/// How slash dates are read (SPEC §1 --date-order).
enum class DateOrder : std::uint8_t { automatic, dmy, mdy };

/// The decimal separator of amounts (SPEC §1 --decimal). `automatic` is resolved per file.
enum class DecimalMode : std::uint8_t { automatic, dot, comma };

}  // namespace clientscore

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/normalize.hpp"

using namespace clientscore;

TEST_CASE("normalize::parse_direction", "[normalize]") {
    SECTION("inbound") {
        for (const std::string_view s : {"", " ", "in", "IN", "In", "inbound", "Inbound", "INCOMING",
                                         "incoming", "received", " Received\t"}) {
            INFO("[" << s << "]");
            const Result<Direction> r = parse_direction(s);
            REQUIRE(r.ok());
            CHECK(*r == Direction::inbound);
        }
    }
    SECTION("outbound") {
        for (const std::string_view s :
             {"out", "OUT", "outbound", "OutBound", "outgoing", "sent", "SENT", "placed", " placed "}) {
            INFO("[" << s << "]");
            const Result<Direction> r = parse_direction(s);
            REQUIRE(r.ok());
            CHECK(*r == Direction::outbound);
        }
    }
    SECTION("anything else fails") {
        for (const std::string_view s : {"i", "o", "inb", "outbound call", "in bound", "INCOMING_EMAIL",
                                         "missed", "inboundx", "xin", "0", "1", "-", "in;out"}) {
            INFO("[" << s << "]");
            const Result<Direction> r = parse_direction(s);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error() == "is not a direction (in, out, inbound, outbound, ...)");
        }
    }
}

TEST_CASE("normalize::parse_tags", "[normalize]") {
    const auto bit = [](HostileTag t) { return tag_bit(t); };
    struct Row {
        std::string_view text;
        TagSet tags;
    };
    const Row rows[] = {
        {"", 0},
        {"billing", 0},
        {"threat", bit(HostileTag::threat)},
        {"THREAT", bit(HostileTag::threat)},
        {"rude", bit(HostileTag::abusive)},
        {"abusive;rude", bit(HostileTag::abusive)},
        {"redo", bit(HostileTag::rework)},
        {"Rework | REDO", bit(HostileTag::rework)},
        {"threat;blame", static_cast<TagSet>(bit(HostileTag::threat) | bit(HostileTag::blame))},
        {"escalation|dispute", static_cast<TagSet>(bit(HostileTag::escalation) | bit(HostileTag::dispute))},
        {" blame , billing ,threat ", static_cast<TagSet>(bit(HostileTag::blame) | bit(HostileTag::threat))},
        {"threat;abusive|escalation,blame;dispute;rework", 0x3F},
        {";;,|", 0},
        {"threatening", 0},
        {"no threat", 0},
        {"dispute-resolved", 0},
        {"\tdispute\t", bit(HostileTag::dispute)},
    };
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        CHECK(parse_tags(r.text) == r.tags);
    }
}

TEST_CASE("normalize::parse_disputed", "[normalize]") {
    for (const std::string_view s :
         {"yes", "YES", "y", "Y", "true", "True", "1", "disputed", "DISPUTED", " yes "}) {
        INFO("[" << s << "]");
        const Result<bool> r = parse_disputed(s);
        REQUIRE(r.ok());
        CHECK(*r);
    }
    for (const std::string_view s : {"", "no", "NO", "n", "N", "false", "FALSE", "0", " 0 "}) {
        INFO("[" << s << "]");
        const Result<bool> r = parse_disputed(s);
        REQUIRE(r.ok());
        CHECK_FALSE(*r);
    }
    for (const std::string_view s : {"maybe", "2", "yes!", "t", "f", "undisputed", "-1", "on", "off"}) {
        INFO("[" << s << "]");
        const Result<bool> r = parse_disputed(s);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().rfind("is not a disputed mark", 0) == 0);
    }
}

TEST_CASE("normalize::is_ignored_invoice_status", "[normalize]") {
    for (const std::string_view s :
         {"void", "VOID", "voided", "draft", "Draft", "deleted", "cancelled", "canceled", " Cancelled "}) {
        INFO("[" << s << "]");
        CHECK(is_ignored_invoice_status(s));
    }
    for (const std::string_view s :
         {"", "paid", "open", "sent", "overdue", "partially paid", "voids", "draft 2", "cancel"}) {
        INFO("[" << s << "]");
        CHECK_FALSE(is_ignored_invoice_status(s));
    }
}

TEST_CASE("normalize::parse_discount_status", "[normalize]") {
    struct Row {
        std::string_view text;
        DiscountStatus status;
    };
    const Row rows[] = {
        {"", DiscountStatus::granted},
        {"granted", DiscountStatus::granted},
        {"Approved", DiscountStatus::granted},
        {"APPLIED", DiscountStatus::granted},
        {"requested", DiscountStatus::requested},
        {"Pending", DiscountStatus::requested},
        {"denied", DiscountStatus::denied},
        {" REJECTED ", DiscountStatus::denied},
    };
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        const Result<DiscountStatus> d = parse_discount_status(r.text);
        REQUIRE(d.ok());
        CHECK(d.value() == r.status);
    }
    for (const std::string_view s : {"grant", "yes", "open", "declined", "approved!", "re-quested"}) {
        INFO("[" << s << "]");
        const Result<DiscountStatus> d = parse_discount_status(s);
        REQUIRE_FALSE(d.ok());
        CHECK(d.error().rfind("is not a discount status", 0) == 0);
    }
}

TEST_CASE("normalize::parse_channel", "[normalize]") {
    CHECK(parse_channel("phone") == Channel::call);
    CHECK(parse_channel("CALL") == Channel::call);
    CHECK(parse_channel(" Phone ") == Channel::call);
    CHECK(parse_channel("email") == Channel::email);
    CHECK(parse_channel("Mail") == Channel::email);
    for (const std::string_view s :
         {"", "sms", "chat", "meeting", "e-mail", "phones", "calls", "video call"}) {
        INFO("[" << s << "]");
        CHECK_FALSE(parse_channel(s).has_value());
    }
}

TEST_CASE("normalize::parse_currency", "[normalize]") {
    struct Row {
        std::string_view text;
        std::string_view code;
    };
    const Row rows[] = {{"EUR", "EUR"}, {"usd", "USD"}, {" Gbp ", "GBP"}, {"chf\t", "CHF"}};
    for (const Row& r : rows) {
        INFO("[" << r.text << "]");
        const Result<std::string> c = parse_currency(r.text);
        REQUIRE(c.ok());
        CHECK(*c == r.code);
    }
    for (const std::string_view s : {"", "EU", "EURO", "€", "$", "E1R", "US$", "E R", "ÄUR"}) {
        INFO("[" << s << "]");
        const Result<std::string> c = parse_currency(s);
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().rfind("is not a currency code", 0) == 0);
    }
}

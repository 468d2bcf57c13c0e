// parse_baseline and read_baseline (src/ingest/baseline_file.cpp): SPEC §4 ◆11's --baseline,
// an earlier `rank --format json`; anything else is an input error naming the file and what
// it expected, and hostile files (deep, huge) end as errors, not as a crash.

#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <streambuf>
#include <string_view>
#include <string>

#include "cli_runner.hpp"
#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;

namespace {

Baseline parsed(const std::string& text, const BaselineLimits& limits = {}) {
    std::istringstream in(text);
    return parse_baseline(in, "base.json", limits);
}

// The error's first line as the user sees it.
std::string error_of(const std::string& text, const BaselineLimits& limits = {}) {
    try {
        parsed(text, limits);
    } catch (const InputError& e) {
        CHECK(e.hint().find("clientscore rank --format json") != std::string::npos);
        return e.located_message();
    }
    FAIL("no InputError for: " << text.substr(0, 80));
    return {};
}

const std::string k_report = R"({
  "schema_version": 1,
  "period": {"from": "2026-08-01", "to": "2026-08-31", "as_of": "2026-08-31", "days": 31},
  "settings": {"aging": [30, 60, 90], "thresholds": {"payment": {"ok": 7, "bad": 45}}},
  "portfolio": {"clients": 3, "if_fired": {"fired": 1}},
  "clients": [
    {"rank": 1, "client": "C2", "name": null, "toxicity": 71.7, "verdict": "fire",
     "reasons": ["pays late"], "components": {"payment": 1}, "tags": {}, "aging": {"1_30": 0}},
    {"rank": 2, "client": "C1", "toxicity": 30, "verdict": "WATCH"},
    {"rank": 3, "client": "C3 \"quoted\"", "toxicity": 0, "verdict": "keep"}
  ],
  "skipped_rows": {"calls.csv": 0},
  "warnings": []
})";

}  // namespace

TEST_CASE("ingest::parse_baseline keeps each client's id, verdict and toxicity", "[ingest][baseline]") {
    const Baseline b = parsed(k_report);
    REQUIRE(b.clients.size() == 3);
    // in byte order of the ids, whatever order the report ranked them in
    CHECK(b.clients[0].client == "C1");
    CHECK(b.clients[0].verdict == Verdict::watch);  // verdicts in any case
    CHECK(b.clients[0].toxicity == 30.0);          // an integer is a number too
    CHECK(b.clients[1].client == "C2");
    CHECK(b.clients[1].toxicity == 71.7);
    CHECK(b.clients[2].client == "C3 \"quoted\"");
    REQUIRE(b.find("C2") != nullptr);
    CHECK(b.find("C2")->verdict == Verdict::fire);
    CHECK(b.find("C9") == nullptr);
    CHECK_FALSE(b.period.undated);
    CHECK(format_date(b.period.from) == "2026-08-01");
    CHECK(format_date(b.period.to) == "2026-08-31");
    CHECK(b.portfolio_clients == 3);
}

TEST_CASE("ingest::parse_baseline of a report with no period or no clients", "[ingest][baseline]") {
    const Baseline empty = parsed(R"({"schema_version": 1, "period": {"from": null, "to": null}, "clients": []})");
    CHECK(empty.clients.empty());
    CHECK(empty.period.undated);
    CHECK_FALSE(empty.portfolio_clients);
}

TEST_CASE("ingest::parse_baseline refuses what is no rank report", "[ingest][baseline]") {
    SECTION("not JSON") {
        CHECK_THAT(error_of("client,verdict\nC1,fire\n"), Contains("base.json: is not JSON: line 1, column 1"));
        CHECK_THAT(error_of(""), Contains("base.json: is not JSON"));
        CHECK_THAT(error_of(R"({"schema_version": 1, "clients": [)"), Contains("base.json: is not JSON"));
        CHECK_THAT(error_of(R"({"schema_version": 1, "clients": []} trailing)"), Contains("is not JSON"));
    }
    SECTION("a JSON array or a bare value") {
        CHECK(error_of(R"([{"client": "C1", "verdict": "fire", "toxicity": 80}])") ==
              "base.json: is a JSON array, not a rank report");
        CHECK(error_of("42") == "base.json: is a number in JSON, not a rank report");
    }
    SECTION("another schema_version, or none") {
        CHECK(error_of(R"({"schema_version": 2, "clients": []})") ==
              "base.json: has schema_version 2; this clientscore reads schema_version 1");
        CHECK(error_of(R"({"schema_version": "1", "clients": []})") ==
              "base.json: \"schema_version\" is a string, not the number 1");
        CHECK(error_of(R"({"clients": []})") ==
              "base.json: has no \"schema_version\": it is not the JSON of a rank report");
        // explain's JSON is one client object: no schema_version
        CHECK_THAT(error_of(R"({"rank": 1, "client": "C1", "verdict": "fire", "months": []})"),
                   Contains("has no \"schema_version\""));
    }
    SECTION("no clients array, or clients that are not client objects") {
        CHECK(error_of(R"({"schema_version": 1})") ==
              "base.json: has no \"clients\" array: it is not the JSON of a rank report");
        CHECK(error_of(R"({"schema_version": 1, "clients": {}})") == "base.json: \"clients\" is an object, not an array");
        CHECK(error_of(R"({"schema_version": 1, "clients": "C1"})") == "base.json: \"clients\" is a string, not an array");
        CHECK(error_of(R"({"schema_version": 1, "clients": ["C1"]})") ==
              "base.json: clients[0] is a string, not a client object");
        CHECK(error_of(R"({"schema_version": 1, "clients": [[1]]})") ==
              "base.json: clients[0] is an array, not a client object");
    }
    SECTION("a client without client, verdict or toxicity, or with the wrong type") {
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"client": "C1", "verdict": "fire", "toxicity": 1},
                                                             {"client": "C2", "verdict": "fire"}]})") ==
              "base.json: clients[1] has no \"toxicity\"");
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"verdict": "fire", "toxicity": 1}]})") ==
              "base.json: clients[0] has no \"client\"");
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"client": 7, "verdict": "fire", "toxicity": 1}]})") ==
              "base.json: clients[0]: \"client\" is a number, not a string");
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"client": "C1", "verdict": "sack", "toxicity": 1}]})") ==
              "base.json: clients[0]: verdict \"sack\" is not keep, watch, reprice, chase or fire");
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"client": "C1", "verdict": "fire", "toxicity": null}]})") ==
              "base.json: clients[0]: \"toxicity\" is null, not a number");
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"client": "C1", "verdict": "fire", "toxicity": [1]}]})") ==
              "base.json: clients[0]: \"toxicity\" is an array");
    }
    SECTION("a client listed twice") {
        CHECK(error_of(R"({"schema_version": 1, "clients": [{"client": "C1", "verdict": "fire", "toxicity": 1},
                                                             {"client": "C1", "verdict": "keep", "toxicity": 0}]})") ==
              "base.json: lists client \"C1\" twice; a rank report lists each client once");
    }
}

TEST_CASE("ingest::parse_baseline ends hostile files as input errors", "[ingest][baseline]") {
    SECTION("nested 100,000 deep: an error at the depth limit, not a stack overflow") {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        CHECK(error_of(deep) == "base.json: is a JSON array, not a rank report");
        const std::string deep_inside = R"({"schema_version": 1, "clients": [], "x": )" + std::string(100000, '[') +
                                        std::string(100000, ']') + "}";
        CHECK(error_of(deep_inside) ==
              "base.json: nests objects and arrays deeper than 64 levels; a rank report nests 4 deep");
        std::string objects = R"({"schema_version": 1, "clients": [], "x": )";
        for (int i = 0; i < 100000; ++i) {
            objects += "{\"a\":";
        }
        CHECK_THAT(error_of(objects), Contains("deeper than 64 levels"));
    }
    SECTION("a string past the limit stops the reading there") {
        BaselineLimits small;
        small.max_string_bytes = 1000;
        const std::string report =
            R"({"schema_version": 1, "clients": [{"client": ")" + std::string(5000, 'x') + R"(", "verdict": "fire"}]})";
        CHECK(error_of(report, small) == "base.json: holds a string or number longer than 1000 bytes; no rank report does");
        // escaped quotes do not end the string early
        std::string escaped = R"({"schema_version": 1, "note": ")";
        for (int i = 0; i < 800; ++i) {
            escaped += "\\\"";
        }
        escaped += R"(", "clients": []})";
        CHECK_THAT(error_of(escaped, small), Contains("holds a string or number longer than"));
        // a number as long is stopped alike: the lexer would gather it whole too
        const std::string number = R"({"schema_version": 1, "clients": [], "x": )" + std::string(5000, '1') + "}";
        CHECK(error_of(number, small) == "base.json: holds a string or number longer than 1000 bytes; no rank report does");
        // a string at the limit is read
        const std::string at_limit = R"({"schema_version": 1, "note": ")" + std::string(1000, 'y') +
                                     R"(", "clients": []})";
        CHECK(parsed(at_limit, small).clients.empty());
    }
}

TEST_CASE("ingest::read_baseline names a file it cannot read", "[ingest][baseline]") {
    clientscore::testing::TempDir dir;
    try {
        read_baseline((dir / "missing.json").string());
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK_THAT(e.located_message(), Contains("missing.json: cannot be opened"));
    }
    try {
        read_baseline(dir.path().string());
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK_THAT(e.located_message(), Contains("is a folder, not a JSON file"));
    }
    clientscore::testing::write_file(dir / "base.json", k_report);
    CHECK(read_baseline((dir / "base.json").string()).clients.size() == 3);
}

namespace {

/// A stream of `{"schema_version": 1, "x": "` and then `x` without end, up to `total` bytes,
/// made as it is read: a 1 GB baseline without a 1 GB file. Counts what was taken from it.
class EndlessString : public std::streambuf {
public:
    explicit EndlessString(std::uint64_t total) : m_total(total) {}
    std::uint64_t taken() const { return m_taken; }

protected:
    int_type underflow() override {
        if (m_taken >= m_total) {
            return traits_type::eof();
        }
        const std::string_view head = R"({"schema_version": 1, "x": ")";
        std::size_t n = 0;
        for (; n < sizeof m_chunk && m_taken + n < m_total; ++n) {
            const std::uint64_t at = m_taken + n;
            m_chunk[n] = at < head.size() ? head[at] : 'x';
        }
        m_taken += n;
        setg(m_chunk, m_chunk, m_chunk + n);
        return traits_type::to_int_type(m_chunk[0]);
    }

private:
    std::uint64_t m_total;
    std::uint64_t m_taken = 0;
    char m_chunk[1 << 16];
};

}  // namespace

TEST_CASE("ingest::parse_baseline stops a 1 GB string at the limit, having read little more", "[ingest][baseline]") {
    EndlessString endless(std::uint64_t{1} << 30);
    std::istream in(&endless);
    try {
        parse_baseline(in, "huge.json");
        FAIL("a 1 GB string was read");
    } catch (const InputError& e) {
        CHECK(e.located_message() == "huge.json: holds a string or number longer than 16 MiB; no rank report does");
    }
    // The guard stops the reading, so time and memory follow the limit, not the file.
    CHECK(endless.taken() < (std::uint64_t{17} << 20));
}

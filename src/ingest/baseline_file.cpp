// --baseline (SPEC §4 ◆11): an earlier `rank --format json`, read as a stream of SAX events.
// nlohmann's SAX parser keeps its own nesting on the heap, and this handler keeps only what a
// change needs, so neither a file nested 100,000 deep nor one of a gigabyte can take the stack
// or memory: depth and the longest string are capped, and the clients' id, verdict and
// toxicity are all that is held.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <istream>
#include <streambuf>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore {

namespace {

using Json = nlohmann::json;

constexpr std::string_view k_expected =
    "--baseline takes the JSON that `clientscore rank --format json` wrote: an object with "
    "\"schema_version\": 1 and a \"clients\" array";

/// Passes the bytes of `source` through, and ends the stream early (as if at its end) when a
/// JSON string, number or literal grows past the limit: the parser would otherwise gather all
/// of it in memory before any handler sees it. Tracks only whether it stands inside a string,
/// and after `\`.
class StringGuard : public std::streambuf {
  public:
    StringGuard(std::istream& source, std::size_t max_string) : m_source(source), m_max(max_string) {}
    bool tripped() const { return m_tripped; }

  protected:
    int_type underflow() override {
        if (m_tripped) {
            return traits_type::eof();
        }
        m_source.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        std::size_t got = static_cast<std::size_t>(m_source.gcount());
        for (std::size_t i = 0; i < got; ++i) {
            const char c = m_buffer[i];
            if (!m_in_string) {
                // Outside strings only a number or a literal (`true`) is a token the lexer
                // gathers; structure and white space end it.
                const bool ends_token = c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ',' ||
                                        c == ':' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
                m_in_string = c == '"';
                if (ends_token) {
                    m_length = 0;
                } else if (++m_length > m_max) {
                    m_tripped = true;
                    got = i;
                    break;
                }
                continue;
            }
            if (m_escaped) {
                m_escaped = false;
            } else if (c == '\\') {
                m_escaped = true;
            } else if (c == '"') {
                m_in_string = false;
                continue;
            }
            if (++m_length > m_max) {
                m_tripped = true;
                got = i;  // the parser sees the stream end inside the string
                break;
            }
        }
        if (got == 0) {
            return traits_type::eof();
        }
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + got);
        return traits_type::to_int_type(m_buffer[0]);
    }

  private:
    std::istream& m_source;
    std::size_t m_max;
    std::array<char, 64 * 1024> m_buffer{};
    bool m_in_string = false;
    bool m_escaped = false;
    std::size_t m_length = 0;
    bool m_tripped = false;
};

/// What an object or array of the document is to a baseline.
enum class Role : std::uint8_t { top, period, portfolio, clients, client, other };

struct Frame {
    Role role = Role::other;
    bool array = false;
    std::string key;  ///< the last key read, for objects
};

/// Keeps what a baseline needs from the SAX events and stops at the first thing that makes
/// the file no rank report (`error`).
class BaselineHandler : public nlohmann::json_sax<Json> {
  public:
    explicit BaselineHandler(std::size_t max_depth) : m_max_depth(max_depth) {}

    Baseline baseline;
    std::optional<std::int64_t> schema_version;
    bool has_clients = false;
    std::string error;
    std::optional<std::string> period_from;
    std::optional<std::string> period_to;
    std::optional<std::string> period_as_of;

    bool null() override { return scalar("null", Value{}); }
    bool boolean(bool) override { return scalar("a boolean", Value{}); }
    bool number_integer(number_integer_t v) override { return scalar("a number", Value{true, static_cast<double>(v), v}); }
    bool number_unsigned(number_unsigned_t v) override {
        const bool fits = v <= static_cast<number_unsigned_t>(INT64_MAX);
        return scalar("a number", Value{true, static_cast<double>(v),
                                        fits ? std::optional<std::int64_t>(static_cast<std::int64_t>(v)) : std::nullopt});
    }
    bool number_float(number_float_t v, const string_t&) override {
        return scalar("a number", Value{true, v, std::nullopt});
    }
    bool string(string_t& v) override {
        Value value;
        value.text = &v;
        return scalar("a string", value);
    }
    bool binary(binary_t&) override { return scalar("binary", Value{}); }

    bool key(string_t& k) override {
        m_frames.back().key = k;
        return true;
    }

    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        // "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error ..."
        std::string what = e.what();
        const std::string_view prefix = "parse error at ";
        if (const std::size_t at = what.find(prefix); at != std::string::npos) {
            what = what.substr(at + prefix.size());
        }
        error = "is not JSON: " + what;
        return false;
    }

  private:
    struct Value {
        bool number = false;
        double as_double = 0;
        std::optional<std::int64_t> as_integer;
        const std::string* text = nullptr;
    };

    bool fail(std::string message) {
        error = std::move(message);
        return false;
    }

    std::string client_place() const { return fmt::format("clients[{}]", m_client_count); }

    Role child_role(bool array) const {
        if (m_frames.empty()) {
            return Role::top;
        }
        const Frame& parent = m_frames.back();
        if (parent.role == Role::top && !parent.array) {
            if (parent.key == "period" && !array) {
                return Role::period;
            }
            if (parent.key == "portfolio" && !array) {
                return Role::portfolio;
            }
            if (parent.key == "clients" && array) {
                return Role::clients;
            }
        }
        if (parent.role == Role::clients && !array) {
            return Role::client;
        }
        return Role::other;
    }

    bool open(bool array) {
        if (m_frames.size() >= m_max_depth) {
            return fail(fmt::format("nests objects and arrays deeper than {} levels; a rank report nests 4 deep",
                                    m_max_depth));
        }
        if (m_frames.empty() && array) {
            return fail("is a JSON array, not a rank report");
        }
        if (!m_frames.empty()) {
            const Frame& parent = m_frames.back();
            if (parent.role == Role::top && parent.key == "clients" && !array) {
                return fail("\"clients\" is an object, not an array");
            }
            if (parent.role == Role::clients && array) {
                return fail(fmt::format("{} is an array, not a client object", client_place()));
            }
            if (parent.role == Role::client && is_client_key(parent.key)) {
                return fail(fmt::format("{}: \"{}\" is {}", client_place(), parent.key, array ? "an array" : "an object"));
            }
            if (parent.role == Role::top && parent.key == "schema_version") {
                return fail("\"schema_version\" is not a number");
            }
        }
        const Role role = child_role(array);
        if (role == Role::clients) {
            has_clients = true;
        }
        if (role == Role::client) {
            m_client = BaselineClient{};
            m_seen = {};
        }
        m_frames.push_back(Frame{role, array, {}});
        return true;
    }

    bool close() {
        const Frame frame = m_frames.back();
        m_frames.pop_back();
        if (frame.role == Role::client) {
            static constexpr std::array<std::string_view, 3> k_keys = {"client", "verdict", "toxicity"};
            for (std::size_t i = 0; i < k_keys.size(); ++i) {
                if (!m_seen[i]) {
                    return fail(fmt::format("{} has no \"{}\"", client_place(), k_keys[i]));
                }
            }
            baseline.clients.push_back(std::move(m_client));
            ++m_client_count;
        }
        return true;
    }

    static bool is_client_key(std::string_view key) { return key == "client" || key == "verdict" || key == "toxicity"; }

    bool scalar(std::string_view type, const Value& value) {
        if (m_frames.empty()) {
            return fail(fmt::format("is {} in JSON, not a rank report", type));
        }
        const Frame& frame = m_frames.back();
        switch (frame.role) {
            case Role::top:
                if (frame.key == "schema_version") {
                    if (!value.as_integer) {
                        return fail(fmt::format("\"schema_version\" is {}, not the number 1", type));
                    }
                    schema_version = *value.as_integer;
                    if (*schema_version != 1) {
                        return fail(fmt::format("has schema_version {}; this clientscore reads schema_version 1",
                                                *schema_version));
                    }
                } else if (frame.key == "clients") {
                    return fail(fmt::format("\"clients\" is {}, not an array", type));
                }
                return true;
            case Role::period:
                if (frame.key == "from" || frame.key == "to" || frame.key == "as_of") {
                    std::optional<std::string>& slot = frame.key == "from" ? period_from
                                                       : frame.key == "to" ? period_to
                                                                           : period_as_of;
                    if (value.text != nullptr) {
                        slot = *value.text;
                    }
                }
                return true;
            case Role::portfolio:
                if (frame.key == "clients" && value.as_integer) {
                    baseline.portfolio_clients = *value.as_integer;
                }
                return true;
            case Role::clients:
                return fail(fmt::format("{} is {}, not a client object", client_place(), type));
            case Role::client:
                return client_value(frame.key, type, value);
            case Role::other:
                return true;
        }
        return true;
    }

    bool client_value(const std::string& key, std::string_view type, const Value& value) {
        if (key == "client") {
            if (value.text == nullptr) {
                return fail(fmt::format("{}: \"client\" is {}, not a string", client_place(), type));
            }
            m_client.client = *value.text;
            m_seen[0] = true;
        } else if (key == "verdict") {
            if (value.text == nullptr) {
                return fail(fmt::format("{}: \"verdict\" is {}, not a string", client_place(), type));
            }
            const std::optional<Verdict> verdict = parse_verdict(*value.text);
            if (!verdict) {
                return fail(fmt::format("{}: verdict \"{}\" is not keep, watch, reprice, chase or fire",
                                        client_place(), *value.text));
            }
            m_client.verdict = *verdict;
            m_seen[1] = true;
        } else if (key == "toxicity") {
            if (!value.number) {
                return fail(fmt::format("{}: \"toxicity\" is {}, not a number", client_place(), type));
            }
            m_client.toxicity = value.as_double;
            m_seen[2] = true;
        }
        return true;
    }

    std::size_t m_max_depth;
    std::vector<Frame> m_frames;
    BaselineClient m_client;
    std::array<bool, 3> m_seen{};
    std::size_t m_client_count = 0;
};

std::optional<Days> period_day(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    const Result<Days> day = parse_iso_date(*text);
    return day ? std::optional<Days>(*day) : std::nullopt;
}

}  // namespace

const BaselineClient* Baseline::find(std::string_view client) const {
    const auto it = std::lower_bound(clients.begin(), clients.end(), client,
                                     [](const BaselineClient& c, std::string_view id) { return c.client < id; });
    return it != clients.end() && it->client == client ? &*it : nullptr;
}

Baseline parse_baseline(std::istream& in, const std::string& name, const BaselineLimits& limits) {
    StringGuard guard(in, limits.max_string_bytes);
    std::istream guarded(&guard);
    BaselineHandler handler(limits.max_depth);
    const bool parsed = Json::sax_parse(guarded, &handler);
    const Location where{name, 0, {}};
    const std::string hint(k_expected);
    if (guard.tripped()) {
        const std::size_t most = limits.max_string_bytes;
        const std::string size = most % (1u << 20) == 0 ? fmt::format("{} MiB", most >> 20) : fmt::format("{} bytes", most);
        throw InputError(where, fmt::format("holds a string or number longer than {}; no rank report does", size), hint);
    }
    if (!parsed || !handler.error.empty()) {
        throw InputError(where, handler.error.empty() ? std::string("is not JSON") : handler.error, hint);
    }
    if (!handler.schema_version) {
        throw InputError(where, "has no \"schema_version\": it is not the JSON of a rank report", hint);
    }
    if (!handler.has_clients) {
        throw InputError(where, "has no \"clients\" array: it is not the JSON of a rank report", hint);
    }
    Baseline baseline = std::move(handler.baseline);
    const std::optional<Days> from = period_day(handler.period_from);
    const std::optional<Days> to = period_day(handler.period_to);
    if (from && to) {
        baseline.period = Period{*from, *to, period_day(handler.period_as_of).value_or(*to), false};
    }
    std::stable_sort(baseline.clients.begin(), baseline.clients.end(),
                     [](const BaselineClient& a, const BaselineClient& b) { return a.client < b.client; });
    const auto twice = std::adjacent_find(baseline.clients.begin(), baseline.clients.end(),
                                          [](const BaselineClient& a, const BaselineClient& b) { return a.client == b.client; });
    if (twice != baseline.clients.end()) {
        throw InputError(where, fmt::format("lists client \"{}\" twice; a rank report lists each client once",
                                            twice->client),
                         hint);
    }
    return baseline;
}

Baseline read_baseline(const std::string& path, const BaselineLimits& limits) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        throw InputError(Location{path, 0, {}}, "is a folder, not a JSON file",
                         "--baseline names the JSON file of an earlier `clientscore rank --format json -o FILE`");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(Location{path, 0, {}}, "cannot be opened", "--baseline names the JSON file of an earlier "
                                                                   "`clientscore rank --format json -o FILE`");
    }
    return parse_baseline(in, path, limits);
}

}  // namespace clientscore

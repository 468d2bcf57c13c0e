// The JSON writer (src/render/json_writer.cpp): escaping, layout, numbers as format_number prints
// them, client objects from the column table, and the streamed top-level object.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clientscore/render.hpp"
#include "render/json_writer.hpp"
#include "render/number_format.hpp"
#include "test_render_fixtures.hpp"

using namespace clientscore;
using namespace clientscore::render;

namespace {

std::string quoted(const std::string& text) { return json_text(Json(text)); }

}  // namespace

TEST_CASE("render::json numbers match csv numbers", "[render]") {
    // One value, the same bytes in every format.
    for (double v : {0.1, 0.3, 100.0, -12.5, 0.4167, 1234.56, 1e-4, 2.68, 0.0, 12345678.9}) {
        CHECK(json_text(json_number(v)) == format_number(v));
        // and it reads back as the same double
        CHECK(nlohmann::json::parse(json_text(json_number(v))).get<double>() == v);
    }
    CHECK(json_text(json_rounded(-0.004, 2)) == "0");
    CHECK(json_text(json_rounded(std::optional<double>{}, 2)) == "null");
}

TEST_CASE("render::append_client_json writes what printing client_json writes", "[render]") {
    // rank streams clients through append_client_json; explain and the tests' expectations go
    // through client_json: both must print the same bytes, for every kind of cell.
    std::vector<ClientResult> clients = test::formula_clients();
    clients.push_back(test::acme());    // a name, reasons, a tag seen
    clients.push_back(test::bistro());  // no tag seen: "tags": {}
    ClientResult odd = test::acme();
    odd.name.reset();
    odd.score.reasons.clear();  // an empty list
    odd.score.action = "quote \" backslash \\ tab \t and caf\xc3\xa9";
    odd.metrics.margin_pct.reset();  // null
    odd.metrics.tags = {1, 2, 3, 4, 5, 6};
    odd.metrics.billed = 1e300;  // not an exact integer
    clients.push_back(odd);
    for (const ClientResult& client : clients) {
        for (int depth : {0, 2}) {
            std::string direct;
            render::append_client_json(direct, client_table(), client, depth);
            std::string printed;
            render::append_json(printed, render::client_json(client_table(), client), depth);
            CHECK(direct == printed);
        }
    }
}

TEST_CASE("render::json_text escapes quotes, backslashes and control characters", "[render]") {
    CHECK(quoted("plain") == "\"plain\"");
    CHECK(quoted("") == "\"\"");
    CHECK(quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quoted("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
    CHECK(quoted(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(quoted("\x01\x1b[31m\x1f") == "\"\\u0001\\u001b[31m\\u001f\"");
    CHECK(quoted("del\x7f") == "\"del\x7f\"");  // DEL is not a JSON control character
    CHECK(quoted("</script>") == "\"</script>\"");
    // and it reads back as the same string
    const std::string tricky = "q\" b\\ \n\t\x01 \xc3\xa9";
    CHECK(nlohmann::json::parse(quoted(tricky)).get<std::string>() == tricky);
}

TEST_CASE("render::json_text keeps UTF-8 as is and replaces invalid bytes with U+FFFD", "[render]") {
    CHECK(quoted("caf\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80") ==
          "\"caf\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80\"");
    CHECK(quoted("a\xff" "b") == "\"a\xef\xbf\xbd" "b\"");        // a byte that is never UTF-8
    CHECK(quoted("caf\xc3") == "\"caf\xef\xbf\xbd\"");            // a sequence cut at the end
    // the result is valid JSON whatever the export held
    CHECK_NOTHROW(nlohmann::json::parse(quoted("\xc3(\xa0\xfe")));
    // keys are escaped the same way
    Json object = Json::object();
    object["k\"\n\xff"] = 1;
    CHECK(json_text(object) == "{\n  \"k\\\"\\n\xef\xbf\xbd\": 1\n}");
}

TEST_CASE("render::append_json layout: two-space indent, empty containers inline", "[render]") {
    Json value = Json::object();
    value["a"] = 1;
    value["b"] = Json::array({true, false, nullptr, 1.5, -3});
    value["c"] = Json::object();
    value["d"] = Json::array();
    value["e"] = {{"x", "y"}};
    CHECK(json_text(value) ==
          "{\n"
          "  \"a\": 1,\n"
          "  \"b\": [\n"
          "    true,\n"
          "    false,\n"
          "    null,\n"
          "    1.5,\n"
          "    -3\n"
          "  ],\n"
          "  \"c\": {},\n"
          "  \"d\": [],\n"
          "  \"e\": {\n"
          "    \"x\": \"y\"\n"
          "  }\n"
          "}");
    CHECK(json_text(Json::object()) == "{}");
    CHECK(json_text(Json::array()) == "[]");
    CHECK(json_text(Json(nullptr)) == "null");
    SECTION("members keep insertion order, not key order") {
        Json ordered = Json::object();
        ordered["z"] = 1;
        ordered["a"] = 2;
        CHECK(json_text(ordered) == "{\n  \"z\": 1,\n  \"a\": 2\n}");
    }
    SECTION("the first line where the caller stands, the rest indented for the depth") {
        std::string out = "x: ";
        append_json(out, Json{{"k", Json::array({1})}}, 1);
        CHECK(out == "x: {\n    \"k\": [\n      1\n    ]\n  }");
    }
}

TEST_CASE("render::json_number and json_rounded", "[render]") {
    CHECK(json_number(3.0).is_number_integer());
    CHECK(json_text(json_number(3.0)) == "3");
    CHECK(json_text(json_number(-0.0)) == "0");
    CHECK(json_text(json_number(0.1)) == "0.1");
    CHECK(json_number(std::nan("")).is_null());
    CHECK(json_number(std::numeric_limits<double>::infinity()).is_null());
    CHECK(json_number(-std::numeric_limits<double>::infinity()).is_null());
    CHECK(json_text(json_rounded(2.675, 2)) == "2.68");  // half away, stored just below the half
    CHECK(json_text(json_rounded(-1.25, 1)) == "-1.3");
    CHECK(json_text(json_rounded(0.125, 2)) == "0.13");
    CHECK(json_text(json_rounded(0.41666666, 4)) == "0.4167");
    CHECK(json_text(json_rounded(99.999, 2)) == "100");
    CHECK(json_text(json_rounded(std::optional<double>(5.0 / 12), 4)) == "0.4167");
    CHECK(json_text(json_rounded(std::nan(""), 2)) == "null");
}

TEST_CASE("render::json_date, json_text_or_null, strings_json, cell_json", "[render]") {
    CHECK(json_text(json_date(test::k_2024_02_29)) == "\"2024-02-29\"");
    CHECK(json_date(std::nullopt).is_null());
    CHECK(json_text_or_null(std::nullopt).is_null());
    CHECK(json_text(json_text_or_null(std::string("x"))) == "\"x\"");
    CHECK(json_text(strings_json({})) == "[]");
    CHECK(json_text(strings_json({"a", "b"})) == "[\n  \"a\",\n  \"b\"\n]");
    CHECK(cell_json(Cell{}, 2).is_null());
    CHECK(json_text(cell_json(Cell{std::int64_t{-7}}, 0)) == "-7");
    CHECK(json_text(cell_json(Cell{1.005}, 2)) == "1.01");
    CHECK(json_text(cell_json(Cell{std::string("=x")}, 0)) == "\"=x\"");  // no formula guard in JSON
    CHECK(json_text(cell_json(Cell{std::vector<std::string>{"r"}}, 0)) == "[\n  \"r\"\n]");
}

TEST_CASE("render::client_json follows the column table, nesting groups", "[render]") {
    const Json object = client_json(client_table(), test::acme());
    SECTION("keys in the table's order, each group once where its first column stands") {
        std::vector<std::string> expected;
        for (const ClientColumn& column : client_table().columns()) {
            const std::string& key = column.group.empty() ? column.key : column.group;
            if (expected.empty() || expected.back() != key) {
                expected.push_back(key);
            }
        }
        std::vector<std::string> keys;
        for (const auto& item : object.items()) {
            keys.push_back(item.key());
        }
        CHECK(keys == expected);
        CHECK(keys.front() == "rank");
        CHECK(object["components"].size() == k_component_count);
        CHECK(object["aging"].size() == AgingBuckets{}.size());
    }
    SECTION("values rounded by their column; nulls are null") {
        CHECK(object["toxicity"] == 57);
        CHECK(object["verdict"] == "fire");
        CHECK(object["components"]["discounts"].is_null());
        CHECK(object["components"]["after_hours"] == 0.4167);
        CHECK(object["contacts_per_week"] == 1.87);      // 16 / (60 / 7)
        CHECK(object["avg_days_late"] == 38.33);         // 115 / 3
        CHECK(object["support_hours"] == 2.26);          // 135.5 / 60
        CHECK(object["margin_pct"] == 0.8871);           // 1064.5 / 1200
        CHECK(object["effective_rate"] == 531.37);       // 1200 / 2.2583
        CHECK(object["reasons"].size() == 2);
        CHECK(object["aging"]["31_60"] == 800);
    }
    SECTION("tags lists only the tags seen; none seen is an empty object") {
        CHECK(object["tags"] == Json{{"threat", 2}});
        const Json none = client_json(client_table(), test::bistro());
        CHECK(none["tags"].is_object());
        CHECK(none["tags"].empty());
        CHECK(none["name"].is_null());
        CHECK(none["margin_pct"].is_null());
        CHECK(json_text(none).find("\"tags\": {},") != std::string::npos);
    }
}

TEST_CASE("render::period_json and settings_json", "[render]") {
    const Settings s = test::sample_settings();
    CHECK(json_text(period_json(s.period)) ==
          "{\n  \"from\": \"2024-01-01\",\n  \"to\": \"2024-02-29\",\n  \"as_of\": \"2024-02-29\",\n  \"days\": 60\n}");
    const Json j = settings_json(s);
    CHECK(j["from"] == "2024-01-01");
    CHECK(j["time_zone"].is_null());
    CHECK(j["business_hours"] == "09:00-18:00");
    CHECK(j["business_days"] == "Mon,Tue,Wed,Thu,Fri");
    CHECK(j["holidays"] == 2);
    CHECK(j["hourly_cost"] == 60);
    CHECK(j["email_minutes"] == 5);
    CHECK(j["target_margin"] == 0.3);
    CHECK(j["currency"] == "EUR");
    CHECK(j["fire_at"] == 60);
    CHECK(j["watch_at"] == 30);
    CHECK(j["chase_days"] == 60);
    CHECK(j["aging"] == Json::array({30, 60, 90}));  // SPEC §5: the effective --aging
    CHECK(j["thresholds"]["communication"] == Json{{"ok", 2}, {"bad", 10}});
    CHECK(j["thresholds"]["after_hours"] == Json{{"ok", 0.1}, {"bad", 0.4}});
    CHECK(j["thresholds"]["discounts"] == Json{{"ok", 0.05}, {"bad", 0.25}});
    CHECK(j["thresholds"]["payment"] == Json{{"ok", 7}, {"bad", 45}});
    CHECK(j["thresholds"]["hostility"] == Json{{"ok", 0}, {"bad", 2}});
    for (std::string_view name : k_component_names) {
        CHECK(j["weights"][std::string(name)] == 1);
    }
    Settings other = s;
    other.currency.clear();
    other.time_zone = "Europe/Berlin";
    CHECK(settings_json(other)["currency"].is_null());
    CHECK(settings_json(other)["time_zone"] == "Europe/Berlin");
}

TEST_CASE("render::file_counts_json adds up equal names, in first-seen order", "[render]") {
    const FileCounts counts = {{"calls.csv", 1}, {"invoices.csv", 0}, {"calls.csv", 2}, {"-", 0}};
    CHECK(json_text(file_counts_json(counts)) == "{\n  \"calls.csv\": 3,\n  \"invoices.csv\": 0,\n  \"-\": 0\n}");
    CHECK(json_text(file_counts_json({})) == "{}");
}

TEST_CASE("render::JsonObjectStream writes one object member by member", "[render]") {
    SECTION("an empty object") {
        StringWriter out;
        JsonObjectStream(out).finish();
        CHECK(out.text() == "{}\n");
    }
    SECTION("members, an empty array and an array of items") {
        StringWriter out;
        JsonObjectStream json(out);
        json.member("a", 1);
        json.begin_array("list");
        json.end_array();
        json.begin_array("items");
        json.array_item(Json{{"x", 1}});
        json.array_item(2);
        json.end_array();
        json.member("q\"", "v");
        json.finish();
        CHECK(out.text() ==
              "{\n"
              "  \"a\": 1,\n"
              "  \"list\": [],\n"
              "  \"items\": [\n"
              "    {\n"
              "      \"x\": 1\n"
              "    },\n"
              "    2\n"
              "  ],\n"
              "  \"q\\\"\": \"v\"\n"
              "}\n");
        CHECK_NOTHROW(nlohmann::json::parse(out.text()));
    }
    SECTION("client items written as text print what array_item of client_json prints") {
        const std::vector<ClientResult> clients = {test::acme(), test::bistro()};
        StringWriter streamed;
        {
            JsonObjectStream json(streamed);
            json.begin_array("clients");
            json.array_items("", 0);  // an empty batch leaves the next item first
            for (std::size_t i = 0; i < clients.size(); ++i) {
                std::string text;
                append_client_item(text, client_table(), clients[i], i == 0);
                json.array_items(text, 1);
            }
            json.end_array();
            json.finish();
        }
        StringWriter built;
        {
            JsonObjectStream json(built);
            json.begin_array("clients");
            for (const ClientResult& client : clients) {
                json.array_item(client_json(client_table(), client));
            }
            json.end_array();
            json.finish();
        }
        CHECK(streamed.text() == built.text());
        const nlohmann::json parsed = nlohmann::json::parse(streamed.text());
        REQUIRE(parsed["clients"].size() == 2);
        CHECK(parsed["clients"][1]["client"] == "C002");
    }
}

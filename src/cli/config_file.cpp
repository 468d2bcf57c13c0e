#include "cli/config_file.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"

namespace clientscore::cli {

namespace {

std::string place_of(const std::string& path, const toml::source_region& where) {
    return fmt::format("{}:{}:{}", path, where.begin.line, where.begin.column);
}

// A scalar as the command line would spell it, so that a value from the file goes through the
// same checks (and messages) as one typed after the option.
std::optional<std::string> scalar_text(const toml::node& value) {
    if (const auto* s = value.as_string()) {
        return s->get();
    }
    if (const auto* i = value.as_integer()) {
        return fmt::format("{}", i->get());
    }
    if (const auto* f = value.as_floating_point()) {
        return fmt::format("{}", f->get());
    }
    if (const auto* b = value.as_boolean()) {
        return std::string(b->get() ? "true" : "false");
    }
    if (const auto* d = value.as_date()) {
        const toml::date& date = d->get();
        return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
    }
    if (value.is_time() || value.is_date_time()) {
        // No option takes a time of day; the TOML text reaches the option's own check, which
        // says what it wants ("--from: ... is not a date YYYY-MM-DD").
        std::ostringstream text;
        if (const auto* t = value.as_time()) {
            text << t->get();
        } else {
            text << value.as_date_time()->get();
        }
        return text.str();
    }
    return std::nullopt;
}

ConfigEntry entry_of(const std::string& path, const toml::key& key, const toml::node& value) {
    ConfigEntry entry;
    entry.key = std::string(key.str());
    entry.line = static_cast<std::int64_t>(key.source().begin.line);
    entry.column = static_cast<std::int64_t>(key.source().begin.column);
    entry.place = place_of(path, key.source());
    if (const auto* list = value.as_array()) {
        for (const toml::node& element : *list) {
            const std::optional<std::string> text = scalar_text(element);
            if (!text) {
                throw UsageError(
                    fmt::format("{}: {}: a list of plain values is expected here",
                                place_of(path, element.source()), entry.key),
                    "give the option's values as a list of strings: calls = [\"a.csv\", \"b.csv\"]");
            }
            entry.values.push_back(*text);
        }
        return entry;
    }
    const std::optional<std::string> text = scalar_text(value);
    if (!text) {
        throw UsageError(
            fmt::format("{}: {}: an inline table is not an option value", entry.place, entry.key),
            "give the value as a string: weights = \"payment=2,hostility=1.5\"");
    }
    entry.values.push_back(*text);
    return entry;
}

}  // namespace

ConfigFile parse_config(std::string_view text, const std::string& path) {
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw UsageError(
            fmt::format("{}: {}", place_of(path, e.source()), e.description()),
            "the config file is TOML: text in quotes (format = \"json\"), numbers and true/false "
            "bare, lists in [ ]");
    }
    ConfigFile file;
    file.path = path;
    for (const auto& [key, value] : root) {
        if (const toml::table* table = value.as_table(); table != nullptr && !table->is_inline()) {
            const std::string name(key.str());
            file.table_places[name] = place_of(path, key.source());
            std::vector<ConfigEntry>& entries = file.tables[name];
            for (const auto& [inner_key, inner_value] : *table) {
                if (const toml::table* nested = inner_value.as_table();
                    nested != nullptr && !nested->is_inline()) {
                    throw UsageError(fmt::format("{}: [{}.{}]: a table inside a table is not an option",
                                                 place_of(path, inner_key.source()), name, inner_key.str()),
                                     "options stand at the top level or in a [COMMAND] table");
                }
                entries.push_back(entry_of(path, inner_key, inner_value));
            }
            continue;
        }
        file.top.push_back(entry_of(path, key, value));
    }
    // toml++ keeps keys in name order; the file's order makes the first error the first line.
    auto by_place = [](const ConfigEntry& a, const ConfigEntry& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    };
    std::sort(file.top.begin(), file.top.end(), by_place);
    for (auto& [name, entries] : file.tables) {
        std::sort(entries.begin(), entries.end(), by_place);
    }
    return file;
}

ConfigFile read_config_file(const std::string& path) {
    const UsageError unreadable(fmt::format("--config: cannot read {}", path),
                                "check the file's path and permissions");
    std::error_code error;
    // A folder opens on Linux, and libstdc++ throws on its first read rather than failing.
    if (std::filesystem::is_directory(path, error)) {
        throw unreadable;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text;
    try {
        if (in) {
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    } catch (const std::ios_base::failure&) {
        throw unreadable;
    }
    if (!in || in.bad()) {
        throw unreadable;
    }
    return parse_config(text, path);
}

std::vector<std::string> close_names(const std::vector<std::string>& candidates, std::string_view name) {
    std::vector<std::pair<std::size_t, std::string>> close;
    if (name.size() < 3) {
        return {};
    }
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(name, candidate);
        // A prefix is close however much is missing (`--enc` for --encoding), and ranks by its
        // distance like the rest: `--form` is --from as much as it is --format.
        if ((distance <= 2 || candidate.starts_with(name)) &&
            std::none_of(close.begin(), close.end(), [&](const auto& c) { return c.second == candidate; })) {
            close.emplace_back(distance, candidate);
        }
    }
    std::stable_sort(close.begin(), close.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < close.size() && i < 4; ++i) {
        names.push_back(close[i].second);
    }
    return names;
}

std::string did_you_mean(const std::vector<std::string>& names, std::string_view prefix,
                         std::string fallback) {
    if (names.empty()) {
        return fallback;
    }
    std::string out = "did you mean ";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += i + 1 == names.size() ? " or " : ", ";
        }
        out += fmt::format("{}{}", prefix, names[i]);
    }
    return out + "?";
}

}  // namespace clientscore::cli

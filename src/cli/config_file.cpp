#include "clientscore/normalize.hpp"
#include "cli/config_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <iterator>
#include <set>
#include <sstream>

#include "clientscore/error.hpp"

namespace clientscore::cli {

namespace {

const CLI::Option* configurable_option(const CLI::App& app, const std::string& key) {
    // Long names only: CLI11 would also accept a short name (`q`) or a positional's name (`DIR`),
    // which SPEC §1 does not promise and which would make typos land somewhere unexpected.
    const CLI::Option* option = app.get_option_no_throw("--" + key);
    if (option == nullptr || !option->get_configurable() || !option->nonpositional()) {
        return nullptr;
    }
    return option;
}

// CLI11 2.1 ends a value at the first '#' even inside quotes (`preset = "a#b"` becomes `"a`, and
// `["a#b", "c"]` even swallows the lines after it while looking for the ']'), so the raw text is
// checked first and such a line is refused instead of read wrong.
void check_hash_in_quotes(const std::string& file, const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    for (std::int64_t number = 1; std::getline(lines, line); ++number) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#' || line[first] == ';' || line[first] == '[') {
            continue;
        }
        const auto equals = line.find('=');
        if (equals == std::string::npos) {
            continue;
        }
        const auto value = line.find_first_not_of(" \t", equals + 1);
        if (value != std::string::npos && line[value] == '[' && value == line.find_last_not_of(" \t\r")) {
            // CLI11 2.1 only continues a list whose first line holds an element; a lone `[`
            // would make it read the elements as keys.
            throw UsageError(fmt::format("{}:{}: a list must start on the line of its key", file, number),
                             "put the first element after the '[': calls = [\"a.csv\",");
        }
        char quote = '\0';
        for (std::size_t i = equals + 1; i < line.size(); ++i) {
            const char c = line[i];
            if (quote == '\0' && c == '#') {
                break;
            }
            if (quote != '\0' && c == '#') {
                throw UsageError(
                    fmt::format("{}:{}: '#' inside a quoted value", file, number),
                    "the config reader takes '#' as the start of a comment even in quotes; give this "
                    "value on the command line instead");
            }
            if (c == '"' || c == '\'') {
                quote = quote == '\0' ? c : (quote == c ? '\0' : quote);
            }
        }
    }
}

std::string item_name(const CLI::ConfigItem& item) {
    if (item.name == "++" || item.name == "--") {
        return fmt::format("[{}]", fmt::join(item.parents, "."));
    }
    return item.fullname();
}

}  // namespace

std::string closest_option(const CLI::App& app, std::string_view name) {
    std::string best;
    if (name.size() < 3) {
        return best;
    }
    std::size_t best_distance = 3;
    for (const CLI::Option* option : app.get_options()) {
        if (!option->nonpositional() || option->get_lnames().empty()) {
            continue;
        }
        for (const std::string& long_name : option->get_lnames()) {
            std::size_t distance = edit_distance(name, long_name);
            if (name.size() >= 3 && long_name.starts_with(name)) {
                distance = std::min<std::size_t>(distance, 1);
            }
            if (distance < best_distance) {
                best_distance = distance;
                best = long_name;
            }
        }
    }
    return best;
}

std::vector<CLI::ConfigItem> ConfigReader::from_config(std::istream& input) const {
    const CLI::Option* config_option = m_app.get_config_ptr();
    const std::string file = config_option != nullptr && !config_option->results().empty()
                                 ? config_option->results().front()
                                 : std::string("config file");
    const std::string text{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
    if (input.bad()) {
        throw UsageError(fmt::format("--config: cannot read {}", file),
                         "check the file's path and permissions");
    }
    check_hash_in_quotes(file, text);

    std::istringstream stream(text);
    std::vector<CLI::ConfigItem> items = CLI::ConfigBase::from_config(stream);

    const bool month_on_command_line = m_app.get_option("--month")->count() > 0;
    const bool span_on_command_line =
        m_app.get_option("--from")->count() > 0 || m_app.get_option("--to")->count() > 0;
    std::set<std::string> seen;
    std::vector<CLI::ConfigItem> kept;
    for (CLI::ConfigItem& item : items) {
        if (!item.parents.empty()) {
            throw UsageError(
                fmt::format("{}: {}: sections and dotted keys are not supported", file, item_name(item)),
                "put every option at the top level, under its long name: hourly-cost = 75");
        }
        if (configurable_option(m_app, item.name) == nullptr) {
            const std::string near = closest_option(m_app, item.name);
            throw UsageError(fmt::format("{}: unknown key \"{}\"", file, item.name),
                             near.empty() ? std::string("keys are the long option names without the dashes: "
                                                        "hourly-cost = 75")
                                          : fmt::format("did you mean {}?", near));
        }
        // CLI11 would merge two lines with the same key into one list, or let the first win
        // when other keys stand between them; either way one line would be ignored unseen.
        if (!seen.insert(item.name).second) {
            throw UsageError(
                fmt::format("{}: key \"{}\" is set twice", file, item.name),
                "set it once; for a repeatable option give a list: calls = [\"a.csv\", \"b.csv\"]");
        }
        if ((item.name == "month" && span_on_command_line) ||
            ((item.name == "from" || item.name == "to") && month_on_command_line)) {
            continue;
        }
        kept.push_back(std::move(item));
    }
    return kept;
}

}  // namespace clientscore::cli

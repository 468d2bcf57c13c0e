#pragma once
// The command line as data: the commands, the option groups and every option with its help
// text, the values it completes to and the commands that take it. command_line.cpp builds it
// from the same tables that drive parsing and --help, so the man page (manual.cpp) and the
// shell completions (completions.cpp) cannot drift from them.

#include <string>
#include <utility>
#include <vector>

namespace clientscore::cli {

/// What the word after an option is, for completion.
enum class ValueKind {
    none,    ///< a flag: no value
    file,    ///< a file name
    choice,  ///< one of OptionInfo::values
    text,    ///< anything (a date, a number, a list): nothing to complete
};

struct OptionInfo {
    std::string short_name;  ///< "-o", or empty
    std::string long_name;   ///< "--output"
    std::string value_name;  ///< "FILE"; empty for a flag
    std::string default_text;
    std::string group;  ///< "Input", ...; "General" for --help, --version, --config
    std::string description;
    bool repeatable = false;
    ValueKind value_kind = ValueKind::none;
    std::vector<std::string> values;  ///< the words a choice completes to
    /// The commands that take it; all of them for most options.
    std::vector<std::string> commands;
};

struct CommandInfo {
    std::string name;
    std::string description;
    bool takes_client = false;
    std::vector<std::string> examples;
    std::string exit_codes;
};

struct CommandLineReference {
    std::string version;
    std::string summary;              ///< one sentence: what the program does
    std::vector<std::string> groups;  ///< "General" first, then the order of --help
    std::vector<CommandInfo> commands;
    std::vector<OptionInfo> options;  ///< by group, in the order of --help
    std::string thresholds;           ///< the OK:BAD defaults and the component names, one sentence
    std::string sort_keys_note;       ///< which --sort keys depend on --aging and --baseline
    /// Environment variables a user may set: name, what it does.
    std::vector<std::pair<std::string, std::string>> environment;
};

/// The reference of this build's command line.
const CommandLineReference& command_line_reference();

/// The options (general ones included) that `command` takes, in reference order.
std::vector<const OptionInfo*> options_of(const CommandLineReference& reference, const std::string& command);

}  // namespace clientscore::cli

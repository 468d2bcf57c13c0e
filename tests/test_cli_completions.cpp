// The bash, zsh and fish completions: every option of the table in each, the values of
// --format, --sort (the metric table's CSV keys) and --preset, the commands; bash's run in
// bash, zsh's and fish's parsed by their shells when those are installed.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_reference.hpp"
#include "cli/completions.hpp"
#include "cli_runner.hpp"
#include "clientscore/metrics.hpp"
#include "ingest/presets/presets.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;
using clientscore::testing::read_file;
using clientscore::testing::run_clientscore;
using clientscore::testing::shell_quote;
using clientscore::testing::TempDir;
using clientscore::testing::write_file;

namespace {

bool have(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

/// What `shell` prints for `script` (a shell command line), its standard error discarded.
std::string run_shell(const std::string& shell, const std::string& script) {
    TempDir dir;
    const std::string out = (dir / "out").string();
    const int status =
        std::system((shell + " -c " + shell_quote(script) + " > " + shell_quote(out) + " 2>/dev/null").c_str());
    CHECK(status == 0);
    return read_file(out);
}

/// The words bash completes `line` to (the last word of `line` is the one completed; end it with
/// a space to complete an empty word).
std::vector<std::string> bash_completes(const std::filesystem::path& script, const std::string& line) {
    std::vector<std::string> words;
    std::istringstream split(line);
    std::string word;
    std::string array = "(";
    while (split >> word) {
        array += shell_quote(word) + " ";
        words.push_back(word);
    }
    std::size_t cword = words.size() - 1;
    if (line.back() == ' ') {
        array += "''";
        ++cword;
    }
    array += ")";
    const std::string out = run_shell(
        "bash", "source " + shell_quote(script.string()) + "; COMP_WORDS=" + array + "; COMP_CWORD=" +
                    std::to_string(cword) + "; _clientscore; printf '%s\\n' \"${COMPREPLY[@]}\"");
    std::vector<std::string> replies;
    std::istringstream lines(out);
    for (std::string reply; std::getline(lines, reply);) {
        if (!reply.empty()) {
            replies.push_back(reply);
        }
    }
    return replies;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

TEST_CASE("completions::every option of the table is in every script", "[cli][completions]") {
    const cli::CommandLineReference& r = cli::command_line_reference();
    const std::string bash = cli::completion_script(cli::Shell::bash, r);
    const std::string zsh = cli::completion_script(cli::Shell::zsh, r);
    const std::string fish = cli::completion_script(cli::Shell::fish, r);
    REQUIRE(r.options.size() > 40);
    for (const cli::OptionInfo& option : r.options) {
        INFO(option.long_name);
        // bash lists the names as words of compgen -W; zsh has a spec per option; fish a line.
        CHECK_THAT(bash, Contains(" " + option.long_name + " ") || Contains(" " + option.long_name + "'"));
        CHECK_THAT(zsh, Contains("'" + option.long_name + "[") || Contains(option.long_name + "=[") ||
                            Contains("," + option.long_name + "}'[") || Contains("," + option.long_name + "=}'["));
        CHECK_THAT(fish, Contains(" -l " + option.long_name.substr(2) + " "));
        if (!option.short_name.empty()) {
            CHECK_THAT(bash, Contains(" " + option.short_name + " ") || Contains("'" + option.short_name + " "));
            CHECK_THAT(zsh, Contains("{" + option.short_name));
            CHECK_THAT(fish, Contains(" -s " + option.short_name.substr(1) + " -l " + option.long_name.substr(2)));
        }
    }
    for (const cli::CommandInfo& command : r.commands) {
        CHECK_THAT(fish, Contains(" -a " + command.name + " -d "));
        CHECK_THAT(zsh, Contains("'" + command.name + ":"));
    }
}

TEST_CASE("completions::the values of --format, --sort and --preset come from their tables", "[cli][completions]") {
    const cli::CommandLineReference& r = cli::command_line_reference();
    const cli::OptionInfo* format = nullptr;
    const cli::OptionInfo* sort = nullptr;
    const cli::OptionInfo* preset = nullptr;
    for (const cli::OptionInfo& option : r.options) {
        format = option.long_name == "--format" ? &option : format;
        sort = option.long_name == "--sort" ? &option : sort;
        preset = option.long_name == "--preset" ? &option : preset;
    }
    REQUIRE(format != nullptr);
    REQUIRE(sort != nullptr);
    REQUIRE(preset != nullptr);
    CHECK(format->values == std::vector<std::string>{"table", "json", "csv", "tsv", "markdown", "html", "xlsx"});
    // Every CSV key, the change_ ones (--baseline) included.
    std::vector<std::string> keys;
    for (const ClientColumn& column : client_table(ColumnShape{AgingBuckets{}, true}).columns()) {
        keys.push_back(column.key);
    }
    CHECK(sort->values == keys);
    CHECK(has(sort->values, "margin_pct"));
    for (const std::string_view name : ingest::preset_names()) {
        CHECK(has(preset->values, std::string(name)));
    }
    CHECK(has(preset->values, "none"));
    for (const cli::Shell shell : {cli::Shell::bash, cli::Shell::zsh, cli::Shell::fish}) {
        const std::string script = cli::completion_script(shell, r);
        for (const cli::OptionInfo* option : {format, sort, preset}) {
            for (const std::string& value : option->values) {
                INFO(option->long_name << " " << value);
                CHECK_THAT(script, Contains(value));
            }
        }
    }
}

TEST_CASE("completions::bash completes commands, options by command, and values", "[cli][completions]") {
    TempDir dir;
    const std::filesystem::path script = dir / "clientscore.bash";
    write_file(script, cli::completion_script(cli::Shell::bash, cli::command_line_reference()));

    const std::vector<std::string> first = bash_completes(script, "clientscore ");
    for (const char* command : {"rank", "explain", "evidence", "check", "help"}) {
        CHECK(has(first, command));
    }
    CHECK(bash_completes(script, "clientscore --format ") ==
          std::vector<std::string>{"table", "json", "csv", "tsv", "markdown", "html", "xlsx"});
    // `--format=j`: bash hands the function --format, = and j.
    CHECK(bash_completes(script, "clientscore --format = j") == std::vector<std::string>{"json"});
    const std::vector<std::string> sort = bash_completes(script, "clientscore rank --sort ");
    CHECK(has(sort, "toxicity"));
    CHECK(has(sort, "margin_pct"));
    CHECK(has(bash_completes(script, "clientscore --preset hub"), "hubspot"));
    CHECK(bash_completes(script, "clientscore help ev") == std::vector<std::string>{"evidence"});
    // check takes neither the period nor rank's --top; rank takes both.
    const std::vector<std::string> check = bash_completes(script, "clientscore check --t");
    CHECK(has(check, "--timezone"));
    CHECK_FALSE(has(check, "--to"));
    CHECK_FALSE(has(check, "--top"));
    const std::vector<std::string> rank = bash_completes(script, "clientscore --format csv rank --t");
    CHECK(has(rank, "--to"));
    CHECK(has(rank, "--top"));
    // The value of an option is not taken for the command: `--format check` leaves rank's.
    CHECK(has(bash_completes(script, "clientscore --sort check --to"), "--top"));
    // A date completes to nothing rather than to file names.
    CHECK(bash_completes(script, "clientscore --from ").empty());
}

TEST_CASE("completions::zsh and fish parse their scripts", "[cli][completions]") {
    TempDir dir;
    const cli::CommandLineReference& r = cli::command_line_reference();
    if (have("zsh")) {
        write_file(dir / "_clientscore", cli::completion_script(cli::Shell::zsh, r));
        CHECK(std::system(("zsh -n " + shell_quote((dir / "_clientscore").string())).c_str()) == 0);
    } else {
        WARN("zsh is not installed: its script is not parsed");
    }
    if (have("fish")) {
        write_file(dir / "clientscore.fish", cli::completion_script(cli::Shell::fish, r));
        const std::string script = shell_quote((dir / "clientscore.fish").string());
        CHECK(std::system(("fish --no-config -n " + script).c_str()) == 0);
        const std::string formats =
            run_shell("fish --no-config", "source " + script + "; complete -C 'clientscore --format '");
        CHECK_THAT(formats, Contains("markdown"));
        const std::string commands = run_shell("fish --no-config", "source " + script + "; complete -C 'clientscore '");
        CHECK_THAT(commands, Contains("explain"));
    } else {
        WARN("fish is not installed: its script is not parsed");
    }
}

TEST_CASE("completions::the build wrote the scripts the binary prints", "[cli][completions]") {
    const std::filesystem::path built = std::filesystem::path(CLIENTSCORE_BINARY).parent_path() / "completions";
    const std::pair<const char*, const char*> files[] = {
        {"bash", "clientscore.bash"}, {"zsh", "_clientscore"}, {"fish", "clientscore.fish"}};
    for (const auto& [shell, name] : files) {
        INFO(shell);
        const testing::RunResult printed = run_clientscore({"--print-completion", shell});
        REQUIRE(printed.status == 0);
        CHECK(printed.out == cli::completion_script(*cli::parse_shell(shell), cli::command_line_reference()));
        REQUIRE(std::filesystem::exists(built / name));
        CHECK(read_file(built / name) == printed.out);
    }
    const testing::RunResult unknown = run_clientscore({"--print-completion", "tcsh"});
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, Contains("bash, zsh or fish"));
    CHECK_FALSE(cli::parse_shell("powershell").has_value());
}

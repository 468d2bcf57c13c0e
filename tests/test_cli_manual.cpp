// clientscore(1): every option of the table in it, grouped as in --help, the sections a man
// page has, valid roff (groff -ww finds nothing to warn about), and the page the build wrote
// is the one the binary prints.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "cli/command_reference.hpp"
#include "cli/manual.hpp"
#include "cli_parse.hpp"
#include "cli_runner.hpp"

using namespace clientscore;
using Catch::Matchers::Contains;
using clientscore::testing::read_file;
using clientscore::testing::run_clientscore;
using clientscore::testing::shell_quote;
using clientscore::testing::TempDir;
using clientscore::testing::write_file;

namespace {

std::string printed_help(const std::vector<std::string>& args) {
    std::ostringstream captured;
    std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
    try {
        clientscore::testing::parse(args);
    } catch (...) {
        std::cout.rdbuf(old);
        throw;
    }
    std::cout.rdbuf(old);
    return captured.str();
}

bool have(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

TEST_CASE("manual::every option of the table is in the man page, under its group", "[cli][manual]") {
    const cli::CommandLineReference& r = cli::command_line_reference();
    const std::string page = cli::man_page(r);
    REQUIRE(r.options.size() > 40);
    for (const cli::OptionInfo& option : r.options) {
        INFO(option.long_name);
        CHECK_THAT(page, Contains("\\fB" + cli::roff_text(option.long_name) + "\\fR"));
        if (!option.short_name.empty()) {
            CHECK_THAT(page, Contains("\\fB" + cli::roff_text(option.short_name) + "\\fR, \\fB"));
        }
        // Under the heading of its group: the last .SS before the entry names it.
        const std::string& first_name = option.short_name.empty() ? option.long_name : option.short_name;
        const std::size_t at = page.find(".TP\n\\fB" + cli::roff_text(first_name) + "\\fR");
        REQUIRE(at != std::string::npos);
        const std::size_t heading = page.rfind(".SS ", at);
        REQUIRE(heading != std::string::npos);
        CHECK(page.substr(heading, page.find('\n', heading) - heading) == ".SS \"" + option.group + " options\"");
    }
    for (const cli::CommandInfo& command : r.commands) {
        CHECK_THAT(page, Contains(".TP\n\\fB" + command.name + "\\fR"));
    }
}

TEST_CASE("manual::the reference holds every option --help names", "[cli][manual]") {
    // The reference is what the page and the completions are written from: an option --help
    // shows but the reference lacks would be missing from all of them.
    std::set<std::string> known;
    for (const cli::OptionInfo& option : cli::command_line_reference().options) {
        known.insert(option.long_name);
    }
    std::string help = printed_help({"--help"});
    for (const char* command : {"rank", "explain", "evidence", "check"}) {
        help += printed_help({command, "--help"});
    }
    const std::regex long_option("--[a-z][a-z-]*[a-z]");
    std::size_t seen = 0;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), long_option); it != std::sregex_iterator(); ++it) {
        INFO(it->str());
        CHECK(known.count(it->str()) == 1);
        ++seen;
    }
    CHECK(seen > 40);
}

TEST_CASE("manual::the page has the sections of a man page, the groups in --help order", "[cli][manual]") {
    const cli::CommandLineReference& r = cli::command_line_reference();
    const std::string page = cli::man_page(r);
    CHECK_THAT(page, Contains(".TH CLIENTSCORE 1 \"\" \"clientscore " + r.version + "\""));
    std::size_t last = 0;
    for (const char* section : {".SH NAME\nclientscore \\- ", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS",
                                ".SH OPTIONS", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH FILES",
                                ".SH EXAMPLES", ".SH \"SEE ALSO\""}) {
        INFO(section);
        const std::size_t at = page.find(section);
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    REQUIRE(r.groups.front() == "General");
    std::size_t group_at = 0;
    for (const std::string& group : r.groups) {
        const std::size_t at = page.find(".SS \"" + group + " options\"");
        REQUIRE(at != std::string::npos);
        CHECK(at > group_at);
        group_at = at;
    }
    // The values no value name spells out, and who takes an option that not all commands do.
    CHECK_THAT(page, Contains("margin_pct"));
    CHECK_THAT(page, Contains("hubspot"));
    CHECK_THAT(page, Contains("For rank only."));
    CHECK_THAT(page, Contains(cli::roff_text("clientscore explain C018 exports/")));
    for (const char* code : {".B 0\n", ".B 1\n", ".B 2\n", ".B 3\n", ".B 4\n"}) {
        CHECK_THAT(page, Contains(code));
    }
}

TEST_CASE("manual::roff_text keeps text from being read as requests or escapes", "[cli][manual]") {
    CHECK(cli::roff_text("--from") == "\\-\\-from");
    CHECK(cli::roff_text(".hidden\n'quote") == "\\&.hidden\n\\&'quote");
    CHECK(cli::roff_text("a.b 'c'") == "a.b 'c'");
    CHECK(cli::roff_text("C:\\dir") == "C:\\edir");
}

TEST_CASE("manual::groff renders the page without a warning", "[cli][manual]") {
    if (!have("groff")) {
        WARN("groff is not installed (groff-base): not rendered");
        return;
    }
    TempDir dir;
    write_file(dir / "clientscore.1", cli::man_page(cli::command_line_reference()));
    const std::string page = shell_quote((dir / "clientscore.1").string());
    const std::string err = shell_quote((dir / "err").string());
    const std::string out = shell_quote((dir / "out").string());
    // -P-cbou: plain text, without the overstriking that makes bold and underline.
    REQUIRE(std::system(("groff -man -Tutf8 -P-cbou -ww " + page + " > " + out + " 2> " + err).c_str()) == 0);
    CHECK(read_file(dir / "err").empty());
    const std::string text = read_file(dir / "out");
    CHECK_THAT(text, Contains("EXIT STATUS"));
    CHECK_THAT(text, Contains("Input options"));
    // \- comes out as the ASCII hyphen-minus that a shell takes, not a Unicode hyphen.
    CHECK_THAT(text, Contains("--max-bad-rows LIMIT"));
}

TEST_CASE("manual::the build wrote the page the binary prints", "[cli][manual]") {
    const testing::RunResult printed = run_clientscore({"--print-man"});
    REQUIRE(printed.status == 0);
    CHECK(printed.out == cli::man_page(cli::command_line_reference()));
    const std::filesystem::path built = std::filesystem::path(CLIENTSCORE_BINARY).parent_path() / "clientscore.1";
    REQUIRE(std::filesystem::exists(built));
    CHECK(read_file(built) == printed.out);
    const testing::RunResult extra = run_clientscore({"--print-man", "x"});
    CHECK(extra.status == 2);
    CHECK(extra.out.empty());
}

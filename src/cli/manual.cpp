// clientscore(1) from the command line reference. The options, their groups, defaults and the
// commands that take them come from the tables behind --help; only the prose around them (what
// the program reads, the config file, the exit statuses) is written here.

#include "cli/manual.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientscore::cli {

std::string roff_text(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (const char c : text) {
        // A control character at the start of a line would be read as a request.
        if (line_start && (c == '.' || c == '\'')) {
            out += "\\&";
        }
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            // A plain - is a hyphen in roff; options must stay minus signs to be copied.
            out += "\\-";
        } else {
            out += c;
        }
        line_start = c == '\n';
    }
    return out;
}

namespace {

std::string bold(std::string_view text) { return "\\fB" + roff_text(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + roff_text(text) + "\\fR"; }

std::string sentence(std::string_view text) {
    std::string out(text);
    if (!out.empty()) {
        out.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front())));
        if (out.back() != '.') {
            out += '.';
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const std::string& word : words) {
        out += (out.empty() ? "" : std::string(separator)) + word;
    }
    return out;
}

std::string synopsis(const CommandLineReference& r) {
    std::string out = ".SH SYNOPSIS\n";
    out += fmt::format("{} [{}] [{}]\n.br\n", bold("clientscore"), italic("OPTIONS"), italic("DIR"));
    for (const CommandInfo& command : r.commands) {
        out += fmt::format("{} [{}]{} [{}]\n.br\n", bold("clientscore " + command.name), italic("OPTIONS"),
                           command.takes_client ? " " + italic("CLIENT") : std::string(), italic("DIR"));
    }
    out += fmt::format("{} [{}]\n.br\n", bold("clientscore help"), italic("COMMAND"));
    out += fmt::format("{} | {}\n", bold("clientscore --help"), bold("--version"));
    return out;
}

std::string description() {
    return ".SH DESCRIPTION\n" +
           roff_text(
               "clientscore reads a company's monthly exports from its CRM and billing systems (calls, emails, "
               "invoices, discounts, time entries, optionally a client list), measures every client for the "
               "warning signs of a toxic client and for profitability, and prints a ranked table, JSON, CSV, "
               "TSV, markdown, HTML or an .xlsx workbook, with a verdict and an action per client: keep, "
               "watch, reprice, chase or fire.\n") +
           ".PP\n" +
           roff_text(
               "DIR is a folder of exports, the current folder when no file option is given. Files are found "
               "by name (calls*.csv, emails*.csv, invoices*.csv, discounts*.csv, clients*.csv, contacts*.csv, "
               "time*.csv; also .tsv, .txt, .xlsx and gzip-compressed .gz) or by a header that fits exactly "
               "one kind. --calls FILE and the other file options replace discovery for their kind; - is "
               "standard input.\n") +
           ".PP\n" +
           roff_text(
               "Options may stand before or after the command; with no command, rank runs. Every option may "
               "also be set in the --config file (see FILES); the command line wins. Dates given to options "
               "are YYYY-MM-DD.\n");
}

std::string commands(const CommandLineReference& r) {
    std::string out = ".SH COMMANDS\n";
    for (const CommandInfo& command : r.commands) {
        out += fmt::format(".TP\n{}{} [{}]\n{}\n", bold(command.name),
                           command.takes_client ? " " + italic("CLIENT") : std::string(), italic("DIR"),
                           roff_text(sentence(command.description)));
    }
    out += fmt::format(".TP\n{} [{}]\n{}\n", bold("help"), italic("COMMAND"),
                       roff_text("The same as COMMAND --help; help alone is --help."));
    return out;
}

std::string option_entry(const CommandLineReference& r, const OptionInfo& option) {
    std::string out = ".TP\n";
    if (!option.short_name.empty()) {
        out += bold(option.short_name) + ", ";
    }
    out += bold(option.long_name);
    if (!option.value_name.empty()) {
        out += " " + italic(option.value_name);
    }
    out += "\n" + roff_text(sentence(option.description)) + "\n";
    if (!option.default_text.empty()) {
        out += roff_text(fmt::format("Default: {}.", option.default_text)) + "\n";
    }
    if (option.commands.size() < r.commands.size()) {
        out += roff_text(fmt::format("For {} only.", joined(option.commands, ", "))) + "\n";
    }
    // Choices the value name already spells out (auto|always|never) are not listed again.
    if (!option.values.empty() && option.value_name.find('|') == std::string::npos) {
        std::string list = joined(option.values, ", ");
        if (option.long_name == "--sort") {
            list += "; " + r.sort_keys_note;
        }
        out += roff_text(fmt::format("One of: {}.", list)) + "\n";
    }
    return out;
}

std::string options(const CommandLineReference& r) {
    std::string out = ".SH OPTIONS\n";
    for (const std::string& group : r.groups) {
        out += fmt::format(".SS \"{} options\"\n", roff_text(group));
        for (const OptionInfo& option : r.options) {
            if (option.group == group) {
                out += option_entry(r, option);
            }
        }
        if (group == "Scoring") {
            out += ".PP\n" + roff_text(r.thresholds) + "\n";
        }
    }
    return out;
}

std::string exit_status(const CommandLineReference& r) {
    std::string out = ".SH \"EXIT STATUS\"\n";
    const std::pair<int, std::string_view> codes[] = {
        {0, "done (check: every file can be read)"},
        {1, "--fail-on or --fail-on-change matched"},
        {2, "usage error: an unknown option or command, a bad option value, a bad config file"},
        {3, "input error: a file missing or unreadable, a required column absent, more bad rows than "
            "--max-bad-rows allows, mixed currencies without --fx, an unknown CLIENT"},
        {4, "output error: the report could not be written"},
    };
    for (const auto& [code, meaning] : codes) {
        out += fmt::format(".TP\n.B {}\n{}\n", code, roff_text(sentence(meaning)));
    }
    out += ".PP\n" + roff_text("By command:") + "\n";
    for (const CommandInfo& command : r.commands) {
        out += fmt::format(".TP\n{}\n{}\n", bold(command.name), roff_text(sentence(command.exit_codes)));
    }
    return out;
}

std::string environment(const CommandLineReference& r) {
    std::string out = ".SH ENVIRONMENT\n";
    for (const auto& [name, meaning] : r.environment) {
        out += ".TP\n" + bold(name) + "\n" + roff_text(meaning) + "\n";
    }
    return out;
}

std::string files() {
    return ".SH FILES\n.TP\n" + italic("FILE") + " " + roff_text("of --config") + "\n" +
           roff_text(
               "A TOML file of options under their long names, at the top level or in a [rank], [explain], "
               "[evidence] or [check] table for one command; [default] is the top level. Repeatable options "
               "take lists. An unknown key or table is a usage error. clientscore reads no config file unless "
               "--config names one.") +
           "\n.PP\n.nf\n.RS\n" +
           roff_text(
               "# clientscore.toml\n"
               "hourly-cost = 75\n"
               "timezone = \"Europe/Berlin\"\n"
               "calls = [\"calls-crm.csv\", \"calls-phone.csv\"]\n"
               "\n"
               "[rank]\n"
               "top = 20\n") +
           ".RE\n.fi\n";
}

std::string examples(const CommandLineReference& r) {
    std::string out = ".SH EXAMPLES\n";
    for (const CommandInfo& command : r.commands) {
        for (const std::string& example : command.examples) {
            out += ".PP\n.nf\n.RS\n" + roff_text(example) + "\n.RE\n.fi\n";
        }
    }
    return out;
}

}  // namespace

std::string man_page(const CommandLineReference& r) {
    std::string out = fmt::format(
        ".\\\" Generated by clientscore --print-man from the option tables; edit src/cli, not this file.\n"
        ".TH CLIENTSCORE 1 \"\" \"clientscore {}\" \"User Commands\"\n"
        // No hyphenation: a key or option cut at a hyphen (toxic-ity) could not be copied.
        ".nh\n",
        r.version);
    out += ".SH NAME\nclientscore \\- " + roff_text("score clients from CRM and billing exports") + "\n";
    out += synopsis(r) + description() + commands(r) + options(r) + exit_status(r) + environment(r) + files() +
           examples(r);
    out += ".SH \"SEE ALSO\"\n" +
           roff_text("clientscore help COMMAND; the README of the project for every choice and metric.") + "\n";
    return out;
}

}  // namespace clientscore::cli

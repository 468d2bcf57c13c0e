// End-to-end (issue 21): no byte of an export reaches a terminal raw. Names, notes, ids, file
// names and typed arguments carrying ESC sequences (OSC title, clear screen), BEL, C1 controls
// and invalid UTF-8 go through every command and every message path; standard error and the
// text formats show them as escapes, while JSON and CSV to a pipe keep the text as exported
// (and show it escaped too when a terminal is where they go).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "cli_runner.hpp"

using namespace clientscore::testing;
using nlohmann::json;

namespace {

// An OSC that retitles the window, BEL, clear screen, an 8-bit CSI as UTF-8 C1 (U+009B), NEL.
const std::string k_hostile = "\x1b]0;title\x07\x1b[2J\xC2\x9B" "31m\xC2\x85";
const std::string k_id = "EVIL" + k_hostile;
const std::string k_name = "Name" + k_hostile + "end";
const std::string k_note = "note" + k_hostile + "\x7f" "end";
// Bytes that are not UTF-8 can only come in through a file name or an argument: a file that
// holds them is refused before any row is read (and that message is checked too).
const std::string k_file = "calls" + k_hostile + "\xff\xfe.csv";

/// The first byte a terminal would act on, as `offset: hex`, or empty: C0 controls (line feed
/// allowed, and tab where `tab_allowed`), DEL, C1 controls and bytes outside valid UTF-8.
std::string first_raw_control(const std::string& s, bool tab_allowed = false) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const auto report = [&](std::size_t i) {
        return std::to_string(i) + ": 0x" + "0123456789abcdef"[at(i) >> 4] + "0123456789abcdef"[at(i) & 15] +
               " in …" + s.substr(i >= 20 ? i - 20 : 0, 40);
    };
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = at(i);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && !(tab_allowed && c == '\t')) || c == 0x7f) {
                return report(i);
            }
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || c > 0xF4 || i + length > s.size()) {
            return report(i);
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((at(i + k) & 0xC0) != 0x80) {
                return report(i);
            }
        }
        if (c == 0xC2 && at(i + 1) < 0xA0) {
            return report(i);  // U+0080–U+009F
        }
        i += length;
    }
    return {};
}

void check_clean_stderr(const RunResult& r) {
    INFO(r.err);
    CHECK(first_raw_control(r.err).empty());
}

/// A folder of exports that carry the hostile text in a client id, its name, a call's notes,
/// an email's subject, a discount's reason, a bad value quoted by a warning, and a file name.
void write_hostile_exports(const TempDir& dir) {
    write_file(dir / "clients.csv", "client,name\n\"" + k_id + "\",\"" + k_name + "\"\nGOOD,Good Ltd\n");
    write_file(dir / k_file, "client,started_at,duration,notes\n"
                             "\"" + k_id + "\",2026-09-01 10:00,600,\"" + k_note + "\"\n"
                             "\"" + k_id + "\",2026-09-02 23:00,600,\"" + k_note + "\"\n"
                             "GOOD,2026-09-03 10:00,60,fine\n"
                             // a bad row: its warning quotes the value
                             "GOOD,2026-09-0" + k_hostile + ",60,bad\n");
    write_file(dir / "emails.csv", "client,sent_at,direction,subject\n\"" + k_id + "\",2026-09-04 10:00,inbound,\"" +
                                       k_note + "\"\n");
    write_file(dir / "discounts.csv", "client,granted_at,amount,status,reason\n\"" + k_id +
                                          "\",2026-09-05,100.00,granted,\"" + k_note + "\"\n");
    write_file(dir / "invoices.csv", "client,issued_at,due_at,amount\n\"" + k_id +
                                         "\",2026-09-01,2026-09-10,1000.00\nGOOD,2026-09-01,2026-09-30,500.00\n");
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

/// Runs the binary on a terminal (a pty from script(1)): standard output and error both land
/// there, as they do for a person at a shell. Empty when script(1) is not installed.
std::optional<std::string> run_on_terminal(const TempDir& dir, const std::vector<std::string>& args) {
    if (std::system("command -v script > /dev/null 2>&1") != 0) {
        return std::nullopt;
    }
    std::string command = "env -u NO_COLOR " + shell_quote(CLIENTSCORE_BINARY);
    for (const std::string& a : args) {
        command += " " + shell_quote(a);
    }
    const std::string out = (dir / "terminal.out").string();
    std::system(("script -qec " + shell_quote(command) + " /dev/null < /dev/null > " + shell_quote(out)).c_str());
    return read_file(out);
}

}  // namespace

TEST_CASE("cli::export text reaches standard error and the text formats as escapes", "[cli][e2e][escape]") {
    TempDir dir;
    write_hostile_exports(dir);
    const std::string in = dir.path().string();
    const std::vector<std::string> period = {"--from", "2026-09-01", "--to", "2026-09-30"};

    SECTION("rank, explain, evidence and check in table and markdown") {
        const std::vector<std::vector<std::string>> runs = {
            {"rank", in},
            {"rank", in, "--format", "markdown"},
            {"explain", k_id, in},
            {"explain", k_id, in, "--format", "markdown"},
            {"evidence", k_id, in},
            {"evidence", k_id, in, "--format", "markdown"},
            {"check", in},
            {"check", in, "--format", "markdown"},
        };
        for (const auto& args : runs) {
            const RunResult r = run_clientscore(with(args, period));
            INFO(args.front() << " " << args.back() << "\n" << r.err << r.out);
            CHECK((r.status == 0 || r.status == 1));
            check_clean_stderr(r);
            CHECK(first_raw_control(r.out).empty());
        }
        // The warning for the bad row names the file and quotes the value, both escaped.
        const RunResult rank = run_clientscore(with({"rank", in}, period));
        CHECK(rank.err.find("calls\\x1b]0;title\\x07\\x1b[2J\\u009b31m\\u0085\\xff\\xfe.csv:5") != std::string::npos);
        CHECK(rank.err.find("2026-09-0\\x1b]0;title\\x07") != std::string::npos);
        // The table shows what the export holds rather than dropping it.
        CHECK(rank.out.find("EVIL\\x1b]0;title\\x07\\x1b[2J") != std::string::npos);
        const RunResult evidence = run_clientscore(with({"evidence", k_id, in}, period));
        CHECK(evidence.out.find("note\\x1b]0;title\\x07\\x1b[2J\\u009b31m\\u0085\\x7fend") != std::string::npos);
    }

    SECTION("errors, hints and suggestions") {
        // An unknown client close to the hostile id: the error quotes what was typed (bytes that
        // are not UTF-8 included) and the hint suggests the hostile id.
        const RunResult unknown = run_clientscore(with({"explain", "EVIL\x1b]0;titl\xff", in}, period));
        CHECK(unknown.status == 3);
        check_clean_stderr(unknown);
        CHECK(unknown.err.find("unknown client \"EVIL\\x1b]0;titl\\xff\"") != std::string::npos);
        CHECK(unknown.err.find("hint: the closest ids are: EVIL\\x1b]0;title\\x07\\x1b[2J") != std::string::npos);
        const RunResult unknown_evidence = run_clientscore(with({"evidence", "EVIL\x1b[2", in}, period));
        CHECK(unknown_evidence.status == 3);
        check_clean_stderr(unknown_evidence);

        // A bad row under --strict is an error quoting the value.
        const RunResult strict = run_clientscore(with({"rank", in, "--strict"}, period));
        CHECK(strict.status == 3);
        check_clean_stderr(strict);
        // Usage errors quoting an argument, with their hints.
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"rank", in, "--sort", k_hostile + "\xff"},
              std::vector<std::string>{"rank", in, "--date-format", "%Y" + k_hostile},
              std::vector<std::string>{"rank", in, "--where", "client=" + k_hostile + "\xff"},
              std::vector<std::string>{"rank", in, "--where", k_hostile + "=x"},
              std::vector<std::string>{"rank", in, "--format", k_hostile},
              std::vector<std::string>{"--no-such" + k_hostile},
              std::vector<std::string>{"rank", in, "--calls", (dir / ("missing" + k_hostile + "\xff")).string()},
              std::vector<std::string>{"rank", in, "--baseline", (dir / ("gone" + k_hostile)).string()}}) {
            const RunResult r = run_clientscore(with(args, period));
            INFO(args.back());
            CHECK((r.status >= 0 && r.status <= 3));  // a --where that matches nothing may run
            CHECK((r.err.empty() || r.err.rfind("clientscore: ", 0) == 0));
            check_clean_stderr(r);
        }
        // A file with bytes that are not UTF-8 is refused; the message stays clean.
        TempDir latin;
        write_file(latin / "calls.csv", "client,started_at,notes\nA,2026-09-01 10:00,caf\xe9 \x1b[2J\n");
        const RunResult refused = run_clientscore({"rank", latin.path().string()});
        CHECK(refused.status == 3);
        check_clean_stderr(refused);
    }

    SECTION("JSON and CSV to a pipe keep the text exactly as exported; TSV escapes it") {
        const RunResult evidence = run_clientscore(with({"evidence", k_id, in, "--format", "json"}, period));
        REQUIRE(evidence.status == 0);
        check_clean_stderr(evidence);
        const json report = json::parse(evidence.out);
        CHECK(report["client"] == k_id);
        CHECK(report["name"] == k_name);
        bool call_seen = false;
        for (const auto& event : report["events"]) {
            if (event["kind"] == "call") {
                CHECK(event["text"] == k_note);
                call_seen = true;
            }
        }
        CHECK(call_seen);
        const RunResult csv = run_clientscore(with({"rank", in, "--format", "csv"}, period));
        CHECK(csv.out.find("," + k_name + ",") != std::string::npos);
        const RunResult tsv = run_clientscore(with({"evidence", k_id, in, "--format", "tsv"}, period));
        CHECK(first_raw_control(tsv.out, true).find(": 0x1b") != std::string::npos);  // as exported, tab-separated
        // JSON's warnings are the lines of standard error (SPEC §5), escapes and all.
        const RunResult rank = run_clientscore(with({"rank", in, "--format", "json"}, period));
        const json ranked = json::parse(rank.out);
        std::string lines;
        for (const auto& w : ranked["warnings"]) {
            lines += w.get<std::string>() + "\n";
        }
        CHECK(lines == rank.err);
    }

    SECTION("on a terminal, colour on: nothing but the verdicts' colours, in every format") {
        // The program's own SGR colour codes are the only escape sequences a terminal may see.
        const std::regex colour("\x1b\\[[0-9;]*m");
        for (const auto& args : {std::vector<std::string>{"rank", in}, std::vector<std::string>{"explain", k_id, in},
                                 std::vector<std::string>{"evidence", k_id, in}, std::vector<std::string>{"check", in},
                                 std::vector<std::string>{"explain", "EVIL\x1b]0;titl", in},
                                 // the formats that keep text as exported, shown to a person
                                 std::vector<std::string>{"evidence", k_id, in, "--format", "json"},
                                 std::vector<std::string>{"rank", in, "--format", "csv"},
                                 std::vector<std::string>{"evidence", k_id, in, "--format", "tsv"},
                                 std::vector<std::string>{"rank", in, "--format", "html"}}) {
            const std::optional<std::string> shown = run_on_terminal(dir, with(args, period));
            if (!shown) {
                WARN("script(1) is not installed: the terminal check is skipped");
                return;
            }
            // The pty turns each line feed into CR LF.
            const std::string plain = std::regex_replace(std::regex_replace(*shown, colour, ""), std::regex("\r\n"), "\n");
            INFO(args.front() << "\n" << plain);
            CHECK_FALSE(plain.empty());
            CHECK(first_raw_control(plain, true).empty());
        }
    }
}

#include "clientscore/app.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <new>

#include "app/analysis.hpp"
#include "app/terminal_writer.hpp"
#include "app/warning_log.hpp"
#include "clientscore/memory.hpp"
#include "clientscore/error.hpp"
#include "clientscore/options.hpp"
#include "clientscore/render.hpp"

namespace clientscore {

namespace {

// Every line to standard error passes here: on a terminal it is wrapped between words to the
// terminal's width (a warning of 300 characters otherwise breaks mid-word); elsewhere, a line
// is a line, for grep and cron mails.
void say(const std::string& line) {
    winsize size{};
    if (::isatty(STDERR_FILENO) == 1 && ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        fmt::print(stderr, "{}\n", wrap_message(line, size.ws_col));
        return;
    }
    fmt::print(stderr, "{}\n", line);
}

void print_error(const std::string& message, const std::string& hint) {
    say(program_line(message));
    if (!hint.empty()) {
        say(program_line("hint: " + hint));
    }
}

std::string out_of_memory_message() {
    const std::optional<FailedAllocation> failed = last_failed_allocation();
    if (!failed) {
        return "out of memory";
    }
    const double mib = static_cast<double>(failed->bytes) / (1024.0 * 1024.0);
    std::string asked = mib >= 1 ? fmt::format("{:.0f} MiB", mib) : fmt::format("{} bytes", failed->bytes);
    return failed->file.empty() ? fmt::format("out of memory (an allocation of {} failed)", asked)
                                : fmt::format("{}: out of memory while reading it (an allocation of {} failed)",
                                              failed->file, asked);
}

std::optional<int> terminal_width() {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return static_cast<int>(size.ws_col);
    }
    return std::nullopt;
}

RenderOptions render_options(const Options& o, const OutputTarget& out) {
    RenderOptions r;
    r.format = o.format;
    r.top = o.top;
    r.sort = o.sort;
    r.threads = o.threads;
    const char* no_color = std::getenv("NO_COLOR");
    const bool no_color_set = no_color != nullptr && *no_color != '\0';
    switch (o.color) {
        case ColorMode::always:
            r.color = true;
            break;
        case ColorMode::never:
            r.color = false;
            break;
        case ColorMode::automatic:
            r.color = out.is_terminal() && !no_color_set;
            break;
    }
    if (out.is_terminal()) {
        r.terminal_width = terminal_width();
    }
    return r;
}

// SPEC §1: a workbook is bytes a terminal cannot show; said before any export is read.
void refuse_binary_to_terminal(const Options& o, bool terminal) {
    if (o.format == OutputFormat::xlsx && terminal) {
        throw UsageError("--format xlsx: a workbook cannot be written to a terminal",
                         "write it to a file: -o report.xlsx");
    }
}

int run_command(const Options& o) {
    refuse_binary_to_terminal(o, !o.output && ::isatty(STDOUT_FILENO) == 1);
    auto warn = [&](const std::string& line) {
        if (!o.quiet) {
            say(line);
        }
    };
    int status = 0;
    std::optional<std::string> failure;  // why the status is 1, said after the report
    // The report is built before the output is opened, so an input error leaves no file behind.
    std::optional<RankReport> rank;
    std::optional<ExplainReport> explain;
    std::optional<EvidenceReport> evidence;
    std::optional<CheckReport> check;
    switch (o.command) {
        case Command::rank: {
            Analysis a = analyse(o, std::nullopt, warn);
            failure = failure_reason(a, o);
            status = failure ? 1 : 0;
            rank = build_rank_report(std::move(a));
            break;
        }
        case Command::explain: {
            Analysis a = analyse(o, o.client, warn);
            explain = build_explain_report(a, o.client, o);
            failure = failure_reason(a, o);
            status = failure ? 1 : 0;
            break;
        }
        case Command::evidence: {
            Analysis a = analyse(o, o.client, warn);
            evidence = build_evidence_report(a, o.client);
            break;
        }
        case Command::check:
            check = run_check(o, warn);
            status = check->ok ? 0 : static_cast<int>(ExitCode::input);
            for (const std::string& e : check->errors) {
                say(program_line(e));
            }
            break;
    }

    OutputTarget out(o.output);
    refuse_binary_to_terminal(o, out.is_terminal());
    RenderOptions ro = render_options(o, out);
    // A person at a terminal reads even the formats that keep export text as exported.
    std::optional<TerminalTextWriter> shown;
    if (out.is_terminal() && keeps_export_text(o.format)) {
        shown.emplace(out);
    }
    Writer& sink = shown ? static_cast<Writer&>(*shown) : out;
    try {
        if (rank) {
            render_rank(*rank, ro, sink);
        } else if (explain) {
            render_explain(*explain, ro, sink);
        } else if (evidence) {
            render_evidence(*evidence, ro, sink);
        } else if (check) {
            render_check(*check, ro, sink);
        }
        if (shown) {
            shown->finish();
        }
        out.commit();
        if (failure) {
            // Not a warning: said under -q too, so that cron, which mails what a job prints and
            // not its exit status, mails why.
            say(program_line(*failure));
        }
    } catch (const OutputError&) {
        if (out.broken_pipe()) {
            return status;  // `| head` closed the pipe: a normal end (SPEC §1)
        }
        throw;
    }
    return status;
}

}  // namespace

int run(int argc, const char* const* argv) {
    // A closed pipe must surface as EPIPE from write(), not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    return run_guarded([&] {
        ParsedCommandLine parsed = parse_command_line(argc, argv);
        if (parsed.exit_now) {
            return parsed.exit_code;
        }
        return run_command(parsed.options);
    });
}

int run_guarded(const std::function<int()>& body) {
    try {
        return body();
    } catch (const UsageError& e) {
        print_error(e.what(), e.hint());
        return static_cast<int>(ExitCode::usage);
    } catch (const InputError& e) {
        print_error(e.located_message(), e.hint());
        return static_cast<int>(ExitCode::input);
    } catch (const OutputError& e) {
        print_error(e.what(), {});
        return static_cast<int>(ExitCode::output);
    } catch (const std::bad_alloc&) {
        print_error(out_of_memory_message(),
                    "run on a smaller period with --from/--to or --month, or on a machine with more memory");
        return static_cast<int>(ExitCode::input);
    } catch (const std::exception& e) {
        // A bug, not the user's input: say so rather than let terminate() print an abort.
        print_error(fmt::format("internal error: {}", e.what()),
                    "please report it with the command line and, if you can, the exports' headers");
        return static_cast<int>(ExitCode::input);
    }
}

}  // namespace clientscore

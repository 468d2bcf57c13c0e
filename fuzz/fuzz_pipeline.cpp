// libFuzzer target: the whole pipeline on a folder of exports made from the input.
//
// Input format: an options line, then files, each introduced by a line `%%K` where K names the
// file: c calls, e emails, i invoices, d discounts, l clients, t contacts, h holidays (given
// with --holidays), x fx rates (given with --fx). The options line is split on spaces into
// command-line words (`json --strict explain C018`); the first word that is a command chooses
// it. A word `gz` writes the exports gzip-compressed. Files of one kind are read as one, in
// order. Without any `%%` line the whole input is a calls file (the CSV seed corpora).
// A word `slice` reads the folder twice: on one thread, then on two threads with every file
// cut into slices of a few bytes (CLIENTSCORE_SLICE_BYTES); both runs must end alike and a
// report must be byte-identical, the promise of README "Performance".
//
// The folder is read, scored and rendered through the library (parse_command_line, analyse,
// build_*_report, render_*) into a string. UsageError and InputError are expected outcomes;
// any other exception escapes and is a finding, as is any crash or sanitizer report.

#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis.hpp"
#include "clientscore/error.hpp"
#include "clientscore/options.hpp"
#include "clientscore/render.hpp"

namespace {

using namespace clientscore;
namespace fs = std::filesystem;

fs::path g_dir;

struct Part {
    char kind;
    std::string text;
};

std::vector<Part> split(std::string_view input, std::string& options) {
    std::vector<Part> parts;
    std::size_t at = input.find("%%");
    if (at == std::string_view::npos || (at != 0 && input[at - 1] != '\n')) {
        // Seeds from the CSV suites: the whole input is a calls file.
        parts.push_back(Part{'c', std::string(input)});
        return parts;
    }
    options = std::string(input.substr(0, at));
    while (at != std::string_view::npos && at + 2 < input.size()) {
        const char kind = input[at + 2];
        std::size_t begin = input.find('\n', at);
        begin = begin == std::string_view::npos ? input.size() : begin + 1;
        std::size_t next = input.find("\n%%", begin == 0 ? 0 : begin - 1);
        const std::size_t end = next == std::string_view::npos ? input.size() : next + 1;
        parts.push_back(Part{kind, std::string(input.substr(begin, end > begin ? end - begin : 0))});
        at = next == std::string_view::npos ? next : next + 1;
    }
    return parts;
}

void write(const fs::path& path, const std::string& text, bool gzip) {
    if (gzip) {
        gzFile f = gzopen((path.string() + ".gz").c_str(), "wb");
        if (f != nullptr) {
            if (!text.empty()) {
                gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
            }
            gzclose(f);
        }
        return;
    }
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size() && out.size() < 24) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\n' || line[i] == '\r')) {
            ++i;
        }
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\n' && line[j] != '\r') {
            ++j;
        }
        if (j > i) {
            out.emplace_back(line.substr(i, j - i));
        }
        i = j;
    }
    return out;
}

std::string run_one(const Options& o) {
    RenderOptions ro;
    ro.format = o.format;
    ro.top = o.top;
    ro.sort = o.sort;
    StringWriter out;
    const WarningSink quiet = [](const std::string&) {};
    switch (o.command) {
        case Command::rank: {
            Analysis a = analyse(o, std::nullopt, quiet);
            render_rank(build_rank_report(std::move(a)), ro, out);
            break;
        }
        case Command::explain: {
            const Analysis a = analyse(o, o.client, quiet);
            render_explain(build_explain_report(a, o.client), ro, out);
            break;
        }
        case Command::evidence: {
            const Analysis a = analyse(o, o.client, quiet);
            render_evidence(build_evidence_report(a, o.client), ro, out);
            break;
        }
        case Command::check:
            render_check(run_check(o, quiet), ro, out);
            break;
    }
    return out.text();
}

// The report, or the kind of error that ended the run: what a sliced run must reproduce.
std::string outcome(const Options& o) {
    try {
        return "report\n" + run_one(o);
    } catch (const UsageError&) {
        return "usage error";
    } catch (const InputError& e) {
        if (e.located_message().empty()) {
            std::abort();
        }
        return "input error";
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // One reader thread: a finding must reproduce from its input alone.
    setenv("CLIENTSCORE_THREADS", "1", 1);
    std::string pattern = (fs::temp_directory_path() / "clientscore-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        std::abort();
    }
    g_dir = pattern;
    std::atexit([] {
        std::error_code ignored;
        fs::remove_all(g_dir, ignored);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string option_line;
    const std::vector<Part> parts =
        split(std::string_view(reinterpret_cast<const char*>(data), size), option_line);
    std::vector<std::string> argv_words = words(option_line);
    bool gzip = false;
    bool sliced = false;
    std::vector<const char*> argv = {"clientscore"};
    for (const std::string& w : argv_words) {
        if (w == "gz") {
            gzip = true;
        } else if (w == "slice") {
            sliced = true;
        } else {
            argv.push_back(w.c_str());
        }
    }

    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(g_dir, ignored)) {
        fs::remove_all(entry.path(), ignored);
    }
    int counts[256] = {};
    std::optional<std::string> holidays;
    std::optional<std::string> fx;
    for (const Part& p : parts) {
        std::string stem;
        switch (p.kind) {
            case 'c': stem = "calls"; break;
            case 'e': stem = "emails"; break;
            case 'i': stem = "invoices"; break;
            case 'd': stem = "discounts"; break;
            case 'l': stem = "clients"; break;
            case 't': stem = "contacts"; break;
            case 'h': stem = "holidays"; break;
            case 'x': stem = "fx"; break;
            default: continue;
        }
        const int n = ++counts[static_cast<unsigned char>(p.kind)];
        const fs::path path = g_dir / (stem + "-" + std::to_string(n) + ".csv");
        write(path, p.text, gzip && p.kind != 'h' && p.kind != 'x');
        if (p.kind == 'h') {
            holidays = path.string();
        } else if (p.kind == 'x') {
            fx = path.string();
        }
    }

    Options o;
    try {
        ParsedCommandLine parsed = parse_command_line(static_cast<int>(argv.size()), argv.data());
        if (parsed.exit_now) {
            return 0;
        }
        o = parsed.options;
    } catch (const UsageError&) {
        return 0;
    } catch (const InputError&) {
        return 0;  // a mistyped command that names no folder (SPEC §1), as app.cpp maps it
    }
    // Only the folder made here is read, whatever the words said.
    o.dir = g_dir.string();
    o.files = {};
    o.holidays_file = holidays;
    o.fx_file = fx;
    o.output.reset();
    const std::string single = outcome(o);
    if (sliced) {
        setenv("CLIENTSCORE_THREADS", "2", 1);
        setenv("CLIENTSCORE_SLICE_BYTES", "24", 1);
        const std::string parallel = outcome(o);
        setenv("CLIENTSCORE_THREADS", "1", 1);
        unsetenv("CLIENTSCORE_SLICE_BYTES");
        if (parallel != single) {
            std::fprintf(stderr, "one thread:\n%s\nsliced on two threads:\n%s\n", single.c_str(), parallel.c_str());
            std::abort();
        }
    }
    return 0;
}

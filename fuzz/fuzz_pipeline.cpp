// libFuzzer target: the whole pipeline on a folder of exports made from the input.
//
// Input format: an options line, then files, each introduced by a line `%%K` where K names the
// file: c calls, e emails, i invoices, d discounts, l clients, t contacts, w time entries, h
// holidays (given with --holidays), x fx rates (given with --fx), b a baseline JSON (given with
// --baseline). `%%XK` makes the CSV text of kind K an .xlsx workbook instead (cells split at
// commas, numbers as number cells), so the workbook reader feeds the pipeline. The options
// line is split on spaces into command-line words (`json --strict explain C018`; a word in
// double quotes keeps its spaces: `--date-format "%d %b %Y"`), so every revision-3 option
// (--where, --date-format, --header-row, --max-bad-rows, --aging) comes from it; the first word
// that is a command chooses it. A word `gz` writes the exports gzip-compressed. Files of one
// kind are read as one, in order. Without any `%%` line the whole input is a calls file (the
// CSV seed corpora).
// A word `slice` reads the folder twice: on one thread, then on two threads with every file
// cut into slices of a few bytes (CLIENTSCORE_SLICE_BYTES); both runs must end alike and a
// report must be byte-identical, the promise of README "Performance".
//
// The folder is read, scored and rendered through the library (parse_command_line, analyse,
// build_*_report, render_*) into a string, and every report but check's also as html and as
// xlsx, whatever the format asked: the html page may hold no `<script` but its own and no
// `on...=` attribute (export text is escaped, SPEC §5 ◆12), and no sheet of the workbook a
// formula cell `<f>`. UsageError and InputError are expected outcomes; any other exception
// escapes and is a finding, as is any crash, sanitizer report or broken output promise.

#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
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
    bool workbook = false;  ///< `%%XK`: written as an .xlsx workbook
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
        const bool workbook = input[at + 2] == 'X' && at + 3 < input.size();
        const char kind = input[at + (workbook ? 3 : 2)];
        std::size_t begin = input.find('\n', at);
        begin = begin == std::string_view::npos ? input.size() : begin + 1;
        std::size_t next = input.find("\n%%", begin == 0 ? 0 : begin - 1);
        const std::size_t end = next == std::string_view::npos ? input.size() : next + 1;
        parts.push_back(Part{kind, std::string(input.substr(begin, end > begin ? end - begin : 0)), workbook});
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
    const auto space = [&](std::size_t k) { return line[k] == ' ' || line[k] == '\n' || line[k] == '\r'; };
    while (i < line.size() && out.size() < 24) {
        while (i < line.size() && space(i)) {
            ++i;
        }
        if (i < line.size() && line[i] == '"') {
            const std::size_t close = line.find('"', i + 1);
            const std::size_t end = close == std::string::npos ? line.size() : close;
            out.emplace_back(line.substr(i + 1, end - i - 1));
            i = end + 1;
            continue;
        }
        std::size_t j = i;
        while (j < line.size() && !space(j)) {
            ++j;
        }
        if (j > i) {
            out.emplace_back(line.substr(i, j - i));
        }
        i = j;
    }
    return out;
}

void check(bool condition, const char* what, const std::string& output) {
    if (!condition) {
        std::fprintf(stderr, "%s\n%s\n", what, output.c_str());
        std::abort();
    }
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

/// The html page's promise: the renderer's one <script> (the sorting, at the end) and no other,
/// and no event-handler attribute on any tag. Text from the exports is escaped, so a `<` of
/// theirs is `&lt;` and can open no tag; a tag here is the renderer's.
void check_html(const std::string& page) {
    const std::string text = lower(page);
    std::size_t scripts = 0;
    for (std::size_t at = text.find("<script"); at != std::string::npos; at = text.find("<script", at + 1)) {
        ++scripts;
    }
    check(scripts == 1, "html: a <script> that is not the renderer's", page);
    for (std::size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
        if (text.compare(at, 8, "<script>") == 0 || text.compare(at, 7, "<style>") == 0) {
            // Raw text up to the closing tag: its `<` and `on` are code, not markup.
            const bool script = text[at + 2] == 'c';
            const std::size_t close = text.find(script ? "</script>" : "</style>", at);
            check(close != std::string::npos, "html: a <script> or <style> is not closed", page);
            at = close;
            continue;
        }
        const std::size_t end = text.find('>', at);
        check(end != std::string::npos, "html: a tag is not closed", page);
        // Attribute names: a space, then letters up to `=`; values are quoted, so skip those.
        for (std::size_t k = at + 1; k < end; ++k) {
            if (text[k] == '"' || text[k] == '\'') {
                const std::size_t quote = text.find(text[k], k + 1);
                check(quote != std::string::npos && quote < end, "html: an attribute value is not closed", page);
                k = quote;
                continue;
            }
            if ((text[k] == ' ' || text[k] == '\n' || text[k] == '\t' || text[k] == '/') && text.compare(k + 1, 2, "on") == 0) {
                std::size_t name_end = k + 3;
                while (name_end < end && std::isalpha(static_cast<unsigned char>(text[name_end]))) {
                    ++name_end;
                }
                check(name_end >= end || text[name_end] != '=', "html: an on...= attribute", page);
            }
        }
        at = end;
    }
}

/// The workbook's promise (SPEC §5 ◆12): cells are never formulas. Reads each sheet's XML
/// from the bytes the renderer wrote and looks for an <f> element.
void check_xlsx(const std::string& book) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(book.data(), book.size(), 0, &error);
    check(source != nullptr, "xlsx: no zip source", {});
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) {
        zip_source_free(source);
        check(false, "xlsx: the workbook is not a zip archive", {});
    }
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
        if (name == nullptr || std::string_view(name).find("worksheets/") == std::string_view::npos) {
            continue;
        }
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        check(file != nullptr, "xlsx: a sheet cannot be opened", name);
        std::string xml;
        char buffer[1 << 14];
        zip_int64_t got = 0;
        while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
            xml.append(buffer, static_cast<std::size_t>(got));
        }
        zip_fclose(file);
        check(got == 0, "xlsx: a sheet cannot be read", name);
        check(xml.find("<f>") == std::string::npos && xml.find("<f ") == std::string::npos &&
                  xml.find(":f>") == std::string::npos && xml.find(":f ") == std::string::npos,
              "xlsx: a formula cell", xml);
    }
    zip_discard(archive);
}

/// `report` rendered as html and as xlsx, each checked for its promise.
template <typename Report, typename Render>
void check_html_and_xlsx(const Report& report, const RenderOptions& base, Render render) {
    for (const OutputFormat format : {OutputFormat::html, OutputFormat::xlsx}) {
        RenderOptions ro = base;
        ro.format = format;
        StringWriter out;
        render(report, ro, out);
        if (format == OutputFormat::html) {
            check_html(out.text());
        } else {
            check_xlsx(out.text());
        }
    }
}

std::string xml_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // XML 1.0 has no place for C0 controls but tab; the workbook keeps the rest.
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
                    out += c;
                }
        }
    }
    return out;
}

bool looks_numeric(std::string_view text) {
    if (text.empty() || text.size() > 20) {
        return false;
    }
    bool digit = false;
    for (const char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digit = true;
        } else if (c != '.' && c != '-' && c != 'e' && c != 'E' && c != '+') {
            return false;
        }
    }
    return digit;
}

std::string column_name(std::size_t column) {
    std::string name;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return name;
}

/// `csv` as a one-sheet workbook: lines are rows, commas part cells, a number is a number cell
/// (five digits with a date style, so that dates come from serial numbers too), anything else
/// an inline string. Stored, not deflated, so that the bytes stay the input's.
void write_workbook(const fs::path& path, std::string_view csv) {
    std::string sheet = R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    std::size_t row = 0;
    for (std::size_t at = 0; at < csv.size() && row < 2000; ++row) {
        std::size_t end = csv.find('\n', at);
        end = end == std::string_view::npos ? csv.size() : end;
        std::string_view line = csv.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        sheet += "<row r=\"" + std::to_string(row + 1) + "\">";
        std::size_t column = 0;
        for (std::size_t from = 0; from <= line.size() && column < 64; ++column) {
            std::size_t comma = line.find(',', from);
            comma = comma == std::string_view::npos ? line.size() : comma;
            const std::string_view cell = line.substr(from, comma - from);
            const std::string ref = column_name(column) + std::to_string(row + 1);
            if (looks_numeric(cell)) {
                // A whole number of five digits reads as a date serial (46266 is 2026-09-01).
                const bool serial = cell.size() == 5 && cell.find_first_not_of("0123456789") == std::string_view::npos;
                sheet += "<c r=\"" + ref + "\"" + (serial ? " s=\"1\"" : "") + "><v>" + std::string(cell) + "</v></c>";
            } else if (!cell.empty()) {
                sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml_text(cell) + "</t></is></c>";
            }
            from = comma + 1;
        }
        sheet += "</row>";
        at = end + 1;
    }
    sheet += "</sheetData></worksheet>";
    const std::string ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)"},
        {"_rels/.rels", R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type=")" + ns + R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml", R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r=")" + ns + R"("><sheets><sheet name="Sheet1" sheetId="1" r:id="r1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels", R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type=")" + ns + R"(/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type=")" + ns + R"(/styles" Target="styles.xml"/></Relationships>)"},
        {"xl/styles.xml", R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>)"},
        {"xl/worksheets/sheet1.xml", sheet},
    };
    int code = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (zip == nullptr) {
        std::abort();
    }
    for (const auto& [name, bytes] : parts) {
        zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(zip) != 0) {
        std::abort();
    }
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
            const RankReport report = build_rank_report(std::move(a));
            render_rank(report, ro, out);
            check_html_and_xlsx(report, ro, render_rank);
            break;
        }
        case Command::explain: {
            const Analysis a = analyse(o, o.client, quiet);
            const ExplainReport report = build_explain_report(a, o.client, o);
            render_explain(report, ro, out);
            check_html_and_xlsx(report, ro, render_explain);
            break;
        }
        case Command::evidence: {
            const Analysis a = analyse(o, o.client, quiet);
            const EvidenceReport report = build_evidence_report(a, o.client);
            render_evidence(report, ro, out);
            check_html_and_xlsx(report, ro, render_evidence);
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
        fs::remove(g_dir.parent_path() / (g_dir.filename().string() + "-baseline.json"), ignored);
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
    std::optional<std::string> baseline;
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
            case 'w': stem = "time"; break;
            case 'b': stem = "baseline"; break;
            default: continue;
        }
        const int n = ++counts[static_cast<unsigned char>(p.kind)];
        // Outside the folder, so that discovery does not take it for an export.
        if (p.kind == 'b') {
            baseline = (g_dir.parent_path() / (g_dir.filename().string() + "-baseline.json")).string();
            write(*baseline, p.text, false);
            continue;
        }
        const bool workbook = p.workbook && p.kind != 'h' && p.kind != 'x';
        const fs::path path = g_dir / (stem + "-" + std::to_string(n) + (workbook ? ".xlsx" : ".csv"));
        if (workbook) {
            write_workbook(path, p.text);
        } else {
            write(path, p.text, gzip && p.kind != 'h' && p.kind != 'x');
        }
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
    o.baseline_file = baseline;
    if (!baseline) {
        o.fail_on_change.reset();  // needs a baseline; the words cannot name a file of their own
    }
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

// discover_inputs (SPEC §1): which files of a folder are exports, and of which kind.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>
#include <system_error>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/header/header_search.hpp"

namespace clientscore {

namespace {

namespace fs = std::filesystem;

// The order Discovery::files promises: the client list first, so that names are known before
// the records that use them; then contacts, then money.
constexpr std::array<Kind, k_kind_count> k_read_order = {Kind::clients,  Kind::calls,    Kind::emails,   Kind::contacts,
                                                         Kind::time,     Kind::invoices, Kind::discounts};

std::optional<Kind> kind_of_name(const std::string& lower_name) {
    for (std::size_t k = 0; k < k_kind_count; ++k) {
        if (lower_name.starts_with(k_kind_names[k])) {
            return static_cast<Kind>(k);
        }
    }
    return std::nullopt;
}

// `.csv`, `.tsv`, `.txt`, each optionally followed by `.gz`; `.xlsx`, read natively.
bool readable_extension(std::string lower_name) {
    if (lower_name.ends_with(".xlsx")) {
        return true;
    }
    if (lower_name.ends_with(".gz")) {
        lower_name.resize(lower_name.size() - 3);
    }
    return lower_name.ends_with(".csv") || lower_name.ends_with(".tsv") || lower_name.ends_with(".txt");
}

// The same file as one of `paths` (--fx, --holidays, ...), however either was written.
bool is_named_elsewhere(const std::string& path, const std::vector<std::string>& paths) {
    for (const std::string& other : paths) {
        std::error_code error;
        if (other == path || fs::equivalent(path, other, error)) {
            return true;
        }
    }
    return false;
}

// Two files of the same size and bytes (standard input is never compared).
bool same_bytes(const std::string& a, const std::string& b) {
    std::error_code error;
    if (a == "-" || b == "-" || fs::equivalent(a, b, error)) {
        return false;  // the same file named twice is the reader's to report, not a copy
    }
    const auto size = fs::file_size(a, error);
    if (error || size == 0 || fs::file_size(b, error) != size || error) {
        return false;
    }
    std::ifstream in_a(a, std::ios::binary);
    std::ifstream in_b(b, std::ios::binary);
    std::vector<char> block_a(1 << 16);
    std::vector<char> block_b(1 << 16);
    while (in_a && in_b) {
        in_a.read(block_a.data(), static_cast<std::streamsize>(block_a.size()));
        in_b.read(block_b.data(), static_cast<std::streamsize>(block_b.size()));
        if (in_a.gcount() != in_b.gcount() ||
            !std::equal(block_a.begin(), block_a.begin() + in_a.gcount(), block_b.begin())) {
            return false;
        }
        if (in_a.gcount() == 0) {
            break;
        }
    }
    return true;
}

std::string base_name(const std::string& path) {
    if (path == "-") {
        return "-";
    }
    const std::string name = fs::path(path).filename().string();
    return name.empty() ? path : name;
}

}  // namespace

Discovery discover_inputs(const std::optional<std::string>& dir, const ExplicitFiles& explicit_files,
                          const DiscoverySettings& settings) {
    bool any_explicit = false;
    int stdin_count = 0;
    for (const auto& files : explicit_files) {
        any_explicit = any_explicit || !files.empty();
        stdin_count += static_cast<int>(std::count(files.begin(), files.end(), "-"));
    }
    if (stdin_count > 1) {
        throw UsageError("standard input (-) can stand for one file only",
                         "give the other exports as files, or put them in a folder");
    }

    struct Found {
        std::string name;
        std::string path;
        FoundBy by;
    };
    std::array<std::vector<Found>, k_kind_count> found;
    std::vector<std::pair<std::string, NotRead>> not_read;

    const std::optional<std::string> folder = dir ? dir : (any_explicit ? std::nullopt : std::optional<std::string>("."));
    if (folder) {
        std::error_code error;
        if (!fs::is_directory(*folder, error)) {
            throw InputError(Location{*folder, 0, {}},
                             fs::exists(*folder, error) ? "is not a folder" : "no such folder",
                             "give the folder that holds the exports, or name the files with --calls, --invoices, ...");
        }
        fs::directory_iterator it(*folder, error);
        if (error) {
            throw InputError(Location{*folder, 0, {}}, fmt::format("cannot be listed: {}", error.message()));
        }
        for (; it != fs::directory_iterator(); it.increment(error)) {
            if (error) {
                throw InputError(Location{*folder, 0, {}}, fmt::format("cannot be listed: {}", error.message()));
            }
            std::error_code type_error;
            if (it->is_directory(type_error)) {
                continue;
            }
            const std::string name = it->path().filename().string();
            const std::string lower = ascii_lower(name);
            const std::optional<Kind> kind = kind_of_name(lower);
            const std::string path = (fs::path(*folder) / name).string();
            if (!kind) {
                // `~$name.xlsx` is Excel's lock file beside a workbook it has open, not a table.
                if (!readable_extension(lower) || lower.starts_with("~$") ||
                    is_named_elsewhere(path, settings.not_exports)) {
                    continue;
                }
                // A table file the names do not place is read by its header, or named: never a
                // silent hole in the report.
                ingest::HeaderKind by_header;
                try {
                    const ingest::RawInput raw(path, name);
                    by_header = ingest::kind_by_header(raw, settings.read);
                } catch (const InputError& error) {
                    by_header.why = fmt::format("it cannot be read: {}", error.what());
                }
                if (!by_header.kind) {
                    not_read.emplace_back(name, NotRead{path, by_header.why});
                } else if (explicit_files[static_cast<std::size_t>(*by_header.kind)].empty()) {
                    found[static_cast<std::size_t>(*by_header.kind)].push_back(Found{name, path, FoundBy::header});
                }
                continue;
            }
            if (!explicit_files[static_cast<std::size_t>(*kind)].empty()) {
                continue;  // its kind was named explicitly
            }
            if (readable_extension(lower)) {
                found[static_cast<std::size_t>(*kind)].push_back(Found{name, path, FoundBy::name});
            } else {
                not_read.emplace_back(name, NotRead{path, "only CSV, TSV and TXT files (also gzipped) and .xlsx "
                                                          "workbooks are read: save it as CSV or .xlsx"});
            }
        }
    }
    for (std::size_t k = 0; k < k_kind_count; ++k) {
        for (const std::string& path : explicit_files[k]) {
            found[k].push_back(Found{base_name(path), path, FoundBy::option});
        }
    }

    Discovery discovery;
    for (const Kind kind : k_read_order) {
        auto& files = found[static_cast<std::size_t>(kind)];
        // Name order is byte order of the base name; stable so equal names keep the given order.
        std::stable_sort(files.begin(), files.end(), [](const Found& a, const Found& b) { return a.name < b.name; });
        for (const Found& f : files) {
            discovery.files.push_back(InputFile{f.path, kind, f.name, std::nullopt, f.by});
        }
    }
    // Read as one, as SPEC §1 says; but `calls (1).csv` beside `calls.csv` is most often one
    // download saved twice, which would count every call twice: said, never silent.
    for (std::size_t i = 0; i < discovery.files.size(); ++i) {
        for (std::size_t j = i + 1; j < discovery.files.size(); ++j) {
            const InputFile& a = discovery.files[i];
            const InputFile& b = discovery.files[j];
            if (a.kind == b.kind && same_bytes(a.path, b.path)) {
                discovery.duplicates.push_back(
                    fmt::format("{} has the same bytes as {}: both are read, so its {} count twice; remove the copy "
                                "if it is one download saved twice",
                                b.path, a.path, k_kind_names[static_cast<std::size_t>(a.kind)]));
            }
        }
    }
    std::sort(not_read.begin(), not_read.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& entry : not_read) {
        discovery.not_read.push_back(std::move(entry.second));
    }

    const bool has_activity = std::any_of(discovery.files.begin(), discovery.files.end(), [](const InputFile& f) {
        return f.kind == Kind::calls || f.kind == Kind::emails || f.kind == Kind::contacts || f.kind == Kind::time ||
               f.kind == Kind::invoices;
    });
    // check validates any export on its own (a discounts file alone); a report needs activity.
    if (!has_activity && (settings.need_activity || discovery.files.empty())) {
        throw InputError(Location{folder.value_or(std::string{}), 0, {}},
                         "no calls, emails, contacts, time or invoices export found",
                         "exports are found by name (calls*.csv, emails*.csv, contacts*.csv, time*.csv, invoices*.csv, also "
                         ".tsv, .txt, .xlsx and .gz) or by a header that names their kind's columns, or given "
                         "with --calls FILE, --invoices FILE, ...");
    }
    return discovery;
}

}  // namespace clientscore

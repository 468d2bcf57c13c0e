// plan_slices: cutting one large export into parts that separate readers can share.
//
// A record boundary is an LF outside quotes. The CSV layer counts quotes as fast-cpp-csv-parser
// does (every `"` toggles), so the parity of the quotes before a byte says whether it is inside
// a quoted field: counting quotes and LFs up to each cut gives a safe boundary and the physical
// line it starts, without parsing anything.

#include <sys/stat.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "clientscore/ingest.hpp"
#include "ingest/byte_source.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/preset_detect.hpp"
#include "ingest/row_problems.hpp"

namespace clientscore {

namespace {

constexpr std::size_t k_block = std::size_t{1} << 20;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Where the header record ends, and how many physical lines it spans (quoted line breaks in a
// header name make it more than one).
struct HeaderEnd {
    std::uint64_t end = 0;
    std::int64_t lines = 0;
};

// Quotes and LFs in `data`: the scan before each cut runs over most of a large file before the
// readers start, so it counts 16 bytes a step (SSE2 is part of every x86-64). The matches of
// each byte lane are summed in 8-bit counters, folded into 64-bit sums every 255 steps: a
// popcount per step would be a libgcc call without -mpopcnt, 3% of a whole run (perf).
struct Counts {
    std::uint64_t quotes = 0;
    std::uint64_t lfs = 0;
};
Counts count_quotes_and_lfs(const char* data, std::size_t size) {
    Counts c;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i zero = _mm_setzero_si128();
    auto fold = [&zero](__m128i lanes) {
        const __m128i sums = _mm_sad_epu8(lanes, zero);  // two 64-bit sums of eight lanes each
        return static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) +
               static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    };
    while (i + 16 <= size) {
        __m128i quotes = zero;
        __m128i lfs = zero;
        for (int step = 0; step < 255 && i + 16 <= size; ++step, i += 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            // A match is 0xFF (-1) in its lane: subtracting it counts one.
            quotes = _mm_sub_epi8(quotes, _mm_cmpeq_epi8(bytes, quote));
            lfs = _mm_sub_epi8(lfs, _mm_cmpeq_epi8(bytes, lf));
        }
        c.quotes += fold(quotes);
        c.lfs += fold(lfs);
    }
#endif
    for (; i < size; ++i) {
        c.quotes += data[i] == '"';
        c.lfs += data[i] == '\n';
    }
    return c;
}

}  // namespace

std::vector<FileSlice> plan_slices(const InputFile& file, std::size_t parts, std::uint64_t min_slice_bytes,
                                   const ReadSettings& settings) {
    if (parts < 2 || file.path == "-" || file.slice || !ingest::is_utf8_name(settings.encoding)) {
        return {};
    }
    struct stat info {};
    if (::stat(file.path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return {};
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (min_slice_bytes == 0 || size < 2 * min_slice_bytes) {
        return {};
    }
    parts = static_cast<std::size_t>(std::min<std::uint64_t>(parts, size / min_slice_bytes));

    // Only a file whose header is its first line is cut: the header part of every slice is
    // then exactly that line. A preset that merges rows across the file (one contact per
    // incident, one total per invoice) or finds its header below title lines needs it whole.
    {
        const ingest::RawInput raw(file.path, file.display_name);
        ingest::CsvReader csv(raw, settings.encoding);
        if (!csv.has_header() || csv.header_line() != 1) {
            return {};
        }
        const ingest::PresetChoice preset = ingest::choose_preset(file.kind, csv.header(), settings.preset);
        if (preset.preset != nullptr && ingest::needs_whole_file(*preset.preset)) {
            return {};
        }
    }

    std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.path.c_str(), "rb"));
    if (!in) {
        return {};
    }
    std::vector<char> block(k_block + 1);
    std::uint64_t at = 0;          // file offset of block[0]
    std::uint64_t lines = 0;       // LFs before block[0]
    bool in_quotes = false;        // quote parity before block[0]
    std::optional<HeaderEnd> header;
    std::vector<std::uint64_t> cuts;
    std::vector<std::int64_t> cut_lines;
    std::size_t next_cut = 1;
    while (next_cut < parts) {
        const std::size_t got = std::fread(block.data(), 1, k_block, in.get());
        if (got == 0) {
            break;
        }
        const char* data = block.data();
        if (at == 0 && got >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
            static_cast<unsigned char>(data[1]) == 0x8B) {
            return {};  // gzip: its bytes are not the text
        }
        // A CR not followed by LF ends a line for the CSV layer (old Mac files), which LF
        // counting would miss: such files are read whole.
        for (const char* cr = static_cast<const char*>(std::memchr(data, '\r', got)); cr != nullptr;
             cr = static_cast<const char*>(std::memchr(cr + 1, '\r', static_cast<std::size_t>(data + got - cr - 1)))) {
            if (cr + 1 == data + got) {
                const int after = std::fgetc(in.get());
                if (after != EOF) {
                    std::ungetc(after, in.get());
                }
                if (after != '\n' && after != EOF) {
                    return {};
                }
                break;
            }
            if (cr[1] != '\n') {
                return {};
            }
        }
        const std::uint64_t target = size * next_cut / parts;
        const bool needs_scan = !header || at + got > target;
        if (!needs_scan) {
            // Nothing to find in this block: count and move on.
            const Counts counts = count_quotes_and_lfs(data, got);
            in_quotes ^= (counts.quotes & 1) != 0;
            lines += counts.lfs;
            at += got;
            continue;
        }
        for (std::size_t i = 0; i < got; ++i) {
            const char c = data[i];
            if (c == '"') {
                in_quotes = !in_quotes;
            } else if (c == '\n') {
                ++lines;
                if (in_quotes) {
                    continue;
                }
                const std::uint64_t after = at + i + 1;
                if (!header) {
                    header = HeaderEnd{after, static_cast<std::int64_t>(lines)};
                } else if (next_cut < parts && after >= size * next_cut / parts && after < size) {
                    cuts.push_back(after);
                    cut_lines.push_back(static_cast<std::int64_t>(lines) + 1);
                    ++next_cut;
                }
            }
        }
        at += got;
    }
    if (!header || cuts.empty()) {
        return {};
    }

    std::vector<FileSlice> slices;
    std::uint64_t begin = header->end;
    std::int64_t begin_line = header->lines + 1;
    for (std::size_t k = 0; k <= cuts.size(); ++k) {
        FileSlice s;
        s.header_end = header->end;
        s.header_records = 1;  // the header is the first record (checked above)
        s.begin = begin;
        s.begin_line = begin_line;
        s.end = k < cuts.size() ? cuts[k] : size;
        slices.push_back(s);
        if (k < cuts.size()) {
            begin = cuts[k];
            begin_line = cut_lines[k];
        }
    }
    return slices;
}

FileReport merge_slice_reports(const std::vector<FileReport>& slices) {
    FileReport whole = slices.front();
    whole.file.slice.reset();
    whole.rows = whole.skipped = whole.ignored = 0;
    whole.problems.clear();
    whole.warnings.clear();
    whole.from.reset();
    whole.to.reset();
    whole.currencies.clear();
    bool dot = false;
    bool comma = false;
    for (const FileReport& part : slices) {
        whole.rows += part.rows;
        whole.skipped += part.skipped;
        whole.ignored += part.ignored;
        for (const Problem& p : part.problems) {
            if (whole.problems.size() < ingest::k_max_problems) {
                whole.problems.push_back(p);
            }
        }
        // A slice's warnings are its first bad rows, then maybe its own count line.
        const auto shown = std::min<std::size_t>(part.warnings.size(), static_cast<std::size_t>(part.skipped));
        for (std::size_t i = 0; i < shown && whole.warnings.size() < ingest::k_max_warnings; ++i) {
            whole.warnings.push_back(part.warnings[i]);
        }
        if (part.from) {
            whole.from = whole.from ? std::min(*whole.from, *part.from) : *part.from;
            whole.to = whole.to ? std::max(*whole.to, *part.to) : *part.to;
        }
        whole.currencies.insert(whole.currencies.end(), part.currencies.begin(), part.currencies.end());
        dot |= part.decimal == "." || part.decimal == "mixed";
        comma |= part.decimal == "," || part.decimal == "mixed";
    }
    const auto limit = static_cast<std::int64_t>(ingest::k_max_warnings);
    if (whole.skipped > limit) {
        whole.warnings.push_back(more_bad_rows_warning(whole.file.display_name, whole.skipped - limit));
    }
    std::sort(whole.currencies.begin(), whole.currencies.end());
    whole.currencies.erase(std::unique(whole.currencies.begin(), whole.currencies.end()), whole.currencies.end());
    whole.decimal = dot && comma ? std::string("mixed") : dot ? std::string(".") : comma ? std::string(",") : std::string();
    return whole;
}

}  // namespace clientscore

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
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_search.hpp"
#include "ingest/xlsx/workbook.hpp"
#include "ingest/presets/preset_detect.hpp"
#include "ingest/rows/row_problems.hpp"

namespace clientscore {

namespace {

// A workbook by its name or its first bytes, as RawInput tells one, without reading it.
bool is_workbook_file(const std::string& path) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    if (lower.ends_with(".xlsx")) {
        return true;
    }
    unsigned char magic[4] = {};
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    const std::size_t got = file ? std::fread(magic, 1, sizeof magic, file.get()) : 0;
    return ingest::is_zip_signature(magic, got);
}

constexpr std::size_t k_block = std::size_t{1} << 17;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Quotes, LFs, CRs and CRs followed by an LF in `data`: the planner runs over most of a large
// file while the first readers start, so it counts 16 bytes a step (SSE2 is part of every
// x86-64). The matches of each byte lane are summed in 8-bit counters, folded into 64-bit sums
// every 255 steps: a popcount per step would be a libgcc call without -mpopcnt. A CR in the
// last byte is not paired here: the caller looks at the next block's first byte.
struct Counts {
    std::uint64_t quotes = 0;
    std::uint64_t lfs = 0;
    std::uint64_t crs = 0;
    std::uint64_t crlfs = 0;
};
Counts count_bytes(const char* data, std::size_t size) {
    Counts c;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    auto fold = [&zero](__m128i lanes) {
        const __m128i sums = _mm_sad_epu8(lanes, zero);  // two 64-bit sums of eight lanes each
        return static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) +
               static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    };
    // i + 17 <= size: the load one byte further, for the byte after each CR, stays inside.
    while (i + 17 <= size) {
        __m128i quotes = zero;
        __m128i lfs = zero;
        __m128i crs = zero;
        __m128i crlfs = zero;
        for (int step = 0; step < 255 && i + 17 <= size; ++step, i += 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
            const __m128i is_cr = _mm_cmpeq_epi8(bytes, cr);
            // A match is 0xFF (-1) in its lane: subtracting it counts one.
            quotes = _mm_sub_epi8(quotes, _mm_cmpeq_epi8(bytes, quote));
            lfs = _mm_sub_epi8(lfs, _mm_cmpeq_epi8(bytes, lf));
            crs = _mm_sub_epi8(crs, is_cr);
            crlfs = _mm_sub_epi8(crlfs, _mm_and_si128(is_cr, _mm_cmpeq_epi8(after, lf)));
        }
        c.quotes += fold(quotes);
        c.lfs += fold(lfs);
        c.crs += fold(crs);
        c.crlfs += fold(crlfs);
    }
#endif
    for (; i < size; ++i) {
        c.quotes += data[i] == '"';
        c.lfs += data[i] == '\n';
        if (data[i] == '\r' && i + 1 < size) {
            ++c.crs;
            c.crlfs += data[i + 1] == '\n';
        }
    }
    return c;
}

}  // namespace

struct SlicePlanner::Impl {
    std::unique_ptr<std::FILE, FileCloser> in;
    std::uint64_t size = 0;
    std::size_t parts = 0;
    bool cuttable = false;
    bool failed = false;
    bool done = false;

    std::vector<char> block = std::vector<char>(k_block);
    std::size_t got = 0;      // bytes in block
    std::size_t pos = 0;      // next byte of block to look at
    std::uint64_t at = 0;     // file offset of block[0]
    std::uint64_t lines = 0;  // LFs before block[pos]
    bool in_quotes = false;   // quote parity before block[pos]
    bool cr_pending = false;  // the block before ended in a CR
    std::uint64_t header_end = 0;
    std::uint64_t begin = 0;  // where the next slice starts
    std::int64_t begin_line = 0;
    std::size_t next_cut = 1;

    std::uint64_t target() const { return size * next_cut / parts; }

    // Reads the next block; false at the end of the file.
    bool load() {
        at += got;
        got = std::fread(block.data(), 1, k_block, in.get());
        pos = 0;
        if (got == 0) {
            return false;
        }
        if (cr_pending && block[0] != '\n') {
            failed = true;
        }
        cr_pending = block[got - 1] == '\r';
        return true;
    }

    // Scans on to the next record boundary at or after `target` (any boundary when none is
    // given): its file offset and physical line, or none at the end of the file.
    std::optional<std::pair<std::uint64_t, std::int64_t>> find_boundary(std::optional<std::uint64_t> target) {
        for (;;) {
            if (pos == got && !load()) {
                return std::nullopt;
            }
            if (target && at + got <= *target) {
                // Nothing to find in the rest of this block: count and move on.
                const Counts counts = count_bytes(block.data() + pos, got - pos);
                if (counts.crs != counts.crlfs) {
                    failed = true;
                }
                in_quotes ^= (counts.quotes & 1) != 0;
                lines += counts.lfs;
                pos = got;
                continue;
            }
            for (; pos < got; ++pos) {
                const char c = block[pos];
                if (c == '"') {
                    in_quotes = !in_quotes;
                } else if (c == '\r' && pos + 1 < got && block[pos + 1] != '\n') {
                    failed = true;
                } else if (c == '\n') {
                    ++lines;
                    const std::uint64_t after = at + pos + 1;
                    if (!in_quotes && (!target || after >= *target)) {
                        ++pos;
                        return std::make_pair(after, static_cast<std::int64_t>(lines) + 1);
                    }
                }
            }
        }
    }
};

SlicePlanner::SlicePlanner(const InputFile& file, std::size_t parts, std::uint64_t min_slice_bytes,
                           const ReadSettings& settings)
    : m_impl(std::make_unique<Impl>()) {
    if (parts < 2 || file.path == "-" || file.slice || !ingest::is_utf8_name(settings.encoding)) {
        return;
    }
    struct stat info {};
    if (::stat(file.path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return;
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (min_slice_bytes == 0 || size < 2 * min_slice_bytes) {
        return;
    }
    if (is_workbook_file(file.path)) {
        return;  // an .xlsx file: its bytes are a zip archive, read whole as one sheet
    }
    m_impl->size = size;
    m_impl->parts = static_cast<std::size_t>(std::min<std::uint64_t>(parts, size / min_slice_bytes));

    // Only a file whose header is its first line is cut: the header part of every slice is
    // then exactly that line. A preset that merges rows across the file (one contact per
    // incident, one total per invoice) or finds its header below title lines needs it whole.
    try {
        const ingest::RawInput raw(file.path, file.display_name);
        const std::int64_t header_at = ingest::find_header_line(raw, file.kind, settings);
        if (header_at != 0 && header_at != 1) {
            return;
        }
        ingest::CsvReader csv(raw, settings.encoding, header_at);
        if (!csv.has_header() || csv.header_line() != 1) {
            return;
        }
        const ingest::PresetChoice preset = ingest::choose_preset(file.kind, csv.header(), settings.preset);
        if (preset.preset != nullptr && ingest::needs_whole_file(*preset.preset)) {
            return;
        }
    } catch (const std::exception&) {
        return;  // the reader of the whole file reports it
    }
    m_impl->in.reset(std::fopen(file.path.c_str(), "rb"));
    if (!m_impl->in) {
        return;
    }
    if (!m_impl->load()) {
        return;
    }
    if (m_impl->got >= 2 && static_cast<unsigned char>(m_impl->block[0]) == 0x1F &&
        static_cast<unsigned char>(m_impl->block[1]) == 0x8B) {
        return;  // gzip: its bytes are not the text
    }
    const auto header = m_impl->find_boundary(std::nullopt);
    if (!header || m_impl->failed) {
        return;
    }
    m_impl->header_end = m_impl->begin = header->first;
    m_impl->begin_line = header->second;
    m_impl->cuttable = true;
}

SlicePlanner::~SlicePlanner() = default;

bool SlicePlanner::cuttable() const { return m_impl->cuttable; }

bool SlicePlanner::failed() const { return m_impl->failed; }

std::optional<FileSlice> SlicePlanner::next() {
    Impl& p = *m_impl;
    if (!p.cuttable || p.done || p.failed) {
        return std::nullopt;
    }
    FileSlice s;
    s.header_end = p.header_end;
    s.header_records = 1;  // the header is the first record (checked above)
    s.begin = p.begin;
    s.begin_line = p.begin_line;
    s.end = p.size;
    std::optional<std::pair<std::uint64_t, std::int64_t>> cut;
    while (p.next_cut < p.parts && !cut) {
        cut = p.find_boundary(std::max(p.target(), p.begin + 1));
        ++p.next_cut;
        if (cut && cut->first >= p.size) {
            cut.reset();
            p.next_cut = p.parts;
        }
    }
    if (p.failed) {
        return std::nullopt;
    }
    if (cut) {
        s.end = cut->first;
        p.begin = cut->first;
        p.begin_line = cut->second;
    } else {
        p.done = true;
    }
    return s;
}

std::vector<FileSlice> plan_slices(const InputFile& file, std::size_t parts, std::uint64_t min_slice_bytes,
                                   const ReadSettings& settings) {
    SlicePlanner planner(file, parts, min_slice_bytes, settings);
    std::vector<FileSlice> slices;
    while (std::optional<FileSlice> s = planner.next()) {
        slices.push_back(*s);
    }
    if (planner.failed() || slices.size() < 2) {
        return {};
    }
    return slices;
}

FileReport merge_slice_reports(const std::vector<FileReport>& slices) {
    FileReport whole = slices.front();
    whole.file.slice.reset();
    whole.rows = whole.ignored = 0;
    whole.ignored_by.clear();
    whole.bad_rows = ProblemLog{};
    whole.from.reset();
    whole.to.reset();
    whole.currencies.clear();
    bool dot = false;
    bool comma = false;
    for (const FileReport& part : slices) {
        whole.rows += part.rows;
        whole.ignored += part.ignored;
        for (const auto& [why, count] : part.ignored_by) {
            const auto same = std::find_if(whole.ignored_by.begin(), whole.ignored_by.end(),
                                           [&](const auto& entry) { return entry.first == why; });
            if (same == whole.ignored_by.end()) {
                whole.ignored_by.emplace_back(why, count);
            } else {
                same->second += count;
            }
        }
        whole.bad_rows.merge(part.bad_rows);
        if (part.from) {
            whole.from = whole.from ? std::min(*whole.from, *part.from) : *part.from;
            whole.to = whole.to ? std::max(*whole.to, *part.to) : *part.to;
        }
        whole.currencies.insert(whole.currencies.end(), part.currencies.begin(), part.currencies.end());
        dot |= part.decimal == "." || part.decimal == "mixed";
        comma |= part.decimal == "," || part.decimal == "mixed";
    }
    std::sort(whole.currencies.begin(), whole.currencies.end());
    whole.currencies.erase(std::unique(whole.currencies.begin(), whole.currencies.end()),
                           whole.currencies.end());
    whole.decimal = dot && comma ? std::string("mixed")
                    : dot        ? std::string(".")
                    : comma      ? std::string(",")
                                 : std::string();
    return whole;
}

}  // namespace clientscore

#include "ingest/csv/csv_reader.hpp"

// fccp copies the file name into a fixed buffer with strncpy, truncating on purpose; GCC 12
// warns about that inside the library's header once it is inlined here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop
#else
#include <libfccp/csv.h>
#endif

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <type_traits>

#include "clientscore/error.hpp"
#include "ingest/bytes/byte_scan.hpp"
#include "ingest/bytes/text_guard.hpp"

namespace clientscore::ingest {

namespace {

constexpr char k_quote = '"';

// fast-cpp-csv-parser's quote policy concept: find_next_column_end with the semantics of its
// double_quote_escape (every quote toggles; the guard has already made quotes balance on each
// line), and our unescape, which also restores quoted line breaks and is RFC 4180-like about
// white space after a closing quote.
template <char Sep>
struct QuotePolicy {
    // Called on fast-cpp-csv-parser's line, which ends in a NUL well inside its buffer: the
    // sixteen-byte reads of find_first_of stay in that buffer.
    static const char* find_next_column_end(const char* col_begin) {
        const char* at = col_begin;
        while (*at != Sep && *at != '\0') {
            if (*at != k_quote) {
                at = find_first_of<Sep, k_quote, '\0'>(at + 1);
            } else {
                do {
                    at = find_first_of<k_quote, '\0'>(at + 1);
                    if (*at == '\0') {
                        throw io::error::escaped_string_not_closed();
                    }
                    ++at;
                } while (*at == k_quote);
            }
        }
        return at;
    }

    static void unescape(char*& col_begin, char*& col_end) { unescape_field(col_begin, col_end); }
};

// Calls f with the delimiter as a compile-time constant: the splitters compare against it
// sixteen bytes at a time.
template <class F>
void with_delimiter(char delimiter, const F& f) {
    switch (delimiter) {
        case ';':
            f(std::integral_constant<char, ';'>{});
            break;
        case '\t':
            f(std::integral_constant<char, '\t'>{});
            break;
        case '|':
            f(std::integral_constant<char, '|'>{});
            break;
        default:
            f(std::integral_constant<char, ','>{});
            break;
    }
}

}  // namespace

// Cuts a record into fields with fast-cpp-csv-parser's column chopper and our quote policy.
// A member of CsvReader's, so that it may write the record's fields.
template <char Sep>
void CsvReader::split(char* line, CsvRecord& record) {
    std::size_t n = 0;
    while (line != nullptr) {
        if (n == record.m_fields.size()) {
            record.m_fields.resize(2 * n + 16);
        }
        CsvRecord::Field& f = record.m_fields[n++];
        io::detail::chop_next_column<QuotePolicy<Sep>>(line, f.begin, f.end);
        f.unescaped = false;
    }
    record.m_size = n;
}

// A record without a quote: every delimiter ends a field, which is what fccp's chopper would
// find, with nothing to unquote. Found sixteen bytes at a time; most records of most exports
// are like this, and cutting them field by field was the largest cost of reading.
template <char Sep>
void CsvReader::split_plain(char* line, std::size_t size, CsvRecord& record) {
    std::size_t n = 0;
    char* begin = line;
    auto end_field = [&](char* end) {
        if (n == record.m_fields.size()) {
            record.m_fields.resize(2 * n + 16);
        }
        record.m_fields[n++] = CsvRecord::Field{begin, end, true};
        *end = '\0';
        begin = end + 1;
    };
    char* p = line;
    char* const last = line + size;
#if defined(__SSE2__)
    for (; p + 16 <= last; p += 16) {
        for (unsigned mask = match_mask16<Sep>(reinterpret_cast<const unsigned char*>(p)); mask != 0;
             mask &= mask - 1) {
            end_field(p + __builtin_ctz(mask));
        }
    }
#endif
    for (; p < last; ++p) {
        if (*p == Sep) {
            end_field(p);
        }
    }
    end_field(last);
    record.m_size = n;
}

void CsvReader::split_plain(char delimiter, char* line, std::size_t size, CsvRecord& record) {
    with_delimiter(delimiter, [&](auto sep) { split_plain<decltype(sep)::value>(line, size, record); });
}

void CsvReader::split(char delimiter, char* line, CsvRecord& record) {
    with_delimiter(delimiter, [&](auto sep) { split<decltype(sep)::value>(line, record); });
}

namespace {

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool is_blank_line_text(const char* line, char delimiter) {
    for (; *line != '\0'; ++line) {
        if (*line != delimiter && *line != ' ' && *line != '\t') {
            return false;
        }
    }
    return true;
}

}  // namespace

void unescape_field(char*& begin, char*& end, bool quoted_newlines) {
    if (begin == end || *begin != k_quote) {
        // A quoted line break can stand in an unquoted field (`ab"c<LF>d"`): rare, so memchr.
        char* p = begin;
        while (quoted_newlines &&
               (p = static_cast<char*>(std::memchr(p, k_quoted_newline, static_cast<std::size_t>(end - p))))) {
            *p++ = '\n';
        }
        *end = '\0';
        return;
    }
    char* in = begin + 1;
    char* out = begin;
    while (in < end) {
        if (*in == k_quote) {
            if (in + 1 < end && in[1] == k_quote) {
                *out++ = k_quote;
                in += 2;
                continue;
            }
            ++in;
            const char* rest = in;
            while (rest < end && (*rest == ' ' || *rest == '\t')) {
                ++rest;
            }
            if (rest == end) {
                break;
            }
            // Text after the closing quote (`"ab"cd`) is not RFC 4180; keep it rather than lose it.
            for (; in < end; ++in) {
                *out++ = *in == k_quoted_newline ? '\n' : *in;
            }
            break;
        }
        *out++ = *in == k_quoted_newline ? '\n' : *in;
        ++in;
    }
    end = out;
    *end = '\0';
}

char sniff_delimiter(std::string_view header_line) {
    constexpr std::array<char, 4> k_candidates = {',', ';', '\t', '|'};
    std::array<std::size_t, 4> counts{};
    bool quoted = false;
    for (const char c : header_line) {
        if (c == k_quote) {
            quoted = !quoted;
        } else if (!quoted) {
            for (std::size_t i = 0; i < k_candidates.size(); ++i) {
                if (c == k_candidates[i]) {
                    ++counts[i];
                }
            }
        }
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < counts.size(); ++i) {
        if (counts[i] > counts[best]) {
            best = i;
        }
    }
    return k_candidates[best];
}

bool is_blank_line(std::string_view line, char delimiter) {
    for (const char c : line) {
        if (c != delimiter && c != ' ' && c != '\t') {
            return false;
        }
    }
    return true;
}

struct CsvReader::Impl {
    std::string display_name;
    std::unique_ptr<TextGuard> guard;
    std::int64_t line = 0;  // where the last record handed out starts
    bool has_header = false;
    std::vector<std::string> header;
    std::int64_t header_line = 0;
    bool no_header = false;
    char delimiter = ',';

    char* next_line() { return guard->next_record(line); }
};

namespace {

std::unique_ptr<TextGuard> open_guard(const RawInput& raw, const std::string& encoding) {
    std::unique_ptr<ByteSource> source = raw.open();
    // A workbook's sheet is UTF-8 text whatever the files' --encoding (XML says its own).
    const bool convert = !is_utf8_name(encoding) && !raw.is_workbook();
    if (convert) {
        source = make_iconv_source(std::move(source), encoding, raw.display_name(), raw.path());
    }
    auto guard = std::make_unique<TextGuard>(std::move(source), raw.display_name(), raw.path(), convert);
    if (raw.slice()) {
        guard->jump_after(raw.slice()->header_records, raw.slice()->begin_line);
    }
    return guard;
}

bool is_blank_any(const char* line) {
    return is_blank_line(line, ',') || is_blank_line(line, ';') || is_blank_line(line, '\t') ||
           is_blank_line(line, '|');
}

}  // namespace

CsvReader::CsvReader(const RawInput& raw, const std::string& encoding, std::int64_t header_line)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->display_name = raw.display_name();
    m_impl->guard = open_guard(raw, encoding);

    while (char* line = m_impl->next_line()) {
        if (m_impl->line < header_line) {
            continue;
        }
        if (is_blank_any(line)) {
            if (header_line > 0) {
                break;  // the line given is the header's: a blank one is none (--header-row N)
            }
            continue;
        }
        m_impl->has_header = true;
        m_impl->delimiter = sniff_delimiter(line);
        CsvRecord names;
        split(m_impl->delimiter, line, names);
        if (header_line == k_no_header) {
            // The first record is data: its field count names the columns, and a second pass
            // from the first byte hands it out with the rest.
            for (std::size_t i = 0; i < names.size(); ++i) {
                m_impl->header.push_back(fmt::format("#{}", i + 1));
            }
            m_impl->no_header = true;
            m_impl->guard = open_guard(raw, encoding);
            m_impl->line = 0;
            break;
        }
        m_impl->header_line = m_impl->line;
        for (std::size_t i = 0; i < names.size(); ++i) {
            m_impl->header.emplace_back(trim_blanks(names.field(i)));
        }
        break;
    }
    if (m_impl->has_header) {
        m_impl->guard->set_columns(m_impl->delimiter, m_impl->header);
    }
}

CsvReader::~CsvReader() = default;

bool CsvReader::has_header() const { return m_impl->has_header; }
const std::vector<std::string>& CsvReader::header() const { return m_impl->header; }
std::int64_t CsvReader::header_line() const { return m_impl->header_line; }
std::int64_t CsvReader::header_request() const { return m_impl->no_header ? k_no_header : m_impl->header_line; }
char CsvReader::delimiter() const { return m_impl->delimiter; }
bool CsvReader::bom() const { return m_impl->guard->bom(); }

bool CsvReader::next(CsvRecord& record) {
    if (!m_impl->has_header) {
        return false;
    }
    for (;;) {
        char* line = m_impl->next_line();
        if (line == nullptr) {
            return false;
        }
        // Not through a string_view: that would measure every line with strlen only to find,
        // nearly always, that its first byte is not blank.
        if (is_blank_line_text(line, m_impl->delimiter)) {
            continue;
        }
        record.m_line = m_impl->line;
        const TextGuard& guard = *m_impl->guard;
        record.m_quoted_newlines = guard.record_has_quoted_newline();
        if (!guard.record_has_quote()) {
            split_plain(m_impl->delimiter, line, guard.record_size(), record);
            return true;
        }
        try {
            split(m_impl->delimiter, line, record);
        } catch (const io::error::base& error) {
            // Cannot happen while the guard balances quotes per line; kept as a clear error.
            throw InputError(Location{m_impl->display_name, record.m_line, {}},
                             fmt::format("cannot be split into fields: {}", error.what()));
        }
        return true;
    }
}

}  // namespace clientscore::ingest

#include "ingest/bytes/text_guard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "clientscore/error.hpp"
#include "ingest/bytes/byte_scan.hpp"

namespace clientscore::ingest {

namespace {

// Converted in place through a .tmp file: a converted copy beside the export (`calls.csv.utf8.csv`)
// would be found as a second calls file on the next run, and counted twice.
std::string convert_command(std::string_view from, const std::string& path) {
    return fmt::format("iconv -f {0} -t UTF-8 {1} > {1}.tmp && mv {1}.tmp {1}", from, path);
}

}  // namespace


namespace {

// After the data: room for the NUL that ends an unterminated last record, and the 15 bytes a
// sixteen-byte read past that NUL may touch (byte_scan.hpp).
constexpr std::size_t k_padding = 64;
constexpr std::size_t k_none = static_cast<std::size_t>(-1);

constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

// The high bit of every byte of `word` that is zero; exact when no byte has its high bit set.
constexpr std::uint64_t zero_bytes(std::uint64_t word) { return (word - k_ones) & ~word & k_highs; }

// True when the eight bytes need no attention: ASCII, and none of `"`, LF, CR, NUL.
inline bool plain_word(const unsigned char* p) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    if ((word & k_highs) != 0) {
        return false;
    }
    return (zero_bytes(word) | zero_bytes(word ^ (k_ones * '"')) | zero_bytes(word ^ (k_ones * '\n')) |
            zero_bytes(word ^ (k_ones * '\r'))) == 0;
}

}  // namespace

TextGuard::TextGuard(std::unique_ptr<ByteSource> upstream, std::string display_name, std::string path,
                     bool converted)
    : m_upstream(std::move(upstream)),
      m_display_name(std::move(display_name)),
      // A command in a hint cannot name standard input; FILE tells the user what to put there.
      m_path(path == "-" ? std::string("FILE") : std::move(path)),
      m_converted(converted) {}

TextGuard::~TextGuard() = default;

void TextGuard::start() {
    m_started = true;
    m_capacity = k_first_piece_bytes;
    m_data = std::make_unique_for_overwrite<char[]>(m_capacity + k_padding);
    refill();
    const auto* p = reinterpret_cast<const unsigned char*>(m_data.get());
    if (m_end >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        throw_utf16();
    }
    if (m_end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        m_bom = true;
        m_begin = m_scan = 3;
    }
}

bool TextGuard::refill() {
    if (m_eof) {
        return false;
    }
    if (m_begin > 0) {
        std::memmove(m_data.get(), m_data.get() + m_begin, m_end - m_begin);
        m_scan -= m_begin;
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_capacity - m_end < m_piece) {
        // A record longer than the buffer, or the first full piece: room for it and the next.
        const std::size_t capacity = std::max(2 * m_capacity, m_end + m_piece);
        auto grown = std::make_unique_for_overwrite<char[]>(capacity + k_padding);
        std::memcpy(grown.get(), m_data.get(), m_end);
        m_data = std::move(grown);
        m_capacity = capacity;
    }
    const std::size_t got = m_upstream->read(m_data.get() + m_end, m_piece);
    m_end += got;
    // The bytes after the text are read, never used, by sixteen-byte loads past a record's
    // end: defined values keep memory checkers quiet (the buffer is not zeroed as a whole).
    std::memset(m_data.get() + m_end, 0, 16);
    if (got < m_piece) {
        m_eof = true;
    }
    m_piece = k_piece_bytes;
    return true;
}

char* TextGuard::next_record(std::int64_t& line) {
    if (!m_started) {
        start();
    }
    while (!m_done) {
        const std::size_t at = scan();
        if (at != k_none) {
            if (at - m_begin >= k_max_record_bytes) {
                throw_too_long();
            }
            return hand_out(at, line);
        }
        if (m_scan - m_begin >= k_max_record_bytes) {
            throw_too_long();
        }
        if (!refill()) {
            finish();
            m_done = true;
            if (m_begin < m_end) {
                return hand_out(m_end, line);  // the last record, without a line break after it
            }
        }
    }
    return nullptr;
}

// Scans from m_scan for the end of the record: returns where its line break is, or k_none when
// the text read so far holds no record end (m_scan then stands where scanning must resume).
std::size_t TextGuard::scan() {
    auto* data = reinterpret_cast<unsigned char*>(m_data.get());
    // A CR at the very end of what was read needs the next byte to tell CRLF from a bare CR.
    const std::size_t size = !m_eof && m_end > m_scan && data[m_end - 1] == '\r' ? m_end - 1 : m_end;
    std::size_t i = m_scan;
    while (i < size) {
        if (m_need == 0) {
#if defined(__SSE2__)
            // Straight to the next byte that needs a look: most of a line is plain ASCII.
            while (i + 16 <= size) {
                const unsigned mask = match_mask16_or_high<'"', '\n', '\r', '\0'>(data + i);
                if (mask != 0) {
                    i += static_cast<std::size_t>(__builtin_ctz(mask));
                    break;
                }
                i += 16;
            }
#endif
            while (i + 8 <= size && plain_word(data + i)) {
                i += 8;
            }
            if (i >= size) {
                break;
            }
        }
        const unsigned char c = data[i];
        if (m_need > 0) {
            if (c < m_low || c > m_high) {
                // Name the byte that started the broken sequence: it is the one out of place
                // (`caf\xE9,` in a Latin-1 file), not the ASCII byte after it.
                throw_invalid(m_high == 0xBF && m_low == 0x80 && c < 0x80 ? m_lead : c, false, i);
            }
            --m_need;
            m_low = 0x80;
            m_high = 0xBF;
            ++i;
            continue;
        }
        if (c >= 0x80) {
            m_lead = c;
            // Lead bytes, with the ranges that exclude overlong forms, surrogates and values
            // above U+10FFFF (RFC 3629 table).
            if (c >= 0xC2 && c <= 0xDF) {
                m_need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                m_need = 2;
                m_low = c == 0xE0 ? 0xA0 : 0x80;
                m_high = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                m_need = 3;
                m_low = c == 0xF0 ? 0x90 : 0x80;
                m_high = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw_invalid(c, false, i);
            }
            ++i;
            continue;
        }
        switch (c) {
            case '"':
                m_in_quotes = !m_in_quotes;
                m_quote_seen = true;
                if (m_in_quotes) {
                    m_quote_line = m_line;
                }
                break;
            case '\n':
                ++m_line;
                m_seen_lf = true;
                if (!m_in_quotes) {
                    m_scan = i + 1;
                    return i;
                }
                data[i] = static_cast<unsigned char>(k_quoted_newline);
                m_quoted_newline_seen = true;
                break;
            case '\r': {
                const int after = i + 1 < m_end ? data[i + 1] : -1;
                if (after != '\n') {
                    if (!m_in_quotes) {
                        ++m_line;
                        m_scan = i + 1;
                        return i;
                    }
                    if (!m_seen_lf) {
                        // A bare CR in quoted text is a line break in an old Mac file (no LF
                        // anywhere), and a plain character where lines end with LF, as an
                        // editor shows it.
                        ++m_line;
                    }
                }
                break;
            }
            case '\0':
                throw_nul(i);
            default:
                break;
        }
        ++i;
    }
    m_scan = i;
    return k_none;
}

// The record [m_begin, end), ended at `end` (its line break, or the end of the text): NUL in
// place of its line end and of a CR before it, and what next_record's caller may ask of it.
char* TextGuard::hand_out(std::size_t end, std::int64_t& line) {
    char* record = m_data.get() + m_begin;
    m_data[end] = '\0';
    m_record_size = end - m_begin;
    if (end > m_begin && m_data[end - 1] == '\r') {
        m_data[end - 1] = '\0';
        --m_record_size;
    }
    m_record_has_quote = m_quote_seen;
    m_record_has_quoted_newline = m_quoted_newline_seen;
    m_quote_seen = false;
    m_quoted_newline_seen = false;
    line = m_record_line;
    end_record();
    m_begin = m_scan = std::min(end + 1, m_end);
    return record;
}

void TextGuard::end_record() {
    ++m_records;
    if (m_records == m_jump_records) {
        m_line = m_jump_line;
    }
    m_record_line = m_line;
}

void TextGuard::finish() {
    if (m_need > 0) {
        throw_invalid(0, true, m_end);
    }
    if (m_in_quotes) {
        throw InputError(Location{m_display_name, m_quote_line, {}},
                         "a quote opened on this line is still open at the end of the file",
                         "close the quoted field; a quote inside a quoted field is written twice (\"\")");
    }
}

void TextGuard::throw_too_long() const {
    throw InputError(Location{m_display_name, m_record_line, {}}, "record over 16 MiB",
                     "a record this long is usually a quote that is never closed, or a file that is not CSV");
}

void TextGuard::throw_nul(std::size_t at) {
    // UTF-16 text read as bytes has a NUL in every other byte and none in between; a stray
    // NUL does not, nor does a binary file, whose NULs come in runs.
    const auto* data = reinterpret_cast<const unsigned char*>(m_data.get());
    const std::size_t from = at >= 8 ? at - 8 : 0;
    const std::size_t to = std::min(m_end, at + 9);
    int alternate_nuls = 0;
    int other_nuls = 0;
    for (std::size_t j = from; j < to; ++j) {
        if (data[j] == 0) {
            ++((j % 2) == (at % 2) ? alternate_nuls : other_nuls);
        }
    }
    if (alternate_nuls >= 3 && other_nuls == 0) {
        throw_utf16();
    }
    throw InputError(
        Location{m_display_name, m_line, {}}, "contains a NUL byte: this is not a text file",
        fmt::format("if it is UTF-16 text, convert it: {0}; otherwise remove the NUL bytes: "
                    "tr -d '\\000' < {1} > {1}.tmp && mv {1}.tmp {1}",
                    convert_command("UTF-16", m_path), m_path));
}

void TextGuard::throw_utf16() {
    throw InputError(Location{m_display_name, m_line, {}}, "is UTF-16 text; clientscore reads UTF-8",
                     fmt::format("convert it: {}", convert_command("UTF-16", m_path)));
}

std::string TextGuard::column_at(std::size_t at) const {
    if (m_columns.empty()) {
        return {};
    }
    // The fields of the record before the byte: delimiters outside quotes, as the split counts them.
    bool quoted = false;
    std::size_t field = 0;
    for (std::size_t j = m_begin; j < at && j < m_end; ++j) {
        const char c = m_data[j];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == m_delimiter && !quoted) {
            ++field;
        }
    }
    return field < m_columns.size() ? m_columns[field] : std::string();
}

void TextGuard::throw_invalid(unsigned char byte, bool truncated, std::size_t at) {
    const std::string what = truncated ? std::string("the file ends inside a UTF-8 character")
                                       : fmt::format("byte 0x{:02X} is not valid UTF-8", byte);
    const std::string hint =
        m_converted ? std::string("check --encoding")
                    : fmt::format("give the file's encoding, e.g. --encoding windows-1252, or convert it: {}",
                                  convert_command("WINDOWS-1252", m_path));
    throw InputError(Location{m_display_name, m_line, truncated ? std::string() : column_at(at)}, what, hint);
}

}  // namespace clientscore::ingest

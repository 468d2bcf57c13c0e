#include "ingest/text_guard.hpp"

#include <cstring>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "ingest/byte_scan.hpp"

namespace clientscore::ingest {

namespace {

constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

// True when some byte of `word` is zero; exact when no byte has its high bit set.
constexpr bool has_zero_byte(std::uint64_t word) { return ((word - k_ones) & ~word & k_highs) != 0; }

// True when the eight bytes need no attention: ASCII, and none of `"`, LF, CR, NUL.
inline bool plain_word(const unsigned char* p) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    if ((word & k_highs) != 0) {
        return false;
    }
    return !(has_zero_byte(word) | has_zero_byte(word ^ (k_ones * '"')) | has_zero_byte(word ^ (k_ones * '\n')) |
             has_zero_byte(word ^ (k_ones * '\r')));
}

}  // namespace

std::int64_t LineMap::line_of(std::int64_t record) {
    if (record < m_next_change && m_pushed.load(std::memory_order_acquire) == m_known) {
        return record + m_offset;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    while (!m_entries.empty() && m_entries.front().record <= record) {
        m_offset = m_entries.front().offset;
        m_entries.pop_front();
    }
    m_known = m_pushed.load(std::memory_order_relaxed);
    m_next_change = m_entries.empty() ? INT64_MAX : m_entries.front().record;
    return record + m_offset;
}

void LineMap::push(std::int64_t record, std::int64_t offset) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_entries.push_back(Entry{record, offset});
    m_pushed.fetch_add(1, std::memory_order_release);
}

TextGuard::TextGuard(std::unique_ptr<ByteSource> upstream, std::shared_ptr<LineMap> lines, std::string display_name,
                     std::string path, bool converted)
    : m_upstream(std::move(upstream)),
      m_lines(std::move(lines)),
      m_display_name(std::move(display_name)),
      // A command in a hint cannot name standard input; FILE tells the user what to put there.
      m_path(path == "-" ? std::string("FILE") : std::move(path)),
      m_converted(converted) {}

std::size_t TextGuard::read(char* buffer, std::size_t size) {
    if (!m_started) {
        start();
    }
    auto* out = reinterpret_cast<unsigned char*>(buffer);
    std::size_t filled = 0;
    while (filled < size && m_ahead_count > 0) {
        out[filled++] = m_ahead[0];
        std::memmove(m_ahead, m_ahead + 1, --m_ahead_count);
    }
    if (filled < size && !m_finished) {
        const std::size_t want = size - filled;
        const std::size_t got = m_upstream->read(buffer + filled, want);
        filled += got;
        if (got < want) {
            m_finished = true;
        }
    }
    // One byte of look-ahead decides whether a CR at the end of the buffer is followed by LF.
    if (m_ahead_count == 0 && !m_finished) {
        char next = 0;
        if (m_upstream->read(&next, 1) == 1) {
            m_ahead[0] = static_cast<unsigned char>(next);
            m_ahead_count = 1;
        } else {
            m_finished = true;
        }
    }
    const int next = m_ahead_count > 0 ? m_ahead[0] : -1;
    scan(out, filled, next);
    if (filled > 0) {
        m_last = out[filled - 1];
    }
    if (next < 0 && filled < size) {
        finish();
        // io::LineReader finds the end of a last line without a line break by the byte after
        // the data, which past its first blocks is left over from earlier text: a stale '\n'
        // there cut the line wrong and sent it reading on, past its buffer (found by fuzzing).
        // Text handed to it therefore always ends with a line break.
        if (m_last != '\n') {
            out[filled++] = '\n';
            m_last = '\n';
        }
    }
    return filled;
}

void TextGuard::start() {
    m_started = true;
    const std::size_t got = m_upstream->read(reinterpret_cast<char*>(m_ahead), 3);
    if (got < 3) {
        m_finished = true;
    }
    m_ahead_count = got;
    if (got >= 2 && ((m_ahead[0] == 0xFF && m_ahead[1] == 0xFE) || (m_ahead[0] == 0xFE && m_ahead[1] == 0xFF))) {
        throw_utf16();
    }
    if (got == 3 && m_ahead[0] == 0xEF && m_ahead[1] == 0xBB && m_ahead[2] == 0xBF) {
        m_ahead_count = 0;
        m_lines->bom = true;
    }
}

void TextGuard::scan(unsigned char* data, std::size_t size, int next) {
    std::size_t i = 0;
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
                throw_invalid(m_high == 0xBF && m_low == 0x80 && c < 0x80 ? m_lead : c, false);
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
                throw_invalid(c, false);
            }
            ++i;
            continue;
        }
        switch (c) {
            case '"':
                m_in_quotes = !m_in_quotes;
                if (m_in_quotes) {
                    m_quote_line = m_line;
                }
                break;
            case '\n':
                ++m_line;
                m_seen_lf = true;
                if (m_in_quotes) {
                    data[i] = static_cast<unsigned char>(k_quoted_newline);
                } else {
                    end_record();
                }
                break;
            case '\r': {
                const int after = i + 1 < size ? data[i + 1] : next;
                if (after != '\n') {
                    if (!m_in_quotes) {
                        ++m_line;
                        data[i] = '\n';
                        end_record();
                    } else if (!m_seen_lf) {
                        // A bare CR in quoted text is a line break in an old Mac file (no LF
                        // anywhere), and a plain character where lines end with LF, as an
                        // editor shows it.
                        ++m_line;
                    }
                }
                break;
            }
            case '\0':
                throw_nul(data, size, i);
            default:
                break;
        }
        ++i;
    }
}

void TextGuard::end_record() {
    ++m_records;
    if (m_records == m_jump_records) {
        m_line = m_jump_line;
    }
    // The next record is number m_records + 1 and starts on the current physical line.
    const std::int64_t offset = m_line - (m_records + 1);
    if (offset != m_offset) {
        m_lines->push(m_records + 1, offset);
        m_offset = offset;
    }
}

void TextGuard::finish() {
    if (m_need > 0) {
        throw_invalid(0, true);
    }
    if (m_in_quotes) {
        throw InputError(Location{m_display_name, m_quote_line, {}},
                         "a quote opened on this line is still open at the end of the file",
                         "close the quoted field; a quote inside a quoted field is written twice (\"\")");
    }
}

void TextGuard::throw_nul(const unsigned char* data, std::size_t size, std::size_t at) {
    // UTF-16 text read as bytes has a NUL in every other byte and none in between; a stray
    // NUL does not, nor does a binary file, whose NULs come in runs.
    const std::size_t from = at >= 8 ? at - 8 : 0;
    const std::size_t to = std::min(size, at + 9);
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
    throw InputError(Location{m_display_name, m_line, {}}, "contains a NUL byte: this is not a text file",
                     fmt::format("if it is UTF-16 text, convert it: iconv -f UTF-16 -t UTF-8 {0} > {0}.utf8.csv; "
                                 "otherwise remove the NUL bytes: tr -d '\\000' < {0} > {0}.clean.csv",
                                 m_path));
}

void TextGuard::throw_utf16() {
    throw InputError(Location{m_display_name, m_line, {}}, "is UTF-16 text; clientscore reads UTF-8",
                     fmt::format("convert it: iconv -f UTF-16 -t UTF-8 {0} > {0}.utf8.csv", m_path));
}

void TextGuard::throw_invalid(unsigned char byte, bool truncated) {
    const std::string what = truncated ? std::string("the file ends inside a UTF-8 character")
                                       : fmt::format("byte 0x{:02X} is not valid UTF-8", byte);
    const std::string hint =
        m_converted ? std::string("check --encoding")
                    : fmt::format("give the file's encoding, e.g. --encoding windows-1252, or convert it: "
                                  "iconv -f WINDOWS-1252 -t UTF-8 {0} > {0}.utf8.csv",
                                  m_path);
    throw InputError(Location{m_display_name, m_line, {}}, what, hint);
}

}  // namespace clientscore::ingest

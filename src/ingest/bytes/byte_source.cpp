#include "ingest/bytes/byte_source.hpp"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "ingest/xlsx/workbook.hpp"

namespace clientscore::ingest {

namespace {

constexpr std::size_t k_spool_chunk = 1 << 16;
constexpr unsigned k_gzip_buffer = 1 << 17;

// Reads through zlib's gz* layer, which passes plain files through unchanged: one code path
// for `calls.csv` and `calls.csv.gz`, and no need to trust the file name.
class GzipSource final : public ByteSource {
public:
    GzipSource(const std::string& open_path, std::string display_name)
        : m_display_name(std::move(display_name)) {
        m_file = gzopen(open_path.c_str(), "rb");
        if (m_file == nullptr) {
            const int saved = errno;
            throw InputError(Location{m_display_name, 0, {}},
                             fmt::format("cannot be opened: {}", std::strerror(saved != 0 ? saved : ENOMEM)));
        }
        gzbuffer(m_file, k_gzip_buffer);
    }
    GzipSource(const GzipSource&) = delete;
    GzipSource& operator=(const GzipSource&) = delete;
    ~GzipSource() override { gzclose(m_file); }

    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t filled = 0;
        while (filled < size && !m_eof) {
            const auto want = static_cast<unsigned>(std::min<std::size_t>(size - filled, INT_MAX / 2));
            const int got = gzread(m_file, buffer + filled, want);
            if (got < 0) {
                fail();
            }
            filled += static_cast<std::size_t>(got);
            if (static_cast<unsigned>(got) < want) {
                // gzread reports a stream cut short only through gzerror, after a short read.
                int code = Z_OK;
                gzerror(m_file, &code);
                if (code == Z_BUF_ERROR) {
                    throw InputError(Location{m_display_name, 0, {}},
                                     "the gzip data ends early: the file is truncated",
                                     "download or copy the file again; `gzip -t FILE` checks it");
                }
                if (code != Z_OK) {
                    fail();
                }
                m_eof = true;
            }
        }
        return filled;
    }

private:
    [[noreturn]] void fail() {
        int code = Z_OK;
        const char* what = gzerror(m_file, &code);
        if (code == Z_ERRNO) {
            what = std::strerror(errno);
        }
        throw InputError(Location{m_display_name, 0, {}}, fmt::format("cannot be read: {}", what),
                         code == Z_DATA_ERROR ? "the gzip data is corrupt; `gzip -t FILE` checks it" : "");
    }

    gzFile m_file = nullptr;
    std::string m_display_name;
    bool m_eof = false;
};

// A file that is not gzip, read with read(2) straight into the caller's buffer: zlib's
// pass-through would copy every byte once more.
class PlainSource final : public ByteSource {
public:
    PlainSource(int fd, std::string display_name) : m_fd(fd), m_display_name(std::move(display_name)) {}
    PlainSource(const PlainSource&) = delete;
    PlainSource& operator=(const PlainSource&) = delete;
    ~PlainSource() override { ::close(m_fd); }

    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t filled = 0;
        while (filled < size) {
            const ssize_t got = ::read(m_fd, buffer + filled, size - filled);
            if (got < 0) {
                if (errno == EINTR) {
                    continue;
                }
                const int saved = errno;
                throw InputError(Location{m_display_name, 0, {}},
                                 fmt::format("cannot be read: {}", std::strerror(saved)));
            }
            if (got == 0) {
                break;
            }
            filled += static_cast<std::size_t>(got);
        }
        return filled;
    }

private:
    int m_fd;
    std::string m_display_name;
};

class IconvSource final : public ByteSource {
public:
    IconvSource(std::unique_ptr<ByteSource> upstream, const std::string& encoding, std::string display_name,
                std::string path)
        : m_upstream(std::move(upstream)),
          m_encoding(encoding),
          m_display_name(std::move(display_name)),
          m_path(path == "-" ? std::string("FILE") : std::move(path)),
          m_in(k_spool_chunk) {
        m_cd = iconv_open("UTF-8", encoding.c_str());
        if (m_cd == reinterpret_cast<iconv_t>(-1)) {
            throw UsageError(fmt::format("--encoding {}: unknown encoding", encoding),
                             "use a name that `iconv -l` lists, such as windows-1252 or latin1");
        }
    }
    IconvSource(const IconvSource&) = delete;
    IconvSource& operator=(const IconvSource&) = delete;
    ~IconvSource() override { iconv_close(m_cd); }

    std::size_t read(char* buffer, std::size_t size) override {
        char* out = buffer;
        std::size_t out_left = size;
        const std::size_t pending = std::min(out_left, m_pending.size() - m_pending_at);
        std::memcpy(out, m_pending.data() + m_pending_at, pending);
        m_pending_at += pending;
        out += pending;
        out_left -= pending;
        while (out_left > 0 && !m_done) {
            if (m_begin == m_end && !refill()) {
                // Flush the shift state of stateful encodings (a no-op for single-byte ones).
                convert(nullptr, out, out_left);
                m_done = true;
                break;
            }
            if (convert(&m_in[m_begin], out, out_left)) {
                continue;
            }
            int error = errno;
            if (error == E2BIG && out_left > 0) {
                // The next character does not fit: convert it aside and hand out the bytes
                // that do, because a short read would be taken for the end of the input.
                char spare[16];
                char* spare_out = spare;
                std::size_t spare_left = sizeof spare;
                const bool ok = convert(&m_in[m_begin], spare_out, spare_left);
                error = ok ? 0 : errno;
                const auto made = static_cast<std::size_t>(spare_out - spare);
                const std::size_t now = std::min(made, out_left);
                std::memcpy(out, spare, now);
                out += now;
                out_left -= now;
                if (made > now) {
                    m_pending.assign(spare + now, made - now);
                    m_pending_at = 0;
                    break;
                }
                if (made > 0 || ok || error == E2BIG) {
                    continue;
                }
            }
            if (error == E2BIG) {
                break;
            }
            if (error == EINVAL) {
                // An incomplete sequence at the end of the buffer: fetch more input, unless
                // there is none, or the buffer was already full of it.
                if (m_upstream_eof || (m_begin == 0 && m_end == m_in.size()) || !refill()) {
                    throw_invalid();
                }
                continue;
            }
            throw_invalid();
        }
        return static_cast<std::size_t>(out - buffer);
    }

private:
    // One iconv call; advances m_begin and `out`, counts the lines produced (for messages).
    bool convert(char* in, char*& out, std::size_t& out_left) {
        std::size_t in_left = in == nullptr ? 0 : m_end - m_begin;
        char* out_start = out;
        const std::size_t rc = in == nullptr ? iconv(m_cd, nullptr, nullptr, &out, &out_left)
                                             : iconv(m_cd, &in, &in_left, &out, &out_left);
        const int saved = errno;
        if (in != nullptr) {
            m_begin = m_end - in_left;
        }
        m_lines += std::count(out_start, out, '\n');
        errno = saved;
        return rc != static_cast<std::size_t>(-1);
    }

    // Moves the unconverted rest to the front and reads more; false when nothing was added.
    bool refill() {
        if (m_upstream_eof) {
            return false;
        }
        std::memmove(m_in.data(), m_in.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
        const std::size_t got = m_upstream->read(m_in.data() + m_end, m_in.size() - m_end);
        if (got < m_in.size() - m_end) {
            m_upstream_eof = true;
        }
        m_end += got;
        return got > 0;
    }

    [[noreturn]] void throw_invalid() {
        const auto byte = static_cast<unsigned char>(m_begin < m_end ? m_in[m_begin] : 0);
        throw InputError(Location{m_display_name, m_lines, {}},
                         m_begin < m_end ? fmt::format("byte 0x{:02X} is not valid {} text", byte, m_encoding)
                                         : fmt::format("the file ends inside a {} character", m_encoding),
                         fmt::format("check --encoding; `file -i {}` may say which encoding the file uses", m_path));
    }

    std::unique_ptr<ByteSource> m_upstream;
    std::string m_encoding;
    std::string m_display_name;
    std::string m_path;
    iconv_t m_cd{};
    std::vector<char> m_in;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_upstream_eof = false;
    bool m_done = false;
    std::int64_t m_lines = 1;
    std::string m_pending;  // converted bytes that did not fit into the caller's buffer
    std::size_t m_pending_at = 0;
};

// The bytes of a FileSlice of a plain file: the header part, then the slice's records.
class SliceSource final : public ByteSource {
public:
    SliceSource(const std::string& open_path, const FileSlice& slice, std::string display_name)
        : m_slice(slice), m_display_name(std::move(display_name)) {
        m_file = std::fopen(open_path.c_str(), "rb");
        if (m_file == nullptr) {
            const int saved = errno;
            throw InputError(Location{m_display_name, 0, {}}, fmt::format("cannot be opened: {}", std::strerror(saved)));
        }
        std::setvbuf(m_file, nullptr, _IONBF, 0);
    }
    SliceSource(const SliceSource&) = delete;
    SliceSource& operator=(const SliceSource&) = delete;
    ~SliceSource() override { std::fclose(m_file); }

    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t filled = 0;
        while (filled < size) {
            // Position in the virtual stream: header bytes first, then the slice's range.
            std::uint64_t at = 0;
            std::uint64_t left = 0;
            if (m_done < m_slice.header_end) {
                at = m_done;
                left = m_slice.header_end - m_done;
            } else {
                at = m_slice.begin + (m_done - m_slice.header_end);
                left = m_slice.end > at ? m_slice.end - at : 0;
            }
            if (left == 0) {
                break;
            }
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, size - filled));
            if (fseeko(m_file, static_cast<off_t>(at), SEEK_SET) != 0) {
                fail();
            }
            const std::size_t got = std::fread(buffer + filled, 1, want, m_file);
            if (got < want) {
                fail();  // the file shrank under us, or a read error
            }
            filled += got;
            m_done += got;
        }
        return filled;
    }

private:
    [[noreturn]] void fail() {
        const int saved = errno;
        throw InputError(Location{m_display_name, 0, {}},
                         fmt::format("cannot be read: {}", saved != 0 ? std::strerror(saved) : "it changed while being read"));
    }

    std::FILE* m_file = nullptr;
    FileSlice m_slice;
    std::uint64_t m_done = 0;  // bytes handed out so far
    std::string m_display_name;
};

}  // namespace

RawInput::RawInput(const std::string& path, std::string display_name, std::string_view preferred_sheet)
    : m_path(path), m_display_name(std::move(display_name)) {
    if (path == "-") {
        *this = spool(stdin, path, m_display_name);
        detect_workbook(path, preferred_sheet);
        return;
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int saved = errno;
        throw InputError(Location{path, 0, {}}, fmt::format("cannot be opened: {}", std::strerror(saved)));
    }
    if (S_ISDIR(info.st_mode)) {
        throw InputError(Location{path, 0, {}}, "is a folder, not an export file");
    }
    // Open once now so that a file we may not read fails here, before any row is read.
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (file == nullptr) {
        const int saved = errno;
        throw InputError(Location{path, 0, {}}, fmt::format("cannot be opened: {}", std::strerror(saved)));
    }
    if (!S_ISREG(info.st_mode)) {
        // A pipe (`--calls <(zcat ...)`) can be read only once: spool it like standard input.
        *this = spool(file.get(), path, m_display_name);
        detect_workbook(path, preferred_sheet);
        return;
    }
    m_open_path = path;
    detect_workbook(path, preferred_sheet);
}

void RawInput::detect_workbook(const std::string& name, std::string_view preferred_sheet) {
    unsigned char magic[4] = {};
    std::size_t got = 0;
    if (const int fd = ::open(m_open_path.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        const ssize_t n = ::pread(fd, magic, sizeof magic, 0);
        got = n > 0 ? static_cast<std::size_t>(n) : 0;
        ::close(fd);
    }
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    const bool named = lower.ends_with(".xlsx");
    if (!is_zip_signature(magic, got) && !named) {
        return;
    }
    if (named && got == 4 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 && magic[3] == 0xE0) {
        // The compound-file format of .xls, and of .xlsx files saved with a password.
        throw InputError(Location{m_display_name, 0, {}},
                         "is not an .xlsx workbook: it is password-protected, or an old .xls file renamed",
                         "open it in Excel and save it as .xlsx without a password, or as CSV");
    }
    m_workbook = Workbook::open(m_open_path, m_display_name, preferred_sheet);
}

std::string RawInput::sheet_name() const { return m_workbook ? m_workbook->sheet_name() : std::string(); }

RawInput RawInput::spool(std::FILE* from, std::string path, std::string display_name) {
    RawInput raw;
    raw.m_path = std::move(path);
    raw.m_display_name = std::move(display_name);
    raw.m_spool = std::tmpfile();
    if (raw.m_spool == nullptr) {
        const int saved = errno;
        throw InputError(Location{raw.m_display_name, 0, {}},
                         fmt::format("cannot make a temporary copy: {}", std::strerror(saved)));
    }
    if (from != nullptr) {
        std::vector<char> chunk(k_spool_chunk);
        for (;;) {
            const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), from);
            if (got > 0 && std::fwrite(chunk.data(), 1, got, raw.m_spool) != got) {
                const int saved = errno;
                throw InputError(Location{raw.m_display_name, 0, {}},
                                 fmt::format("cannot make a temporary copy: {}", std::strerror(saved)));
            }
            if (got < chunk.size()) {
                if (std::ferror(from) != 0) {
                    throw InputError(Location{raw.m_display_name, 0, {}}, "cannot be read");
                }
                break;
            }
        }
    }
    std::fflush(raw.m_spool);
    // Opening the descriptor's /proc name gives each pass its own file offset.
    raw.m_open_path = fmt::format("/proc/self/fd/{}", fileno(raw.m_spool));
    return raw;
}

RawInput RawInput::from_text(const std::string& text, std::string display_name, std::string_view preferred_sheet) {
    RawInput raw = spool(nullptr, "-", std::move(display_name));
    if (std::fwrite(text.data(), 1, text.size(), raw.m_spool) != text.size() || std::fflush(raw.m_spool) != 0) {
        throw InputError(Location{raw.m_display_name, 0, {}}, "cannot write a temporary copy");
    }
    raw.detect_workbook(raw.m_display_name, preferred_sheet);
    return raw;
}

RawInput::RawInput(RawInput&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_display_name(std::move(other.m_display_name)),
      m_open_path(std::move(other.m_open_path)),
      m_spool(std::exchange(other.m_spool, nullptr)),
      m_slice(other.m_slice),
      m_workbook(std::move(other.m_workbook)) {}

RawInput& RawInput::operator=(RawInput&& other) noexcept {
    if (this != &other) {
        if (m_spool != nullptr) {
            std::fclose(m_spool);
        }
        m_path = std::move(other.m_path);
        m_display_name = std::move(other.m_display_name);
        m_open_path = std::move(other.m_open_path);
        m_spool = std::exchange(other.m_spool, nullptr);
        m_slice = other.m_slice;
        m_workbook = std::move(other.m_workbook);
    }
    return *this;
}

RawInput::~RawInput() {
    if (m_spool != nullptr) {
        std::fclose(m_spool);
    }
}

std::unique_ptr<ByteSource> RawInput::open() const {
    if (m_workbook) {
        return m_workbook->open_sheet();  // never sliced: SlicePlanner leaves workbooks whole
    }
    if (m_slice) {
        return std::make_unique<SliceSource>(m_open_path, *m_slice, m_display_name);
    }
    const int fd = ::open(m_open_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int saved = errno;
        throw InputError(Location{m_display_name, 0, {}}, fmt::format("cannot be opened: {}", std::strerror(saved)));
    }
    unsigned char magic[2] = {};
    if (::pread(fd, magic, sizeof magic, 0) == 2 && magic[0] == 0x1F && magic[1] == 0x8B) {
        ::close(fd);
        return std::make_unique<GzipSource>(m_open_path, m_display_name);
    }
    return std::make_unique<PlainSource>(fd, m_display_name);
}

bool is_utf8_name(const std::string& encoding) {
    std::string squeezed;
    for (const char c : encoding) {
        if (c != '-' && c != '_') {
            squeezed += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    return squeezed.empty() || squeezed == "utf8";
}

std::unique_ptr<ByteSource> make_iconv_source(std::unique_ptr<ByteSource> upstream, const std::string& encoding,
                                              const std::string& display_name, const std::string& path) {
    return std::make_unique<IconvSource>(std::move(upstream), encoding, display_name, path);
}

}  // namespace clientscore::ingest

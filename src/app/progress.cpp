#include "app/progress.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

namespace clientscore {

namespace {

// Carriage return, then "erase to the end of the line" (ECMA-48 EL), so a shorter line leaves
// nothing of a longer one behind.
constexpr std::string_view k_rewrite = "\r";
constexpr std::string_view k_clear_to_end = "\x1b[K";
constexpr std::chrono::milliseconds k_interval{200};

std::uint64_t size_of(const InputFile& f) {
    std::error_code ignored;
    const std::uintmax_t size = f.path == "-" ? 0 : std::filesystem::file_size(f.path, ignored);
    return size == static_cast<std::uintmax_t>(-1) ? 0 : size;
}

void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;  // a progress line that cannot be written is not worth failing the run
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

/// The terminal's width, so the line never wraps: a wrapped line is one `\r` cannot rewrite.
std::size_t width_of(int fd) {
    winsize size{};
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) {
        return size.ws_col - 1U;
    }
    return 79;
}

}  // namespace

ProgressSettings progress_settings(const Options& o) {
    ProgressSettings s;
    s.enabled = !o.quiet && ::isatty(STDERR_FILENO) == 1;
    s.fd = STDERR_FILENO;
    s.after = std::chrono::milliseconds(o.progress_after_ms);
    return s;
}

std::string progress_text(std::uint32_t files_read, std::uint32_t files, std::uint64_t bytes_read,
                          std::uint64_t bytes) {
    constexpr double k_kib = 1024.0;
    const double total = static_cast<double>(bytes);
    const auto [unit, divisor] = total >= k_kib * k_kib * k_kib ? std::pair{"GiB", k_kib * k_kib * k_kib}
                                 : total >= k_kib * k_kib       ? std::pair{"MiB", k_kib * k_kib}
                                                                : std::pair{"KiB", k_kib};
    return fmt::format("clientscore: reading {} of {} file{}, {:.1f} of {:.1f} {}", files_read, files,
                       files == 1 ? "" : "s", static_cast<double>(bytes_read) / divisor, total / divisor, unit);
}

ReadProgress::ReadProgress(const std::vector<InputFile>& files, ProgressSettings settings)
    : m_settings(settings), m_read(files.size(), 0), m_done(files.size(), false),
      m_start(std::chrono::steady_clock::now()) {
    if (!m_settings.enabled) {
        return;  // nothing is shown, so nothing is counted: no file sizes asked for
    }
    for (const InputFile& f : files) {
        m_size.push_back(size_of(f));
        m_bytes += m_size.back();
    }
    if (m_settings.after.count() == 0) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        draw_locked();
    }
    try {
        m_ticker = std::thread([this] { tick(); });
    } catch (const std::system_error&) {
        // No thread, no updates: the line (if drawn) is still cleared by finish().
    }
}

ReadProgress::~ReadProgress() { finish(); }

void ReadProgress::file_read(std::uint32_t index) {
    if (!m_settings.enabled || index >= m_size.size()) {
        return;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_done[index]) {
        m_bytes_read += m_size[index] - std::min(m_read[index], m_size[index]);
        m_read[index] = m_size[index];
        m_done[index] = true;
        ++m_files_read;
    }
}

void ReadProgress::part_read(std::uint32_t index, std::uint64_t bytes) {
    if (!m_settings.enabled || index >= m_size.size()) {
        return;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_done[index]) {
        return;
    }
    // Never past the file's size, whatever the slices add up to.
    const std::uint64_t counted = std::min(bytes, m_size[index] - std::min(m_read[index], m_size[index]));
    m_read[index] += counted;
    m_bytes_read += counted;
    if (m_read[index] >= m_size[index]) {
        m_done[index] = true;
        ++m_files_read;
    }
}

void ReadProgress::restart(std::uint32_t first) {
    if (!m_settings.enabled) {
        return;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    for (std::size_t i = first; i < m_size.size(); ++i) {
        m_bytes_read -= m_read[i];
        m_read[i] = 0;
        if (m_done[i]) {
            m_done[i] = false;
            --m_files_read;
        }
    }
}

void ReadProgress::finish() {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stop) {
            return;
        }
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_ticker.joinable()) {
        m_ticker.join();
    }
    if (m_drawn) {
        write_all(m_settings.fd, std::string(k_rewrite) + std::string(k_clear_to_end));
    }
}

std::string ReadProgress::text() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return progress_text(m_files_read, static_cast<std::uint32_t>(m_size.size()), m_bytes_read, m_bytes);
}

void ReadProgress::draw_locked() {
    std::string line = progress_text(m_files_read, static_cast<std::uint32_t>(m_size.size()), m_bytes_read, m_bytes);
    line.resize(std::min(line.size(), width_of(m_settings.fd)));  // ASCII: one byte, one column
    write_all(m_settings.fd, std::string(k_rewrite) + line + std::string(k_clear_to_end));
    m_drawn = true;
}

void ReadProgress::tick() {
    std::unique_lock<std::mutex> lock(m_mutex);
    // A run that ends within the delay never shows the line at all.
    if (m_wake.wait_until(lock, m_start + m_settings.after, [this] { return m_stop; })) {
        return;
    }
    while (!m_stop) {
        draw_locked();
        m_wake.wait_for(lock, k_interval, [this] { return m_stop; });
    }
}

}  // namespace clientscore

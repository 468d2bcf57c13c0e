#pragma once
// The progress line of SPEC §1 (-q): while the exports are read, one line on standard error
// that rewrites itself (`\r`, then clear to the end of the line) with the files and bytes read,
// shown only on a terminal and only once the run has lasted a second; cleared when reading ends.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "clientscore/ingest.hpp"
#include "clientscore/options.hpp"

namespace clientscore {

struct ProgressSettings {
    bool enabled = false;
    int fd = 2;  ///< where the line is written
    /// How long a run goes on before the line appears; 0 draws it at once (the tests).
    std::chrono::milliseconds after{1000};
};

/// On when standard error is a terminal and -q is not given; the delay is
/// Options::progress_after_ms.
ProgressSettings progress_settings(const Options& options);

/// "clientscore: reading 3 of 12 files, 45.2 of 120.0 MiB": both sizes in the unit of the total.
std::string progress_text(std::uint32_t files_read, std::uint32_t files, std::uint64_t bytes_read,
                          std::uint64_t bytes);

/// Counts the files and bytes read and, when enabled, draws the line from a thread of its own
/// every 200 ms. The readers call it once per file or slice, never per row, under a mutex.
class ReadProgress {
  public:
    /// The sizes of `files` are the total; standard input counts as a file of no bytes.
    ReadProgress(const std::vector<InputFile>& files, ProgressSettings settings);
    ~ReadProgress();
    ReadProgress(const ReadProgress&) = delete;
    ReadProgress& operator=(const ReadProgress&) = delete;

    /// File `index` has been read whole.
    void file_read(std::uint32_t index);
    /// `bytes` more of file `index` have been read (a slice); the file counts as read once its
    /// slices reach its size.
    void part_read(std::uint32_t index, std::uint64_t bytes);
    /// Files from `first` on are read again from the start (a sliced file read whole).
    void restart(std::uint32_t first);
    /// Stops drawing and clears the line if it was shown. Idempotent; the destructor calls it,
    /// so that an error message never lands after a half-drawn line.
    void finish();

    /// The text the line shows now.
    std::string text() const;

  private:
    void draw_locked();
    void tick();

    ProgressSettings m_settings;
    std::vector<std::uint64_t> m_size;
    std::vector<std::uint64_t> m_read;
    std::vector<bool> m_done;
    std::uint32_t m_files_read = 0;
    std::uint64_t m_bytes = 0;
    std::uint64_t m_bytes_read = 0;
    std::chrono::steady_clock::time_point m_start;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_drawn = false;
    std::thread m_ticker;
};

}  // namespace clientscore

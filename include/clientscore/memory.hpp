#pragma once
// What the out-of-memory message names (SPEC §1 exit 3): the file being read when an
// allocation failed, and how much was asked. std::bad_alloc carries neither.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace clientscore {

/// While it lives, this thread is reading `file` (ingest opens one around each file it reads).
class ReadingScope {
  public:
    explicit ReadingScope(std::string_view file);
    ~ReadingScope();
    ReadingScope(const ReadingScope&) = delete;
    ReadingScope& operator=(const ReadingScope&) = delete;

  private:
    std::string_view m_previous;
};

struct FailedAllocation {
    std::size_t bytes = 0;
    std::string file;  ///< empty when no file was being read
};

/// The last allocation through operator new that failed, on any thread; none if none did.
std::optional<FailedAllocation> last_failed_allocation();

}  // namespace clientscore

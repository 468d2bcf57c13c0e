#pragma once
// Errors cross stage boundaries as exceptions and are caught once, in app.cpp, where they become
// the exit codes of SPEC §1.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace clientscore {

enum class ExitCode : int { ok = 0, fail_on = 1, usage = 2, input = 3, output = 4 };

/// Where a problem is: a file (base name or path as the user gave it), a physical line (0 when
/// none applies) and a header name (empty when none applies).
struct Location {
    std::string file;
    std::int64_t line = 0;
    std::string column;
};

/// Formats `FILE:LINE: column "X": message` (parts that are empty are left out).
std::string format_location_message(const Location& where, const std::string& message);

/// A bad command line or option value: exit 2.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& message, std::string hint = {})
        : std::runtime_error(message), m_hint(std::move(hint)) {}
    const std::string& hint() const { return m_hint; }

private:
    std::string m_hint;
};

/// Input that cannot be used (file missing, not text, required column absent, bad row under
/// --strict, ...): exit 3. `what()` is the message without the location.
class InputError : public std::runtime_error {
public:
    InputError(Location where, const std::string& message, std::string hint = {})
        : std::runtime_error(message), m_where(std::move(where)), m_hint(std::move(hint)) {}
    const Location& where() const { return m_where; }
    const std::string& hint() const { return m_hint; }
    /// The full first line: `FILE:LINE: column "X": message`.
    std::string located_message() const { return format_location_message(m_where, what()); }

private:
    Location m_where;
    std::string m_hint;
};

/// The report could not be written: exit 4.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace clientscore

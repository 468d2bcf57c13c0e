#pragma once
// The whole program behind main(): parse argv, run the command, map errors to exit codes.

#include <functional>

namespace clientscore {

/// Runs clientscore with argv and returns the process exit code (SPEC §1). Never throws.
int run(int argc, const char* const* argv);

/// The one catch site, around the whole command: runs `body` and turns what escapes it into
/// an exit code and a message on standard error: UsageError 2; InputError 3; std::bad_alloc 3,
/// naming the file being read and the size asked; OutputError 4; any other std::exception 3 as
/// "internal error: …" (a bug, never std::terminate).
int run_guarded(const std::function<int()>& body);

}  // namespace clientscore

#pragma once
// The whole program behind main(): parse argv, run the command, map errors to exit codes.

namespace clientscore {

/// Runs clientscore with argv and returns the process exit code (SPEC §1). Never throws.
int run(int argc, const char* const* argv);

}  // namespace clientscore

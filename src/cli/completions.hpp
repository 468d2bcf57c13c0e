#pragma once
// Shell completions for bash, zsh and fish, written from the command line reference: the
// commands, every option (only those the command on the line takes), and the values of the
// options that have a fixed set (--format, --sort keys, --preset names, ...).

#include <optional>
#include <string>
#include <string_view>

#include "cli/command_reference.hpp"

namespace clientscore::cli {

enum class Shell { bash, zsh, fish };

/// "bash", "zsh" or "fish"; none for anything else.
std::optional<Shell> parse_shell(std::string_view name);

/// The script for `shell`: bash's defines _clientscore and registers it with `complete`; zsh's
/// is an autoloaded `_clientscore` function file (#compdef); fish's is a list of `complete`.
std::string completion_script(Shell shell, const CommandLineReference& reference);

}  // namespace clientscore::cli

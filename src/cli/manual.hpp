#pragma once
// clientscore(1): the man page in roff with the -man macros, written from the command line
// reference so that every option of --help is in it.

#include <string>

#include "cli/command_reference.hpp"

namespace clientscore::cli {

/// The whole page: NAME, SYNOPSIS, DESCRIPTION, COMMANDS, OPTIONS (grouped as in --help),
/// EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES, SEE ALSO.
std::string man_page(const CommandLineReference& reference);

/// `text` as roff running text: backslashes, dashes and a leading `.` or `'` escaped.
std::string roff_text(std::string_view text);

}  // namespace clientscore::cli

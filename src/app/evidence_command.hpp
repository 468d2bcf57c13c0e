#pragma once
// The `clientscore evidence …` line of a fire client's offboarding checklist (SPEC §5): the
// command that writes its evidence log from the same exports, period and reading options, so
// that it can be pasted as it stands.

#include <string>
#include <string_view>

#include "clientscore/options.hpp"

namespace clientscore {

/// `text` as one POSIX shell word: as it is when it holds only characters no shell reads
/// specially, else in single quotes (a `'` inside written `'\''`).
std::string shell_quoted(std::string_view text);

/// `clientscore evidence CLIENT INPUTS --from … --to … [--as-of …] [options] --format csv -o
/// evidence-CLIENT.csv`: the folder and files of `options` (`.` when neither was given, as
/// the run read the current folder), the settled `period`, and every option given that changes
/// what evidence reads or prints.
std::string evidence_command(const Options& options, const std::string& client, const Period& period);

}  // namespace clientscore

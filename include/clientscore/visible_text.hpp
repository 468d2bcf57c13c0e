#pragma once
// Text from an export made safe to show on a terminal: below the stages, because messages on
// standard error (app) and the text formats (render) both print export bytes.

#include <string>
#include <string_view>

namespace clientscore {

/// `text` with every byte a terminal would act on written as a visible escape: C0 controls
/// (tab and line feed included: a message is one line) and DEL as `\x1b`, C1 controls
/// (U+0080–U+009F, which some terminals read as ESC sequences) as `\u009b`, and each byte that
/// is not part of valid UTF-8 as `\xff`. Everything else, backslashes included, is unchanged.
std::string visible_text(std::string_view text);

/// visible_text, but line feeds and tabs are kept: for whole documents (CSV, TSV, JSON) shown
/// on a terminal, whose layout needs them and where they move no cursor.
std::string visible_lines(std::string_view text);

}  // namespace clientscore

#pragma once
// Display widths of UTF-8 text on a terminal (SPEC §5 ◆12: East Asian wide characters count
// two columns, combining marks none), and cutting or wrapping text to a width without ever
// splitting a UTF-8 sequence or a grapheme cluster (a letter with its accents, an emoji
// sequence, a flag).

#include <cstddef>
#include <string>
#include <string_view>

namespace clientscore::render {

/// Columns a UTF-8 string takes on a terminal: per grapheme cluster, the width of its first
/// code point by utf8proc (wide and emoji 2, combining marks and joiners 0, others 1), 2 for a
/// cluster whose text-width base is turned into an emoji by U+FE0F and for a flag (a pair of
/// regional indicators). A byte that is not valid UTF-8 counts as one column.
std::size_t display_width(std::string_view text);

/// `text` cut to at most `width` columns with a trailing `…` when it is wider (the cut falls
/// between grapheme clusters, so a wide character that would straddle the edge is dropped
/// whole); unchanged otherwise.
std::string shorten_to_width(std::string_view text, std::size_t width);

/// `text` with its spaces turned into line breaks where a line would pass `width` display
/// columns; a word wider than `width` is broken between grapheme clusters, so no line passes
/// `width` unless one cluster alone does (a wide character at width 1).
std::string wrap_words(std::string_view text, std::size_t width);

}  // namespace clientscore::render

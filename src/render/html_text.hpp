#pragma once
// Text made safe for an HTML page (SPEC §5 ◆12: text is escaped; nothing from the exports is
// ever run as script), and the few number forms the page's drawings use.

#include <string>
#include <string_view>

namespace clientscore::render {

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, so that it reads as text in an
/// element or a quoted attribute; control characters other than tab and line feed (which a
/// page cannot show and some of which make the document invalid) become a space.
void append_html(std::string& out, std::string_view text);
/// append_html into a new string.
std::string html_escaped(std::string_view text);

/// A coordinate of a drawing with at most one decimal (`12.5`, `-3`): a page of 20,000 points
/// stays small, and the same value always prints the same bytes.
void append_coordinate(std::string& out, double value);

}  // namespace clientscore::render

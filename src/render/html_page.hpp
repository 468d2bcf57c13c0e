#pragma once
// The html page (SPEC §5 ◆12): one self-contained file with its CSS and its one small script
// inline, nothing fetched. HtmlDocumentWriter is the DocumentWriter of explain and evidence
// and the frame of rank's page, whose sections add their markup with raw().

#include <string>
#include <string_view>

#include "render/text_table.hpp"

namespace clientscore::render {

/// The page's inline script: sorts every `table.sortable` by a header's button (numbers as
/// numbers, nulls last, ties in the page's order) and by the URL fragment `#sort=KEY[:asc]`
/// (KEY a header's data-key), then marks the page `data-ready="1"` (the browser tests read it:
/// a script that failed never gets there).
std::string_view html_script();
/// The page's CSS: screen, phone widths and print.
std::string_view html_style();
/// The Content-Security-Policy of the page: no network, no script but html_script() (by its
/// SHA-256), so that a tag smuggled past the escaping still could not run.
std::string_view html_content_security_policy();

class HtmlDocumentWriter : public DocumentWriter {
public:
    /// Writes the page's head with `page_title` (escaped) and opens its body.
    HtmlDocumentWriter(Writer& out, std::string_view page_title);
    void title(std::string_view text) override;
    void heading(std::string_view text) override;
    void paragraph(std::string_view text) override;
    void bullets(const std::vector<std::string>& items) override;
    void definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) override;
    /// A sortable table: right-aligned columns sort as numbers, the others as text.
    void table(const TextTable& table, std::size_t rows, const RowSource& source) override;
    void figure(const std::function<std::string()>& make) override;
    /// Markup made by the renderer (every text in it already escaped).
    void raw(std::string_view html);
    /// Closes any open section, writes the script and ends the page.
    void finish();

private:
    void close_section();

    Writer& m_out;
    bool m_in_section = false;
};

/// The data-key of a header: lower case, runs of anything but letters and digits as `_`.
std::string html_sort_key(std::string_view header);

}  // namespace clientscore::render

#pragma once
// The html page of rank (SPEC §5 ◆12). explain's and evidence's pages are their documents
// written through HtmlDocumentWriter (explain_output.cpp, evidence_output.cpp).

#include <cstddef>
#include <vector>

#include "clientscore/render.hpp"

namespace clientscore::render {

/// Writes rank's page for the clients at `shown` (positions in report.clients, in order).
void write_rank_html(const RankReport& report, const std::vector<std::size_t>& shown, unsigned threads,
                     Writer& out);

}  // namespace clientscore::render
